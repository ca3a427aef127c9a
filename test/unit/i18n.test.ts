// The message catalogues: same shape in both languages, every text NFC and non-empty, numbers
// written the way each language writes them, and the language choice.
import { describe, expect, it } from 'vitest';
import { formatNumber, list } from '../../src/i18n/format.js';
import { LANGS, messages, pickLang } from '../../src/i18n/index.js';

const vi = messages('vi') as unknown as Record<string, unknown>;
const en = messages('en') as unknown as Record<string, unknown>;

type Leaf = 'function' | 'string' | 'number' | 'boolean' | 'array' | 'object';

/** Every leaf of a catalogue by dotted path, with its kind. Arrays of strings count as leaves. */
function shape(o: unknown, prefix = '', out = new Map<string, Leaf>()): Map<string, Leaf> {
  for (const [k, v] of Object.entries(o as Record<string, unknown>)) {
    const p = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'function') out.set(p, 'function');
    else if (Array.isArray(v)) out.set(p, 'array');
    else if (v !== null && typeof v === 'object') shape(v, p, out);
    else out.set(p, typeof v as Leaf);
  }
  return out;
}

function get(o: unknown, p: string): unknown {
  return p.split('.').reduce<unknown>((x, k) => (x as Record<string, unknown>)[k], o);
}

const SUMMARY = { files: 12, errors: 1, warnings: 1200 };
const MODEL = { id: 'DT-2023-HM-01', type: 'collective', field: 'kinh-te' };

