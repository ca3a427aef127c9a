// One file's own checks and what dvk keeps of it (check.ts): reached by every command through the
// engine, held here at unit level for mutation testing.
import { describe, expect, it } from 'vitest';
import { assessmentInfo, brokenAt, checkFile, criteriaKey, indexData, modelInfo, scoreAgainst } from '../../src/core/check.js';
import { loadFile, type LoadedFile } from '../../src/core/load.js';
import { messages } from '../../src/i18n/index.js';
import { framework, model, sheet } from './builders.js';

const m = messages('vi');
const load = (text: string, requireKind = true): LoadedFile => loadFile('a.yaml', 'a.yaml', new TextEncoder().encode(text), { m, requireKind });

const MODEL = `kind: model
version: 1
id: DT-2023-HM-01
name: Mô hình thử
type: collective
field: kinh-te
year: 2023
unit: { name: Phường Hòa Mạc, code: HM, level: xa }
notes: ghi chú
evidence:
  - { file: evidence/a.pdf, title: Biên bản }
steps:
  register: { date: 2023-03-15, start: 2023-04-01, end: 2023-11-30, problem: Thực trạng }
  review: { date: 2023-11-28, summary: Hiệu quả, lessons: [Bài học] }
`;

describe('modelInfo', () => {
  it('keeps a model without its notes, with only the dates of its register and the review dvk prints', () => {
    const info = modelInfo(model()) as unknown as Record<string, unknown>;
    expect(info.notes).toBeUndefined();
    expect(info.steps).toEqual({ register: { date: '2023-03-01', start: '2023-03-15', end: '2023-11-30' }, review: { date: '2023-11-30', results: { participants: 100 }, summary: 'Hiệu quả' } });
    expect((info.states as { step: string }[]).map((s) => s.step)).toEqual(['register', 'implement', 'inspect', 'review']);
    const bare = modelInfo({ ...model(), steps: { register: 'x', review: null } } as never) as unknown as Record<string, unknown>;
    expect(bare.steps).toEqual({});
    expect((modelInfo({ ...model(), steps: [1] } as never) as unknown as Record<string, unknown>).steps).toEqual([1]);
  });
});

describe('assessmentInfo', () => {
  it('keeps a score sheet without its note and its assessors\' roles, which no command reads', () => {
    const sheet = { kind: 'assessment', model: 'X', level: 'huyen', framework: 'f', date: '2023-12-01', note: 'ghi chú', assessors: [{ name: 'A', role: 'Trưởng ban', scores: { a: 1 } }, { scores: { a: 2 } }, 'x'] };
    expect(assessmentInfo(sheet)).toEqual({ kind: 'assessment', model: 'X', level: 'huyen', framework: 'f', date: '2023-12-01', assessors: [{ name: 'A', scores: { a: 1 } }, { scores: { a: 2 } }, 'x'] });
    // The file's own data is left as it was.
    expect(sheet.note).toBe('ghi chú');
    expect(sheet.assessors[0]).toMatchObject({ role: 'Trưởng ban' });
    expect(assessmentInfo({ kind: 'assessment', scores: { a: 1 }, assessors: 'x' })).toEqual({ kind: 'assessment', scores: { a: 1 }, assessors: 'x' });
  });
});

describe('criteriaKey', () => {
  it('changes with a framework id, a criterion id or a maximum, and not with titles', () => {
    const base = framework();
    const key = criteriaKey(base);
    expect(key).toMatch(/^[A-Za-z0-9+/]{27}=$/);
    expect(criteriaKey({ ...base, title: 'Khác' })).toBe(key);
    expect(criteriaKey({ ...base, id: 'g' })).not.toBe(key);
    const other = structuredClone(base);
    other.groups[0]!.criteria[0]!.max = 9;
    expect(criteriaKey(other)).not.toBe(key);
    const renamed = structuredClone(base);
    renamed.groups[1]!.criteria[0]!.id = 'd';
    expect(criteriaKey(renamed)).not.toBe(key);
    // How marks are aggregated and rounded changes a sheet's score (LoadedFile `scored`).
    expect(criteriaKey({ ...base, aggregation: 'median' })).not.toBe(key);
    expect(criteriaKey({ ...base, rounding: 0.5 })).not.toBe(key);
    expect(criteriaKey({ ...base, aggregation: 'mean', rounding: 0.01 })).toBe(key);
    // A criterion moved to another group changes the groups' scores.
    const moved = structuredClone(base);
    moved.groups[1]!.criteria.push(moved.groups[0]!.criteria.pop()!);
    expect(criteriaKey(moved)).not.toBe(key);
  });
});

