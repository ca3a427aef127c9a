// Schema validation (precompiled ajv validators) and the translation of ajv's errors into
// located findings with hints.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFile, toDiagnostic, type Finding } from '../../src/core/load.js';
import { locate } from '../../src/core/parse.js';
import { dotted, pointerToPath, schemaFindings, validateAgainst, type ValidatorName } from '../../src/core/schema.js';
import type { Kind } from '../../src/core/types.js';
import { messages } from '../../src/i18n/index.js';
import { EXAMPLE } from '../helpers.js';

const m = messages('vi');

/** Loads YAML text as a file of `kind` and returns its schema findings and located diagnostics. */
function check(kind: Kind, text: string) {
  const file = loadFile('f.yaml', 'f.yaml', new TextEncoder().encode(text), { m, requireKind: false, defaultKind: kind });
  expect(file.findings).toEqual([]);
  const errors = validateAgainst(kind, file.data);
  const findings = schemaFindings(errors, file.data, m, (p) => locate(file.positions(), file.text, p).source);
  return { file, errors, findings, diagnostics: findings.map((f) => toDiagnostic(file, f)) };
}

function one(findings: Finding[]): Finding {
  expect(findings.map((f) => `${f.rule} ${dotted(f.path ?? [])}`)).toHaveLength(1);
  return findings[0]!;
}

const MODEL = [
  'kind: model',
  'version: 1',
  'id: DT-2023-HM-01',
  'name: Dân vận khéo trong thu gom rác',
  'type: collective',
  'field: kinh-te',
  'year: 2023',
  'unit: { name: Ủy ban MTTQ phường Hòa Mạc, code: HM, level: xa }',
  'steps: {}',
  '',
].join('\n');

const model = (replace: [string, string][] = [], extra = '') =>
  replace.reduce((t, [a, b]) => {
    expect(t).toContain(a);
    return t.replace(a, b);
  }, MODEL) + extra;

const ASSESSMENT = 'kind: assessment\nversion: 1\nmodel: DT-2023-HM-01\nlevel: huyen\nframework: vd-100-diem\n';

const CRITERIA = [
  'kind: criteria',
  'version: 1',
  'id: vd',
  'title: Bộ tiêu chí thử',
  'groups:',
  '  - id: C1',
  '    title: Nhóm 1',
  '    criteria:',
  '      - { id: C1.1, title: Tiêu chí 1, max: 10 }',
  'classes:',
  '  - { id: dat, label: Đạt, min: 50 }',
  '  - { id: chua-dat, label: Chưa đạt, min: 0 }',
  '',
].join('\n');