/** Plausible arguments for each function, several sets where the text has branches. */
const ARGS: Record<string, unknown[][]> = {
  yearMismatch: [[2023, [2022]], [2023, [2021, 2022, 2024]]],
  'cli.diff.edited': [[['name']], [['name', 'steps.inspect']]],
  'cli.placeholders.refused': [[['dvk.config.yaml']], [['dvk.config.yaml', 'models/2023/HM/a.yaml']]],
  'cli.newModel.missingFlags': [[['--unit']], [['--unit', '--field']]],
  'cli.places.placed': [['/repo', 'kho', ['.github/workflows/dvk.yml', 'CODEOWNERS']]],
  number: [[55.5], [1200000], ['0.01'], [-3]],
  fileTooLarge: [[2_000_000, 1_048_576]],
  utf16: [[]],
  notUtf8: [[0xea], [0x8]],
  emptyFile: [[]],
  yamlError: [['BAD_INDENT', 'x: ['], ['DUPLICATE_KEY', 'id'], ['SOMETHING_NEW', ''], ['MULTIPLE_DOCS', '---']],
  aliasLimit: [[100]],
  notMapping: [['array'], ['string'], ['null'], ['integer']],
  missingKind: [['models/2023/HM/a.yaml']],
  unknownKind: [['modle']],
  badKeyName: [['C 1', 'Mã tiêu chí'], ['C 1']],
  unknownKey: [['feild', '', 'field', ['field', 'name']], ['x', 'unit', undefined, ['name', 'level']], ['x', 'unit', undefined, []]],
  missingKey: [['level', 'unit', 'Cấp của đơn vị'], ['name', '']],
  wrongType: [
    ['steps.review.results.participants', 'integer', 'number', 1.2, { number: '1200' }],
    ['scores.C1.1', 'number', 'string', '8,5', { number: '8.5' }],
    ['unit.code', 'string', 'integer', 123, { quote: '00123' }],
    ['steps.register.goals', 'array', 'string', 'a', {}],
    ['unit', 'object', 'null', null, {}],
    ['decision.number', 'integer,string', 'boolean', true, {}],
  ],
  notAllowed: [['field', 'văn-hóa-xã-hội', ['kinh-te', 'van-hoa-xa-hoi'], 'van-hoa-xa-hoi'], ['kind', 'modle', ['model']], ['version', 2, [1]]],
  badDate: [['steps.register.date', '24/5/2023', '2023-05-24'], ['steps.register.date', '2023-02-30', undefined, 28], ['date', 'x']],
  badPattern: [['id', 'dt-1', 'Mã mô hình', 'Mã duy nhất.', 'DT-1'], ['id', 'x y'], ['level', 'Huyen', undefined, 'Mã cấp.']],
  outOfRange: [['scores.C1', -1, 'minimum', 0], ['year', 3000, 'maximum', 2100], ['max', 0, 'exclusiveMinimum', 0], ['x', 5, 'exclusiveMaximum', 5]],
  emptyText: [['steps.register.problem']],
  tooFew: [['steps.register.goals', 1, true], ['steps.review.results', 1, false]],
  oneOf: [
    ['', [{ title: 'Một bảng điểm chung', keys: ['scores'] }, { title: 'Mỗi thành viên một phiếu', keys: ['assessors'] }], true],
    ['', [{ title: 'Một bảng điểm chung', keys: ['scores'] }, { title: 'Mỗi thành viên một phiếu', keys: ['assessors'] }], false],
  ],
  dateBefore: [[['steps', 'register', 'start'], '2023-03-01', '2023-03-15', 'registered'], [['steps', 'implement', 'activities', 0, 'date'], '2023-03-01', '2023-04-01', 'start']],
  endBeforeStart: [['2023-03-31', '2023-04-01']],
  evidenceOutside: [['../x.pdf']],
  evidenceMissing: [['evidence/a.pdf']],
  stepName: [['register'], ['implement'], ['inspect'], ['review']],
  stepAbsent: [['register'], ['review']],
  stepIncomplete: [['register', ['goals', 'content'], true], ['implement', ['activities[0].date'], false]],
  notNfc: [['Văn hóa'.normalize('NFD')], ['Văn hóa xã hội, quốc phòng an ninh và xây dựng hệ thống chính trị'.normalize('NFD')]],
  unknownLevel: [['huyne', ['xa', 'huyen'], 'huyen'], ['phuong', ['xa', 'huyen']]],
  duplicateId: [['DT-2023-HM-01', ['models/b.yaml:3']], ['DT-2023-HM-01', ['b.yaml:3', 'c.yaml:4']]],
  duplicateAssessment: [['DT-2023-HM-01', 'huyen', ['a2.yaml:3']]],
  unknownModel: [['DT-2023-HM-1', 'DT-2023-HM-01'], ['X']],
  unknownFramework: [['vdd', ['vd'], 'vd'], ['x', ['vd', 'vd-2']], ['x', []]],
  notApplicable: [['vd-100-diem', MODEL, 'type'], ['vd-100-diem', MODEL, 'field']],
  unknownCriterion: [['C1.3', 'vd', 'C1.1'], ['Z', 'vd']],
  scoreOverMax: [['C1.1', 11.5, 10]],
  missingScores: [[['C1.2', 'C2.1'], 'Trần Văn A'], [['C1.2']]],
  frameworkDuplicateId: [['C1']],
  classOrder: [['Khá', 80, 'Tốt', 80]],
  lowestClassMin: [['Đạt', 20]],
  unknownClass: [['khaa', ['kha', 'tot'], 'kha'], ['x', ['kha', 'tot']]],
  'score.gateSteps': [['Thực hiện đủ bốn bước', ['inspect', 'review']], ['Thực hiện đủ bốn bước', []]],
  'score.gateMonths': [
    ['Tối thiểu 6 tháng', 6, true, '2023-04-01', '2023-11-30', '2023-10-01'],
    ['Tối thiểu 6 tháng', 6, false, '2023-04-01', '2023-08-30', '2023-10-01'],
    ['Tối thiểu 6 tháng', 6, false, undefined, '2023-08-30'],
    ['Tối thiểu 6 tháng', 6, false, '2023-04-01', undefined],
  ],
  'score.noClass': [['12.5']],
  'score.minClass': [['Khá', 'Khá', true], ['Đạt', 'Khá', false]],
  'score.groupRatio': [['C1', '7.5', '15', '50', true], ['C1', '5', '15', '50', false]],
  'score.notLowest': [['Khá', true], ['Chưa đạt', false]],
  'score.exemplary': [['Xuất sắc', 'Xuất sắc', true], ['Tốt', 'Xuất sắc', false]],
  'score.summary': [[{ models: 20, assessed: 15, recognized: 12, exemplary: 3, notAssessed: 5 }]],
  'score.fieldLabel': [['kinh-te'], ['van-hoa-xa-hoi'], ['quoc-phong-an-ninh'], ['xay-dung-he-thong-chinh-tri']],
  'score.typeLabel': [['collective'], ['individual']],
  'score.explain.modelLine': [['UBND phường Hòa Mạc', 'xa', 'Kinh tế', 'Mô hình tập thể', 2023]],
  'score.explain.sheetLine': [['huyen', 'vd-100-diem', 'assessments/2023/huyen/DT-2023-HM-01.yaml']],
  'score.explain.method': [['mean', 'mean', 5, '0,01'], ['trimmed-mean', 'mean', 2, '0,01'], ['median', 'median', 4, '0,5']],
  'score.explain.assessorShort': [[1]],
  'score.explain.exact': [['mean'], ['median'], ['trimmed-mean']],
  'score.explain.groupTotal': [['C1']],
  'score.explain.classLine': [['Khá', '65']],
  'score.explain.conclusion': [[true, true], [true, false], [false, false]],
  'cli.summary': [[SUMMARY], [{ files: 3, errors: 0, warnings: 0 }], [{ files: 3, errors: 0, warnings: 2 }]],
  'cli.help.choices': [[['stylish', 'json']]],
  'cli.help.default': [['stylish']],
  'cli.parseError': [
    ['commander.unknownOption', ["'--formt'"], '--format', undefined, "error: unknown option '--formt'"],
    ['commander.unknownCommand', ["'validat'"], undefined, undefined, "error: unknown command 'validat'"],
    ['commander.missingArgument', ["'sheet'"], undefined, undefined, 'x'],
    ['commander.optionMissingArgument', ["'--format <f>'"], undefined, undefined, 'x'],
    ['commander.excessArguments', [], undefined, undefined, 'x'],
    ['commander.invalidArgument', ["'--format'", "'xml'"], undefined, "'stylish', 'json'", 'x'],
    ['commander.invalidArgument', ["'--max-warnings'", "'x'"], undefined, undefined, "option '--max-warnings <n>' argument 'x' is invalid. Not a number."],
    ['commander.other', [], undefined, undefined, 'raw message'],
  ],
  'cli.configInvalid': [['dvk.config.yaml']],
  'cli.internalError': [['TypeError: x.y is not a function']],
  'cli.pathNotFound': [['models/khong-co']],
  'cli.badStep': [['dang-ky']],
  'cli.badCount': [['-1']],
  'cli.validate.tooManyWarnings': [[1200, 10]],
  'cli.forms.done': [[{ forms: 2, created: 1, updated: 1, unchanged: 0, refused: 0, dryRun: false }], [{ forms: 1, created: 0, updated: 0, unchanged: 1, refused: 0, dryRun: true }]],
  'cli.status.invalid': [[3]],
  'cli.status.missingList': [[['register', 'goals', 'activities[0].date']]],
  'cli.status.modelsTitle': [[1200]],
  'cli.status.unitsTitle': [[12]],
  'cli.schema.unknown': [['modle', ['model', 'assessment']]],
  'cli.score.noSuchModel': [['DT-2023-HM-99']],
  'cli.score.refused': [[['criteria/vd.yaml']], [['a.yaml', 'b.yaml']]],
  'cli.score.badTotal': [['abc']],
  'cli.score.under': [['65', ['DT-1', 'DT-2']]],
  'cli.docs.badDate': [['2023-13-01']],
  'cli.docs.needLevel': [[['xa', 'huyen'], [], 2023], [['xa', 'huyen', 'tinh'], ['huyen', 'tinh'], 2023]],
  'cli.docs.interrupted': [[3, 12]],
  'cli.decide.nothing': [[2023, 'Cấp huyện']],
  'cli.decide.done': [[1, 12]],
  'cli.report.nothing': [[2023]],
  'cli.report.noPrevious': [[2022]],
  'cli.report.done': [[1]],
  'cli.newModel.badId': [['dt 1']],
  'cli.newModel.idTaken': [['DT-2023-HM-01']],
  'cli.newModel.exists': [['models/2023/HM/a.yaml']],
  'cli.newModel.created': [['models/2023/HM/a.yaml', 'DT-2023-HM-01']],
  'cli.certificate.nothing': [[2023, 'Cấp huyện']],
  'cli.certificate.outside': [['date', 320, 148, 297, 210]],
  'cli.certificate.done': [[1, 11], [3, 11]],
  'cli.propose.notRecognized': [['DT-2023-MN-01', 'Cấp huyện', []], ['DT-2023-MN-01', 'Cấp huyện', ['nhóm C5 đạt 5,9/15 điểm']]],
  'cli.propose.unknownId': [['DT-2023-CA-1', 'DT-2023-CA-01'], ['X', undefined]],
  'cli.propose.done': [[3, 'Cấp tỉnh', 16, false], [3, 'Cấp tỉnh', 16, true]],
  'cli.bundle.tampered': [['a.zip', 'models/a.yaml', 'corrupt'], ['a.zip', 'models/a.yaml', 'missing'], ['a.zip', 'models/a.yaml', 'unlisted'], ['a.zip', 'models/a.yaml', 'checksum']],
  'cli.bundle.header': [['Ban Chỉ đạo (Duy Tiên)', 'Cấp huyện', 'Cấp tỉnh', 2023, '2023-12-26', 3, 'd23290ee42dd69ab3b199a1c04b49f3682390c52'], ['Ban Chỉ đạo', 'Cấp huyện', 'Cấp tỉnh', 2023, '2023-12-26', 1, undefined]],
  'cli.bundle.framework': [['vd-100-diem', 'vd-100-diem-duy-tien', 'criteria/vd-100-diem-duy-tien.yaml', true], ['vd-100-diem', 'vd-100-diem', 'criteria/vd-100-diem.yaml', false]],
  'cli.bundle.added': [['DT-2023-CA-01', 'models/2023/CA/a.yaml', false], ['DT-2023-CA-01', 'models/2023/CA/a.yaml', true]],
  'cli.bundle.done': [[3, 0, false], [2, 1, true]],
  'cli.bundle.mismatch': [['a.zip', 'models/a.yaml', 'YAML'], ['a.zip', 'models/a.yaml', 'id']],
  'cli.diff.completed': [[['bước 3', 'bước 4']]],
  'cli.diff.uncompleted': [[['bước 2']]],
  'cli.diff.totals': [[{ recognized: [16, 17], exemplary: [4, 4] }]],
  'cli.init.exists': [[['dvk.config.yaml']], [['dvk.config.yaml', 'models/']]],
  'cli.import.noSheet': [['Danh sách', ['Hướng dẫn', 'Danh sách 2023']]],
  'cli.import.unknownKey': [['ten', ['name', 'unit']]],
  'cli.import.mapNoColumn': [['Tên', ['Tên mô hình', 'Đơn vị']]],
  'cli.import.noNameColumn': [[['STT', 'Đơn vị']], [[]]],
  'cli.import.unusedColumns': [[['Ghi chú']], [['Ghi chú', 'STT']]],
  'cli.import.skipped': [[12, ['thiếu tên mô hình', 'lĩnh vực không rõ']]],
  'cli.import.done': [[3, [], false], [0, [4, 5], true]],
  'cli.forms.conflict': [['dang-ky.docx', ['DT-2023-HM-01', 'DT-2023-HM-02']]],
  'cli.forms.updated': [['models/2023/HM/a.yaml', 'DT-2023-HM-01', ['steps.review'], 'tong-ket.docx']],
  'cli.forms.wouldUpdate': [['models/2023/HM/a.yaml', 'DT-2023-HM-01', ['steps.review'], 'tong-ket.docx']],
  'cli.forms.overwrite': [['models/2023/HM/a.yaml', ['steps.register.goals']]],
  'cli.forms.problem.badChoice': [['Lĩnh vực', 'kinh tế', ['Kinh tế', 'Văn hóa – xã hội']]],
  'cli.forms.problem.modelMismatch': [[['DT-2023-HM-01', 'DT-2023-HM-02']]],
};