describe('scoreAgainst', () => {
  it('scores a sheet whose marks pass, and only such a sheet', () => {
    const f = framework();
    const ok = scoreAgainst(sheet({ a: 8, b: 7, c: 9 }), f, m);
    expect(ok).toEqual({ against: criteriaKey(f), findings: [], summary: { sheets: 1, groups: ['15', '9'] } });
    const over = scoreAgainst(sheet({ a: 11, b: 7, c: 9 }), f, m);
    expect(over.findings.map((x) => x.rule)).toEqual(['score-over-max']);
    expect(over).not.toHaveProperty('summary');
    expect(scoreAgainst(sheet({ a: 8, c: 9 }), f, m)).not.toHaveProperty('summary');
  });
});

describe('indexData', () => {
  it('keeps of a model what the rules across files read, of a sheet its references, of a framework everything', () => {
    const data = { kind: 'model', id: 'X', type: 't', field: 'f', name: 'N', unit: { name: 'U', level: 'xa' }, evidence: [{ file: 'a.pdf', title: 'T' }, 'b'], states: [], steps: {} };
    expect(indexData('model', data)).toEqual({ kind: 'model', id: 'X', type: 't', field: 'f', states: [], unit: { level: 'xa' }, evidence: [{ file: 'a.pdf' }, 'b'] });
    expect(indexData('model', { ...data, unit: 'U', evidence: 'e' })).toMatchObject({ unit: 'U', evidence: 'e' });
    expect(indexData('assessment', { kind: 'assessment', model: 'X', level: 'huyen', framework: 'vd', scores: { a: 1 } })).toEqual({ kind: 'assessment', model: 'X', level: 'huyen', framework: 'vd' });
    const f = { kind: 'criteria', id: 'vd', groups: [] };
    expect(indexData('criteria', f)).toBe(f);
  });
});

describe('brokenAt', () => {
  it('is true at a broken place and under it, and everywhere when the whole file is broken', () => {
    expect(brokenAt({}, ['a'])).toBe(false);
    expect(brokenAt({ broken: ['steps\u0000register'] }, ['steps', 'register'])).toBe(true);
    expect(brokenAt({ broken: ['steps\u0000register'] }, ['steps', 'register', 'date'])).toBe(true);
    expect(brokenAt({ broken: ['steps\u0000register'] }, ['steps', 'registered'])).toBe(false);
    expect(brokenAt({ broken: ['steps\u0000register'] }, ['steps'])).toBe(false);
    expect(brokenAt({ broken: [''] }, ['anything'])).toBe(true);
    expect(brokenAt({ broken: ['items\u00000'] }, ['items', 0, 'x'])).toBe(true);
  });
});

