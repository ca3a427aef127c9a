// formatYaml: the canonical form of dvk files (key order from the schemas, NFC, scalar and
// collection styles, comments kept), its idempotence, and the checks that guard every write.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { runs } from '../runs.js';
import { describe, expect, it } from 'vitest';
import { Document, isMap, isPair, isScalar, isSeq, parseDocument, stringify, visit, type YAMLSeq } from 'yaml';
import { commentsOf, formatYaml, keyOrder, plainData, resolveRef, unsafeChange, type SchemaSet } from '../../src/core/fmt.js';
import type { Kind } from '../../src/core/types.js';
import { EXAMPLE, FIXTURES, ROOT } from '../helpers.js';
import { readSchemas } from '../../src/cli/commands/fmt.js';
import { loadFile } from '../../src/core/load.js';
import { messages } from '../../src/i18n/index.js';


const schemas = readSchemas();
const fmt = (text: string, kind: Kind = 'model') => formatYaml(text, kind, schemas).text;
const lines = (...ls: string[]) => `${ls.join('\n')}\n`;
/** Keys of the mapping at a path, in file order. */
function keysAt(text: string, ...at: (string | number)[]): string[] {
  const node = parseDocument(text).getIn(at, true);
  if (!isMap(node)) throw new Error(`no mapping at ${at.join('.')}`);
  return node.items.map((p) => String((p.key as { value: unknown }).value));
}
const schemaKeys = (file: string, ...at: string[]) => {
  let node = schemas[file] as Record<string, unknown>;
  for (const k of at) node = node[k] as Record<string, unknown>;
  return Object.keys(node.properties as object);
};

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...yamlFiles(full));
    else if (/\.ya?ml$/.test(e.name)) out.push(full);
  }
  return out.sort();
}
const kindOf = (text: string): Kind => {
  const k = (plainData(text) as { kind?: unknown } | undefined)?.kind;
  return k === 'model' || k === 'assessment' || k === 'criteria' ? k : 'config';
};

describe('key order from the schemas', () => {
  it('follows properties, $ref to common and step drafts, items, if/then/else', () => {
    const model = keyOrder(schemas, 'model');
    expect(model.keys).toEqual(schemaKeys('model.schema.json'));
    expect(model.props.unit!.keys).toEqual(['name', 'code', 'level', 'parent']);
    expect(model.props.steps!.keys).toEqual(['register', 'implement', 'inspect', 'review']);
    const register = model.props.steps!.props.register!;
    expect(register.keys).toEqual(schemaKeys('steps/register.schema.json', '$defs', 'draft'));
    expect(register.props.forces!.items!.keys).toEqual(['name', 'role']);
    expect(model.props.steps!.props.implement!.props.activities!.items!.keys).toEqual(['date', 'title', 'participants', 'description']);
    expect(model.props.steps!.props.inspect!.items!.keys).toEqual(['date', 'by', 'findings', 'verdict', 'recommendations']);
    expect(model.props.steps!.props.review!.props.results!.props.other!.items!.keys).toEqual(['label', 'value', 'unit']);
    expect(keyOrder(schemas, 'assessment').props.assessors!.items!.keys).toEqual(['name', 'role', 'scores']);
    const criteria = keyOrder(schemas, 'criteria');
    expect(criteria.props.groups!.items!.props.criteria!.items!.keys).toEqual(['id', 'title', 'description', 'max', 'step']);
    expect(criteria.props.classes!.items!.keys).toEqual(['id', 'label', 'min']);
    expect(keyOrder(schemas, 'config').props.levels!.items!.keys).toEqual(['id', 'label']);
  });
});

describe('key order from any schema', () => {
  // The schemas change; fmt must follow what they say, whatever construct says it.
  const set: SchemaSet = {
    'model.schema.json': {
      $ref: 'common.json#/$defs/base',
      properties: {
        extra: {},
        version: {},
        list: { items: { $ref: '#/$defs/item' } },
        map: { additionalProperties: { properties: { y: {}, x: {} } } },
        loop: { $ref: '#/$defs/loop' },
        odd: { $ref: 'common.json#/$defs/we~1ird~0' },
        gone: { $ref: 'common.json#/$defs/none' },
      },
      allOf: [
        { properties: { late: {} } },
        { properties: { extra: { properties: { e: {} } }, list: { items: { properties: { c: {} } } }, map: { additionalProperties: { properties: { w: {} } } } } },
      ],
      anyOf: [{ properties: { any: {} } }],
      oneOf: [{ properties: { one: {} } }],
      if: { properties: { cond: {} } },
      then: { properties: { thenKey: {} } },
      else: { properties: { elseKey: {} } },
      $defs: { item: { properties: { b: {}, a: {} } }, loop: { properties: { z: { $ref: '#/$defs/loop' } } } },
    },
    'common.json': { $defs: { base: { properties: { kind: {}, version: {} } }, 'we/ird~': { properties: { w: {} } } } },
  };
  const leaf = { keys: [], props: {} };

  it('puts the keys of a $ref first, then properties, the combinators and if/then/else, each key once', () => {
    const o = keyOrder(set, 'model');
    expect(o.keys).toEqual(['kind', 'version', 'extra', 'list', 'map', 'loop', 'odd', 'gone', 'late', 'any', 'one', 'cond', 'thenKey', 'elseKey']);
    expect(o.props.kind).toEqual(leaf);
    expect(o.props.extra).toEqual({ keys: ['e'], props: { e: leaf } });
    expect(o.props.list).toEqual({ keys: [], props: {}, items: { keys: ['b', 'a', 'c'], props: { b: leaf, a: leaf, c: leaf } } });
    expect(o.props.map).toEqual({ keys: [], props: {}, other: { keys: ['y', 'x', 'w'], props: { y: leaf, x: leaf, w: leaf } } });
  });

  it('follows escaped pointers, stops at a missing target and at a cycle', () => {
    const o = keyOrder(set, 'model');
    expect(o.props.odd).toEqual({ keys: ['w'], props: { w: leaf } });
    expect(o.props.gone).toEqual(leaf);
    expect(o.props.loop).toEqual({ keys: ['z'], props: { z: leaf } });
  });

  it('resolves a $ref relative to the file it is in', () => {
    const schemas: SchemaSet = { 'common.json': { $defs: { a: { title: 'A' } } }, 'steps/x.json': { title: 'X' }, 'my file.json': { title: 'M' } };
    expect(resolveRef(schemas, '../common.json#/$defs/a', 'steps/x.json')).toEqual({ node: { title: 'A' }, file: 'common.json' });
    expect(resolveRef(schemas, '#', 'steps/x.json')).toEqual({ node: { title: 'X' }, file: 'steps/x.json' });
    expect(resolveRef(schemas, 'my%20file.json', 'common.json')).toEqual({ node: { title: 'M' }, file: 'my file.json' });
    expect(resolveRef(schemas, 'common.json#/$defs/b', 'x.json')).toBeUndefined();
  });
});