describe('the validators', () => {
  it.each(['model', 'assessment', 'criteria', 'config', 'register', 'implement', 'inspect', 'review'] as ValidatorName[])(
    'the generated module has a working validator for %s',
    (name) => {
      const errors = validateAgainst(name, 42);
      expect(Array.isArray(errors)).toBe(true);
      expect(errors.length).toBeGreaterThan(0);
      expect(errors[0]).toHaveProperty('keyword');
    },
  );

  it('accepts a minimal model, assessment, framework and config', () => {
    expect(check('model', MODEL).errors).toEqual([]);
    expect(check('assessment', `${ASSESSMENT}scores: { C1.1: 8.5 }\n`).errors).toEqual([]);
    expect(check('criteria', CRITERIA).errors).toEqual([]);
    expect(check('config', 'kind: config\nversion: 1\n').errors).toEqual([]);
    expect(check('config', '{}\n').errors).toEqual([]);
  });

  it('accepts every file of the example workspace', () => {
    const walk = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.yaml') ? [path.join(dir, e.name)] : []));
    const files = walk(EXAMPLE);
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const loaded = loadFile(f, f, fs.readFileSync(f), { m, requireKind: true });
      expect(loaded.findings, f).toEqual([]);
      expect(validateAgainst(loaded.kind!, loaded.data), f).toEqual([]);
    }
  });

  it('judges step completeness with the step schemas, not the model schema', () => {
    const partial = { date: '2023-03-15', problem: 'Thực trạng' };
    const full = {
      ...partial, goals: ['Mục tiêu'], content: 'Nội dung', area: 'Địa bàn', forces: [{ name: 'Hội Phụ nữ' }], start: '2023-04-01', end: '2023-11-30', outputs: ['Sản phẩm'],
    };
    const file = check('model', MODEL).file;
    expect(validateAgainst('model', { ...file.data, steps: { register: partial } })).toEqual([]);
    const missing = validateAgainst('register', partial).filter((e) => e.keyword === 'required').map((e) => e.params.missingProperty);
    expect(missing.sort()).toEqual(['area', 'content', 'end', 'forces', 'goals', 'outputs', 'start'].sort());
    expect(validateAgainst('register', full)).toEqual([]);
    // An empty list is a draft, not a complete step.
    expect(validateAgainst('register', { ...full, goals: [] }).length).toBeGreaterThan(0);
    expect(validateAgainst('model', { ...file.data, steps: { register: { ...full, goals: [] } } })).toEqual([]);
  });

  it('judges the other steps the same way', () => {
    expect(validateAgainst('implement', { activities: [{ title: 'Hội nghị' }] }).length).toBeGreaterThan(0);
    expect(validateAgainst('implement', { activities: [{ date: '2023-04-06', title: 'Hội nghị' }] })).toEqual([]);
    expect(validateAgainst('inspect', []).length).toBeGreaterThan(0);
    expect(validateAgainst('inspect', [{ date: '2023-08-22', by: 'Ban Dân vận', findings: 'Tốt' }])).toEqual([]);
    expect(validateAgainst('review', { date: '2023-11-28', results: {}, summary: 'x', lessons: ['y'] }).length).toBeGreaterThan(0);
    expect(validateAgainst('review', { date: '2023-11-28', results: { households: 1 }, summary: 'x', lessons: ['y'] })).toEqual([]);
  });

  it('keeps unknown keys an error even inside a draft step', () => {
    const { findings } = check('model', model([['steps: {}', 'steps:\n  register:\n    dat: 2023-03-15']]));
    const f = one(findings);
    expect(f).toMatchObject({ rule: 'schema-unknown-key', path: ['steps', 'register', 'dat'], target: 'key' });
    expect(f.hint).toContain('"date"');
  });
});

describe('unknown and missing keys', () => {
  it('an unknown key points at the key and suggests the nearest', () => {
    const { findings, diagnostics } = check('model', model([], 'feild: kinh-te\n'));
    const f = one(findings);
    expect(f).toMatchObject({ rule: 'schema-unknown-key', severity: 'error', path: ['feild'], target: 'key' });
    expect(f.hint).toContain('"field"');
    expect(diagnostics[0]).toMatchObject({ line: 10, column: 1, endLine: 10, endColumn: 6 });
  });

  it('10,000 missing keys in one file: one finding each, the misspelt one still merged (fuzz seed 20261129, case 1974)', () => {
    // Quadratic before: minutes, past the test's time bound.
    const text = `kind: assessment\nversion: 1\nmodel: KT-2023-AA-01\nlevel: huyen\nframework: f-40\ndate: 2023-12-05\nassessors:\n  - name: A\n    scroes: {}\n${'  - name: B\n'.repeat(10_000)}`;
    const { findings } = check('assessment', text);
    expect(findings.filter((f) => f.rule === 'schema-required')).toHaveLength(10_000);
    expect(findings.filter((f) => f.rule === 'schema-unknown-key').map((f) => dotted(f.path ?? []))).toEqual(['assessors[0].scroes']);
    expect(findings.some((f) => f.rule === 'schema-required' && dotted(f.path ?? []) === 'assessors[0]')).toBe(false);
  });

  it('an unknown key with no near candidate lists the allowed keys', () => {
    const f = one(check('model', model([], 'something_else: 1\n')).findings);
    expect(f.rule).toBe('schema-unknown-key');
    expect(f.hint).toContain('steps');
  });

  it('a nested unknown key has the full path', () => {
    const f = one(check('model', model([['level: xa', 'lavel: xa, level: xa']])).findings);
    expect(f).toMatchObject({ rule: 'schema-unknown-key', path: ['unit', 'lavel'], target: 'key' });
    expect(f.hint).toContain('"level"');
  });

  it('a missing property points at the parent key', () => {
    const { findings, diagnostics } = check('model', model([['code: HM, level: xa', 'code: HM']]));
    const f = one(findings);
    expect(f).toMatchObject({ rule: 'schema-required', path: ['unit'], target: 'key' });
    expect(f.message).toContain('"level"');
    expect(diagnostics[0]).toMatchObject({ line: 8, column: 1, endLine: 8, endColumn: 5 });
  });

  it('a missing top-level property has an empty path', () => {
    const f = one(check('model', model([['name: Dân vận khéo trong thu gom rác\n', '']])).findings);
    expect(f).toMatchObject({ rule: 'schema-required', path: [], target: 'key' });
    expect(f.message).toContain('"name"');
  });
});

