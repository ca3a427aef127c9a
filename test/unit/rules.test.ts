// The cross-file and per-file rules, run through validate() on files loaded from YAML text.
import fc from 'fast-check';
import { runs } from '../runs.js';
import { describe, expect, it } from 'vitest';
import { framework as builtFramework, model as builtModel, sheet as builtSheet } from './builders.js';
import { DEFAULT_LEVELS, levelsOf } from '../../src/core/config.js';
import { loadFile, type LoadedFile } from '../../src/core/load.js';
import { evidenceCandidates, evidencePath } from '../../src/core/rules/evidence.js';
import { isNfc } from '../../src/core/rules/nfc.js';
import { isObj, list, obj, str, text } from '../../src/core/rules/shape.js';
import { missingInStep, stepStates } from '../../src/core/rules/step-completeness.js';
import type { Diagnostic, StepName } from '../../src/core/types.js';
import { byPlace, usableFrameworks, validate, type ValidateOptions } from '../../src/core/validate.js';
import { messages } from '../../src/i18n/index.js';

const m = messages('vi');

function file(p: string, text: string): LoadedFile {
  const f = loadFile(p, p, new TextEncoder().encode(text), { m, requireKind: true });
  expect(f.findings).toEqual([]);
  return f;
}

function run(files: LoadedFile[], opts: Partial<ValidateOptions> = {}) {
  return validate(files, { m, levels: DEFAULT_LEVELS, ...opts });
}

const rule = (ds: Diagnostic[], id: string) => ds.filter((d) => d.rule === id);

interface ModelOpts {
  id?: string;
  type?: string;
  field?: string;
  level?: string;
  steps?: string;
  extra?: string;
  head?: string;
}

function model({ id = 'DT-2023-HM-01', type = 'collective', field = 'kinh-te', level = 'xa', steps = 'steps: {}', extra = '', head = '' }: ModelOpts = {}): string {
  return `${head}kind: model\nversion: 1\nid: ${id}\nname: Mô hình thử\ntype: ${type}\nfield: ${field}\nyear: 2023\nunit: { name: UBND phường Hòa Mạc, level: ${level} }\n${steps}\n${extra}`;
}

const REGISTER = [
  '  register:',
  '    date: 2023-03-15',
  '    problem: Thực trạng',
  '    goals: [Mục tiêu]',
  '    content: Nội dung',
  '    area: Địa bàn',
  '    forces: [{ name: Hội Phụ nữ }]',
  '    start: 2023-04-01',
  '    end: 2023-11-30',
  '    outputs: [Sản phẩm]',
].join('\n');

const COMPLETE = [
  'steps:',
  REGISTER,
  '  implement:',
  '    activities:',
  '      - { date: 2023-04-06, title: Hội nghị triển khai }',
  '  inspect:',
  '    - { date: 2023-08-22, by: Ban Dân vận, findings: Đúng kế hoạch }',
  '  review:',
  '    date: 2023-11-28',
  '    results: { households: 100 }',
  '    summary: Hiệu quả',
  '    lessons: [Bài học]',
].join('\n');

function criteria({ id = 'vd', appliesTo = 'applies_to: { types: [collective], fields: [kinh-te] }', classes = '', extra = '', groups = '' } = {}): string {
  return [
    'kind: criteria',
    'version: 1',
    `id: ${id}`,
    'title: Bộ tiêu chí thử',
    appliesTo,
    groups ||
      ['groups:', '  - id: C1', '    title: Nhóm 1', '    criteria:', '      - { id: C1.1, title: Tiêu chí 1, max: 10 }', '      - { id: C1.2, title: Tiêu chí 2, max: 5 }'].join('\n'),
    classes || ['classes:', '  - { id: tot, label: Tốt, min: 10 }', '  - { id: dat, label: Đạt, min: 0 }'].join('\n'),
    extra,
    '',
  ].join('\n');
}

function assessment({ model: id = 'DT-2023-HM-01', framework = 'vd', level = 'huyen', body = 'scores: { C1.1: 8, C1.2: 4.5 }' } = {}): string {
  return `kind: assessment\nversion: 1\nmodel: ${id}\nlevel: ${level}\nframework: ${framework}\n${body}\n`;
}

describe('a clean workspace', () => {
  it('has no diagnostics', () => {
    const files = [file('m.yaml', model({ steps: COMPLETE })), file('c.yaml', criteria()), file('a.yaml', assessment())];
    const v = run(files);
    expect(v.diagnostics).toEqual([]);
    expect(v.failed.size).toBe(0);
    expect(v.valid.size).toBe(3);
  });
});

describe('date-order', () => {
  const steps = (over: Record<string, string>) =>
    COMPLETE.replace('date: 2023-03-15', `date: ${over.registered ?? '2023-03-15'}`)
      .replace('start: 2023-04-01', `start: ${over.start ?? '2023-04-01'}`)
      .replace('end: 2023-11-30', `end: ${over.end ?? '2023-11-30'}`)
      .replace('date: 2023-04-06', `date: ${over.activity ?? '2023-04-06'}`)
      .replace('date: 2023-08-22', `date: ${over.inspection ?? '2023-08-22'}`)
      .replace('date: 2023-11-28', `date: ${over.review ?? '2023-11-28'}`);
  const check = (over: Record<string, string>) => rule(run([file('m.yaml', model({ steps: steps(over) }))]).diagnostics, 'date-order');

  it('start before the registration date', () => {
    const [d, ...rest] = check({ start: '2023-03-01' });
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ severity: 'error', line: 17 });
    expect(d!.message).toContain('2023-03-01');
    expect(d!.message).toContain('2023-03-15');
  });

  it('end before start', () => {
    const [d, ...rest] = check({ end: '2023-03-31' });
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ severity: 'error', line: 18 });
    expect(d!.message).toContain('2023-03-31');
  });

  it('an activity, an inspection and the review before start', () => {
    const ds = check({ activity: '2023-03-20', inspection: '2023-03-21', review: '2023-03-22' });
    expect(ds.map((d) => d.line)).toEqual([22, 24, 26]);
    expect(ds[0]!.message).toContain('steps.implement.activities[0].date');
    expect(ds[1]!.message).toContain('steps.inspect[0].date');
    expect(ds[2]!.message).toContain('steps.review.date');
  });

  it('the same day is in order', () => {
    expect(check({ registered: '2023-04-01', start: '2023-04-01', end: '2023-04-01', activity: '2023-04-01', inspection: '2023-04-01', review: '2023-04-01' })).toEqual([]);
  });

  it('says which date the earlier one should follow, in words', () => {
    expect(check({ start: '2023-03-01' }).map((d) => d.message)).toEqual([m.dateBefore(['steps', 'register', 'start'], '2023-03-01', '2023-03-15', 'registered').message]);
    expect(check({ activity: '2023-03-20', inspection: '2023-03-21', review: '2023-03-22' }).map((d) => d.message)).toEqual([
      m.dateBefore(['steps', 'implement', 'activities', 0, 'date'], '2023-03-20', '2023-04-01', 'start').message,
      m.dateBefore(['steps', 'inspect', 0, 'date'], '2023-03-21', '2023-04-01', 'start').message,
      m.dateBefore(['steps', 'review', 'date'], '2023-03-22', '2023-04-01', 'start').message,
    ]);
  });

  it('compares no date with one that is not a real day (its schema error says so)', () => {
    // As text, 2023-13-01 would sort after the start and the review.
    expect(check({ registered: '2023-13-01' })).toEqual([]);
    expect(check({ start: '2023-13-01' })).toEqual([]);
    expect(check({ start: '"1"', registered: '2023-03-15' })).toEqual([]);
  });

  it('a missing register step checks nothing', () => {
    expect(rule(run([file('m.yaml', model({ steps: 'steps:\n  review: { date: 2000-01-01 }' }))]).diagnostics, 'date-order')).toEqual([]);
  });
});