describe('formatYaml: key order', () => {
  it('orders the top level, the unit and the steps as the schema does', () => {
    const out = fmt(lines(
      'steps: {}',
      'unit:',
      '  level: xa',
      '  name: Xã A',
      'year: 2023',
      'id: A-01',
      'version: 1',
      'kind: model',
      'name: Mô hình',
      'type: collective',
      'field: kinh-te',
    ));
    expect(keysAt(out)).toEqual(['kind', 'version', 'id', 'name', 'type', 'field', 'year', 'unit', 'steps']);
    expect(keysAt(out, 'unit')).toEqual(['name', 'level']);
  });

  it('orders each step and the items of forces, activities and inspections', () => {
    const out = fmt(lines(
      'kind: model',
      'steps:',
      '  review:',
      '    lessons: [Bài học]',
      '    date: 2023-11-30',
      '  inspect:',
      '    - verdict: on-track',
      '      findings: Tốt',
      '      by: Ban Dân vận',
      '      date: 2023-08-01',
      '  register:',
      '    end: 2023-11-30',
      '    forces:',
      '      - role: chủ trì',
      '        name: MTTQ',
      '    start: 2023-04-01',
      '    date: 2023-03-15',
      '  implement:',
      '    activities:',
      '      - participants: 10',
      '        title: Hội nghị',
      '        date: 2023-04-10',
    ));
    expect(keysAt(out, 'steps')).toEqual(['register', 'implement', 'inspect', 'review']);
    expect(keysAt(out, 'steps', 'register')).toEqual(['date', 'forces', 'start', 'end']);
    expect(keysAt(out, 'steps', 'register', 'forces', 0)).toEqual(['name', 'role']);
    expect(keysAt(out, 'steps', 'implement', 'activities', 0)).toEqual(['date', 'title', 'participants']);
    expect(keysAt(out, 'steps', 'inspect', 0)).toEqual(['date', 'by', 'findings', 'verdict']);
    expect(keysAt(out, 'steps', 'review')).toEqual(['date', 'lessons']);
  });

  it('orders flow mappings too, and keeps them flow', () => {
    const out = fmt(lines('kind: model', 'unit: { level: xa, code: HM, name: Phường Hòa Mạc }'));
    expect(out).toBe(lines('kind: model', 'unit: { name: Phường Hòa Mạc, code: HM, level: xa }'));
  });

  it('orders assessors and criteria frameworks (groups, criteria, classes)', () => {
    const assessment = fmt(lines(
      'assessors:',
      '  - scores: { C1: 8 }',
      '    role: Trưởng ban',
      '    name: Trần Văn A',
      'framework: f',
      'level: huyen',
      'model: A-01',
      'version: 1',
      'kind: assessment',
    ), 'assessment');
    expect(keysAt(assessment)).toEqual(['kind', 'version', 'model', 'level', 'framework', 'assessors']);
    expect(keysAt(assessment, 'assessors', 0)).toEqual(['name', 'role', 'scores']);

    const criteria = fmt(lines(
      'kind: criteria',
      'classes:',
      '  - min: 50',
      '    label: Đạt',
      '    id: dat',
      'groups:',
      '  - criteria:',
      '      - step: register',
      '        max: 10',
      '        title: Tiêu chí',
      '        id: C1.1',
      '    title: Nhóm',
      '    id: C1',
      'id: f',
      'title: Bộ tiêu chí',
    ), 'criteria');
    expect(keysAt(criteria)).toEqual(['kind', 'id', 'title', 'groups', 'classes']);
    expect(keysAt(criteria, 'groups', 0)).toEqual(['id', 'title', 'criteria']);
    expect(keysAt(criteria, 'groups', 0, 'criteria', 0)).toEqual(['id', 'title', 'max', 'step']);
    expect(keysAt(criteria, 'classes', 0)).toEqual(['id', 'label', 'min']);
  });

  it('puts unknown keys after the known ones, in their own order; score maps keep theirs', () => {
    const out = fmt(lines('zeta: 1', 'kind: model', 'feild: kinh-te', 'id: A', 'alpha: 2'));
    expect(keysAt(out)).toEqual(['kind', 'id', 'zeta', 'feild', 'alpha']);
    const scores = fmt(lines('kind: assessment', 'scores:', '  C2.1: 5', '  C1.1: 7'), 'assessment');
    expect(keysAt(scores, 'scores')).toEqual(['C2.1', 'C1.1']);
  });

  it('orders the config file', () => {
    const out = fmt(lines('signer: { name: A, title: TRƯỞNG BAN }', 'year: 2023', 'kind: config', 'levels: [{ label: Cấp xã, id: xa }]'), 'config');
    expect(out).toBe(lines('kind: config', 'year: 2023', 'levels: [{ id: xa, label: Cấp xã }]', 'signer: { title: TRƯỞNG BAN, name: A }'));
  });
});