describe('types', () => {
  it('an integer written with a thousands dot (1.200, read as 1.2) gets the hint 1200', () => {
    const text = model([['steps: {}', 'steps:\n  review:\n    results: { participants: 1.200 }']]);
    const f = one(check('model', text).findings);
    expect(f).toMatchObject({ rule: 'schema-type', path: ['steps', 'review', 'results', 'participants'] });
    expect(f.hint).toContain('1200');
  });

  it('an integer written as "1.200.000" (a string) gets the hint 1200000', () => {
    const f = one(check('model', model([['steps: {}', 'steps:\n  register:\n    resources: { funds_vnd: 1.200.000 }']])).findings);
    expect(f).toMatchObject({ rule: 'schema-type', path: ['steps', 'register', 'resources', 'funds_vnd'] });
    expect(f.hint).toContain('1200000');
  });

  it('a score written "8,5" gets the hint 8.5', () => {
    const f = one(check('assessment', `${ASSESSMENT}scores: { C1.1: "8,5" }\n`).findings);
    expect(f).toMatchObject({ rule: 'schema-type', path: ['scores', 'C1.1'] });
    expect(f.hint).toContain('8.5');
  });

  it('a code written 00123 (a number to YAML) gets the hint to quote it as written', () => {
    const { file, findings, diagnostics } = check('model', model([['code: HM', 'code: 00123']]));
    const f = one(findings);
    expect(f).toMatchObject({ rule: 'schema-type', path: ['unit', 'code'] });
    expect(f.hint).toContain("'00123'");
    const column = file.text.split('\n')[7]!.indexOf('00123') + 1;
    expect(diagnostics[0]).toMatchObject({ line: 8, column, endColumn: column + 5 });
  });

  it('a list written as text gets the list hint', () => {
    const f = one(check('model', model([['steps: {}', 'steps:\n  register:\n    goals: Một mục tiêu']])).findings);
    expect(f).toMatchObject({ rule: 'schema-type', path: ['steps', 'register', 'goals'] });
    expect(f.hint).toContain('- ');
  });

  it('a mapping key that looks like a number is a key in the message, not an index', () => {
    // `{ C1.1: 8,5 }` in a flow mapping is C1.1: 8 and a second key "5" with no value.
    const f = one(check('assessment', `${ASSESSMENT}scores: { C1.1: 8,5 }\n`).findings);
    expect(f.rule).toBe('schema-type');
    expect(f.message).not.toContain('scores[5]');
  });
});

describe('numbers in quotes, and other values of the wrong type', () => {
  const hint = (text: string) => one(check('model', text).findings).hint;
  const scoreHint = (score: string) => one(check('assessment', `${ASSESSMENT}scores: { C1.1: ${score} }\n`).findings).hint;
  const unquote = (n: string) => `Bỏ dấu nháy: viết ${n}, vì số không đặt trong dấu nháy.`;

  it('a whole number in quotes where a whole number belongs: write it without the quotes', () => {
    expect(hint(model([['year: 2023', 'year: "2023"']]))).toBe(unquote('2023'));
    expect(hint(model([['year: 2023', 'year: " 2023 "']]))).toBe(unquote('2023'));
    expect(hint(model([['year: 2023', 'year: "+2023"']]))).toBe(unquote('+2023'));
    expect(hint(model([['year: 2023', 'year: "2023.5"']]))).not.toBe(unquote('2023.5'));
  });

  it('a decimal in quotes where a number belongs: write it without the quotes', () => {
    expect(scoreHint('"8.5"')).toBe(unquote('8.5'));
    expect(scoreHint('"12.75"')).toBe(unquote('12.75'));
    expect(scoreHint('"8"')).toBe(unquote('8'));
    expect(scoreHint('"-1"')).toBe(unquote('-1'));
  });

  it('thousands grouping in quotes: the number without its separators', () => {
    expect(hint(model([['steps: {}', 'steps:\n  register:\n    resources: { funds_vnd: "1.200.000" }']]))).toContain('1200000');
  });

  it('a number or a boolean where text or a list belongs gets the hint of what belongs there', () => {
    expect(hint(model([['name: Dân vận khéo trong thu gom rác', 'name: 12345']]))).toBe('Đặt giá trị trong dấu nháy kép.');
    expect(hint(model([['name: Dân vận khéo trong thu gom rác', 'name: True']]))).toBe('Đặt giá trị trong dấu nháy kép.');
    expect(hint(model([['steps: {}', 'steps:\n  register:\n    goals: 1.50']]))).toBe('Viết mỗi mục trên một dòng, bắt đầu bằng "- ".');
  });
});

