// `dvk status`: which step each model has reached, what is missing, and the roll-up by unit.
import { describe, expect, it } from 'vitest';
import { dvk } from '../helpers.js';
import { baseWorkspace, caseWorkspace, expectNoStackTrace } from './support.js';

type Step = 'register' | 'implement' | 'inspect' | 'review';
type Reached = Record<Step | 'none', number>;

interface StatusJson {
  models: {
    id: string;
    name: string;
    file: string;
    unit: { name: string; code?: string; level: string };
    year: number;
    reached: Step | null;
    complete: boolean;
    steps: { step: Step; present: boolean; complete: boolean; missing: string[] }[];
    missing: string[];
  }[];
  units: { unit: string; code?: string; level: string; models: number; reached: Reached; complete: number }[];
  total: { models: number; reached: Reached; complete: number };
}

const KEYS = ['none', 'register', 'implement', 'inspect', 'review'] as const;

async function statusJson(args: string[]): Promise<StatusJson> {
  const r = await dvk(['-C', 'examples/duy-tien-2023', 'status', '--format', 'json', ...args]);
  expect(r.exitCode).toBe(0);
  expect(String(r.stderr)).toBe('');
  return JSON.parse(String(r.stdout)) as StatusJson;
}

describe('status on the example workspace', () => {
  it('--year 2023 lists the 17 models of 2023', async () => {
    const s = await statusJson(['--year', '2023']);
    expect(s.models).toHaveLength(17);
    expect(new Set(s.models.map((m) => m.id)).size).toBe(17);
    for (const m of s.models) {
      expect(m.year).toBe(2023);
      expect(m.file).toMatch(/^models\/2023\/[A-Z]+\/[a-z0-9-]+\.yaml$/);
    }
  });

  it('DT-2023-QS-01 reached implement, with inspect and review missing', async () => {
    const s = await statusJson(['--year', '2023']);
    const qs = s.models.find((m) => m.id === 'DT-2023-QS-01');
    expect(qs).toBeDefined();
    expect(qs!.reached).toBe('implement');
    expect(qs!.complete).toBe(false);
    expect(qs!.missing).toEqual(['inspect', 'review']);
    expect(qs!.steps.map((x) => [x.step, x.present])).toEqual([
      ['register', true],
      ['implement', true],
      ['inspect', false],
      ['review', false],
    ]);
    // Every other model of 2023 is complete.
    expect(s.models.filter((m) => m.id !== 'DT-2023-QS-01').every((m) => m.complete && m.reached === 'review' && m.missing.length === 0)).toBe(true);
  });

  it('the unit roll-up adds up: sum over units = total, and matches the model list', async () => {
    const s = await statusJson(['--year', '2023']);
    expect(s.total.models).toBe(s.models.length);
    expect(s.units.reduce((n, u) => n + u.models, 0)).toBe(s.total.models);
    expect(s.units.reduce((n, u) => n + u.complete, 0)).toBe(s.total.complete);
    for (const k of KEYS) expect(s.units.reduce((n, u) => n + u.reached[k], 0), k).toBe(s.total.reached[k]);
    for (const u of s.units) expect(KEYS.reduce((n, k) => n + u.reached[k], 0), u.unit).toBe(u.models);
    expect(KEYS.reduce((n, k) => n + s.total.reached[k], 0)).toBe(s.total.models);

    // Recount from the model list.
    for (const u of s.units) {
      const mine = s.models.filter((m) => m.unit.name === u.unit && m.unit.level === u.level);
      expect(mine.length, u.unit).toBe(u.models);
      expect(mine.filter((m) => m.complete).length, u.unit).toBe(u.complete);
      for (const k of KEYS) expect(mine.filter((m) => (m.reached ?? 'none') === k).length, `${u.unit} ${k}`).toBe(u.reached[k]);
    }
    expect(s.total).toEqual({ models: 17, reached: { none: 0, register: 0, implement: 1, inspect: 0, review: 16 }, complete: 16 });
  });

  it('without --year takes the config\'s year (2023); --year 2022 only the six of 2022', async () => {
    const all = await statusJson([]);
    expect(all.models).toHaveLength(17);
    expect(all.models.every((m) => m.year === 2023)).toBe(true);
    const y2022 = await statusJson(['--year', '2022']);
    expect(y2022.models).toHaveLength(6);
    expect(y2022.models.every((m) => m.year === 2022)).toBe(true);
  });

  it('the table names every unit and ends with the "Tổng" row', async () => {
    const [table, json] = await Promise.all([
      dvk(['-C', 'examples/duy-tien-2023', 'status', '--year', '2023']),
      statusJson(['--year', '2023']),
    ]);
    expect(table.exitCode).toBe(0);
    const out = String(table.stdout);
    for (const u of json.units) expect(out, u.unit).toContain(u.unit);
    const totalRow = out.split('\n').find((l) => /^Tổng\s/.test(l));
    expect(totalRow, 'a row starting with "Tổng"').toBeDefined();
    // models, none, B1..B4, complete
    expect(totalRow!.trim().split(/\s+/).slice(1)).toEqual(['17', '0', '0', '1', '0', '16', '16']);
    expect(out).toContain('DT-2023-QS-01');
    expect(out === out.normalize('NFC')).toBe(true);
  });
});

describe('status with invalid model files', () => {
  // A file under models/ that dvk cannot use is still a model file: leaving it out silently would
  // make the counts wrong without anyone noticing.
  const cases = [
    ['enum-diacritics', 'a schema error'],
    ['yaml-bad-indent', 'a YAML syntax error'],
    ['encoding-utf16', 'a UTF-16 file'],
    ['kind-missing', 'a file without kind'],
  ] as const;

  for (const [name, what] of cases) {
    it(`exits 1 and says so on stderr for ${what} (${name})`, async () => {
      const ws = await caseWorkspace(name);
      const r = await dvk(['status'], { cwd: ws });
      expectNoStackTrace(String(r.stdout) + String(r.stderr));
      expect(String(r.stderr)).toMatch(/1 tệp có lỗi/);
      expect(String(r.stderr)).toContain('dvk validate');
      expect(r.exitCode).toBe(1);
      // The valid models are still listed.
      expect(String(r.stdout)).toContain('KT-2023-AA-01');
    });
  }

  it('--format json still prints the valid models on stdout', async () => {
    const r = await dvk(['status', '--format', 'json'], { cwd: await caseWorkspace('enum-diacritics') });
    expect(r.exitCode).toBe(1);
    const s = JSON.parse(String(r.stdout)) as StatusJson;
    expect(s.models.map((m) => m.id)).toEqual(['KT-2023-AA-01', 'KT-2023-AA-02']);
  });

  it('a clean workspace exits 0 with nothing on stderr', async () => {
    const r = await dvk(['status'], { cwd: baseWorkspace() });
    expect(r.exitCode).toBe(0);
    expect(String(r.stderr)).toBe('');
  });
});

describe('status with a broken configuration', () => {
  it('is a configuration error (exit 2), not a silent fall-back to the defaults', async () => {
    const r = await dvk(['status'], { cwd: await caseWorkspace('config-unknown-key') });
    expectNoStackTrace(String(r.stdout) + String(r.stderr));
    expect(String(r.stderr)).toContain('dvk.config.yaml');
    expect(r.exitCode).toBe(2);
  });
});