describe('formatYaml: comments', () => {
  it('moves a comment with its key and keeps end-of-line comments on their line', () => {
    const out = fmt(lines(
      '# yaml-language-server: $schema=../../../../schemas/model.schema.json',
      'year: 2023 # năm đăng ký',
      '# mã do Ban Dân vận cấp',
      'id: A-01',
      'kind: model',
      'unit: # đơn vị thực hiện',
      '  # cấp của đơn vị',
      '  level: xa',
      '  name: Xã A # tên đầy đủ',
      'steps: # chưa có bước nào',
      '  {}',
      '# cuối tệp',
    ));
    expect(out).toBe(lines(
      '# yaml-language-server: $schema=../../../../schemas/model.schema.json',
      'kind: model',
      '# mã do Ban Dân vận cấp',
      'id: A-01',
      'year: 2023 # năm đăng ký',
      'unit: # đơn vị thực hiện',
      '  name: Xã A # tên đầy đủ',
      '  # cấp của đơn vị',
      '  level: xa',
      'steps: # chưa có bước nào',
      '  {}',
      '',
      '# cuối tệp',
    ));
    expect(commentsOf(out)).toEqual(commentsOf(lines(
      '# yaml-language-server: $schema=../../../../schemas/model.schema.json',
      '# năm đăng ký', '# mã do Ban Dân vận cấp', '# đơn vị thực hiện', '# cấp của đơn vị', '# tên đầy đủ', '# chưa có bước nào', '# cuối tệp',
    )));
  });

  it('keeps a comment on the `key:` line over a value written on the next line', () => {
    const text = lines('kind: model', 'notes: # ghi chú', '  Văn bản');
    expect(fmt(text)).toBe(text);
    expect(fmt(lines('kind: model', 'notes: # ghi chú', '  # thêm', '  Văn bản'))).toBe(lines('kind: model', 'notes: # ghi chú', '  # thêm', '  Văn bản'));
  });

  it('formats any valid YAML, a list, a scalar or an empty map at the top included, keeping its comments', () => {
    for (const text of [lines('# c', '- a', '- b'), lines('# yaml-language-server: $schema=x', '{}'), lines('chuỗi')]) expect(fmt(text)).toBe(text);
  });

  it('keeps the yaml-language-server line first when the first key moves', () => {
    const out = fmt(lines('# yaml-language-server: $schema=x.json', '# về mã', 'id: A', 'kind: model'));
    expect(out).toBe(lines('# yaml-language-server: $schema=x.json', 'kind: model', '# về mã', 'id: A'));
  });

  it('keeps a run of comment lines with the key they stand over, after a comment on the `key:` line', () => {
    expect(fmt(lines('kind: model', 'unit: # a', '  # b', '  # c', '  level: xa', '  name: X'))).toBe(lines('kind: model', 'unit: # a', '  name: X', '  # b', '  # c', '  level: xa'));
    expect(fmt(lines('# yaml-language-server: $schema=x.json', '# một', '# hai', 'id: A', 'kind: model'))).toBe(
      lines('# yaml-language-server: $schema=x.json', 'kind: model', '# một', '# hai', 'id: A'),
    );
  });

  it('keeps comments in lists and on a `key:` line over a list', () => {
    const text = lines(
      'kind: model',
      'steps:',
      '  register:',
      '    goals: # mục tiêu',
      '      - Một # thứ nhất',
      '      # trước mục hai',
      '      - Hai',
    );
    expect(fmt(text)).toBe(text);
  });

  it('turns a flow collection holding a comment into a block one, keeping the comment', () => {
    const out = fmt(lines('kind: model', 'unit: { name: Xã A, # tên', '  level: xa }'));
    expect(out).toBe(lines('kind: model', 'unit:', '  name: Xã A # tên', '  level: xa'));
  });
});