describe('evidence-outside and evidence-missing', () => {
  const withEvidence = (...paths: string[]) => model({ extra: `evidence:\n${paths.map((p) => `  - { file: ${JSON.stringify(p)} }`).join('\n')}\n` });

  it.each(['../x.pdf', 'evidence/../../x.pdf', '/etc/passwd', 'C:\\x.pdf', 'c:/x.pdf', 'http://example.com/a.pdf', 'https://example.com/a.pdf', 'file:///x.pdf', '..\\x.pdf', '\\\\server\\share\\x.pdf'])(
    '%s is outside the workspace',
    (p) => {
      const ds = run([file('m.yaml', withEvidence(p))]).diagnostics;
      expect(ds.map((d) => d.rule)).toEqual(['evidence-outside']);
      expect(ds[0]).toMatchObject({ severity: 'error', line: 11 });
    },
  );

  it('a missing file is a warning, located at the path', () => {
    const ds = run([file('m.yaml', withEvidence('evidence/2023/a.pdf'))]).diagnostics;
    expect(ds.map((d) => [d.rule, d.severity])).toEqual([['evidence-missing', 'warning']]);
    expect(ds[0]).toMatchObject({ line: 11, column: 13 });
    expect(ds[0]!.message).toContain('evidence/2023/a.pdf');
  });

  it('an existing file passes, in normalised form', () => {
    const evidence = new Set(['evidence/2023/a.pdf']);
    for (const p of ['evidence/2023/a.pdf', './evidence/2023/a.pdf', 'evidence/x/../2023/a.pdf', 'evidence\\2023\\a.pdf']) {
      expect(run([file('m.yaml', withEvidence(p))], { evidence }).diagnostics, p).toEqual([]);
    }
  });

  it('evidencePath and evidenceCandidates agree', () => {
    expect(evidencePath('./evidence//a.pdf')).toBe('evidence/a.pdf');
    expect(evidencePath('../a.pdf')).toBeUndefined();
    const f = file('m.yaml', withEvidence('evidence/a.pdf', '../b.pdf', './evidence/c.pdf'));
    expect([...evidenceCandidates([f])].sort()).toEqual(['evidence/a.pdf', 'evidence/c.pdf']);
  });

  it('takes a colon or :// inside a path as part of a name, and a path that climbs to the root as outside', () => {
    expect(evidencePath('ban-do/xa:1.pdf')).toBe('ban-do/xa:1.pdf');
    expect(evidencePath('ghi-am/a+b://1.mp3')).toBe('ghi-am/a+b:/1.mp3');
    expect(evidencePath('..')).toBeUndefined();
    expect(evidencePath('evidence/../..')).toBeUndefined();
  });

  it('looks only at models, and only at evidence items that name a file', () => {
    const items = { kind: 'model', data: { evidence: [null, 'a.pdf', { title: 'x' }, { file: 5 }, { file: 'evidence/a.pdf' }] } };
    expect([...evidenceCandidates([items, { kind: 'criteria', data: { evidence: [{ file: 'evidence/b.pdf' }] } }, { kind: 'model', data: { evidence: { file: 'evidence/c.pdf' } } }, { kind: 'model' }])]).toEqual(['evidence/a.pdf']);
    const ds = run([file('m.yaml', model({ extra: 'evidence:\n  - { title: Ảnh }\n' }))]).diagnostics;
    expect(ds.map((d) => d.rule)).toEqual(['schema-required']);
  });
});

describe('step-incomplete', () => {
  const partial = model({ steps: 'steps:\n  register:\n    date: 2023-03-15\n    problem: Thực trạng' });

  it('a partial step is a warning at the step key, naming what is missing', () => {
    const ds = run([file('m.yaml', partial)]).diagnostics;
    expect(ds.map((d) => [d.rule, d.severity])).toEqual([['step-incomplete', 'warning']]);
    expect(ds[0]).toMatchObject({ line: 10, column: 3, endColumn: 11 });
    for (const key of ['goals', 'content', 'area', 'forces', 'start', 'end', 'outputs']) expect(ds[0]!.message).toContain(`"${key}"`);
    expect(ds[0]!.message).not.toContain('"problem"');
  });

  it('names the missing key of a list item', () => {
    const ds = run([file('m.yaml', model({ steps: 'steps:\n  implement:\n    activities:\n      - { title: Hội nghị }' }))]).diagnostics;
    expect(ds[0]!.message).toContain('activities[0].date');
  });

  it('a partial required step is an error', () => {
    const ds = run([file('m.yaml', partial)], { require: ['register'] }).diagnostics;
    expect(ds.map((d) => [d.rule, d.severity])).toEqual([['step-incomplete', 'error']]);
  });

  it('an absent required step is an error at the steps key', () => {
    const ds = run([file('m.yaml', model())], { require: ['review'] }).diagnostics;
    expect(ds.map((d) => [d.rule, d.severity])).toEqual([['step-incomplete', 'error']]);
    expect(ds[0]).toMatchObject({ line: 9, column: 1, endColumn: 6 });
    expect(ds[0]!.message).toContain('4');
  });

  it('an absent step that is not required is fine', () => {
    expect(run([file('m.yaml', model())]).diagnostics).toEqual([]);
  });

  it('complete steps pass even when all are required', () => {
    expect(run([file('m.yaml', model({ steps: COMPLETE }))], { require: ['register', 'implement', 'inspect', 'review'] }).diagnostics).toEqual([]);
  });

  it('a required step stays an error whatever the configuration says', () => {
    const ds = run([file('m.yaml', partial)], { require: ['register'], severities: { 'step-incomplete': 'off' } }).diagnostics;
    expect(ds.map((d) => [d.rule, d.severity])).toEqual([['step-incomplete', 'error']]);
  });
});