/** For a function added later and not in ARGS: arguments guessed from its parameter names. */
const BY_NAME: Record<string, unknown> = {
  id: 'DT-2023-HM-01', file: 'models/a.yaml', files: 2, year: 2023, level: 'huyen', levels: ['xa', 'huyen'], count: 3, total: 12,
  name: 'Trần Văn A', title: 'Tiêu đề', label: 'Khá', value: 'x', where: 'steps.register', step: 'register', v: 'x', s: 'x', p: 'x',
};

function argsFor(path: string, fn: (...a: unknown[]) => unknown): { sets: unknown[][]; guessed: boolean } {
  if (ARGS[path]) return { sets: ARGS[path], guessed: false };
  const params = /^[^(]*\(([^)]*)\)/.exec(String(fn))?.[1] ?? '';
  const names = params.split(',').map((x) => x.trim().split(/[\s=:]/)[0]!).filter(Boolean);
  return { sets: [names.map((n) => BY_NAME[n] ?? 'x')], guessed: true };
}

/** Every text a call produced: a string, or a message and its hint. */
function texts(result: unknown): string[] {
  if (typeof result === 'string') return [result];
  if (result && typeof result === 'object' && 'message' in result) {
    const { message, hint } = result as { message: unknown; hint?: unknown };
    expect(typeof message).toBe('string');
    if (hint !== undefined) expect(typeof hint).toBe('string');
    return [message as string, ...(hint === undefined ? [] : [hint as string])];
  }
  throw new Error(`unexpected result ${JSON.stringify(result)}`);
}