describe('formatYaml: commented-out keys after the last entry of a block', () => {
  it('keeps a comment less indented than the entries at its own level, before the next key there', () => {
    const text = lines('kind: model', 'steps:', '  register:', '    date: 2023-03-10', '    goals:', '      - Một', '  # implement:', '  #   activities: []', '  inspect: []');
    expect(fmt(text)).toBe(text);
  });

  it('keeps each comment of a trailing run at its own level, the outermost at the end of the file', () => {
    const text = lines('kind: model', 'steps:', '  register:', '    goals:', '      - Một', '    # end: 2023-11-30', '  # implement: {}', '# cuối');
    expect(fmt(text)).toBe(text);
  });

  it('keeps a commented-out list item at the dash of the items, not at their content', () => {
    const text = lines('kind: model', 'steps:', '  register:', '    forces:', '      - name: A', '        role: B', '      # - name: C', '    # date: x', '  # implement: {}');
    expect(fmt(text)).toBe(text);
    const nested = lines('kind: model', 'x:', '  - - a', '    # - b', '  # - c');
    expect(fmt(nested)).toBe(nested);
  });

  it('keeps the comment with its level when a key moves past the collection', () => {
    expect(fmt(lines('kind: model', 'steps:', '  register:', '    goals:', '      - Một', '  # implement: {}', 'name: A'))).toBe(
      lines('kind: model', 'name: A', 'steps:', '  register:', '    goals:', '      - Một', '  # implement: {}'),
    );
  });
});

describe('formatYaml: folded text with a comment', () => {
  it('keeps the comment on the header line of folded text whose line breaks are kept', () => {
    const text = lines(
      'kind: model',
      'notes: >- # ghi chú',
      '  Dòng một của một đoạn văn khá dài, không thể viết gọn trên một dòng cùng với khóa của nó,',
      '  dòng hai.',
    );
    expect(fmt(text)).toBe(text);
  });

  it('keeps a folded line that ends exactly at column 100', () => {
    const line = `  ${'x'.repeat(97)}.`;
    expect(line).toHaveLength(100);
    const text = lines('kind: model', 'notes: >-', line, '  cuối.');
    expect(fmt(text)).toBe(text);
  });
});