describe('step-incomplete on steps that failed their schema, and the step states', () => {
  it('does not list again what a schema error already reports inside a step', () => {
    const steps = 'steps:\n  implement:\n    activities:\n      - { date: 2023-02-30, title: Hội nghị }\n      - { title: Tập huấn }';
    const ds = run([file('m.yaml', model({ steps }))]).diagnostics;
    expect(ds.map((d) => d.rule).sort()).toEqual(['schema-format', 'step-incomplete']);
    const incomplete = ds.find((d) => d.rule === 'step-incomplete')!;
    expect(incomplete.message).toContain('activities[1].date');
    expect(incomplete.message).not.toContain('activities[0].date');
    // Past the tenth item too.
    const many = `steps:\n  implement:\n    activities:\n${'      - { date: 2023-04-01, title: Họp }\n'.repeat(10)}      - { date: 2023-02-30, title: Họp }\n      - { title: Tập huấn }`;
    const again = rule(run([file('m.yaml', model({ steps: many }))]).diagnostics, 'step-incomplete');
    expect(again.map((d) => d.message.includes('activities[10]'))).toEqual([false]);
    expect(again[0]!.message).toContain('activities[11].date');
  });

  it('says nothing of a step, required or not, whose steps or step are the wrong type', () => {
    const incomplete = (steps: string, require: StepName[]) => rule(run([file('m.yaml', model({ steps }))], { require }).diagnostics, 'step-incomplete');
    expect(incomplete('steps: viết sau', [])).toEqual([]);
    expect(incomplete('steps: viết sau', ['register'])).toEqual([]);
    expect(incomplete('steps:\n  register: viết sau', [])).toEqual([]);
    // The broken step is left to its schema error; a required step that is absent is still one.
    expect(incomplete('steps:\n  register: viết sau', ['register', 'review']).map((d) => d.message)).toEqual([m.stepAbsent('review').message]);
  });

  it('an absent required step stays an error whatever the configuration says', () => {
    const ds = run([file('m.yaml', model())], { require: ['review'], severities: { 'step-incomplete': 'off' } }).diagnostics;
    expect(ds.map((d) => [d.rule, d.severity])).toEqual([['step-incomplete', 'error']]);
  });

  it('names an empty list as missing its first entry, and a list too short by its key', () => {
    expect(missingInStep('inspect', [])).toEqual(['[0]']);
    expect(missingInStep('implement', { activities: [] })).toEqual(['activities']);
    expect(missingInStep('implement', { activities: [{ title: 'x' }] })).toEqual(['activities[0].date']);
  });

  it('a null step is absent, with nothing missing', () => {
    const states = stepStates({ steps: { register: null, review: undefined } } as never);
    expect(states.map((s) => [s.step, s.present, s.complete, s.missing])).toEqual([
      ['register', false, false, []],
      ['implement', false, false, []],
      ['inspect', false, false, []],
      ['review', false, false, []],
    ]);
  });
});

describe('unknown-level', () => {
  it('checks a model unit level against the default levels, with a hint', () => {
    const ds = run([file('m.yaml', model({ level: 'huyne' }))]).diagnostics;
    expect(ds.map((d) => d.rule)).toEqual(['unknown-level']);
    expect(ds[0]).toMatchObject({ line: 8 });
    expect(ds[0]!.hint).toContain('"huyen"');
  });

  it('checks an assessment level', () => {
    const files = [file('m.yaml', model({ steps: COMPLETE })), file('c.yaml', criteria()), file('a.yaml', assessment({ level: 'quan' }))];
    const ds = run(files).diagnostics;
    expect(ds.map((d) => [d.file, d.rule])).toEqual([['a.yaml', 'unknown-level']]);
    expect(ds[0]).toMatchObject({ line: 4, column: 8 });
  });

  it('uses the config levels instead of the defaults', () => {
    const levels = levelsOf({ levels: ['xa', { id: 'phuong', label: 'Cấp phường' }] });
    expect(rule(run([file('m.yaml', model({ level: 'phuong' }))], { levels }).diagnostics, 'unknown-level')).toEqual([]);
    const ds = rule(run([file('m.yaml', model({ level: 'huyen' }))], { levels }).diagnostics, 'unknown-level');
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toContain('"phuong"');
    expect(ds[0]!.message).not.toContain('"tinh"');
  });
});

describe('duplicate-id', () => {
  it('flags both models, each naming the other file and line', () => {
    const ds = run([file('a.yaml', model()), file('b.yaml', `# chú thích\n\n${model()}`)]).diagnostics;
    expect(ds.map((d) => [d.file, d.rule, d.line])).toEqual([
      ['a.yaml', 'duplicate-id', 3],
      ['b.yaml', 'duplicate-id', 5],
    ]);
    expect(ds[0]!.message).toContain('b.yaml:5');
    expect(ds[1]!.message).toContain('a.yaml:3');
  });

  it('names every other file when there are three', () => {
    const ds = run([file('a.yaml', model()), file('b.yaml', model()), file('c.yaml', model())]).diagnostics;
    expect(ds).toHaveLength(3);
    expect(ds[0]!.message).toContain('b.yaml:3');
    expect(ds[0]!.message).toContain('c.yaml:3');
  });

  it('flags two frameworks with one id', () => {
    const ds = run([file('c1.yaml', criteria()), file('c2.yaml', criteria())]).diagnostics;
    expect(ds.map((d) => [d.file, d.rule])).toEqual([
      ['c1.yaml', 'duplicate-id'],
      ['c2.yaml', 'duplicate-id'],
    ]);
  });

  it('a model and a framework may share an id', () => {
    expect(rule(run([file('m.yaml', model({ id: 'VD' })), file('c.yaml', criteria({ id: 'vd' }))]).diagnostics, 'duplicate-id')).toEqual([]);
  });
});

