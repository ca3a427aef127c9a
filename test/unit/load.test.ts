// loadFile: bytes -> text -> data, kind and located problems (encoding, size, YAML, kind).
import { describe, expect, it, vi } from 'vitest';
import { declared, describe as describeValue, firstInvalidUtf8, loadFile, locateIn, MAX_FILE_BYTES, restoreFile, toDiagnostic, type Finding, type LoadedFile } from '../../src/core/load.js';
import { locate } from '../../src/core/parse.js';
import { messages } from '../../src/i18n/index.js';

const m = messages('vi');
const enc = (s: string) => new TextEncoder().encode(s);
const bytes = (...parts: (string | number[])[]) => Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...enc(p)] : p)));

function load(content: string | Uint8Array, opts: { requireKind?: boolean; defaultKind?: 'config' } = {}): LoadedFile {
  const b = typeof content === 'string' ? enc(content) : content;
  return loadFile('models/x.yaml', 'models/x.yaml', b, { m, requireKind: opts.requireKind ?? true, defaultKind: opts.defaultKind });
}

/** The file's problems, located. */
function diags(file: LoadedFile) {
  return file.findings.map((f) => toDiagnostic(file, f));
}

function only(file: LoadedFile) {
  const d = diags(file);
  expect(d.map((x) => x.rule)).toHaveLength(1);
  return d[0]!;
}

describe('encoding', () => {
  it('rejects Windows-1258 text, located at the first bad byte', () => {
    // "Việt" in Windows-1258: ê is the single byte 0xEA.
    const file = load(bytes('kind: model\nname: Vi', [0xea], 't Nam\n'));
    const d = only(file);
    expect(d).toMatchObject({ rule: 'file-encoding', severity: 'error', line: 2, column: 9, endLine: 2, endColumn: 10 });
    expect(d.message).toContain('0xea');
    expect(d.hint).toMatch(/Windows-1258|UTF-8/);
    expect(file.data).toBeUndefined();
    expect(file.kind).toBeUndefined();
  });

  it('counts columns in characters, not bytes, before the bad byte', () => {
    // "Hòa " is valid UTF-8 (ò takes two bytes); then Windows-1258 ò (0xF2).
    const d = only(load(bytes('kind: model\nname: Hòa ', [0xf2], '\n')));
    expect(d).toMatchObject({ rule: 'file-encoding', line: 2, column: 11 });
  });

  it('locates a bad byte after a UTF-8 BOM without counting the BOM', () => {
    const d = only(load(bytes([0xef, 0xbb, 0xbf], 'ab', [0xff], '\n')));
    expect(d).toMatchObject({ rule: 'file-encoding', line: 1, column: 3 });
  });

  it('locates a sequence cut off at the end of the file', () => {
    const d = only(load(bytes('kind: model\nx: ', [0xc3])));
    expect(d).toMatchObject({ rule: 'file-encoding', line: 2, column: 4 });
    expect(d.message).toContain('0xc3');
  });

  it('rejects encoded surrogates and overlong forms', () => {
    expect(only(load(bytes('a: ', [0xed, 0xa0, 0x80], '\n')))).toMatchObject({ rule: 'file-encoding', line: 1, column: 4 });
    expect(only(load(bytes('a: ', [0xc0, 0xaf], '\n')))).toMatchObject({ rule: 'file-encoding', line: 1, column: 4 });
  });

  it.each([
    ['UTF-16 LE', [0xff, 0xfe, 0x6b, 0x00, 0x69, 0x00]],
    ['UTF-16 BE', [0xfe, 0xff, 0x00, 0x6b, 0x00, 0x69]],
  ])('rejects %s with a BOM', (_name, b) => {
    const d = only(load(Uint8Array.from(b)));
    expect(d).toMatchObject({ rule: 'file-encoding', severity: 'error', line: 1, column: 1 });
    expect(d.message).toContain('UTF-16');
  });

  it('takes only the two UTF-16 byte order marks for UTF-16', () => {
    for (const b of [[0xff, 0x61, 0x0a], [0x61, 0xfe, 0x0a], [0xfe, 0x61, 0x0a], [0x61, 0xff, 0x0a]]) {
      const d = only(load(Uint8Array.from(b)));
      expect(d.rule, b.join()).toBe('file-encoding');
      expect(d.message, b.join()).not.toContain('UTF-16');
    }
  });

  it('accepts a UTF-8 BOM and strips it from the text', () => {
    const file = load(bytes([0xef, 0xbb, 0xbf], 'kind: model\nid: X\n'));
    expect(file.findings).toEqual([]);
    expect(file.kind).toBe('model');
    expect(file.data).toEqual({ kind: 'model', id: 'X' });
    expect(file.text.startsWith('\uFEFF')).toBe(false);
    // Positions count from the first real character.
    expect(toDiagnostic(file, { rule: 'r', severity: 'error', message: 'x', path: ['id'] })).toMatchObject({ line: 2, column: 5, endColumn: 6 });
  });

  it('accepts CRLF line endings with the same data', () => {
    const lf = load('kind: model\nid: X\nunit:\n  name: Hòa Mạc\n');
    const crlf = load('kind: model\r\nid: X\r\nunit:\r\n  name: Hòa Mạc\r\n');
    expect(crlf.findings).toEqual([]);
    expect(crlf.data).toEqual(lf.data);
    expect(toDiagnostic(crlf, { rule: 'r', severity: 'error', message: 'x', path: ['unit', 'name'] })).toMatchObject({ line: 4, column: 9, endLine: 4, endColumn: 16 });
  });
});

