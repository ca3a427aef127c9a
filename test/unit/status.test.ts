// Where each model stands in the four steps, and the roll-up by unit (status.ts); and the
// config-paths rule (config.ts). The CLI reaches both; these hold them for mutation testing.
import { describe, expect, it } from 'vitest';
import { modelInfo } from '../../src/core/check.js';
import { configPaths } from '../../src/core/config.js';
import { modelStatus, statusReport } from '../../src/core/status.js';
import type { Model } from '../../src/core/types.js';
import { messages } from '../../src/i18n/index.js';
import { model } from './builders.js';

const m = messages('vi');

describe('modelStatus', () => {
  it('a complete model has reached review with nothing missing', () => {
    const s = modelStatus(modelInfo(model()), 'models/a.yaml');
    expect(s).toMatchObject({ id: 'M-1', name: 'Mô hình thử', file: 'models/a.yaml', year: 2023, reached: 'review', complete: true, missing: [] });
    expect(s.unit).toEqual({ name: 'UBND xã A', code: 'A', level: 'xa' });
    expect(s).not.toHaveProperty('source');
  });

  it('names each absent step and each missing item, a list item by its index', () => {
    const x = model();
    delete x.steps.inspect;
    delete x.steps.review!.lessons;
    x.steps.register!.forces = [{ name: '' } as never];
    const s = modelStatus(modelInfo(x), 'a.yaml');
    expect(s.reached).toBe('review');
    expect(s.complete).toBe(false);
    expect(s.missing).toEqual(['register.forces[0].name', 'inspect', 'review.lessons']);
  });

  it('a model with no step has reached none; one proposed from below says where from', () => {
    const x = model();
    x.steps = {} as Model['steps'];
    const s = modelStatus({ ...modelInfo(x), source: { level: 'xa', unit: 'UBND xã A' } } as never, 'a.yaml');
    expect(s.reached).toBeNull();
    expect(s.missing).toEqual(['register', 'implement', 'inspect', 'review']);
    expect(s.source).toEqual({ level: 'xa', unit: 'UBND xã A' });
  });
});

describe('statusReport', () => {
  it('sorts by unit then id, and rolls up by unit and level with the furthest step of each model', () => {
    const a1 = model({ id: 'B-2' });
    const a2 = model({ id: 'B-1' });
    delete a2.steps.review;
    delete a2.steps.inspect;
    const b = model({ id: 'A-1', unit: { name: 'Ấp Bình', level: 'xa' } as Model['unit'] });
    b.steps = {} as Model['steps'];
    const sameNameOtherLevel = model({ id: 'C-1', unit: { name: 'UBND xã A', level: 'huyen' } as Model['unit'] });
    const r = statusReport([a1, a2, b, sameNameOtherLevel].map((x) => ({ model: modelInfo(x), file: `${x.id}.yaml` })));
    expect(r.models.map((s) => s.id)).toEqual(['A-1', 'B-1', 'B-2', 'C-1']);
    expect(r.units).toEqual([
      { unit: 'Ấp Bình', code: undefined, level: 'xa', models: 1, reached: { none: 1, register: 0, implement: 0, inspect: 0, review: 0 }, complete: 0 },
      { unit: 'UBND xã A', code: 'A', level: 'xa', models: 2, reached: { none: 0, register: 0, implement: 1, inspect: 0, review: 1 }, complete: 1 },
      { unit: 'UBND xã A', code: undefined, level: 'huyen', models: 1, reached: { none: 0, register: 0, implement: 0, inspect: 0, review: 1 }, complete: 1 },
    ]);
    expect(r.total).toEqual({ models: 4, reached: { none: 1, register: 0, implement: 1, inspect: 0, review: 2 }, complete: 2 });
  });
});

describe('configPaths (rule config-paths)', () => {
  it('accepts the defaults and folders inside the workspace', () => {
    expect(configPaths({}, m)).toEqual([]);
    expect(configPaths({ paths: { models: 'data/models', out: 'build/out' } }, m)).toEqual([]);
  });
  it('refuses a folder outside the workspace, absolute or on another drive, at its key', () => {
    for (const p of ['/srv/models', 'C:/models', '..', '../models', 'a/../../b']) {
      const f = configPaths({ paths: { models: p } }, m);
      expect(f.map((x) => [x.rule, x.severity, x.path]), p).toEqual([['config-paths', 'error', ['paths', 'models']]]);
    }
  });
  it('refuses documents written among the inputs: out in, around or equal to a data or evidence folder', () => {
    for (const [key, out] of [['models', 'models/out'], ['models', '.'], ['assessments', 'assessments/2023'], ['evidence', 'evidence'], ['criteria', './criteria/']] as const) {
      const f = configPaths({ paths: { out } }, m);
      expect(f.map((x) => [x.rule, x.path]), `${key} ${out}`).toEqual([['config-paths', ['paths', 'out']]]);
      expect(f[0]!.message, out).toContain(key);
    }
    expect(configPaths({ paths: { out: 'models-out' } }, m)).toEqual([]);
  });
});