describe('the wording of each kind of schema error', () => {
  it('a day-first date, and a day the month does not have', () => {
    const day = one(check('model', model([['steps: {}', 'steps:\n  register:\n    date: 24/5/2023']])).findings);
    expect(day).toMatchObject(m.badDate('steps.register.date', '24/5/2023', '2023-05-24'));
    const feb = one(check('model', model([['steps: {}', 'steps:\n  register:\n    date: 2023-02-30']])).findings);
    expect(feb).toMatchObject(m.badDate('steps.register.date', '2023-02-30', undefined, 28));
    expect(feb.hint).toBe('Tháng 2 năm 2023 chỉ có 28 ngày.');
  });

  it('above a maximum, not above an exclusive minimum, an empty text, an empty list', () => {
    expect(one(check('model', model([['year: 2023', 'year: 2200']])).findings)).toMatchObject({ rule: 'schema-range', ...m.outOfRange('year', 2200, 'maximum', 2100) });
    expect(one(check('criteria', `${CRITERIA}rounding: 0\n`).findings)).toMatchObject({ rule: 'schema-range', ...m.outOfRange('rounding', 0, 'exclusiveMinimum', 0) });
    expect(one(check('model', model([['steps: {}', 'steps:\n  register:\n    problem: ""']])).findings)).toMatchObject({ rule: 'schema-range', ...m.emptyText('steps.register.problem') });
    expect(one(check('criteria', CRITERIA.replace(/groups:[\s\S]*?(?=classes:)/, 'groups: []\n')).findings)).toMatchObject({ rule: 'schema-range', ...m.tooFew('groups', 1, true) });
  });

  it('a score sheet with both forms names each form by its title', () => {
    const f = one(check('assessment', `${ASSESSMENT}scores: { C1.1: 1 }\nassessors:\n  - scores: { C1.1: 1 }\n`).findings);
    expect(f.message).toContain('(một bảng điểm chung)');
    expect(f.message).toContain('(mỗi thành viên một phiếu)');
  });

  it('a union error does not hide an error elsewhere in the file', () => {
    const { findings } = check('assessment', `${ASSESSMENT}scores: { C1.1: 1 }\nassessors:\n  - scores: { C1.1: 1 }\nnote: 5\n`);
    expect(findings.map((f) => `${f.rule} ${dotted(f.path!)}`).sort()).toEqual(['schema-one-of ', 'schema-type note']);
  });

  it('a rule name the config does not know: the nearest rule', () => {
    const f = one(check('config', 'rules: { date-ordr: warning }\n').findings);
    expect(f).toMatchObject({ rule: 'schema-format', path: ['rules', 'date-ordr'], target: 'key' });
    expect(f.hint).toBe('Có phải ý bạn là "date-order"?');
  });

  it('an id with spaces and in lowercase: the id as it should be written', () => {
    expect(one(check('model', model([['id: DT-2023-HM-01', 'id: "dt 2023 hm 01 "']])).findings).hint).toContain('Viết DT-2023-HM-01.');
  });

  it('a missing key is named with its title', () => {
    expect(one(check('model', MODEL.replace('name: Dân vận khéo trong thu gom rác\n', '')).findings).message).toBe(m.missingKey('name', '', 'Tên mô hình').message);
  });
});

