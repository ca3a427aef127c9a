// Model ids from the workspace's pattern, and file names safe on every system.
import { describe, expect, it } from 'vitest';
import { DEFAULT_ID_PATTERN, fileSlug, idAllocator, nextModelId, notReserved, takenIds, unitCode } from '../../src/core/ids.js';
import { loadFile } from '../../src/core/load.js';
import { messages } from '../../src/i18n/index.js';

describe('nextModelId', () => {
  it('takes the first free number for the year and unit', () => {
    expect(nextModelId('DT-{year}-{unit}-{nn}', { year: 2023, unit: 'hm' }, new Set(['DT-2023-HM-01', 'DT-2023-HM-03']))).toBe('DT-2023-HM-02');
    expect(nextModelId('{unit}-{year}-{nn}', { year: 2024, unit: 'CA' }, new Set())).toBe('CA-2024-01');
  });

  it('goes past 99 with three digits', () => {
    const taken = new Set(Array.from({ length: 99 }, (_, i) => `X-${String(i + 1).padStart(2, '0')}`));
    expect(nextModelId('X-{nn}', { year: 2023, unit: 'A' }, taken)).toBe('X-100');
  });

  it('gives the same id again for a pattern without {nn} (the caller refuses it)', () => {
    expect(nextModelId('{unit}-{year}', { year: 2023, unit: 'A' }, new Set(['A-2023']))).toBe('A-2023');
  });
});

describe('idAllocator (issue 9, defect 5)', () => {
  it('gives N ids for one unit looking each candidate up about once, not N²/2 times', () => {
    const taken = new Set<string>(['DT-2023-HM-01']);
    let lookups = 0;
    const counted = { has: (id: string) => (lookups++, taken.has(id)) } as ReadonlySet<string>;
    const next = idAllocator('DT-{year}-{unit}-{nn}', counted);
    const n = 10_000;
    for (let i = 0; i < n; i++) taken.add(next({ year: 2023, unit: 'HM' }));
    expect(taken.size).toBe(n + 1);
    expect(taken.has('DT-2023-HM-10001')).toBe(true);
    expect(lookups).toBeLessThanOrEqual(2 * n + 1);
  });

  it('keeps one place per year and unit, and gives an id again until it is taken', () => {
    const taken = new Set<string>();
    const next = idAllocator('{unit}-{year}-{nn}', taken);
    expect(next({ year: 2023, unit: 'A' })).toBe('A-2023-01');
    expect(next({ year: 2023, unit: 'A' })).toBe('A-2023-01');
    taken.add('A-2023-01');
    expect(next({ year: 2023, unit: 'A' })).toBe('A-2023-02');
    expect(next({ year: 2023, unit: 'B' })).toBe('B-2023-01');
    expect(next({ year: 2024, unit: 'A' })).toBe('A-2024-01');
  });
});

describe('unit codes, taken ids and file names', () => {
  it('a unit code is the code given, or the initials of the name; DV when neither gives letters', () => {
    expect(unitCode({ name: 'Phường Hòa Mạc', code: 'hm' })).toBe('HM');
    expect(unitCode({ name: 'Phường Hòa Mạc' })).toBe('PHM');
    expect(unitCode({ name: '—', code: '—' })).toBe('DV');
    expect(unitCode({ name: '—' })).toBe('DV');
    expect(DEFAULT_ID_PATTERN).toBe('{unit}-{year}-{nn}');
  });

  it('takes the ids of models, of files that do not parse (from their lines), and of nothing else', () => {
    const m = messages('vi');
    const load = (text: string) => loadFile('a.yaml', 'a.yaml', new TextEncoder().encode(text), { m, requireKind: true });
    const files = [
      load('kind: model\nversion: 1\nid: DT-2023-HM-01\n'),
      load('kind: model\nid: DT-2023-HM-02\n  broken: [\n'),
      load('kind: criteria\nversion: 1\nid: vd\n'),
      load('kind: model\nversion: 1\nname: no id\n'),
    ];
    expect([...takenIds(files)]).toEqual(['DT-2023-HM-01', 'DT-2023-HM-02']);
  });

  it('file names: a slug of the name, cut at 80 letters, never a Windows device name, numbered when taken', () => {
    expect(fileSlug('Phường Hòa Mạc')).toBe('phuong-hoa-mac');
    expect(fileSlug('—')).toBe('tai-lieu');
    expect(fileSlug('a'.repeat(79) + ' b c')).toBe('a'.repeat(79));
    expect(fileSlug('CON')).toBe('con-1');
    const taken = new Set<string>();
    expect([fileSlug('Hòa Mạc', taken), fileSlug('Hoà mạc', taken), fileSlug('hoa-mac', taken)]).toEqual(['hoa-mac', 'hoa-mac-2', 'hoa-mac-3']);
    expect(taken).toEqual(new Set(['hoa-mac', 'hoa-mac-2', 'hoa-mac-3']));
    for (const name of ['con', 'PRN', 'aux', 'Nul', 'com1', 'LPT9']) expect(notReserved(name)).toBe(`${name}-1`);
    for (const name of ['cons', 'com', 'lpt10', 'xcon', 'nul-1']) expect(notReserved(name)).toBe(name);
  });
});