describe('score sheets', () => {
  const base = () => [file('m.yaml', model({ steps: COMPLETE })), file('c.yaml', criteria())];

  it('duplicate-assessment: two sheets for one model at one level, both flagged', () => {
    const ds = run([...base(), file('a1.yaml', assessment()), file('a2.yaml', assessment())]).diagnostics;
    expect(ds.map((d) => [d.file, d.rule, d.line])).toEqual([
      ['a1.yaml', 'duplicate-assessment', 3],
      ['a2.yaml', 'duplicate-assessment', 3],
    ]);
    expect(ds[0]!.message).toContain('a2.yaml:3');
    expect(ds[1]!.message).toContain('a1.yaml:3');
  });

  it('two levels for one model are fine', () => {
    expect(run([...base(), file('a1.yaml', assessment()), file('a2.yaml', assessment({ level: 'tinh' }))]).diagnostics).toEqual([]);
  });

  it('unknown-model with the nearest id as hint', () => {
    const ds = run([...base(), file('a.yaml', assessment({ model: 'DT-2023-HM-1' }))]).diagnostics;
    expect(ds.map((d) => d.rule)).toEqual(['unknown-model']);
    expect(ds[0]).toMatchObject({ line: 3, column: 8 });
    expect(ds[0]!.hint).toContain('DT-2023-HM-01');
  });

  it('unknown-framework, with the nearest or the list', () => {
    let ds = run([...base(), file('a.yaml', assessment({ framework: 'vdd' }))]).diagnostics;
    expect(ds.map((d) => d.rule)).toEqual(['unknown-framework']);
    expect(ds[0]).toMatchObject({ line: 5, column: 12 });
    expect(ds[0]!.hint).toContain('"vd"');
    ds = run([...base(), file('a.yaml', assessment({ framework: 'hoan-toan-khac' }))]).diagnostics;
    expect(ds[0]!.hint).toContain('"vd"');
  });

  it('framework-not-applicable by type', () => {
    const ds = run([file('m.yaml', model({ type: 'individual', steps: COMPLETE, extra: 'person: { name: Nguyễn Thị Hoa }\n' })), file('c.yaml', criteria()), file('a.yaml', assessment())]).diagnostics;
    expect(ds.map((d) => d.rule)).toEqual(['framework-not-applicable']);
    expect(ds[0]!.message).toContain('individual');
  });

  it('framework-not-applicable by field', () => {
    const ds = run([file('m.yaml', model({ field: 'van-hoa-xa-hoi', steps: COMPLETE })), file('c.yaml', criteria()), file('a.yaml', assessment())]).diagnostics;
    expect(ds.map((d) => d.rule)).toEqual(['framework-not-applicable']);
    expect(ds[0]!.message).toContain('van-hoa-xa-hoi');
  });

  it('fields: all applies to every field', () => {
    const c = criteria({ appliesTo: 'applies_to: { fields: all }' });
    expect(run([file('m.yaml', model({ field: 'van-hoa-xa-hoi', steps: COMPLETE })), file('c.yaml', c), file('a.yaml', assessment())]).diagnostics).toEqual([]);
  });

  it('unknown-criterion points at the key, with the nearest id', () => {
    const ds = run([...base(), file('a.yaml', assessment({ body: 'scores: { C1.1: 8, C1.2: 4, C1.3: 1 }' }))]).diagnostics;
    expect(ds.map((d) => d.rule)).toEqual(['unknown-criterion']);
    expect(ds[0]).toMatchObject({ line: 6, column: 29, endColumn: 33 });
    expect(ds[0]!.hint).toMatch(/C1\.[12]/);
  });

  it('missing-score lists the ids and names the assessor', () => {
    const body = 'assessors:\n  - name: Trần Văn A\n    scores: { C1.1: 8 }\n  - name: Lê Thị B\n    scores: { C1.1: 8, C1.2: 4 }\n  - scores: {}';
    const ds = run([...base(), file('a.yaml', assessment({ body }))]).diagnostics;
    expect(ds.map((d) => [d.rule, d.line])).toEqual([
      ['missing-score', 8],
      ['missing-score', 11],
    ]);
    expect(ds[0]!.message).toContain('Trần Văn A');
    expect(ds[0]!.message).toContain('C1.2');
    expect(ds[0]!.message).not.toContain('C1.1');
    expect(ds[1]!.message).toContain('C1.1');
    expect(ds[1]!.message).toContain('C1.2');
  });

  it('score-over-max at the score; the maximum itself is allowed', () => {
    const ds = run([...base(), file('a.yaml', assessment({ body: 'scores: { C1.1: 10, C1.2: 5.5 }' }))]).diagnostics;
    expect(ds.map((d) => d.rule)).toEqual(['score-over-max']);
    expect(ds[0]).toMatchObject({ line: 6, column: 27, endColumn: 30 });
    expect(ds[0]!.message).toContain('là 5.5,');
  });

  it('a schema-invalid framework is not used to check scores', () => {
    const files = [file('m.yaml', model({ steps: COMPLETE })), file('c.yaml', criteria({ extra: 'unknown_key: 1' })), file('a.yaml', assessment({ body: 'scores: { C9: 99 }' }))];
    const ds = run(files).diagnostics;
    expect(ds.map((d) => [d.file, d.rule])).toEqual([['c.yaml', 'schema-unknown-key']]);
  });

  it('a framework with an error of its own is not used to check scores', () => {
    const c = criteria({ extra: 'recognition: { min_class: khong-co }' });
    const ds = run([file('m.yaml', model({ steps: COMPLETE })), file('c.yaml', c), file('a.yaml', assessment({ body: 'scores: { C9: 99 }' }))]).diagnostics;
    expect(ds.map((d) => [d.file, d.rule])).toEqual([['c.yaml', 'framework-unknown-class']]);
  });

  it('a framework with only a warning is still used', () => {
    const c = criteria({ classes: 'classes:\n  - { id: tot, label: Tốt, min: 10 }\n  - { id: dat, label: Đạt, min: 5 }' });
    const ds = run([file('m.yaml', model({ steps: COMPLETE })), file('c.yaml', c), file('a.yaml', assessment({ body: 'scores: { C1.1: 11, C1.2: 1 }' }))]).diagnostics;
    expect(ds.map((d) => [d.file, d.rule, d.severity])).toEqual([
      ['a.yaml', 'score-over-max', 'error'],
      ['c.yaml', 'framework-class-order', 'warning'],
    ]);
  });
});