function checkText(t: string, where: string) {
  expect(t.trim(), `${where}: empty`).not.toBe('');
  expect(t, `${where}: not NFC`).toBe(t.normalize('NFC'));
  expect(t, `${where}: leaked a missing value`).not.toMatch(/\bundefined\b|\[object Object\]|\bNaN\b/);
}

describe('catalogue shape', () => {
  it('vi and en have exactly the same keys, with the same kinds, recursively', () => {
    const a = shape(vi);
    const b = shape(en);
    expect([...b.keys()].filter((k) => !a.has(k)), 'only in en').toEqual([]);
    expect([...a.keys()].filter((k) => !b.has(k)), 'only in vi').toEqual([]);
    for (const [k, kind] of a) expect(b.get(k), k).toBe(kind);
  });

  it('each catalogue names its language', () => {
    expect(messages('vi').lang).toBe('vi');
    expect(messages('en').lang).toBe('en');
    expect(LANGS).toEqual(['vi', 'en']);
  });

  it('has a description for every rule in both languages', () => {
    const rules = Object.keys(messages('vi').rules);
    expect(rules.length).toBeGreaterThan(20);
    expect(Object.keys(messages('en').rules).sort()).toEqual([...rules].sort());
  });
});

describe('every text is NFC and non-empty', () => {
  const leaves = [...shape(vi)];

  it.each(leaves.filter(([, kind]) => kind === 'string' || kind === 'array').map(([p]) => p))('static text %s', (p) => {
    for (const cat of [vi, en]) {
      const v = get(cat, p);
      for (const t of Array.isArray(v) ? v : [v]) {
        expect(typeof t).toBe('string');
        checkText(t as string, p);
      }
    }
  });

  it.each(leaves.filter(([, kind]) => kind === 'function').map(([p]) => p))('function %s', (p) => {
    const { sets, guessed } = argsFor(p, get(vi, p) as (...a: unknown[]) => unknown);
    for (const [name, cat] of [['vi', vi], ['en', en]] as const) {
      const fn = get(cat, p) as (...a: unknown[]) => unknown;
      for (const args of sets) {
        let result: unknown;
        try {
          result = fn(...args);
        } catch (e) {
          // Guessed arguments that do not fit a new function: give it plausible ones in ARGS.
          throw new Error(`${name} ${p}(${JSON.stringify(args)})${guessed ? ': add plausible arguments to ARGS' : ''}: ${String(e)}`);
        }
        for (const t of texts(result)) checkText(t, `${name} ${p}(${JSON.stringify(args)})`);
      }
    }
  });

  it('messages in Vietnamese are in Vietnamese, and in English in English', () => {
    expect(messages('vi').emptyFile().message).toMatch(/rỗng/);
    expect(messages('en').emptyFile().message).toMatch(/empty/);
    expect(messages('en').unknownKey('feild', '', 'field', []).message).not.toMatch(/[ăâđêôơư]/i);
  });
});

