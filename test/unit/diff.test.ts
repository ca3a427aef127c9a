// What `dvk diff` tells between two states of a workspace (diff.ts), on hand-made files: the
// end-to-end tests reach it through the CLI, which mutation testing does not see.
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { changedKeys, diffSnapshots, diffTotals, snapshot, type Snapshot } from '../../src/core/diff.js';
import { loadFile } from '../../src/core/load.js';
import { validate } from '../../src/core/validate.js';
import type { Assessment, LevelDef, Model } from '../../src/core/types.js';
import { messages } from '../../src/i18n/index.js';
import { framework, model, sheet } from './builders.js';

const m = messages('vi');
const levels: LevelDef[] = [
  { id: 'tinh', label: 'Tỉnh' },
  { id: 'huyen', label: 'Huyện' },
];
const F = framework({ recognition: { min_class: 'kha', exemplary: { min_class: 'tot' } } });

/** A workspace state from its files (path and data), as `dvk diff` makes each side. */
function state(files: [string, object][]): Snapshot {
  const loaded = files.map(([rel, data]) => loadFile(rel, rel, new TextEncoder().encode(stringify(data)), { m, requireKind: true }));
  return snapshot(loaded, validate(loaded, { m, levels }), levels, m);
}
const scores = (id: string, a: number, b: number, c: number, level = 'huyen'): Assessment => ({ ...sheet({ a, b, c }), model: id, level });
const M = (id: string, over: Partial<Model> = {}) => model({ id, ...over });
const withoutReview = { ...model().steps, review: undefined };

describe('diffSnapshots', () => {
  // Built in each test, not while the file is collected: mutation testing counts only what tests
  // run as covered.
  const before = () => state([
    ['criteria/f.yaml', F],
    ['models/M-1.yaml', M('M-1')],
    ['models/M-2.yaml', M('M-2')],
    ['models/M-3.yaml', M('M-3')],
    ['models/M-5.yaml', M('M-5')],
    ['models/M-6.yaml', M('M-6')],
    ['assessments/M-1.yaml', scores('M-1', 5, 5, 10)],
    ['assessments/M-2.yaml', scores('M-2', 10, 10, 20)],
    ['assessments/M-5.yaml', scores('M-5', 8, 8, 8)],
    ['assessments/M-6.yaml', scores('M-6', 10, 10, 15)],
    ['models/M-7.yaml', M('M-7')],
    ['assessments/M-7.yaml', scores('M-7', 10, 10, 10)],
    ['models/M-8.yaml', M('M-8')],
    ['models/M-10.yaml', { ...M('M-10'), year: 'năm nay' }],
    ['assessments/M-10.yaml', scores('M-10', 1, 1, 1)],
    ['models/M-11.yaml', M('M-11', { steps: {} })],
  ]);
  const after = () => state([
    ['criteria/f.yaml', F],
    ['models/moved/M-1.yaml', M('M-1')],
    ['models/M-2.yaml', M('M-2', { name: 'Tên mới', steps: withoutReview })],
    ['models/M-4.yaml', M('M-4')],
    ['models/M-5.yaml', M('M-5')],
    ['models/M-6.yaml', M('M-6')],
    ['assessments/M-1.yaml', scores('M-1', 5, 5, 10)],
    ['assessments/M-2.yaml', scores('M-2', 10, 10, 20)],
    ['assessments/M-4.yaml', scores('M-4', 10, 10, 5)],
    ['assessments/M-5.yaml', scores('M-5', 8, 8, 8)],
    ['assessments/M-6.yaml', scores('M-6', 1, 10, 15)],
    ['models/M-7.yaml', M('M-7')],
    // A criterion the framework does not have: the sheet is not scored.
    ['assessments/M-7.yaml', { ...scores('M-7', 10, 10, 10), assessors: [{ name: 'TV1', scores: { a: 10, b: 10, c: 10, zz: 1 } }] }],
    // A sheet whose model is on neither side.
    ['assessments/M-9.yaml', scores('M-9', 1, 1, 1)],
    // A model that now fails its schema is gone from the valid state; one that fails it on both sides is never in it.
    ['models/M-8.yaml', { ...M('M-8'), year: 'năm nay' }],
    ['models/M-10.yaml', { ...M('M-10'), year: 'năm nay' }],
    ['assessments/M-10.yaml', scores('M-10', 1, 1, 1)],
    // A model with no step, renamed.
    ['models/M-11.yaml', M('M-11', { steps: {}, name: 'Tên khác' })],
  ]);

  /** The changes, worked out in the test itself (a mutant is active only there, not in hooks). */
  const diffed = () => {
    const changes = diffSnapshots(before(), after());
    return { changes, byId: (id: string) => changes.find((c) => c.id === id) };
  };

  it('lists each model that changed, by id: renamed, changed, removed, added, scored; an untouched one not at all', () => {
    const { changes } = diffed();
    expect(changes.map((c) => [c.id, c.status, c.file, c.from])).toEqual([
      ['M-1', 'renamed', 'models/moved/M-1.yaml', 'models/M-1.yaml'],
      ['M-11', 'changed', 'models/M-11.yaml', undefined],
      ['M-2', 'changed', 'models/M-2.yaml', undefined],
      ['M-3', 'removed', 'models/M-3.yaml', undefined],
      ['M-4', 'added', 'models/M-4.yaml', undefined],
      ['M-6', 'scored', 'models/M-6.yaml', undefined],
      ['M-7', 'scored', 'models/M-7.yaml', undefined],
      ['M-8', 'removed', 'models/M-8.yaml', undefined],
    ]);
  });

  it('names the keys that changed and the steps that moved, with the new name', () => {
    const { byId } = diffed();
    expect(byId('M-2')).toMatchObject({
      name: 'Tên mới', keys: ['name', 'steps.review'], reached: { before: 'review', after: 'inspect' }, stepsCompleted: [], stepsUncompleted: ['review'], sheets: [],
    });
    // Same data under another path: no key changed, no step moved.
    expect(byId('M-1')).toMatchObject({ keys: [], stepsCompleted: [], stepsUncompleted: [], sheets: [] });
    expect(byId('M-1')!.reached).toBeUndefined();
    // A model that comes or goes completes or uncompletes all its steps, and has no changed keys.
    expect(byId('M-3')).toMatchObject({ keys: [], stepsUncompleted: ['register', 'implement', 'inspect', 'review'], stepsCompleted: [], scores: [] });
    expect(byId('M-4')).toMatchObject({ keys: [], stepsCompleted: ['register', 'implement', 'inspect', 'review'], stepsUncompleted: [], sheets: ['huyen'] });
    expect(byId('M-4')!.reached).toBeUndefined();
    // No step on either side: nothing reached, nothing moved.
    expect(byId('M-11')).toMatchObject({ keys: ['name'], stepsCompleted: [], stepsUncompleted: [] });
    expect(byId('M-11')!.reached).toBeUndefined();
  });

  it('gives each level’s outcome before and after', () => {
    const { byId } = diffed();
    expect(byId('M-6')).toMatchObject({
      sheets: ['huyen'],
      scores: [{
        level: 'huyen',
        before: { total: '35', max: '40', places: 2, class: 'Tốt', recognized: true, exemplary: true },
        after: { total: '26', max: '40', places: 2, class: 'Khá', recognized: true, exemplary: false },
      }],
    });
    expect(byId('M-4')!.scores).toEqual([{ level: 'huyen', before: undefined, after: { total: '25', max: '40', places: 2, class: 'Khá', recognized: true, exemplary: false } }]);
    expect(byId('M-1')!.scores).toEqual([{ level: 'huyen', before: expect.objectContaining({ total: '20' }), after: expect.objectContaining({ total: '20' }) }]);
  });

  it('drops the score of a sheet that now has errors of its own, and says its sheet changed', () => {
    const { byId } = diffed();
    expect(byId('M-7')).toMatchObject({ sheets: ['huyen'], scores: [{ level: 'huyen', before: expect.objectContaining({ total: '30' }), after: undefined }] });
  });

  it('counts recognised and exemplary models on each side', () => {
    expect(diffTotals(before(), after())).toEqual({ recognized: [5, 5], exemplary: [3, 1] });
  });
});