describe('shape: reading data that may not have passed its schema', () => {
  it('takes only values of the expected shape', () => {
    expect([null, [], 'a', 1, undefined].map(isObj)).toEqual([false, false, false, false, false]);
    expect(isObj({})).toBe(true);
    expect(obj(null)).toEqual({});
    expect(list('abc')).toEqual([]);
    expect(list(['a'])).toEqual(['a']);
    expect([5, null, ['a'], 'a'].map(str)).toEqual([undefined, undefined, undefined, 'a']);
    expect([null, undefined, 5, 'a', { toString: false }, [1]].map(text)).toEqual(['null', 'undefined', '5', 'a', '{"toString":false}', '[1]']);
  });
});

describe('score sheets: severities, places and hints (mutation testing)', () => {
  const base = () => [file('m.yaml', model({ steps: COMPLETE })), file('c.yaml', criteria())];
  const sheetDs = (a: string) => run([...base(), file('a.yaml', a)]).diagnostics;

  it('every finding of a score sheet against the workspace is an error, at what it names', () => {
    const refs = sheetDs(assessment({ model: 'DT-2023-HM-99', framework: 'khac' }));
    expect(refs.map((d) => [d.rule, d.severity, d.line])).toEqual([
      ['unknown-model', 'error', 3],
      ['unknown-framework', 'error', 5],
    ]);
    const other = run([file('m.yaml', model({ field: 'van-hoa-xa-hoi', steps: COMPLETE })), file('c.yaml', criteria()), file('a.yaml', assessment())]).diagnostics;
    expect(other.map((d) => [d.rule, d.severity, d.line, d.column])).toEqual([['framework-not-applicable', 'error', 5, 12]]);
    // missing-score points at the key `scores`, not at its value.
    const missing = sheetDs(assessment({ body: 'scores:\n  C1.1: 8' }));
    expect(missing.map((d) => [d.rule, d.severity, d.line, d.column, d.endColumn])).toEqual([['missing-score', 'error', 6, 1, 7]]);
    const over = sheetDs(assessment({ body: 'scores: { C1.1: 11, C1.2: 1 }' }));
    expect(over.map((d) => [d.rule, d.severity])).toEqual([['score-over-max', 'error']]);
  });

  it('a sheet with no assessor names no one', () => {
    const [d] = sheetDs(assessment({ body: 'scores: { C1.1: 8 }' }));
    expect(d!.message).toBe(m.missingScores(['C1.2']).message);
    const [e] = sheetDs(assessment({ body: 'assessors:\n  - scores: { C1.1: 8 }' }));
    expect(e!.message).toBe(m.missingScores(['C1.2']).message);
  });

  it('an unknown criterion far from every id: the one the sheet lacks, when it lacks one', () => {
    const unknown = (body: string) => sheetDs(assessment({ body })).find((d) => d.rule === 'unknown-criterion')!;
    expect(unknown('scores: { C1.1: 8, khac-han: 4 }').hint).toBe(m.unknownCriterion('khac-han', 'vd', 'C1.2', true).hint);
    // Lacking none: no suggestion at all, since none is near.
    expect(unknown('scores: { C1.1: 8, C1.2: 4, khac-han: 4 }').hint).toBe(m.unknownCriterion('khac-han', 'vd').hint);
    // Lacking two, neither near: none is picked.
    expect(unknown('scores: { khac-han: 4 }').hint).toBe(m.unknownCriterion('khac-han', 'vd').hint);
  });

  it('values of the wrong type get their schema error and nothing more', () => {
    for (const [body, extra] of [
      ['scores: { C1.1: "99", C1.2: 1 }', {}],
      ['scores: [1, 2]', {}],
      ['assessors: [{ name: A, scores: [1] }]', {}],
      ['scores: { C1.1: 8, C1.2: 4 }', { framework: '5' }],
    ] as const) {
      const ds = sheetDs(assessment({ body, ...extra }));
      expect(ds.length, body).toBeGreaterThan(0);
      expect(ds.every((d) => d.rule.startsWith('schema-')), JSON.stringify(ds.map((d) => d.rule))).toBe(true);
    }
  });
});

describe('framework consistency', () => {
  it('framework-duplicate-id for groups, criteria, gates and classes', () => {
    const groups = [
      'groups:',
      '  - id: C1',
      '    title: Nhóm 1',
      '    criteria:',
      '      - { id: C1.1, title: a, max: 10 }',
      '      - { id: C1.1, title: b, max: 5 }',
      '  - id: C1',
      '    title: Nhóm 2',
      '    criteria:',
      '      - { id: C2.1, title: c, max: 10 }',
    ].join('\n');
    const classes = 'classes:\n  - { id: tot, label: Tốt, min: 10 }\n  - { id: tot, label: Tốt 2, min: 5 }\n  - { id: dat, label: Đạt, min: 0 }';
    const extra = 'gates:\n  - { id: g, min_months: 6 }\n  - { id: g, min_months: 3 }';
    const ds = run([file('c.yaml', criteria({ groups, classes, extra }))]).diagnostics;
    expect(ds.map((d) => d.rule)).toEqual(Array(4).fill('framework-duplicate-id'));
    expect(ds.map((d) => d.message)).toEqual([
      expect.stringContaining('"C1.1"'),
      expect.stringContaining('"C1"'),
      expect.stringContaining('"tot"'),
      expect.stringContaining('"g"'),
    ]);
    // Each at the second occurrence.
    expect(ds.map((d) => d.line)).toEqual([11, 12, 18, 22]);
  });

  it('framework-class-order: classes not strictly descending', () => {
    const classes = 'classes:\n  - { id: tot, label: Tốt, min: 50 }\n  - { id: kha, label: Khá, min: 50 }\n  - { id: dat, label: Đạt, min: 0 }';
    const ds = run([file('c.yaml', criteria({ classes }))]).diagnostics;
    expect(ds.map((d) => [d.rule, d.severity, d.line])).toEqual([['framework-class-order', 'error', 14]]);
    expect(ds[0]!.message).toContain('Khá');
    expect(ds[0]!.message).toContain('Tốt');
  });

  it('framework-class-order: a lowest min above 0 is a warning', () => {
    const classes = 'classes:\n  - { id: tot, label: Tốt, min: 50 }\n  - { id: dat, label: Đạt, min: 20 }';
    const v = run([file('c.yaml', criteria({ classes }))]);
    expect(v.diagnostics.map((d) => [d.rule, d.severity, d.line])).toEqual([['framework-class-order', 'warning', 14]]);
    expect(v.failed.size).toBe(0);
  });

  it('framework-unknown-class in recognition, with a hint', () => {
    const ds = run([file('c.yaml', criteria({ extra: 'recognition:\n  min_class: dta\n  exemplary: { min_class: xuat-sac }' }))]).diagnostics;
    expect(ds.map((d) => [d.rule, d.line])).toEqual([
      ['framework-unknown-class', 16],
      ['framework-unknown-class', 17],
    ]);
    expect(ds[0]!.hint).toContain('"dat"');
  });
});