describe('formatYaml: text', () => {
  it('normalises NFD text, keys and comments to NFC', () => {
    const nfd = 'Mô hình'.normalize('NFD');
    const out = fmt(`kind: model\nname: ${nfd} # ${nfd}\n"${'tên'.normalize('NFD')}": x\n`);
    expect(out).toBe('kind: model\nname: Mô hình # Mô hình\ntên: x\n');
    expect(out).toBe(out.normalize('NFC'));
  });

  it('writes LF line ends, one final newline, no BOM and no trailing spaces', () => {
    expect(fmt('\uFEFFkind: model\r\nid: A   \r\n# ghi chú   \r\nname: B')).toBe('kind: model\nid: A\n# ghi chú\nname: B\n');
    expect(fmt('kind: model\nid: A\n\n\n')).toBe('kind: model\nid: A\n');
  });

  it('unquotes dates and ids, keeps quotes where a value would change type', () => {
    const out = fmt(lines(
      'kind: model',
      "id: 'DT-2023-HM-01'",
      'steps:',
      '  register:',
      "    date: '2023-05-24'",
      '    start: "2023-06-01"',
      "unit: { name: 'Xã A', code: '00123', level: 'xa' }",
      "notes: 'true'",
      "x1: '1.0'",
      "x2: 'null'",
      "x3: '8,5'",
      "x4: 'C1.1'",
      'x5: "a: b"',
    ));
    expect(out).toBe(lines(
      'kind: model',
      'id: DT-2023-HM-01',
      "unit: { name: Xã A, code: '00123', level: xa }",
      'steps:',
      '  register:',
      '    date: 2023-05-24',
      '    start: 2023-06-01',
      "notes: 'true'",
      "x1: '1.0'",
      "x2: 'null'",
      'x3: 8,5',
      'x4: C1.1',
      "x5: 'a: b'",
    ));
    const data = plainData(out) as { steps: { register: { date: unknown } }; unit: { code: unknown } };
    expect(data.steps.register.date).toBe('2023-05-24');
    expect(data.unit.code).toBe('00123');
  });

  it('keeps numbers as written (00123 stays, so validate can still suggest quoting it)', () => {
    expect(fmt(lines('kind: assessment', 'scores: { C1: 8.50, C2: 0x1F, C3: 00123, C4: 1e3 }'), 'assessment')).toBe(lines('kind: assessment', 'scores: { C1: 8.50, C2: 0x1F, C3: 00123, C4: 1e3 }'));
  });

  it('writes text that would pass column 100 as a folded block, folded within 100 columns', () => {
    const long = 'Tuyên truyền qua hệ thống truyền thanh, hội nghị tổ dân phố và trực tiếp đến từng hộ gia đình trên địa bàn phường.';
    const out = fmt(lines('kind: model', 'steps:', '  register:', `    content: ${long}`));
    expect(out).toMatch(/^ {4}content: >-\n {6}Tuyên truyền .*\n {6}\S.*\n$/m);
    for (const line of out.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
    expect((plainData(out) as { steps: { register: { content: string } } }).steps.register.content).toBe(long);
    // Text that fits on its line stays plain, whatever its length.
    const fits = `notes: ${'x'.repeat(93)}`;
    expect(fmt(lines('kind: model', fits))).toBe(lines('kind: model', fits));
    expect(fmt(lines('kind: model', `${fits}y`))).toBe(lines('kind: model', 'notes: >-', `  ${'x'.repeat(93)}y`));
  });

  it('keeps an author’s line breaks in folded text while every line fits, refolds when one does not', () => {
    const kept = lines(
      'kind: model',
      'notes: >-',
      '  Dòng một của một đoạn văn khá dài, không thể viết gọn trên một dòng cùng với khóa của nó,',
      '  dòng hai ngắn,',
      '  dòng ba.',
    );
    expect(fmt(kept)).toBe(kept);
    const over = `  ${'x '.repeat(50)}tràn`;
    const refolded = fmt(lines('kind: model', 'notes: >-', over, '  cuối.'));
    expect(refolded.split('\n').every((l) => l.length <= 100)).toBe(true);
    expect(refolded).not.toContain(over);
    expect((plainData(refolded) as { notes: string }).notes).toBe(`${over.trim()} cuối.`);
  });

  it('writes text with line breaks as a literal block, short text as a plain scalar', () => {
    expect(fmt(lines('kind: model', 'notes: "Dòng một\\nDòng hai"'))).toBe(lines('kind: model', 'notes: |-', '  Dòng một', '  Dòng hai'));
    expect(fmt(lines('kind: model', 'notes: >-', '  Ngắn gọn.'))).toBe(lines('kind: model', 'notes: Ngắn gọn.'));
    expect(fmt(lines('kind: model', 'notes: |-', '  Một dòng'))).toBe(lines('kind: model', 'notes: Một dòng'));
  });
});

describe('formatYaml: flow and block collections', () => {
  it('keeps short flow collections flow, maps padded and lists not', () => {
    const text = lines('kind: criteria', 'applies_to: { types: [collective, individual], fields: all }');
    expect(fmt(text, 'criteria')).toBe(text);
    expect(fmt(lines('kind: criteria', 'applies_to: {types: [ collective ], fields: all}'), 'criteria')).toBe(lines('kind: criteria', 'applies_to: { types: [collective], fields: all }'));
  });

  it('turns a flow collection that would pass column 100 into a block one', () => {
    const out = fmt(lines('kind: model', 'evidence:', '  - { title: Kế hoạch thực hiện mô hình của Ủy ban MTTQ phường Hòa Mạc, file: evidence/2023/hm-01-ke-hoach.pdf }'));
    expect(out).toBe(lines('kind: model', 'evidence:', '  - title: Kế hoạch thực hiện mô hình của Ủy ban MTTQ phường Hòa Mạc', '    file: evidence/2023/hm-01-ke-hoach.pdf'));
  });

  it('keeps block collections block, even short ones', () => {
    const text = lines('kind: model', 'unit:', '  name: Xã A', '  level: xa', 'steps: {}');
    expect(fmt(text)).toBe(text);
  });
});

describe('formatYaml over the example workspace and the fixtures', () => {
  const files = [...yamlFiles(EXAMPLE), ...yamlFiles(FIXTURES)].filter((f) => plainData(fs.readFileSync(f, 'utf8')) !== undefined);

  it('finds files to check', () => {
    expect(files.length).toBeGreaterThan(60);
  });

  it.each(files.map((f) => [path.relative(ROOT, f), f]))('%s: idempotent, same data, same comments', (_, file) => {
    const text = fs.readFileSync(file, 'utf8');
    const kind = kindOf(text);
    let once: string;
    try {
      once = formatYaml(text, kind, schemas).text;
    } catch {
      // YAML that only the positional parser rejects (e.g. a duplicate key): dvk fmt skips it,
      // since loading reports an error.
      const loaded = loadFile(file, file, new TextEncoder().encode(text), { m: messages('vi'), requireKind: false });
      expect(loaded.findings.some((f) => f.severity === 'error')).toBe(true);
      return;
    }
    expect(formatYaml(once, kind, schemas)).toEqual({ text: once, changed: false });
    expect(plainData(once)).toEqual(plainData(text));
    expect(commentsOf(once)).toEqual(commentsOf(text));
    expect(unsafeChange(text, once)).toBeUndefined();
    expect(once.endsWith('\n') && !once.endsWith('\n\n')).toBe(true);
    expect(once).not.toMatch(/[ \t]$/m);
    expect(once).not.toContain('\r');
  });
});

describe('unsafeChange', () => {
  it('accepts NFC-only differences and rejects changed data or lost comments', () => {
    const nfd = 'kind: model\nname: ' + 'Mô hình'.normalize('NFD') + ' # ghi chú\n';
    expect(unsafeChange(nfd, 'kind: model\nname: Mô hình # ghi chú\n')).toBeUndefined();
    expect(unsafeChange('kind: model\ncode: 00123\n', "kind: model\ncode: '00123'\n")).toBe('meaning');
    expect(unsafeChange('kind: model\nid: A # mã\n', 'kind: model\nid: A\n')).toBe('comments');
    expect(unsafeChange('kind: model\nid: A\n', 'kind: model\nid: [A\n')).toBe('meaning');
  });
});

// ---- Properties ----

/**
 * A deterministic shuffle of every mapping's pairs (comments travel with their keys), except
 * score maps, whose keys the schema does not order.
 */
function shuffleMaps(doc: Document, seed: number): void {
  let s = seed >>> 0 || 1;
  const next = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
  visit(doc, {
    Map(_, map, path) {
      const parent = path[path.length - 1];
      if (isPair(parent) && isScalar(parent.key) && parent.key.value === 'scores') return;
      for (let i = map.items.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [map.items[i], map.items[j]] = [map.items[j]!, map.items[i]!];
      }
    },
  });
}

describe('properties', () => {
  const samples: [string, Kind][] = [
    [path.join(EXAMPLE, 'models/2023/HM/phan-loai-rac-tai-nguon.yaml'), 'model'],
    [path.join(EXAMPLE, 'models/2023/CA/camera-an-ninh.yaml'), 'model'],
    [path.join(EXAMPLE, 'assessments/2023/huyen/DT-2023-HM-01.yaml'), 'assessment'],
    [path.join(EXAMPLE, 'criteria/vd-100-diem.yaml'), 'criteria'],
  ];

  it.each(samples)('any key order of %s formats to the same text', (file, kind) => {
    // Long text on one line in both, so that yaml folds it the same way (an author's own folds are
    // kept, and shuffling with yaml would not keep them).
    const text = parseDocument(fs.readFileSync(file, 'utf8')).toString({ lineWidth: 0 });
    const canonical = formatYaml(text, kind, schemas).text;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const doc = parseDocument(text);
        shuffleMaps(doc, seed);
        const shuffled = doc.toString({ lineWidth: 0 });
        expect(formatYaml(shuffled, kind, schemas).text).toBe(canonical);
      }),
      { numRuns: runs(30) },
    );
  });

  it.each(samples)('comments anywhere in %s are all kept, and a second pass changes nothing', (file, kind) => {
    const source = fs.readFileSync(file, 'utf8').split('\n');
    // Lines where a comment may go: not inside block text.
    const open: boolean[] = [];
    let blockIndent = -1;
    for (const line of source) {
      const indent = line.length - line.trimStart().length;
      const inside = blockIndent >= 0 && (line.trim() === '' || indent > blockIndent);
      if (!inside) blockIndent = -1;
      open.push(!inside && line.trim() !== '');
      if (!inside && /[|>][-+]?\s*$/.test(line)) blockIndent = indent;
    }
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(source.length - 1), fc.boolean()), { minLength: 1, maxLength: 8 }), (places) => {
        const out = [...source];
        places.forEach(([at, eol], n) => {
          if (!open[at]) return;
          const line = out[at]!;
          if (eol && !/\{ *$|\[ *$/.test(line)) out[at] = `${line} # cuối dòng ${n}`;
          else out[at] = `${' '.repeat(line.length - line.trimStart().length)}# chú thích ${n}\n${line}`;
        });
        const text = out.join('\n');
        fc.pre(plainData(text) !== undefined);
        const once = formatYaml(text, kind, schemas).text;
        expect(unsafeChange(text, once)).toBeUndefined();
        expect(formatYaml(once, kind, schemas).text).toBe(once);
      }),
      { numRuns: runs(25) },
    );
  });

  it('any text value comes through with the same data, and a second pass changes nothing', () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 300 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.array(fc.constantFrom('a', 'b', ' ', '\n', '\t', '#', ':', '-', "'", '"', 'ệ', 'e\u0302', '0', '1', '.', '{', '[', ','), { maxLength: 200 }).map((cs) => cs.join('')),
    );
    fc.assert(
      fc.property(text, text, fc.boolean(), (a, b, flow) => {
        const value = flow ? `unit: ${stringify({ name: a, code: b }, { collectionStyle: 'flow', lineWidth: 0 })}` : stringify({ notes: a, name: b }, { lineWidth: 0 });
        const source = `kind: model\n${value}`;
        fc.pre(plainData(source) !== undefined); // yaml's own writer can make invalid flow text
        const once = formatYaml(source, 'model', schemas).text;
        expect(unsafeChange(source, once)).toBeUndefined();
        expect(formatYaml(once, 'model', schemas).text).toBe(once);
      }),
      { numRuns: runs(300) },
    );
  });

  it('any list of items in any style keeps its data', () => {
    const item = fc.record({ name: fc.string({ unit: 'grapheme', maxLength: 60 }), role: fc.string({ unit: 'grapheme-ascii', maxLength: 60 }) }, { requiredKeys: ['name'] });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 5 }), fc.boolean(), (forces, flow) => {
        const doc = new Document({ kind: 'model', steps: { register: { forces } } });
        if (flow) {
          visit(doc.getIn(['steps', 'register', 'forces'], true) as YAMLSeq, {
            Node(_, n) {
              if (isMap(n) || isSeq(n)) n.flow = true;
            },
          });
        }
        const source = doc.toString({ lineWidth: 0 });
        const once = formatYaml(source, 'model', schemas).text;
        expect(unsafeChange(source, once)).toBeUndefined();
        expect(formatYaml(once, 'model', schemas).text).toBe(once);
        expect(isSeq(parseDocument(once).getIn(['steps', 'register', 'forces'], true))).toBe(true);
      }),
      { numRuns: runs(100) },
    );
  });
});