describe('checkFile', () => {
  it('a valid model: no findings, valid, its data compacted to what dvk keeps when asked', () => {
    const whole = load(MODEL);
    checkFile(whole, m);
    expect(whole.findings).toEqual([]);
    expect(whole.valid).toBe(true);
    expect(whole.broken).toBeUndefined();
    expect((whole.data as Record<string, unknown>).notes).toBe('ghi chú');
    expect((whole.data as Record<string, unknown>).states).toHaveLength(4);
    const compact = load(MODEL);
    checkFile(compact, m, { compact: true });
    expect((compact.data as Record<string, unknown>).notes).toBeUndefined();
    expect((compact.data as { steps: unknown }).steps).toEqual({ register: { date: '2023-03-15', start: '2023-04-01', end: '2023-11-30' }, review: { date: '2023-11-28', summary: 'Hiệu quả' } });
  });

  it('a valid score sheet is kept without its note and roles when asked; one that fails its schema keeps them', () => {
    const SHEET = 'kind: assessment\nversion: 1\nmodel: DT-2023-HM-01\nlevel: huyen\nframework: f\ndate: 2023-12-01\nnote: ghi chú\nassessors:\n  - name: A\n    role: Trưởng ban\n    scores: { a: 8.5 }\n';
    const compact = load(SHEET);
    checkFile(compact, m, { compact: true });
    expect(compact.valid).toBe(true);
    expect(compact.data).toEqual({ kind: 'assessment', version: 1, model: 'DT-2023-HM-01', level: 'huyen', framework: 'f', date: '2023-12-01', assessors: [{ name: 'A', scores: { a: 8.5 } }] });
    const whole = load(SHEET);
    checkFile(whole, m);
    expect(whole.data).toMatchObject({ note: 'ghi chú', assessors: [{ role: 'Trưởng ban' }] });
    const broken = load(SHEET.replace('level: huyen', 'level: [huyen]'));
    checkFile(broken, m, { compact: true });
    expect(broken.valid).toBe(false);
    expect(broken.data).toMatchObject({ note: 'ghi chú', assessors: [{ role: 'Trưởng ban' }] });
  });

  it('a model that fails its schema keeps its data whole, says where it is broken, and rules there are not repeated', () => {
    const f = load(MODEL.replace('year: 2023', 'year: hai nghìn').replace('start: 2023-04-01', 'start: 2023-02-01'));
    checkFile(f, m, { compact: true });
    expect(f.valid).toBe(false);
    expect(f.broken).toEqual(['year']);
    expect((f.data as Record<string, unknown>).notes).toBe('ghi chú');
    expect(f.findings.map((x) => [x.rule, x.at?.line])).toEqual([['schema-type', 7], ['date-order', 13]]);
    const required = load(MODEL.replace('type: collective\n', ''));
    checkFile(required, m);
    expect(required.broken).toEqual(['type']);
    const extra = load(`${MODEL}colour: red\n`);
    checkFile(extra, m);
    expect(extra.broken).toEqual(['colour']);
  });

  it('every finding gets a range; a framework is checked for its own consistency', () => {
    const f = load('kind: criteria\nversion: 1\nid: vd\ntitle: T\napplies_to: { types: [collective], fields: all }\ngroups:\n  - id: G\n    title: G\n    criteria:\n      - { id: a, title: A, max: 10 }\n      - { id: a, title: B, max: 5 }\nclasses:\n  - { id: tot, label: Tốt, min: 10 }\n');
    checkFile(f, m);
    expect(f.valid).toBe(true);
    expect(f.findings.length).toBeGreaterThan(0);
    for (const x of f.findings) expect(x.at).toMatchObject({ line: expect.any(Number), column: expect.any(Number) });
  });

  it('a file of no known kind keeps only its top-level scalars when compacted, and is not schema-checked', () => {
    const f = load('name: x\nlist: [1, 2]\nmap: { a: 1 }\nnothing: null\n', false);
    checkFile(f, m, { compact: true });
    expect(f.data).toEqual({ name: 'x', nothing: null });
    expect(f.valid).toBe(false);
    const kept = load('name: x\nlist: [1, 2]\n', false);
    checkFile(kept, m);
    expect(kept.data).toEqual({ name: 'x', list: [1, 2] });
  });

  it('text rules run on every file with data: a control character in a file of no kind is found', () => {
    const f = load('name: "a\\u0007b"\n', false);
    checkFile(f, m);
    expect(f.findings.map((x) => x.rule)).toEqual(['control-character']);
  });
});