describe('numbers', () => {
  it('Vietnamese: decimal comma, dot for thousands', () => {
    expect(formatNumber(55.5, 'vi')).toBe('55,5');
    expect(formatNumber(1200000, 'vi')).toBe('1.200.000');
    expect(formatNumber(1234.56, 'vi')).toBe('1.234,56');
    expect(formatNumber(100, 'vi')).toBe('100');
    expect(formatNumber(-1200.5, 'vi')).toBe('-1.200,5');
    expect(formatNumber('0.01', 'vi')).toBe('0,01');
    expect(messages('vi').number(55.5)).toBe('55,5');
  });

  it('English: decimal point, comma for thousands', () => {
    expect(formatNumber(55.5, 'en')).toBe('55.5');
    expect(formatNumber(1200000, 'en')).toBe('1,200,000');
    expect(formatNumber(1234.56, 'en')).toBe('1,234.56');
    expect(formatNumber(-1200.5, 'en')).toBe('-1,200.5');
    expect(messages('en').number(1200000)).toBe('1,200,000');
  });

  it('does not group the digits after the decimal point', () => {
    expect(formatNumber(0.12345, 'vi')).toBe('0,12345');
    expect(formatNumber('1234.5678', 'en')).toBe('1,234.5678');
  });

  it('writes tiny numbers without an exponent', () => {
    expect(formatNumber(1e-7, 'en')).toBe('0.0000001');
    expect(formatNumber(2.5e-8, 'vi')).toBe('0,000000025');
  });

  it('writes huge numbers without an exponent', () => {
    expect(formatNumber(1e21, 'vi')).toBe('1.000.000.000.000.000.000.000');
  });

  it('leaves text that is not a number alone', () => {
    expect(formatNumber('abc', 'vi')).toBe('abc');
  });

  it('uses the numbers in messages', () => {
    expect(messages('vi').fileTooLarge(2_000_000, 1_048_576).message).toContain('2.000.000');
    expect(messages('en').fileTooLarge(2_000_000, 1_048_576).message).toContain('2,000,000');
    // A number of a YAML file is quoted as the file writes it, in both languages.
    expect(messages('vi').scoreOverMax('C1', 8.5, 7.5).message).toBe('Điểm tiêu chí "C1" là 8.5, vượt điểm tối đa 7.5.');
    expect(messages('en').scoreOverMax('C1', 1200.5, 1000).message).toContain('1200.5, above its maximum 1000');
  });
});