describe('pointers to values that are not there', () => {
  it('keeps the segments of a pointer that runs through null', () => {
    expect(pointerToPath('/a/0/b', { a: null })).toEqual(['a', '0', 'b']);
    expect(pointerToPath('/a/0', { a: [1] })).toEqual(['a', 0]);
  });

  it('a valid file has no errors at all', () => {
    expect(validateAgainst('model', check('model', MODEL).file.data)).toEqual([]);
  });
});

describe('enums, formats and patterns', () => {
  it('a field written with diacritics gets the code without them', () => {
    const f = one(check('model', model([['field: kinh-te', 'field: văn-hóa-xã-hội']])).findings);
    expect(f).toMatchObject({ rule: 'schema-enum', path: ['field'] });
    expect(f.hint).toContain('van-hoa-xa-hoi');
  });

  it('a type written as its Vietnamese label gets the code (aliases)', () => {
    expect(one(check('model', model([['type: collective', 'type: tập thể']])).findings).hint).toContain('collective');
    expect(one(check('model', model([['type: collective', 'type: Điển hình cá nhân']])).findings).hint).toContain('individual');
  });

  it('an inspection verdict written in Vietnamese gets the code', () => {
    const text = model([['steps: {}', 'steps:\n  inspect:\n    - { date: 2023-08-22, by: Ban Dân vận, findings: Tốt, verdict: đúng tiến độ }']]);
    const f = one(check('model', text).findings);
    expect(f).toMatchObject({ rule: 'schema-enum', path: ['steps', 'inspect', 0, 'verdict'] });
    expect(f.hint).toContain('on-track');
  });

  it('a day-first date gets the ISO date', () => {
    const f = one(check('model', model([['steps: {}', 'steps:\n  register:\n    date: 24/5/2023']])).findings);
    expect(f).toMatchObject({ rule: 'schema-format', path: ['steps', 'register', 'date'] });
    expect(f.hint).toContain('2023-05-24');
  });

  it('an impossible date gets a general hint', () => {
    const f = one(check('model', model([['steps: {}', 'steps:\n  register:\n    date: 2023-02-30']])).findings);
    expect(f.rule).toBe('schema-format');
    expect(f.hint).toBeTruthy();
  });

  it('a model id in lowercase gets the uppercase id', () => {
    const f = one(check('model', model([['id: DT-2023-HM-01', 'id: dt-2023-hm-01']])).findings);
    expect(f).toMatchObject({ rule: 'schema-format', path: ['id'] });
    expect(f.hint).toContain('DT-2023-HM-01');
  });

  it('a framework id with diacritics gets a slug', () => {
    const f = one(check('assessment', ASSESSMENT.replace('framework: vd-100-diem', 'framework: Bộ tiêu chí 100 điểm') + 'scores: { C1.1: 1 }\n').findings);
    expect(f).toMatchObject({ rule: 'schema-format', path: ['framework'] });
    expect(f.hint).toContain('bo-tieu-chi-100-diem');
  });

  it('an empty text is schema-range', () => {
    const f = one(check('model', model([['steps: {}', 'steps:\n  register:\n    problem: ""']])).findings);
    expect(f).toMatchObject({ rule: 'schema-range', path: ['steps', 'register', 'problem'] });
  });

  it('a negative score is schema-range', () => {
    const f = one(check('assessment', `${ASSESSMENT}scores: { C1.1: -1 }\n`).findings);
    expect(f).toMatchObject({ rule: 'schema-range', path: ['scores', 'C1.1'] });
  });

  it('an invalid criterion id as a score key points at the key', () => {
    const f = one(check('assessment', `${ASSESSMENT}scores: { "C 1": 8 }\n`).findings);
    expect(f).toMatchObject({ rule: 'schema-format', path: ['scores', 'C 1'], target: 'key' });
  });

  it('the hint for an invalid rule name in the config fits the rule-name pattern', () => {
    // Rule names are lowercase words joined by hyphens; the hint must not describe criterion ids.
    const f = one(check('config', 'rules: { Bad_Rule: off }\n').findings);
    expect(f).toMatchObject({ rule: 'schema-format', path: ['rules', 'Bad_Rule'], target: 'key' });
    expect(f.hint ?? '').not.toContain('C1.2');
  });
});