describe('what a YAML 1.1 reader would read otherwise (issue 9, defect 11)', () => {
  it('keeps quotes on text that YAML 1.1 reads as a boolean or a number', () => {
    const out = fmt(lines('kind: model', "name: 'yes'", "unit: { name: 'off', code: '1_000', level: xa }", "notes: '1:20'", "x: ['0b101', abc, '010', 'Y']", "'on': 1"));
    expect(out).toContain("name: 'yes'\n");
    expect(out).toContain("unit: { name: 'off', code: '1_000', level: xa }\n");
    expect(out).toContain("notes: '1:20'\n");
    expect(out).toContain("x: ['0b101', abc, '010', 'Y']\n");
    expect(out).toContain("'on': 1\n");
    expect(plainData(out)).toEqual(plainData(lines('kind: model', "name: 'yes'", "unit: { name: 'off', code: '1_000', level: xa }", "notes: '1:20'", "x: ['0b101', abc, '010', 'Y']", "'on': 1")));
  });

  it('still writes dates, ids and ordinary text plain', () => {
    const out = fmt(lines('kind: model', "id: 'DT-2023-HM-01'", "name: 'Dân vận khéo'", "year: 2023", "x: '2023-05-24'"));
    expect(out).toBe(lines('kind: model', 'id: DT-2023-HM-01', 'name: Dân vận khéo', 'year: 2023', 'x: 2023-05-24'));
  });

  it('writes plain what only yaml’s own 1.1 schema takes for a number, and still quotes what needs it', () => {
    // yaml's 1.1 schema reads `e2` and `E+30` as NaN; PyYAML and the 1.1 spec read them as text.
    const text = lines('kind: model', "name: 'e2'", "notes: 'E+30'", "x: ['ce:', '+1', '.5', 'NULL', '~', '2023-13-45']");
    const out = fmt(text);
    expect(out).toBe(lines('kind: model', 'name: e2', 'notes: E+30', `x: ['ce:', '+1', '.5', 'NULL', '~', 2023-13-45]`));
    expect(plainData(out)).toEqual(plainData(text));
  });

  it('writes a BOM, NEL, U+2028 and U+2029 in text as escapes, never as they are', () => {
    const out = fmt(lines('kind: model', 'name: "a\\uFEFFb\\Nc\\Ld\\Pe"', '"k\\L": 1'));
    expect(out).toBe(lines('kind: model', 'name: "a\\uFEFFb\\Nc\\Ld\\Pe"', '"k\\L": 1'));
    expect(out).not.toMatch(/[\u0085\u2028\u2029\ufeff]/);
    expect(unsafeChange(lines('kind: model', 'name: "a\\uFEFFb\\Nc\\Ld\\Pe"', '"k\\L": 1'), out)).toBeUndefined();
  });
});