describe('framework consistency: places, rounding, and data that failed its schema', () => {
  /** A framework whose groups' criteria have these maximums, and its diagnostics. */
  const withMax = (maxes: (number | string)[], extra = '') =>
    run([file('c.yaml', criteria({ extra, groups: ['groups:', '  - id: C1', '    title: Nhóm 1', '    criteria:', ...maxes.map((max, i) => `      - { id: C1.${i + 1}, title: T, max: ${max} }`)].join('\n') }))]).diagnostics;

  it('points at the id used again, the min out of order and the unknown class, as errors', () => {
    const groups = ['groups:', '  - id: C1', '    title: Nhóm 1', '    criteria:', '      - { id: C1.1, title: a, max: 10 }', '      - { id: C1.1, title: b, max: 5 }'].join('\n');
    const classes = ['classes:', '  - { id: tot, label: Tốt, min: 10 }', '  - { id: tot, label: Khá, min: 10 }', '  - { id: dat, label: Đạt, min: 0 }'].join('\n');
    const extra = ['recognition:', '  exemplary:', '    min_class: xuat-sac'].join('\n');
    const ds = run([file('c.yaml', criteria({ groups, classes, extra }))]).diagnostics;
    expect(ds.map((d) => [d.rule, d.severity, d.line, d.column, d.endColumn])).toEqual([
      ['framework-duplicate-id', 'error', 11, 15, 19],
      ['framework-duplicate-id', 'error', 14, 11, 14],
      ['framework-class-order', 'error', 14, 33, 35],
      ['framework-unknown-class', 'error', 18, 16, 24],
    ]);
  });

  it('framework-rounding: a maximum that is not a multiple of the rounding step', () => {
    const ds = withMax([7.5, 7.25], 'rounding: 0.5');
    expect(ds.map((d) => [d.rule, d.severity, d.line, d.column])).toEqual([['framework-rounding', 'error', 11, 36]]);
    expect(ds[0]!.message).toContain('"C1.2"');
    expect(ds[0]!.message).toContain('bước làm tròn 0.5:');
  });

  it('framework-rounding: the default step is 0.01', () => {
    expect(withMax([7.55, 0.01]).map((d) => d.rule)).toEqual([]);
    const ds = withMax([7.555]);
    expect(ds.map((d) => [d.rule, d.line])).toEqual([['framework-rounding', 10]]);
    expect(ds[0]!.message).toContain('bước làm tròn 0.01:');
  });

  it('framework-rounding: a rounding the schema refuses counts as the default, once reported', () => {
    for (const rounding of ['-0.5', '"0.5"']) {
      expect(withMax([7.25], `rounding: ${rounding}`).map((d) => d.rule), rounding).toEqual(['schema-' + (rounding === '-0.5' ? 'range' : 'type')]);
    }
    // Infinity is a number to JavaScript: it was taken as the step, and Ratio refused it (exit 70).
    for (const rounding of ['1e999', '.inf']) expect(withMax([7.25], `rounding: ${rounding}`).map((d) => d.rule), rounding).toEqual(['schema-type']);
  });

  it('reads nothing from maximums, mins and ids of the wrong type, beyond their schema errors', () => {
    expect(withMax(['.inf', '"10"']).map((d) => d.rule)).not.toContain('framework-rounding');
    const classes = ['classes:', '  - { id: tot, label: Tốt, min: "10" }', '  - { id: kha, label: Khá, min: 20 }', '  - { id: 5, label: Đạt, min: 0 }'].join('\n');
    const ds = run([file('c.yaml', criteria({ classes, extra: 'recognition: { min_class: dta }' }))]).diagnostics;
    expect(ds.filter((d) => !d.rule.startsWith('schema-')).map((d) => d.rule)).toEqual(['framework-unknown-class']);
    // The classes it knows are those with an id that is text.
    expect(ds.find((d) => d.rule === 'framework-unknown-class')!.message).toContain('"dta"');
    expect(() => run([file('c.yaml', criteria({ classes: 'classes: []' }))])).not.toThrow();
  });
});

describe('nfc', () => {
  const nfd = (s: string) => s.normalize('NFD');

  it('warns about a value and a key in NFD, at the value and at the key', () => {
    const text = model({ extra: `notes: ${nfd('Văn hóa')}\nperson: { ${nfd('tên')}: x, name: A }\n` });
    const ds = rule(run([file('m.yaml', text)]).diagnostics, 'nfc');
    expect(ds.map((d) => [d.severity, d.line, d.column])).toEqual([
      ['warning', 10, 8],
      ['warning', 11, 11],
    ]);
    expect(ds[0]!.message).toContain('Văn hóa');
    expect(ds[0]!.message.normalize('NFC')).toBe(ds[0]!.message);
  });

  it('runs on files that fail their schema too', () => {
    const ds = run([file('m.yaml', `kind: model\nnotes: ${nfd('Hòa Mạc')}\n`)]).diagnostics;
    expect(rule(ds, 'nfc')).toHaveLength(1);
  });

  it('accepts NFC text and text without combining marks', () => {
    expect(isNfc('Văn hóa')).toBe(true);
    expect(isNfc('abc')).toBe(true);
    expect(isNfc(nfd('Văn hóa'))).toBe(false);
  });

  it('severity from the configuration: error', () => {
    const v = run([file('m.yaml', model({ extra: `notes: ${nfd('Văn hóa')}\n` }))], { severities: { nfc: 'error' } });
    expect(v.diagnostics.map((d) => [d.rule, d.severity])).toEqual([['nfc', 'error']]);
    // The setting changes what is reported, not whether the file's data can be used.
    expect(v.failed.size).toBe(0);
  });

  it('severity from the configuration: off', () => {
    const v = run([file('m.yaml', model({ extra: `notes: ${nfd('Văn hóa')}\n` }))], { severities: { nfc: 'off' } });
    expect(v.diagnostics).toEqual([]);
    expect(v.failed.size).toBe(0);
  });
});