describe('framework gates', () => {
  it('a gate with only an id: one finding that says which condition to add', () => {
    const f = one(check('criteria', `${CRITERIA}gates:\n  - { id: g }\n`).findings);
    expect(f.path).toEqual(['gates', 0]);
    expect(`${f.message} ${f.hint ?? ''}`).toMatch(/require_steps|min_months/);
  });

  it('a gate with a title but no condition is rejected too', () => {
    // DESIGN.md §2: gates are must-pass conditions; a gate without a condition checks nothing.
    expect(check('criteria', `${CRITERIA}gates:\n  - { id: g, title: Điều kiện }\n`).errors).not.toEqual([]);
  });

  it('a gate with a condition is fine', () => {
    expect(check('criteria', `${CRITERIA}gates:\n  - { id: g, min_months: 6 }\n  - { id: h, title: Đủ bước, require_steps: [register] }\n`).errors).toEqual([]);
  });
});

describe('unions and conditionals collapse into one precise finding', () => {
  it('an assessment with both scores and assessors: exactly one schema-one-of', () => {
    const f = one(check('assessment', `${ASSESSMENT}scores: { C1.1: 1 }\nassessors:\n  - scores: { C1.1: 1 }\n`).findings);
    expect(f).toMatchObject({ rule: 'schema-one-of', path: [] });
    expect(f.message).toContain('"scores"');
    expect(f.message).toContain('"assessors"');
  });

  it('an assessment with neither: exactly one schema-one-of, no branch errors', () => {
    const { errors, findings } = check('assessment', ASSESSMENT);
    expect(errors.some((e) => e.keyword === 'required')).toBe(true);
    const f = one(findings);
    expect(f).toMatchObject({ rule: 'schema-one-of', path: [] });
    expect(f.message).toContain('"scores"');
  });

  it('errors inside a chosen branch still come through', () => {
    const f = one(check('assessment', `${ASSESSMENT}assessors:\n  - name: A\n    scores: { C1.1: x }\n`).findings);
    expect(f).toMatchObject({ rule: 'schema-type', path: ['assessors', 0, 'scores', 'C1.1'] });
  });

  it('applies_to.fields as a single field (not "all"): one finding, no `if` noise', () => {
    const { errors, findings } = check('criteria', `${CRITERIA}applies_to: { types: [collective], fields: kinh-te }\n`);
    expect(errors.some((e) => e.keyword === 'if')).toBe(true);
    const f = one(findings);
    expect(f).toMatchObject({ rule: 'schema-enum', path: ['applies_to', 'fields'] });
    expect(f.message).toContain('"all"');
  });

  it('applies_to.fields with a misspelt field: one finding at the item', () => {
    const f = one(check('criteria', `${CRITERIA}applies_to: { fields: [kinh-tee] }\n`).findings);
    expect(f).toMatchObject({ rule: 'schema-enum', path: ['applies_to', 'fields', 0] });
    expect(f.hint).toContain('kinh-te');
  });

  it('config levels: [3]: one finding at the item, no `if` noise', () => {
    const { errors, findings } = check('config', 'levels: [3]\n');
    expect(errors.some((e) => e.keyword === 'if')).toBe(true);
    const f = one(findings);
    expect(f).toMatchObject({ rule: 'schema-type', path: ['levels', 0] });
  });

  it('config levels with a bad id in the object form: one finding with a hint', () => {
    const f = one(check('config', 'levels: [xa, { id: Huyen }]\n').findings);
    expect(f).toMatchObject({ rule: 'schema-format', path: ['levels', 1, 'id'] });
    expect(f.hint).toContain('huyen');
  });

  it('config levels with a bad id in the string form: one finding', () => {
    const f = one(check('config', 'levels: [xa, Huyện]\n').findings);
    expect(f).toMatchObject({ rule: 'schema-format', path: ['levels', 1] });
  });
});

describe('pointers and paths', () => {
  it('unescapes ~1 and ~0, and turns indexes into numbers', () => {
    expect(pointerToPath('')).toEqual([]);
    expect(pointerToPath('/a~1b/c~0d/0/10/01')).toEqual(['a/b', 'c~d', 0, 10, '01']);
    expect(pointerToPath('/~01')).toEqual(['~1']);
  });

  it('dotted writes a path as users read it', () => {
    expect(dotted(['steps', 'implement', 'activities', 0, 'date'])).toBe('steps.implement.activities[0].date');
    expect(dotted([])).toBe('');
    expect(dotted([0, 'a'])).toBe('[0].a');
  });
});