describe('size and emptiness', () => {
  it.each([
    ['an empty file', ''],
    ['whitespace only', '  \n\n\t\n'],
    ['comments only', '# a\n  # b\n#c'],
    ['CRLF comments only', '# a\r\n# b\r\n'],
  ])('%s is file-empty', (_name, text) => {
    const d = only(load(text));
    expect(d).toMatchObject({ rule: 'file-empty', line: 1, column: 1 });
  });

  // A check that backtracked on # would take ages (doubling with every #) on these: the test's
  // time bound catches that, with no clock in the test itself.
  it('loads a file that starts with a long comment banner', () => {
    const file = load(`${'#'.repeat(10_000)}\nkind: model\nid: X\n`);
    expect(file.kind).toBe('model');
  });

  it('loads a file whose first comment has many # marks', () => {
    const file = load(`# ${'# '.repeat(5_000)}x\nkind: model\n`);
    expect(file.kind).toBe('model');
  });

  it('an empty config takes every default', () => {
    const file = load('# cấu hình\n', { defaultKind: 'config' });
    expect(file.findings).toEqual([]);
    expect(file.kind).toBe('config');
    expect(file.data).toEqual({});
  });

  it('rejects a file over 1 MiB', () => {
    const d = only(load(new Uint8Array(MAX_FILE_BYTES + 1).fill(0x61)));
    expect(d).toMatchObject({ rule: 'file-too-large', line: 1, column: 1 });
    expect(d.message).toContain('1.048.577');
  });

  it('accepts a file of exactly 1 MiB', () => {
    const head = 'kind: model\nnotes: ';
    const text = head + 'a'.repeat(MAX_FILE_BYTES - head.length - 1) + '\n';
    expect(enc(text).length).toBe(MAX_FILE_BYTES);
    const file = load(text);
    expect(file.findings).toEqual([]);
    expect(file.kind).toBe('model');
  });
});