describe('severities from the configuration', () => {
  it('can soften an error to a warning in the report; the file still cannot be used for scores', () => {
    const v = run([file('m.yaml', model({ level: 'quan' }))], { severities: { 'unknown-level': 'warning' } });
    expect(v.diagnostics.map((d) => [d.rule, d.severity])).toEqual([['unknown-level', 'warning']]);
    expect(v.failed.size).toBe(1);
    expect(v.errorsOf([...v.failed][0]!).map((d) => [d.rule, d.severity])).toEqual([['unknown-level', 'error']]);
  });

  it('can raise a warning to an error', () => {
    const v = run([file('m.yaml', model({ extra: 'evidence: [{ file: evidence/a.pdf }]\n' }))], { severities: { 'evidence-missing': 'error' } });
    expect(v.diagnostics.map((d) => [d.rule, d.severity])).toEqual([['evidence-missing', 'error']]);
    expect(v.failed.size).toBe(0);
  });

  it('leaves other rules alone', () => {
    const v = run([file('m.yaml', model({ level: 'quan', extra: 'evidence: [{ file: evidence/a.pdf }]\n' }))], { severities: { nfc: 'off' } });
    expect(v.diagnostics.map((d) => [d.rule, d.severity])).toEqual([
      ['unknown-level', 'error'],
      ['evidence-missing', 'warning'],
    ]);
  });
});

describe('the report filter', () => {
  it('reports only the chosen files, while cross-file rules still see the others', () => {
    const a = file('a.yaml', model());
    const b = file('b.yaml', model());
    const v = run([a, b], { report: (f) => f === a });
    expect(v.diagnostics.map((d) => [d.file, d.rule])).toEqual([['a.yaml', 'duplicate-id']]);
    expect(v.diagnostics[0]!.message).toContain('b.yaml:3');
    // The unreported file still counts as failed.
    expect(v.failed.has(b)).toBe(true);
  });

  it('an assessment is checked against a model and framework that are not reported', () => {
    const files = [file('m.yaml', model({ steps: COMPLETE })), file('c.yaml', criteria()), file('a.yaml', assessment({ body: 'scores: { C1.1: 11, C1.2: 1 }' }))];
    const v = run(files, { report: (f) => f.path === 'a.yaml' });
    expect(v.diagnostics.map((d) => [d.file, d.rule])).toEqual([['a.yaml', 'score-over-max']]);
  });
});

describe('diagnostics', () => {
  it('are sorted by file, line and column', () => {
    const files = [file('z.yaml', model({ id: 'Z-1', level: 'quan', extra: 'evidence: [{ file: ../x }]\n' })), file('a.yaml', model({ id: 'A-1', level: 'quan' }))];
    const ds = run(files).diagnostics;
    const keys = ds.map((d) => [d.file, d.line, d.column] as const);
    const sorted = [...keys].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] - y[1] || x[2] - y[2]));
    expect(keys).toEqual(sorted);
    expect(ds[0]!.file).toBe('a.yaml');
  });

  it('load findings pass through, and a file that failed to load gets no schema check', () => {
    const broken = loadFile('x.yaml', 'x.yaml', new TextEncoder().encode('kind: model\nid: A\nid: B\n'), { m, requireKind: true });
    const v = run([broken]);
    expect(v.diagnostics.map((d) => d.rule)).toEqual(['yaml-duplicate-key']);
    expect(v.failed.has(broken)).toBe(true);
  });
});