describe('changedKeys', () => {
  it('names top-level keys, and the key inside steps, unit and person', () => {
    const a = { name: 'A', unit: { name: 'Xã A', level: 'xa' }, person: { name: 'B' }, steps: { register: { date: '2023-01-01' }, review: { date: '2023-11-01' } }, tags: ['x'] };
    const b = { name: 'A', unit: { name: 'Xã B', level: 'xa' }, person: { name: 'B', role: 'Chủ tịch' }, steps: { register: { date: '2023-01-02' }, implement: { activities: [] } }, tags: ['y'], year: 2023 };
    expect(changedKeys(a, b).sort()).toEqual(['person.role', 'steps.implement', 'steps.register', 'steps.review', 'tags', 'unit.name', 'year']);
  });

  it('names steps in their order, and a whole key where one side is not a mapping', () => {
    expect(changedKeys({ steps: { review: 1, register: 1 } }, { steps: { review: 2, register: 2 } })).toEqual(['steps.register', 'steps.review']);
    expect(changedKeys({ unit: 'Xã A' }, { unit: { name: 'Xã A' } })).toEqual(['unit']);
    expect(changedKeys({ unit: ['a'] }, { unit: ['b'] })).toEqual(['unit']);
    expect(changedKeys({ notes: { a: 1 } }, { notes: { a: 2 } })).toEqual(['notes']);
    expect(changedKeys({ unit: null }, { unit: { name: 'Xã A' } })).toEqual(['unit']);
    expect(changedKeys({ a: { x: 1 } }, { a: { x: 1 } })).toEqual([]);
  });
});