describe('formatYaml: the edges (mutation testing)', () => {
  const ws = (n: number) => 'v'.repeat(n);

  it('counts a key as wide as it is written, so text after it is plain up to column 100 exactly', () => {
    // [key in the source, key as written]: a key YAML 1.1 reads as a boolean or number keeps its
    // quotes (two more columns), one YAML needs quoted keeps them, a needlessly quoted one loses them.
    const keys: [string, string][] = [['name', 'name'], ['C1.2', 'C1.2'], ['yes', "'yes'"], ['"1_000"', "'1_000'"], ["'true'", "'true'"], ["'a:'", "'a:'"], ["'a: b'", "'a: b'"], ["'ab'", 'ab'], ['1', '1'], ['0x1F', '0x1F']];
    for (const [key, written] of keys) {
      const room = 100 - written.length - 2;
      expect(fmt(`${key}: ${ws(room)}\n`, 'config'), key).toBe(`${written}: ${ws(room)}\n`);
      expect(fmt(`${key}: ${ws(room + 1)}\n`, 'config'), key).toBe(`${written}: >-\n  ${ws(room + 1)}\n`);
    }
  });

  it('measures from where the value starts: after a key with a comment, in a list, two levels in', () => {
    expect(fmt(`k: # c\n  ${ws(98)}\n`, 'config')).toBe(`k: # c\n  ${ws(98)}\n`);
    expect(fmt(`k: # c\n  ${ws(99)}\n`, 'config')).toBe(`k: # c\n  >-\n  ${ws(99)}\n`);
    expect(fmt(`k:\n  - ${ws(96)}\n`, 'config')).toBe(`k:\n  - ${ws(96)}\n`);
    expect(fmt(`k:\n  - ${ws(97)}\n`, 'config')).toBe(`k:\n  - >-\n    ${ws(97)}\n`);
    expect(fmt(`a:\n  b:\n    c: ${ws(93)}\n`, 'config')).toBe(`a:\n  b:\n    c: ${ws(93)}\n`);
    expect(fmt(`a:\n  b:\n    c: ${ws(94)}\n`, 'config')).toBe(`a:\n  b:\n    c: >-\n      ${ws(94)}\n`);
    // Escaped characters make quoted text wider than its length.
    const ctl = `${ws(75)}${'\\x01'.repeat(5)}`;
    expect(`k: "${ctl}"`).toHaveLength(100);
    expect(fmt(`k: "${ctl}"\n`, 'config')).toBe(`k: "${ctl}"\n`);
  });

  it('keeps a flow collection flow when it ends at column 100 exactly, not at 101', () => {
    const seq = (a: number, b: number) => `k: [${'a'.repeat(a)}, ${'b'.repeat(b)}]\n`;
    expect(seq(46, 47)).toHaveLength(101);
    expect(fmt(seq(46, 47), 'config')).toBe(seq(46, 47));
    expect(fmt(seq(47, 47), 'config')).toBe(`k:\n  - ${'a'.repeat(47)}\n  - ${'b'.repeat(47)}\n`);
    const map = (a: number, b: number) => `k: { a: ${'a'.repeat(a)}, b: ${'b'.repeat(b)} }\n`;
    expect(map(42, 43)).toHaveLength(101);
    expect(fmt(map(42, 43), 'config')).toBe(map(42, 43));
    expect(fmt(map(43, 43), 'config')).toBe(`k:\n  a: ${'a'.repeat(43)}\n  b: ${'b'.repeat(43)}\n`);
    const item = (a: number) => `k:\n  - [${'a'.repeat(a)}, b]\n`;
    expect(fmt(item(91), 'config')).toBe(item(91));
    expect(fmt(item(92), 'config')).toBe(`k:\n  - - ${'a'.repeat(92)}\n    - b\n`);
    expect(fmt('k: [1, 0x1F, 8.50, true, ~, { a:, b: [] }]\n', 'config')).toBe('k: [1, 0x1F, 8.50, true, ~, { a:, b: [] }]\n');
  });

  it('keeps the comment of a flow collection on its line, and turns one with a comment or a line break inside into a block', () => {
    expect(fmt('k: [a, b] # note\n', 'config')).toBe('k: [a, b] # note\n');
    expect(fmt('k: [a, # c\n  b]\n', 'config')).toBe('k:\n  - a # c\n  - b\n');
    expect(fmt('k: [a, "x\\ny"]\n', 'config')).toBe('k:\n  - a\n  - |-\n    x\n    y\n');
    const items = Array.from({ length: 30 }, (_, i) => `i${i}`);
    const block = (indent: string) => items.map((i) => `${indent}- ${i}\n`).join('');
    expect(fmt(`k: [${items.join(', ')}] # note\n`, 'config')).toBe(`k: # note\n${block('  ')}`);
    expect(fmt(`k: # a\n  [${items.join(', ')}] # b\n`, 'config')).toBe(`k: # a\n  # b\n${block('  ')}`);
    expect(fmt(`k:\n  - [${items.join(', ')}] # note\n`, 'config')).toBe(`k:\n  # note\n  - ${block('    ').slice(4)}`);
  });

  it('leaves a flow collection holding an alias as written, and keeps a file with aliases in its key order', () => {
    expect(fmt("a: &x q\nk: [*x, 'b']\n", 'config')).toBe("a: &x q\nk: [*x, 'b']\n");
    const anchored = lines('name: a', 'kind: model', 'x: &y 1', 'id: *y');
    expect(fmt(anchored)).toBe(anchored);
    expect(fmt(lines('name: a', 'kind: model', 'x: 1', 'id: 1'))).not.toBe(lines('name: a', 'kind: model', 'x: 1', 'id: 1'));
  });

  it('double-quotes text with a blank before a line break, which no block scalar can hold', () => {
    const out = fmt('k: "a \\nb"\n', 'config');
    expect(out).toBe('k: "a\\ \\nb"\n');
    expect(plainData(out)).toEqual({ k: 'a \nb' });
  });

  it('refolds folded text whose line ends with a blank, leaving no trailing blank', () => {
    expect(fmt('notes: >-\n  abc \n  def\n', 'config')).toBe('notes: abc  def\n');
  });

  it('drops a blank line at the start of a collection and between a key and its value', () => {
    expect(fmt('k:\n\n  - a\n  - b\n', 'config')).toBe('k:\n  - a\n  - b\n');
    expect(fmt('k:\n\n  v\n', 'config')).toBe('k: v\n');
    expect(fmt('k:\n\n  a: 1\n\n  b: 2\n', 'config')).toBe('k:\n  a: 1\n\n  b: 2\n');
  });

  it('puts a comment on the `key:` line back there, and leaves one on the next line where it is', () => {
    expect(fmt('k: # on the key line\n  v', 'config')).toBe('k: # on the key line\n  v\n');
    expect(fmt('k:\n  # on the next line\n  v\n', 'config')).toBe('k:\n  # on the next line\n  v\n');
    expect(fmt('a: # c0\n  # c1\n  b: 1\n', 'config')).toBe('a: # c0\n  # c1\n  b: 1\n');
  });

  it('throws on a syntax error or a warning, with yaml’s code; keeps a BOM inside text as an escape', () => {
    expect(() => fmt('a: [\n', 'config')).toThrow(/^[A-Z_]+: \S/);
    expect(() => fmt('%FOO bar\n---\na: 1\n', 'config')).toThrow(/^BAD_DIRECTIVE: /);
    expect(fmt('\uFEFFa: "x\uFEFFy"\n', 'config')).toBe('a: "x\\uFEFFy"\n');
  });

  it('says whether the text changed', () => {
    expect(formatYaml('a: 1\n', 'config', schemas).changed).toBe(false);
    expect(formatYaml('a:   1\n', 'config', schemas).changed).toBe(true);
  });

  it('lists comments trimmed; calls two texts that do not parse a change of meaning', () => {
    expect(commentsOf('\uFEFF# a \n#b\nk: 1 #  c\n')).toEqual(['a', 'b', 'c']);
    expect(unsafeChange('a: [', 'b: [')).toBe('meaning');
  });
});

describe('a lone CR inside a comment (fuzz seed 20261231, case 5930)', () => {
  it('stays in the comment as it is: no `#` after it, no blank before it taken away', () => {
    const text = '# đầu \rcuối\nkind: config # x \r y\nyear: 2023\n';
    const out = fmt(text, 'config');
    expect(out).toBe(text);
    expect(unsafeChange(text, out)).toBeUndefined();
    // Blanks at the end of a comment line still go.
    expect(fmt('# a  \nkind: config # b \t\n', 'config')).toBe('# a\nkind: config # b\n');
  });
});