describe('rules on data that failed its schema', () => {
  // Every leaf and container of a complete model, sheet and framework, as paths.
  const paths = (v: unknown, at: (string | number)[] = []): (string | number)[][] =>
    v !== null && typeof v === 'object'
      ? [at, ...Object.entries(v).flatMap(([k, x]) => paths(x, [...at, Array.isArray(v) ? Number(k) : k]))]
      : [at];
  const set = (data: unknown, at: (string | number)[], value: unknown): unknown => {
    if (at.length === 0) return value;
    const copy = structuredClone(data) as Record<string | number, unknown>;
    let o = copy;
    for (const k of at.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
    o[at[at.length - 1]!] = value;
    return copy;
  };
  const originals = {
    'models/m.yaml': builtModel({ id: 'M-1' }),
    'assessments/a.yaml': { ...builtSheet({ a: 8, b: 9, c: 15 }), framework: 'f' },
    'criteria/f.yaml': builtFramework(),
  };
  const targets = Object.entries(originals).flatMap(([file, data]) => paths(data).filter((p) => p.length > 0 && p[0] !== 'kind').map((p) => ({ file, path: p })));

  it('word a mapping where text or a number belongs, whatever its keys (found by the property below)', () => {
    for (const text of ['kind: model\nversion: { toString: false }\n', 'kind: { toString: false }\n', 'kind: assessment\nversion: 1\nmodel: { toString: 1 }\nlevel: huyen\nframework: f\nscores: { a: { valueOf: 2 } }\n']) {
      const f = loadFile('models/x.yaml', 'models/x.yaml', new TextEncoder().encode(text), { m, requireKind: true });
      const { diagnostics } = run([f]);
      expect(diagnostics.length, text).toBeGreaterThan(0);
      for (const d of diagnostics) expect(d.message, text).not.toContain('[object Object]');
    }
  });

  it('never crash, and never report again a place whose schema error is reported', () => {
    fc.assert(
      fc.property(fc.constantFrom(...targets), fc.jsonValue({ maxDepth: 2 }), ({ file, path }, value) => {
        const files = Object.entries(originals).map(([name, data]) => loadFile(name, name, new TextEncoder().encode(JSON.stringify(name === file ? set(data, path, value) : data)), { m, requireKind: true }));
        const { diagnostics } = run(files);
        const schemaAt = new Set(diagnostics.filter((d) => d.rule.startsWith('schema-')).map((d) => `${d.file}:${d.line}:${d.column}`));
        const again = diagnostics.filter((d) => !d.rule.startsWith('schema-') && d.rule !== 'nfc' && d.rule !== 'placeholder' && schemaAt.has(`${d.file}:${d.line}:${d.column}`));
        expect(again).toEqual([]);
      }),
      { numRuns: runs(300) },
    );
  });
});

describe('year-mismatch, placeholder and control-character (unit level)', () => {
  it('year-mismatch: a year none of the register and review dates fall in, naming the years they do', () => {
    const at = (year: string, steps: string) => rule(run([file('models/a.yaml', model({ steps }).replace('year: 2023', `year: ${year}`))]).diagnostics, 'year-mismatch');
    expect(at('2023', COMPLETE)).toEqual([]);
    const off = at('2026', COMPLETE);
    expect(off).toHaveLength(1);
    expect(off[0]).toMatchObject({ severity: 'warning', line: 7, column: 7 });
    expect(off[0]!.message).toContain('2023');
    // Dates in two years: either year is right; one more year is named in the message.
    const two = COMPLETE.replace('date: 2023-11-28', 'date: 2024-01-10');
    expect(at('2024', two)).toEqual([]);
    expect(at('2025', two)[0]!.message).toMatch(/2023.*2024/);
    // No dates to compare with, or steps that are not a mapping: nothing to say.
    expect(at('2026', 'steps: {}')).toEqual([]);
    expect(at('2026', 'steps:\n  register:\n    date: 2023-02-30')).toEqual([]);
    expect(at('2026', 'steps:\n  review:\n    date: 2023-12-01').map((d) => d.rule)).toEqual(['year-mismatch']);
  });

  it('placeholder: a template text in a model is a warning where it is; a score sheet is not looked at', () => {
    const found = rule(run([file('models/a.yaml', model({ steps: COMPLETE }).replace('name: Mô hình thử', 'name: Tên mô hình'))]).diagnostics, 'placeholder');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', line: 4, column: 7 });
    expect(found[0]!.message).toContain('Tên mô hình');
    const sheet = file('assessments/a.yaml', assessment({ body: 'scores: { C1.1: 8, C1.2: 4.5 }\nnote: (họ và tên)' }));
    expect(rule(run([file('models/a.yaml', model({ steps: COMPLETE })), file('criteria/vd.yaml', criteria()), sheet]).diagnostics, 'placeholder')).toEqual([]);
  });

  it('control-character: an error at the value or the key that holds one, naming its code point', () => {
    const ds = rule(run([file('models/a.yaml', model({ steps: COMPLETE, extra: 'notes: "a\\u202Eb"\n"k\\u0007": x\n' }))]).diagnostics, 'control-character');
    expect(ds.map((d) => [d.severity, d.line, d.column])).toEqual([['error', 30, 8], ['error', 31, 1]]);
    expect(ds[0]!.message).toContain('U+202E');
    expect(ds[1]!.message).toContain('U+0007');
    expect(rule(run([file('models/a.yaml', model({ steps: COMPLETE, extra: 'notes: "tab\\tand line\\nbreak"\n' }))]).diagnostics, 'control-character')).toEqual([]);
  });
});

describe('config: levels and paths', () => {
  it('levels: the defaults, or the config\'s, by id with the default label where one is known', () => {
    expect(levelsOf({}).map((l) => l.id)).toEqual(['xa', 'huyen', 'tinh', 'trung-uong']);
    expect(levelsOf({ levels: ['huyen', 'doi', { id: 'x', label: 'X' }] } as never)).toEqual([{ id: 'huyen', label: 'Cấp huyện' }, { id: 'doi' }, { id: 'x', label: 'X' }]);
  });
});

describe('validate: the wiring (mutation testing)', () => {
  it('sorts diagnostics by file, then line, then column', () => {
    const d = (file: string, line: number, column: number) => ({ file, line, column }) as Diagnostic;
    const sorted = [d('b.yaml', 1, 1), d('a.yaml', 2, 5), d('a.yaml', 2, 3), d('a.yaml', 1, 9)].sort(byPlace);
    expect(sorted.map((x) => `${x.file}:${x.line}:${x.column}`)).toEqual(['a.yaml:1:9', 'a.yaml:2:3', 'a.yaml:2:5', 'b.yaml:1:1']);
  });

  it('indexes models by text id and kind; the valid ones apart', () => {
    const v = run([file('m.yaml', model({ id: 'X' })), file('c.yaml', criteria({ id: 'X' })), file('n.yaml', model({ id: 'Y', level: '""' }))]);
    expect([...v.index.models.keys()]).toEqual(['X', 'Y']);
    expect(v.index.models.get('X')!.map((f) => f.path)).toEqual(['m.yaml']);
    expect([...v.index.validModels.keys()]).toEqual(['X']);
  });

  it('uses for each framework id the first valid framework with no error of its own', () => {
    const rec = (kind: string, id: string, valid: boolean, severity?: 'error' | 'warning') => ({ kind, valid, data: { id }, findings: severity ? [{ severity }] : [] }) as never;
    const first = rec('criteria', 'f', true);
    const usable = usableFrameworks([rec('model', 'g', true), rec('criteria', 'h', false), rec('criteria', 'i', true, 'error'), first, rec('criteria', 'j', true, 'warning'), rec('criteria', 'f', true)]);
    expect([...usable.keys()]).toEqual(['f', 'j']);
    expect(usable.get('f')).toBe(first);
  });

  it('drops a cross-file rule’s finding at a place whose schema error is reported', () => {
    expect(run([file('m.yaml', model({ level: '""' }))]).diagnostics.map((d) => d.rule)).toEqual(['schema-format']);
    expect(run([file('m.yaml', model({ id: 'M 1' })), file('n.yaml', model({ id: 'M 1' }))]).diagnostics.map((d) => d.rule)).toEqual(['schema-format', 'schema-format']);
  });

  it('checks the paths of a valid configuration only', () => {
    const config = (text: string) => loadFile('dvk.config.yaml', 'dvk.config.yaml', new TextEncoder().encode(text), { m, requireKind: true, defaultKind: 'config' });
    expect(run([config('kind: config\npaths: { out: ../x }\n')]).diagnostics.map((d) => [d.rule, d.line])).toEqual([['config-paths', 2]]);
    expect(run([config('kind: config\npaths: { out: ../x }\nbogus: 1\n')]).diagnostics.map((d) => d.rule)).toEqual(['schema-unknown-key']);
  });

  it('checks each file once, however many times it is validated', () => {
    const files = [file('m.yaml', model({ level: 'quan' })), file('c.yaml', criteria()), file('a.yaml', assessment({ body: 'scores: { C1.1: 11 }' }))];
    const first = run(files).diagnostics;
    expect(first.length).toBeGreaterThan(1);
    expect(run(files).diagnostics).toEqual(first);
  });

  it('gives a file’s errors, not its warnings, before any severity setting', () => {
    const f = file('m.yaml', model({ level: 'quan', steps: 'steps:\n  register: { date: 2023-03-15 }' }));
    const v = run([f], { severities: { 'unknown-level': 'warning' } });
    expect(v.diagnostics.map((d) => [d.rule, d.severity])).toContainEqual(['unknown-level', 'warning']);
    expect(v.diagnostics.some((d) => d.severity === 'warning' && d.rule !== 'unknown-level')).toBe(true);
    expect(v.errorsOf(f).map((d) => [d.rule, d.severity])).toEqual([['unknown-level', 'error']]);
  });
});