describe('structure', () => {
  it('rejects a list document: file-not-mapping', () => {
    const d = only(load('- a\n- b\n'));
    expect(d).toMatchObject({ rule: 'file-not-mapping', line: 1, column: 1 });
    expect(d.message).toContain('danh sách');
  });

  it('rejects a scalar document: file-not-mapping', () => {
    expect(only(load('hello\n'))).toMatchObject({ rule: 'file-not-mapping' });
  });

  it('reports a duplicate key at the second occurrence', () => {
    const file = load('kind: model\nid: A\nname: x\nid: B\n');
    const d = only(file);
    expect(d).toMatchObject({ rule: 'yaml-duplicate-key', severity: 'error', line: 4, column: 1 });
    expect(file.data).toBeUndefined();
  });

  it('reports a duplicate key over the whole key, and quotes the key', () => {
    const d = only(load('kind: model\nid: A\nid: B\n'));
    expect(d).toMatchObject({ line: 3, column: 1, endLine: 3, endColumn: 3 });
    expect(d.message).toContain('"id"');
  });

  it('reports a duplicate key in a nested mapping', () => {
    expect(only(load('kind: model\nunit:\n  name: a\n  name: b\n'))).toMatchObject({ rule: 'yaml-duplicate-key', line: 4, column: 3 });
  });

  it.each([
    ['!!binary', 'x: !!binary aGVsbG8=', 4],
    ['!foo', 'x: !foo bar', 4],
    ['!local on a mapping', 'x: !local { a: 1 }', 4],
    ['!!timestamp', 'x: !!timestamp 2023-01-01', 4],
    ['!!set', 'x: !!set { a, b }', 4],
    ['!!omap', 'x: !!omap [ a: 1 ]', 4],
  ])('rejects the tag %s: yaml-unknown-tag', (_tag, line, column) => {
    const file = load(`kind: model\n${line}\n`);
    const d = diags(file);
    expect(d.map((x) => x.rule)).toContain('yaml-unknown-tag');
    expect(d.find((x) => x.rule === 'yaml-unknown-tag')).toMatchObject({ line: 2, column });
  });

  it('reports a !!js/ or !!python/ tag once (issue 9, defect 11)', () => {
    const d = diags(load('kind: model\nname: !!js/function "x"\nx: !!python/object:os.system "ls"\n'));
    expect(d.map((x) => `${x.rule} ${x.line}:${x.column}`)).toEqual(['yaml-unknown-tag 2:7', 'yaml-unknown-tag 3:4']);
  });

  it.each([
    ['70 flow levels', `kind: model\nx: ${'['.repeat(70)}${']'.repeat(70)}\n`, 2],
    ['1,000 flow levels (the parsers run out of stack)', `kind: model\nx: ${'['.repeat(1000)}${']'.repeat(1000)}\n`, 2],
    ['70 block levels', `kind: model\n${Array.from({ length: 70 }, (_, i) => `${'  '.repeat(i)}a${i}:\n`).join('')}${'  '.repeat(70)}x: 1\n`, 0],
  ])('says that data nested too deep is too deep: %s (issue 9, defect 11)', (_name, text, line) => {
    const d = only(load(text));
    expect(d.rule).toBe('yaml-depth-limit');
    expect(d.message).toContain('64');
    if (line) expect(d.line).toBe(line);
  });

  it('accepts the YAML 1.2 core tags', () => {
    const file = load('kind: model\na: !!str 1\nb: !!int "2"\nc: !!map { d: 1 }\n');
    expect(file.findings).toEqual([]);
    expect(file.data).toEqual({ kind: 'model', a: '1', b: 2, c: { d: 1 } });
  });

  it('stops a billion-laughs alias bomb quickly: yaml-alias-limit', () => {
    const rows = ['kind: model', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    const names = 'abcdefghij';
    for (let i = 1; i < names.length; i++) {
      const prev = names[i - 1]!;
      rows.push(`${names[i]}: &${names[i]} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    // Expanded, it would be a billion strings: the limit stops it before.
    const file = load(`${rows.join('\n')}\n`);
    const d = only(file);
    expect(d).toMatchObject({ rule: 'yaml-alias-limit', severity: 'error', line: 3, column: 8 });
    expect(file.data).toBeUndefined();
  });

  it('accepts a few aliases', () => {
    const file = load('kind: model\na: &x [1, 2]\nb: *x\n');
    expect(file.findings).toEqual([]);
    expect(file.data).toEqual({ kind: 'model', a: [1, 2], b: [1, 2] });
  });

  it('reports an alias to no anchor as a syntax problem, not as too many aliases', () => {
    const d = only(load('kind: model\nb: *nothing\n'));
    expect(d.rule).not.toBe('yaml-alias-limit');
    expect(d).toMatchObject({ rule: 'yaml-syntax', line: 2, column: 4 });
  });

  it('points at the alias that has no anchor, not at an earlier one that has', () => {
    const d = only(load('kind: model\na: &a [1]\nb: *a\nc: *zz\n'));
    expect(d).toMatchObject({ rule: 'yaml-syntax', line: 4, column: 4 });
    expect(d.message).toContain('"*zz"');
    // An anchor defined after its alias does not count.
    expect(only(load('kind: model\nb: *a\na: &a [1]\n'))).toMatchObject({ rule: 'yaml-syntax', line: 2, column: 4 });
  });

  it('rejects two documents: yaml-multiple-documents at the second', () => {
    const d = only(load('kind: model\n---\nkind: model\n'));
    expect(d).toMatchObject({ rule: 'yaml-multiple-documents', line: 2, column: 1 });
  });

  it('accepts one document with explicit markers', () => {
    expect(load('---\nkind: model\n...\n').findings).toEqual([]);
  });

  it('reports a syntax error with its line', () => {
    const file = load('kind: model\nname: [a, b\nid: X\n');
    const d = diags(file);
    expect(d.length).toBeGreaterThan(0);
    expect(d.every((x) => x.rule === 'yaml-syntax')).toBe(true);
    expect(d[0]!.line).toBeGreaterThanOrEqual(2);
    expect(file.data).toBeUndefined();
  });

  it('reports a tab used for indentation', () => {
    const d = diags(load('kind: model\nunit:\n\tname: x\n'));
    expect(d[0]).toMatchObject({ rule: 'yaml-syntax', line: 3 });
    expect(d[0]!.message).toContain('Tab');
  });
});

describe('kind', () => {
  it('requires kind where asked: file-unknown-kind', () => {
    const file = load('id: X\n', { requireKind: true });
    const d = only(file);
    expect(d.rule).toBe('file-unknown-kind');
    expect(d.message).toContain('models/x.yaml');
    expect(file.data).toEqual({ id: 'X' });
    expect(file.kind).toBeUndefined();
  });

  it('lets a file without kind pass where not required', () => {
    const file = load('id: X\n', { requireKind: false });
    expect(file.findings).toEqual([]);
    expect(file.kind).toBeUndefined();
  });

  it('assumes the default kind', () => {
    const file = load('year: 2023\n', { requireKind: true, defaultKind: 'config' });
    expect(file.findings).toEqual([]);
    expect(file.kind).toBe('config');
  });

  it('reports an unknown kind value at the value', () => {
    const d = only(load('id: X\nkind: modle\n'));
    expect(d).toMatchObject({ rule: 'file-unknown-kind', line: 2, column: 7, endLine: 2, endColumn: 12 });
    expect(d.message).toContain('"modle"');
  });

  it('reports a non-string kind', () => {
    expect(only(load('kind: 1\n'))).toMatchObject({ rule: 'file-unknown-kind', line: 1, column: 7 });
  });

  it.each(['model', 'assessment', 'criteria', 'config'])('knows kind %s', (kind) => {
    const file = load(`kind: ${kind}\n`);
    expect(file.findings).toEqual([]);
    expect(file.kind).toBe(kind);
  });
});

describe('toDiagnostic', () => {
  const file = load('kind: model\nunit:\n  name: Hòa Mạc\n');

  it('locates a finding by path (value)', () => {
    const f: Finding = { rule: 'r', severity: 'warning', message: 'msg', hint: 'h', path: ['unit', 'name'] };
    expect(toDiagnostic(file, f)).toEqual({
      file: 'models/x.yaml', line: 3, column: 9, endLine: 3, endColumn: 16, severity: 'warning', rule: 'r', message: 'msg', hint: 'h',
    });
  });

  it('locates a finding by path (key)', () => {
    const f: Finding = { rule: 'r', severity: 'error', message: 'msg', path: ['unit', 'name'], target: 'key' };
    expect(toDiagnostic(file, f)).toMatchObject({ line: 3, column: 3, endLine: 3, endColumn: 7 });
  });

  it('uses a known range as given, and leaves out an absent hint', () => {
    const f: Finding = { rule: 'r', severity: 'error', message: 'msg', at: { line: 7, column: 2, endLine: 8, endColumn: 3 } };
    const d = toDiagnostic(file, f);
    expect(d).toEqual({ file: 'models/x.yaml', line: 7, column: 2, endLine: 8, endColumn: 3, severity: 'error', rule: 'r', message: 'msg' });
    expect('hint' in d).toBe(false);
  });

  it('locate gives the text as written', () => {
    const f = load('kind: model\nunit: { code: 00123 }\n');
    expect(f.data).toEqual({ kind: 'model', unit: { code: 123 } });
    expect(locate(f.positions(), f.text, ['unit', 'code']).source).toBe('00123');
  });
});

describe('describe (value types)', () => {
  it.each([
    [null, 'null'], [undefined, 'null'], [[1], 'array'], [1, 'integer'], [1.5, 'number'], [true, 'boolean'], ['x', 'string'], [{}, 'object'],
  ])('%j is %s', (value, type) => {
    expect(describeValue(value)).toBe(type);
  });
});

describe('the YAML mistakes clerks make, placed on the line to fix', () => {
  it('a colon and a space inside a value: quote the whole value', () => {
    const d = only(load('kind: model\nname: Dân vận khéo: hiến đất\nid: X\n'));
    expect(d).toMatchObject({ rule: 'yaml-syntax', line: 2, column: 19, endLine: 2, endColumn: 20, ...m.yamlColonInValue('name', 'name: "Dân vận khéo: hiến đất"') });
    // A value with double quotes in it is quoted with single quotes.
    expect(only(load('kind: model\nname: Dân vận khéo: "hiến" đất\n'))).toMatchObject(m.yamlColonInValue('name', `name: 'Dân vận khéo: "hiến" đất'`));
    // A comment after the value stays out of the fix.
    expect(only(load('kind: model\nname: Dân vận khéo: hiến đất # sửa sau\n')).hint).toBe(m.yamlColonInValue('name', 'name: "Dân vận khéo: hiến đất"').hint);
  });

  it('a key indented deeper than the one above it, in a mapping and in a list item', () => {
    expect(only(load('kind: model\nunit:\n  name: A\n    level: xa\n'))).toMatchObject({ line: 4, column: 1, endColumn: 10, ...m.yamlKeyTooDeep('level', 4, 2, 'name') });
    expect(only(load('kind: model\nunit:\n  - name: A\n      level: xa\n'))).toMatchObject({ line: 4, column: 1, endColumn: 12, ...m.yamlKeyTooDeep('level', 6, 4, 'name') });
  });

  it('a key without its colon', () => {
    expect(only(load('kind: model\nname Dân vận khéo\nid: X\n'))).toMatchObject({ line: 2, column: 1, endColumn: 5, ...m.yamlMissingColon('name', 'name: Dân vận khéo') });
    // A long rest is cut at 30 characters.
    const long = `name ${'Dân vận khéo '.repeat(5).trim()}`;
    expect(only(load(`kind: model\n${long}\nid: X\n`)).hint).toBe(m.yamlMissingColon('name', `name: ${'Dân vận khéo '.repeat(5).slice(0, 30).trimEnd()}…`).hint);
  });

  it('an unknown tag is placed from the tag to the end of its value, in flow and on its own line', () => {
    const at = (text: string) => {
      const d = only(load(text));
      return [d.rule, d.line, d.column, d.endLine, d.endColumn];
    };
    expect(at('kind: model\nx: !!binary aGVsbG8=\n')).toEqual(['yaml-unknown-tag', 2, 4, 2, 21]);
    expect(at('kind: model\nx: [!!binary aGVsbG8=]\n')).toEqual(['yaml-unknown-tag', 2, 4, 2, 22]);
    expect(at('kind: model\nx:\n  !!binary aGVsbG8=\n')).toEqual(['yaml-unknown-tag', 3, 3, 3, 20]);
  });
});

describe('firstInvalidUtf8', () => {
  it.each<[string, number[], number]>([
    ['valid text, emoji included', [...new TextEncoder().encode('Việt 😀')], -1],
    ['a continuation byte alone', [0x41, 0x80], 1],
    ['a lead byte that never starts a sequence', [0xf5, 0x80, 0x80, 0x80], 0],
    ['an overlong three-byte form', [0xe0, 0x80, 0x80], 0],
    ['an overlong four-byte form', [0xf0, 0x80, 0x80, 0x80], 0],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['a sequence cut short by an ASCII byte', [0x61, 0xe1, 0xba, 0x41], 1],
    ['the last byte of four missing', [0xf0, 0x9f, 0x98], 0],
    ['the largest code point', [0xf4, 0x8f, 0xbf, 0xbf], -1],
  ])('%s', (_what, b, offset) => {
    expect(firstInvalidUtf8(Uint8Array.from(b))).toBe(offset);
  });
});

describe('declared: what a broken file says of itself', () => {
  it('reads top-level kind, id, year, model, level and framework, the first of each, unquoted', () => {
    expect(declared('kind: model\nid: "DT-1"\nyear: 2023 # năm\nname: [broken\n  id: X\nid: Y\nlevel: huyen\nmodel: M\nframework: f\n')).toEqual({ kind: 'model', id: 'DT-1', year: '2023', level: 'huyen', model: 'M', framework: 'f' });
    expect(declared('name: x\n')).toEqual({});
  });
});

describe('files read back from their bytes', () => {
  const bytes = enc('kind: model\nid: X\nunit: { name: A }\n');

  it('a file on the fast path with a way to read it back does not keep its text, and reads it once when asked', () => {
    let reads = 0;
    const file = loadFile('m.yaml', 'm.yaml', bytes, { m, requireKind: true, reread: () => (reads++, bytes) });
    expect(file.data).toEqual({ kind: 'model', id: 'X', unit: { name: 'A' } });
    expect(reads).toBe(0);
    expect(locateIn(file, ['unit', 'name'])).toEqual({ line: 3, column: 15, endLine: 3, endColumn: 16 });
    expect(file.text.startsWith('kind: model')).toBe(true);
    expect(reads).toBe(1);
    // A place located once is remembered: no second read after forget.
    file.forget!();
    expect(locateIn(file, ['unit', 'name'])).toEqual({ line: 3, column: 15, endLine: 3, endColumn: 16 });
    expect(reads).toBe(1);
    expect(toDiagnostic(file, { rule: 'r', severity: 'error', message: 'x', path: ['id'] })).toMatchObject({ line: 2, column: 5 });
    expect(reads).toBe(2);
  });

  it('a file restored from its record keeps the ranges it came with apart from those placed since', () => {
    const ranges = { 'value ["id"]': { line: 9, column: 9, endLine: 9, endColumn: 10 } };
    const file = restoreFile('m.yaml', 'm.yaml', { kind: 'model', data: { id: 'X' }, findings: [], ranges }, () => bytes);
    expect(locateIn(file, ['id'])).toEqual(ranges['value ["id"]']);
    expect(locateIn(file, ['kind'])).toEqual({ line: 1, column: 7, endLine: 1, endColumn: 12 });
    expect(Object.keys(ranges)).toEqual(['value ["id"]']);
    expect(file.text).toBe('kind: model\nid: X\nunit: { name: A }\n');
  });

  it('a BOM read back is left out of the text', () => {
    const withBom = Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes]);
    const file = loadFile('m.yaml', 'm.yaml', withBom, { m, requireKind: true, reread: () => withBom });
    expect(file.text.startsWith('kind')).toBe(true);
  });
});

describe('the edges (mutation testing)', () => {
  it.each<[string, number[], number]>([
    ['0xC1 never leads (an overlong two-byte form)', [0xc1, 0xbf], 0],
    ['U+0080, the smallest two-byte code point', [0xc2, 0x80], -1],
    ['U+07FF, the largest two-byte code point', [0xdf, 0xbf], -1],
    ['U+0800, the smallest three-byte code point', [0xe0, 0xa0, 0x80], -1],
    ['U+FFFF', [0xef, 0xbf, 0xbf], -1],
    ['U+10000, the smallest four-byte code point', [0xf0, 0x90, 0x80, 0x80], -1],
    ['U+D7FF, just below the surrogates', [0xed, 0x9f, 0xbf], -1],
    ['U+DFFF, the last surrogate', [0x41, 0xed, 0xbf, 0xbf], 1],
    ['U+E000, just above the surrogates', [0xee, 0x80, 0x80], -1],
  ])('firstInvalidUtf8: %s', (_what, b, offset) => {
    expect(firstInvalidUtf8(Uint8Array.from(b))).toBe(offset);
  });

  it('declared reads only top-level keys, however many blanks follow the colon', () => {
    expect(declared('unit:\n  year: 1\nyear:  2023\nkind:\tmodel\n')).toEqual({ year: '2023', kind: 'model' });
  });

  it('places a key that runs into the line below on that line when it holds a key', () => {
    expect(only(load('kind: model\nx:\n- a\n  b: 1\n'))).toMatchObject({ rule: 'yaml-syntax', line: 4, column: 1, endLine: 4, endColumn: 4 });
    const two = diags(load('kind: model\nx: a\n  b: c\n  d: e\n'));
    expect(two.map((d) => [d.line, d.column, d.endColumn])).toEqual([[3, 1, 4], [4, 1, 4]]);
    expect(two[0]).toMatchObject(m.yamlKeyTooDeep('b', 2, 0, 'x'));
  });

  it('recognises a colon in a value at the end of the line, after a list dash and after several blanks', () => {
    expect(only(load('kind: model\nname: a:\n'))).toMatchObject({ line: 2, column: 8, endColumn: 9, ...m.yamlColonInValue('name', 'name: "a:"') });
    expect(only(load('kind: model\nlist:\n  -   name: a: b\n'))).toMatchObject({ line: 3, column: 14, ...m.yamlColonInValue('name', 'name: "a: b"') });
    expect(only(load('kind: model\nname:   x: y\n'))).toMatchObject({ line: 2, column: 10, ...m.yamlColonInValue('name', 'name: "x: y"') });
    // A Windows line end is not part of the value.
    expect(only(load('kind: model\r\nname: a: b\r\nid: X\r\n'))).toMatchObject({ line: 2, column: 8, ...m.yamlColonInValue('name', 'name: "a: b"') });
  });

  it('recognises a key deeper than the one above on the last line, without a final line break', () => {
    expect(only(load('kind: model\nname: a\n    level: b'))).toMatchObject({ line: 3, column: 1, endColumn: 10, ...m.yamlKeyTooDeep('level', 4, 0, 'name') });
  });

  it('a key without its colon: the comment stays out of the fix, a rest of 30 characters is whole, a key alone gets its colon', () => {
    expect(only(load('kind: model\nname Dân vận khéo # ghi chú\nid: X\n'))).toMatchObject({ line: 2, column: 1, endColumn: 5, ...m.yamlMissingColon('name', 'name: Dân vận khéo') });
    const thirty = 'abcdefghij abcdefghij abcdefgh';
    expect(thirty).toHaveLength(30);
    expect(only(load(`kind: model\nname ${thirty}\n`))).toMatchObject(m.yamlMissingColon('name', `name: ${thirty}`));
    expect(only(load(`kind: model\nname ${thirty}x\n`))).toMatchObject(m.yamlMissingColon('name', `name: ${thirty}…`));
    expect(only(load('kind: model\nname\n'))).toMatchObject({ line: 2, column: 1, endColumn: 5, ...m.yamlMissingColon('name', 'name:') });
    expect(only(load('kind: model\n_x abc\n'))).toMatchObject(m.yamlMissingColon('_x', '_x: abc'));
    // A line that starts with a bracket is not a key that lost its colon.
    expect(only(load('kind: model\n[a] b\n')).message).not.toBe(m.yamlMissingColon('[a]', '[a]: b').message);
  });

  it('reports no duplicate key beside a syntax error: the parser’s recovery makes such echoes', () => {
    for (const text of ['kind: model\nname: [a\nid: X\nid: Y\n', 'kind: model\nid: A\nid: B\nname: [a\n']) {
      const d = diags(load(text));
      expect(d.length).toBeGreaterThan(0);
      expect(d.map((x) => x.rule)).not.toContain('yaml-duplicate-key');
    }
  });

  it('an alias to no anchor: the alias named, one column wide', () => {
    expect(only(load('kind: model\nb: *nothing\n'))).toMatchObject({ line: 2, column: 4, endLine: 2, endColumn: 5, ...m.yamlError('BAD_ALIAS', '*nothing') });
  });

  it('an unknown tag: named with !!, placed at the tag when it stands on the value’s line', () => {
    expect(only(load('kind: model\nx: !!binary aGVsbG8=\n'))).toMatchObject({ line: 2, column: 4, ...m.yamlError('TAG_RESOLVE_FAILED', '!!binary') });
    expect(only(load('kind: model\nx: [a, !!binary aGVsbG8=]\n'))).toMatchObject({ line: 2, column: 8, endColumn: 25 });
    // On the line above its value, it is placed at the value.
    expect(only(load('kind: model\nx: !!binary\n  aGVsbG8=\n'))).toMatchObject({ line: 3, column: 3, endColumn: 11 });
  });
});

describe('a key that is a collection', () => {
  it('loads as its text (validate then reports an unknown key), printing no Node warning', () => {
    const warn = vi.spyOn(process, 'emitWarning');
    try {
      const file = load('kind: model\n{ a: 1 }: b\n');
      expect(file.findings).toEqual([]);
      expect(Object.keys(file.data!)).toEqual(['kind', '{ a: 1 }']);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });
});