describe('lists', () => {
  it('joins with "và" / "and"', () => {
    expect(list([], 'vi')).toBe('');
    expect(list(['a'], 'vi')).toBe('"a"');
    expect(list(['a', 'b'], 'vi')).toBe('"a" và "b"');
    expect(list(['a', 'b', 'c'], 'en')).toBe('"a", "b" and "c"');
    expect(list(['a', 'b'], 'en', false)).toBe('a and b');
  });
});

describe('pickLang', () => {
  it('prefers the flag over the environment', () => {
    expect(pickLang('en', 'vi')).toBe('en');
    expect(pickLang('vi', 'en')).toBe('vi');
  });

  it('falls back to the environment', () => {
    expect(pickLang(undefined, 'en')).toBe('en');
    expect(pickLang(undefined, 'vi')).toBe('vi');
  });

  it('reads locale-style values case-insensitively', () => {
    expect(pickLang('EN', undefined)).toBe('en');
    expect(pickLang(undefined, 'en_US.UTF-8')).toBe('en');
    expect(pickLang(undefined, 'vi-VN')).toBe('vi');
  });

  it('gives undefined for unknown or absent values', () => {
    expect(pickLang('fr', undefined)).toBeUndefined();
    expect(pickLang(undefined, 'de')).toBeUndefined();
    expect(pickLang(undefined, undefined)).toBeUndefined();
    expect(pickLang('', '')).toBeUndefined();
  });
});
