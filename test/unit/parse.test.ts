// The fast parser (js-yaml with a YAML 1.2 core schema) and the positional parser (yaml) must
// agree on data wherever the fast one does not decline; `locate` maps paths to source ranges.
import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { runs } from '../runs.js';
import { describe, expect, it, vi } from 'vitest';
import { createRequire } from 'node:module';
import { fastParse, locate, parseWithPositions, position, risky } from '../../src/core/parse.js';
import type { Path } from '../../src/core/types.js';
import { EXAMPLE, ROOT } from '../helpers.js';

/** What `yaml` makes of a text, and whether it found a problem. */
function slow(text: string): { data: unknown; clean: boolean } {
  const p = parseWithPositions(text);
  return { data: p.doc.toJS(), clean: p.doc.errors.length === 0 && p.doc.warnings.length === 0 };
}

/** The property every text must satisfy: the fast path declines, or it agrees with `yaml`. */
function agrees(text: string): void {
  const fast = fastParse(text);
  if (fast === undefined) return;
  const { data, clean } = slow(text);
  expect(clean, `fastParse accepted a text that yaml rejects: ${JSON.stringify(text)}`).toBe(true);
  expect(isDeepStrictEqual(fast.data, data), `parsers disagree on ${JSON.stringify(text)}:\n fast: ${JSON.stringify(fast.data)}\n yaml: ${JSON.stringify(data)}`).toBe(true);
}

function yamlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return yamlFiles(p);
    return e.name.endsWith('.yaml') || e.name.endsWith('.yml') ? [p] : [];
  });
}

describe('fastParse and parseWithPositions agree on the example workspace', () => {
  const files = yamlFiles(EXAMPLE);

  it('finds the example files', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((f) => [path.relative(EXAMPLE, f), f]))('%s', (_rel, file) => {
    const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    const fast = fastParse(text);
    // The examples are plain YAML: the fast path must serve them.
    expect(fast).toBeDefined();
    const p = parseWithPositions(text);
    expect(p.doc.errors).toEqual([]);
    expect(fast!.data).toStrictEqual(p.doc.toJS());
  });
});

// Characters that make plain scalars resolve to numbers, booleans, nulls or stay strings.
const CHARS = [...'0123456789+-.eExob_:abcdefnultriTFN~'];
const edge = fc.array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 10 }).map((a) => a.join(''));
const inner = fc.array(fc.constantFrom(...CHARS, ' '), { maxLength: 8 }).map((a) => a.join(''));
/** A plain scalar: no space at either end, spaces allowed inside. */
const plain = fc.oneof(edge, fc.tuple(edge, inner, edge).map(([a, b, c]) => a + b + c));

// A few scalars worth checking every run, whatever the generator draws.
const NOTABLE = [
  '0', '-0', '+0', '00123', '0o17', '0O17', '0x1F', '0X1F', '+0x1', '0b11', '1_000', '1.', '.5', '-.5', '+.5',
  '1e5', '1E+5', '1.5e-3', '.e1', '1e', '.inf', '-.Inf', '+.INF', '.nan', '.NaN', '.NAN', '.Nan', 'true', 'True',
  'TRUE', 'tRUE', 'false', 'FALSE', 'null', 'Null', 'NULL', 'nULL', '~', '12:30', '1:2:3', '2023-05-24',
  '123456789012345678901234567890', '0x1234567890abcdef12', '0o8', 'a - b', '-a', '1 2',
];

describe('fastParse agrees with yaml on plain scalars (property)', () => {
  it.each(NOTABLE)('v: %s', (s) => {
    agrees(`v: ${s}`);
  });

  it('resolves scalars exactly as yaml does (Object.is, NaN-aware)', () => {
    fc.assert(
      fc.property(plain, (s) => {
        const text = `v: ${s}`;
        const fast = fastParse(text);
        if (fast === undefined) return;
        const { data, clean } = slow(text);
        expect(clean).toBe(true);
        const a = (fast.data as Record<string, unknown>).v;
        const b = (data as Record<string, unknown>).v;
        expect(Object.is(a, b), `${JSON.stringify(text)}: fast ${String(a)} (${typeof a}), yaml ${String(b)} (${typeof b})`).toBe(true);
      }),
      { numRuns: runs(3000) },
    );
  });

  it('agrees on -0 and NaN in particular', () => {
    expect(Object.is((fastParse('v: -0')!.data as { v: number }).v, -0)).toBe(true);
    expect(Number.isNaN((fastParse('v: .nan')!.data as { v: number }).v)).toBe(true);
  });
});

// Small documents: nested block and flow mappings and lists of such scalars.
type Tree = { t: 's'; s: string } | { t: 'm'; e: [string, Tree][] } | { t: 'l'; e: Tree[] };
const key = fc.array(fc.constantFrom(...'abcdefklmn_'), { minLength: 1, maxLength: 5 }).map((a) => a.join(''));
const { tree } = fc.letrec<{ tree: Tree; leaf: Tree; map: Tree; list: Tree }>((tie) => ({
  tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('leaf'), tie('map'), tie('list')),
  leaf: plain.map((s): Tree => ({ t: 's', s })),
  map: fc.uniqueArray(fc.tuple(key, tie('tree')), { minLength: 1, maxLength: 4, selector: (x) => x[0] }).map((e): Tree => ({ t: 'm', e })),
  list: fc.array(tie('tree'), { minLength: 1, maxLength: 4 }).map((e): Tree => ({ t: 'l', e })),
}));

function flow(n: Tree): string {
  if (n.t === 's') return n.s;
  if (n.t === 'm') return `{ ${n.e.map(([k, v]) => `${k}: ${flow(v)}`).join(', ')} }`;
  return `[ ${n.e.map(flow).join(', ')} ]`;
}

/** Block style: the lines of `n` as the value of a key (or item) at `indent`. */
function block(n: Tree, indent: number): string {
  const pad = ' '.repeat(indent);
  if (n.t === 's') return ` ${n.s}`;
  if (n.t === 'm') return `\n${n.e.map(([k, v]) => `${pad}${k}:${block(v, indent + 2)}`).join('\n')}`;
  return `\n${n.e.map((v) => `${pad}-${v.t === 'm' ? block(v, indent + 2).replace(/^\n\s*/, ' ') : block(v, indent + 2)}`).join('\n')}`;
}

const documents = fc
  .uniqueArray(fc.tuple(key, tree, fc.boolean()), { minLength: 1, maxLength: 4, selector: (x) => x[0] })
  .map((entries) => `${entries.map(([k, v, isFlow]) => `${k}:${v.t !== 's' && isFlow ? ` ${flow(v)}` : block(v, 2)}`).join('\n')}\n`);

describe('fastParse agrees with yaml on whole documents (property)', () => {
  it('declines or gives exactly the data yaml gives', () => {
    fc.assert(fc.property(documents, agrees), { numRuns: runs(1500) });
  });

  // Each of these is a disagreement the property above can run into, where js-yaml reads
  // something else than yaml: the fast path must decline it, and yaml's reading stands.
  it.each([
    ['a compact nested sequence (`- -`) followed by a sibling item', 'a:\n  - x\n  - -\n  - b\n', { a: ['x', [null], 'b'] }],
    ['a null key (`~:`)', '~: x\n', { '': 'x' }],
    ['a null key (`null:`)', 'null: x\n', { '': 'x' }],
    ['an empty key in a flow sequence (`[ : ]`)', 'a: [ : ]\n', { a: [{ '': null }] }],
    ['an empty key in a flow mapping (`{ : b }`)', 'a: { : b }\n', { a: { '': 'b' } }],
    ['a flow sequence as a key', '[a, b]: c\n', { '[ a, b ]': 'c' }],
    ['a flow mapping as an explicit key', '? { a: 1 }\n: c\n', { '{ a: 1 }': 'c' }],
  ])('%s', (_name, text, data) => {
    expect(fastParse(text)).toBeUndefined();
    expect(parseWithPositions(text).doc.toJS({ mapAsMap: false })).toEqual(data);
  });

  it('quoted, block and folded scalars, comments, flow collections', () => {
    for (const text of [
      'a: "x\\u00e9"\n', "a: 'it''s'\n", 'a: |\n  x\n  y\n', 'a: >-\n  x\n  y\n', 'a: |+\n  x\n\n', 'a: 1 # c\n',
      'a: x#y\n', 'a: [a, b,]\n', 'a: {a, b}\n', 'a: [a: 1]\n', '? x\n: y\n', 'a: b\n  c\n', '---\na: b\n...\n',
      'a: 2023-05-24T10:00:00Z\n', '<<: {b: 1}\n', '__proto__: {a: 1}\n',
    ]) agrees(text);
  });
});

describe('fastParse declines what it cannot judge', () => {
  it.each([
    ['an anchor', 'a: &x 1\n'],
    ['an alias', 'a: &x 1\nb: *x\n'],
    ['an alias in a flow sequence', 'a: &x 1\nb: [*x]\n'],
    ['a secondary tag', 'a: !!str 1\n'],
    ['a local tag', 'a: !foo bar\n'],
    ['a verbatim tag', 'a: !<tag:yaml.org,2002:str> a\n'],
    ['a %YAML directive', '%YAML 1.2\n---\na: 1\n'],
    ['a %TAG directive', '%TAG ! tag:example.com,2000:\n---\na: 1\n'],
    ['duplicate keys', 'a: 1\na: 2\n'],
    ['duplicate keys in a flow mapping', 'a: {b: 1, b: 2}\n'],
    ['duplicate nested keys', 'a:\n  b: 1\n  b: 2\n'],
    ['two documents', 'a: 1\n---\nb: 2\n'],
    ['an unclosed flow sequence', 'a: [1, 2\n'],
    ['an unclosed quote', 'a: "x\n'],
    ['a mapping in a plain scalar', 'a: b: c\n'],
    ['tab indentation', 'a:\n\tb: 1\n'],
    ['bad indentation', 'a:\n    b: 1\n  c: 2\n'],
  ])('%s', (_what, text) => {
    expect(fastParse(text)).toBeUndefined();
  });

  it('serves ordinary text with the fast path', () => {
    expect(fastParse('kind: model\nname: Dân vận khéo\n')).toEqual({ data: { kind: 'model', name: 'Dân vận khéo' } });
  });
});

/** The text a range covers, by line and column (1-based). */
function slice(text: string, r: { line: number; column: number; endLine: number; endColumn: number }): string {
  const lines = text.split('\n');
  const offset = (line: number, col: number) => lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + col - 1;
  return text.slice(offset(r.line, r.column), offset(r.endLine, r.endColumn));
}

function at(text: string, path: Path, target: 'key' | 'value' = 'value') {
  return locate(parseWithPositions(text), text, path, target);
}

const DOC = [
  'kind: model', // 1
  'unit:', // 2
  '  name: Hòa Mạc', // 3
  '  level: xa', // 4
  'steps:', // 5
  '  register:', // 6
  '    problem: |', // 7
  '      dòng một', // 8
  '      dòng hai', // 9
  '', // 10
  '    goals: [a, b]', // 11
  'm: { a: 1, b: [x, y] }', // 12
  'list:', // 13
  '  - first', // 14
  '  - second', // 15
  '',
].join('\n');

describe('locate', () => {
  it('points at a value', () => {
    const r = at(DOC, ['unit', 'name']);
    expect(r).toMatchObject({ line: 3, column: 9, endLine: 3, endColumn: 16, source: 'Hòa Mạc' });
    expect(slice(DOC, r)).toBe('Hòa Mạc');
  });

  it('points at the key with target "key"', () => {
    const r = at(DOC, ['unit', 'name'], 'key');
    expect(r).toMatchObject({ line: 3, column: 3, endLine: 3, endColumn: 7, source: 'name' });
  });

  it('points at the parent key when the path runs out (missing property)', () => {
    expect(at(DOC, ['unit', 'code'])).toMatchObject({ line: 2, column: 1, endLine: 2, endColumn: 5, source: 'unit' });
    expect(at(DOC, ['unit', 'code'], 'key')).toMatchObject({ line: 2, column: 1, source: 'unit' });
    expect(at(DOC, ['steps', 'register', 'start'])).toMatchObject({ line: 6, column: 3, source: 'register' });
    expect(at(DOC, ['steps', 'register', 'goals', 5])).toMatchObject({ line: 11, column: 5, source: 'goals' });
  });

  it('goes into a flow mapping and a flow sequence', () => {
    expect(at(DOC, ['m', 'a'])).toMatchObject({ line: 12, column: 9, endLine: 12, endColumn: 10, source: '1' });
    expect(at(DOC, ['m', 'a'], 'key')).toMatchObject({ line: 12, column: 6, endColumn: 7, source: 'a' });
    expect(at(DOC, ['m', 'b', 1])).toMatchObject({ line: 12, column: 19, endColumn: 20, source: 'y' });
    expect(at(DOC, ['steps', 'register', 'goals', 1])).toMatchObject({ line: 11, column: 16, source: 'b' });
    // A missing key in a flow mapping: the flow mapping's key.
    expect(at(DOC, ['m', 'c'])).toMatchObject({ line: 12, column: 1, source: 'm' });
  });

  it('indexes block sequences', () => {
    expect(at(DOC, ['list', 1])).toMatchObject({ line: 15, column: 5, endColumn: 11, source: 'second' });
  });

  it('does not let a block scalar run into the next line', () => {
    const r = at(DOC, ['steps', 'register', 'problem']);
    expect(r).toMatchObject({ line: 7, column: 14, endLine: 9, endColumn: 15 });
    expect(r.source!.endsWith('dòng hai')).toBe(true);
    const folded = 'a: >-\n  x\n\nb: 1\n';
    expect(at(folded, ['a'])).toMatchObject({ line: 1, column: 4, endLine: 2, endColumn: 4 });
    const kept = 'a: |+\n  x\n\n\nb: 1\n';
    expect(at(kept, ['a'])).toMatchObject({ endLine: 2 });
  });

  it('keeps positions with CRLF line endings', () => {
    const crlf = DOC.replace(/\n/g, '\r\n');
    for (const [p, target] of [
      [['unit', 'name'], 'value'],
      [['unit', 'name'], 'key'],
      [['m', 'b', 1], 'value'],
      [['list', 1], 'value'],
      [['unit', 'code'], 'value'],
    ] as [Path, 'key' | 'value'][]) {
      const lf = at(DOC, p, target);
      const cr = at(crlf, p, target);
      expect({ ...cr, source: undefined }).toEqual({ ...lf, source: undefined });
      expect(cr.source).toBe(lf.source);
    }
    const block = at(crlf, ['steps', 'register', 'problem']);
    expect(block).toMatchObject({ line: 7, endLine: 9, endColumn: 15 });
    expect(block.source!.endsWith('\r')).toBe(false);
  });

  it('keeps positions in a text whose BOM was stripped', () => {
    const withBom = `\uFEFF${DOC}`;
    const stripped = withBom.replace(/^\uFEFF/, '');
    expect(at(stripped, ['kind'])).toMatchObject({ line: 1, column: 7, endColumn: 12, source: 'model' });
    expect(at(stripped, ['unit', 'name'])).toEqual(at(DOC, ['unit', 'name']));
  });

  it('points at the key of an entry that has no value (`key:`), as its comment says', () => {
    // parse.ts: "`key:` with no value: point at the key."
    expect(at('a:\nb: 1\n', ['a'])).toMatchObject({ line: 1, column: 1, endLine: 1, endColumn: 2, source: 'a' });
  });

  it('points at a list item itself when the key is asked for (an item has no key)', () => {
    expect(at(DOC, ['list', 1], 'key')).toMatchObject({ line: 15, column: 5, source: 'second' });
    expect(at(DOC, ['list', 'x'])).toMatchObject({ line: 13, column: 1, source: 'list' });
  });

  it('finds a key written as a number or quoted, and passes over a key that is a collection', () => {
    const text = '? [a, b]\n: 1\n2023: x\n"y": z\n';
    expect(at(text, ['2023'])).toMatchObject({ line: 3, column: 7, source: 'x' });
    expect(at(text, ['y'], 'key')).toMatchObject({ line: 4, column: 1, source: '"y"' });
  });

  it('gives a fallback range for an empty document', () => {
    expect(at('', ['a'])).toEqual({ line: 1, column: 1, endLine: 1, endColumn: 1 });
  });
});

describe('position', () => {
  it('turns an offset into a 1-based line and column', () => {
    const p = parseWithPositions('a: 1\nbb: 2\n');
    expect(position(p, 0)).toEqual({ line: 1, column: 1 });
    expect(position(p, 5)).toEqual({ line: 2, column: 1 });
    expect(position(p, 9)).toEqual({ line: 2, column: 5 });
  });
});

describe('risky: the fast path declines at least what these expressions match', () => {
  // The constructs where js-yaml and yaml part ways, as regular expressions: the reference
  // the one-pass scanner in src/core/parse.ts must cover.
  const REFERENCE = [
    /(?:^|[\s[{,])[&*!]/m,
    /^%/m,
    /^[ \t]*(?:-[ \t]+)*\?(?:\s|$)/m,
    /(?:^[ \t]*(?:-[ \t]+)*|[[{,][ \t]*)(?:~|null|Null|NULL)?[ \t]*:(?:[\s,\]}]|$)/m,
    /[\]}][ \t]*:(?:[\s,\]}]|$)/,
    /^[ \t]*-[ \t]+-(?:\s|$)/m,
  ];
  const chars = fc.constantFrom(...' \t\n\r-:?%&*![]{},~nulNUL ab'.split(''), 'null', 'NULL', '\u00a0', '\u2028');
  it('never lets through what a reference expression matches (property)', () => {
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 30 }).map((a) => a.join('')), (text) => {
        if (REFERENCE.some((re) => re.test(text))) expect(risky(text), JSON.stringify(text)).toBe(true);
      }),
      { numRuns: runs(20000) },
    );
  });
  // Declining is always safe, so the properties above cannot see a scanner that declines too
  // much: each of these common constructs must stay on the fast path, with yaml's data.
  it.each([
    'a: "x # y"\n', "a: 'it''s'\n", 'a: x "y" z\n', "a: l'eau\n", 'a: [x, "y, z", \'w\']\n', 'a: { b: 1, c: [2, 3] }\n',
    'a: |\n  dòng một\n\n  dòng hai\nb: 1\n', 'a: >-\n  x\n  y\n', 'a: |\n  # not a comment\n  y\n', 'a: >\n    x\n  \nb: 1\n',
    'a: |-\n  x\nb: >+\n  y\n\nc: 1\n', '- a: 1\n  b: 2\n- c: 3\n', '- [a, b]\n', 'a:\n  b:\n    - c\n    - d: e\n', 'a: b#c\n',
    'url: http://x.vn/a?b=c&d=e\n', 'time: 12:30\n', '---\na: 1\n', 'k: v\n...\n', 'a: -1\n', '-1: a\n', 'a: 50% hộ\n', 'a: x # note\n',
    '# c\na: 1\n', 'a: 1\r\nb: 2\r\n', 'a: x, y\n', 'a: "ab\\"c"\n', 'a: x!y\n', 'a: x&y\n', 'a: x*y\n', 'a: ...\n', 'a: --- x\n',
    'a: "x"  \n', "a: ''\n", 'a: []\n', 'a: {}\n', 'a: x:y\n', 'a: ?x\n', 'a: x ?\n',
  ])('serves %j on the fast path', (text) => {
    expect(risky(text)).toBe(false);
    expect(fastParse(text)).toBeDefined();
    agrees(text);
  });

  it('lets ordinary model files through', () => {
    expect(risky('kind: model\nname: Dân vận khéo, "xanh - sạch - đẹp"\nunit: { name: UBND, level: xa }\ngoals:\n  - Mục tiêu: 80% hộ\n')).toBe(false);
  });
});

// The CommonJS build of yaml, as src/core/parse.ts loads it (so that a spy sees its calls).
const yamlPackage = createRequire(import.meta.url)('yaml') as typeof import('yaml');

describe('many keys in one mapping (issue 9, defect 4)', () => {
  const keys = (n: number) => Array.from({ length: n }, (_, i) => `k${i}: ${i}\n`).join('');

  it('finds repeated keys as yaml does: the later key, scalar keys equal by value', () => {
    const text = 'a: 1\nb: 2\na: 3\n"1": x\n1: y\nm: { x: 1, x: 2 }\n? [a]\n: 1\n? [a]\n: 2\n';
    const ours = parseWithPositions(text).doc.errors.map((e) => [e.code, e.pos[0]]);
    const { parseDocument } = yamlPackage;
    const theirs = parseDocument(text, { version: '1.2', schema: 'core', uniqueKeys: true }).errors.map((e) => [e.code, e.pos[0]]);
    expect(ours.map(([, at]) => text.slice(at as number, (at as number) + 2))).toEqual(['a:', 'x:']);
    expect(ours).toEqual(theirs);
  });

  it('agrees with yaml on which keys repeat (property)', () => {
    const key = fc.constantFrom('a', 'b', '"a"', "'b'", '1', '"1"', 'true', '~', '1.0', '0x1', '.nan', '.NaN', '.inf');
    fc.assert(
      fc.property(fc.array(key, { minLength: 1, maxLength: 8 }), fc.boolean(), (ks, flow) => {
        const text = flow ? `{ ${ks.map((k, i) => `${k}: ${i}`).join(', ')} }\n` : ks.map((k, i) => `${k}: ${i}\n`).join('');
        const ours = parseWithPositions(text).doc.errors.map((e) => `${e.code}@${e.pos[0]}`);
        const theirs = yamlPackage.parseDocument(text, { version: '1.2', schema: 'core', uniqueKeys: true }).errors.map((e) => `${e.code}@${e.pos[0]}`);
        expect(ours.sort()).toEqual(theirs.sort());
      }),
      { seed: 9, numRuns: runs(300) },
    );
  });

  it('never compares each key with every other one while parsing', () => {
    const parse = vi.spyOn(yamlPackage, 'parseDocument');
    parseWithPositions(keys(3));
    expect(parse).toHaveBeenCalledWith(expect.any(String), expect.objectContaining({ uniqueKeys: false }));
    parse.mockRestore();
  });

  it('locates every key of a large mapping reading each entry a bounded number of times', () => {
    const n = 5_000;
    const p = parseWithPositions(keys(n));
    const map = p.doc.contents as { items: unknown[] };
    let reads = 0;
    map.items = new Proxy(map.items, {
      get(target, prop, receiver) {
        if (typeof prop === 'string' && /^\d+$/.test(prop)) reads++;
        return Reflect.get(target, prop, receiver) as unknown;
      },
    });
    for (let i = 0; i < n; i += 1) expect(locate(p, '', [`k${i}`], 'key').line).toBe(i + 1);
    // A search per key read n²/2 entries (12.5 million here); an index reads each once.
    expect(reads).toBeLessThanOrEqual(2 * n);
  });
});

describe('the edges (mutation testing)', () => {
  it('declines a text that starts with `---x`: yaml reads the key `---x`, js-yaml a marker and `x` (found by mutation testing)', () => {
    expect(fastParse('---x: 1\n')).toBeUndefined();
    expect(parseWithPositions('---x: 1\n').doc.toJS()).toEqual({ '---x': 1 });
    expect(fastParse('----\n')).toBeUndefined();
    // A marker alone, or with blanks or a comment after it, stays on the fast path.
    for (const text of ['---\na: 1\n', '---   \na: 1\n', '--- # c\na: 1\n', '---']) {
      expect(risky(text), JSON.stringify(text)).toBe(false);
      agrees(text);
    }
  });

  it('declines content on the line of a document marker, at its start or end', () => {
    expect(risky('--- a: 1\n')).toBe(true);
    expect(risky('... x\n')).toBe(true);
    expect(risky('---\tx\n')).toBe(true);
  });

  // The white space either parser may end an indicator with: the fast path declines `?` followed
  // by any of them, and takes `?` followed by characters that are not.
  const SPACES = [0x85, 0xa0, 0x1680, 0x2000, 0x2005, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff];
  it.each(SPACES.map((c) => [c.toString(16), String.fromCharCode(c)]))('declines `?` followed by U+%s', (_hex, ch) => {
    expect(risky(`?${ch}a: 1\n`)).toBe(true);
    expect(risky(`a:\n  - -${ch}\n`)).toBe(true);
  });
  it.each([0x1fff, 0x200b, 0x2030].map((c) => [c.toString(16), String.fromCharCode(c)]))('takes `?` followed by U+%s, which is no white space', (_hex, ch) => {
    expect(risky(`?${ch}a: 1\n`)).toBe(false);
    expect(risky(`a:\n  - -${ch}\n`)).toBe(false);
  });

  it('tells a list in a list (`- - a`, `- -`) from text that starts with a dash (`- -a`)', () => {
    expect(risky('- - a\n')).toBe(true);
    expect(risky('-  -\n')).toBe(true);
    for (const text of ['- -a: 1\n', '- -x\n', ':x: 1\n']) {
      expect(risky(text), JSON.stringify(text)).toBe(false);
      agrees(text);
    }
    expect(risky(': 1\n')).toBe(true);
  });

  it('declines a quote left open at the end of the text', () => {
    expect(fastParse('a: "abc')).toBeUndefined();
    expect(fastParse("a: 'abc")).toBeUndefined();
  });

  it('reads octal, hexadecimal and the other number forms exactly as yaml does', () => {
    expect(fastParse('a: 0o17\nb: 0x1F\nc: +12\nd: -.Inf\ne: 1e3\nf: .5\n')).toEqual({ data: { a: 15, b: 31, c: 12, d: -Infinity, e: 1000, f: 0.5 } });
  });

  it('reports a file on which yaml’s parser recurses past the stack as nested too deep (fuzz case 5609)', () => {
    const text = fs.readFileSync(path.join(ROOT, 'test/fixtures/fuzz/5609-model.yaml'), 'utf8');
    const { doc } = parseWithPositions(text);
    // A later yaml may read it and find its indentation errors instead: either way, errors.
    expect(doc.errors.length).toBeGreaterThan(0);
    if (doc.errors[0]!.code === 'RESOURCE_EXHAUSTION') {
      expect(doc.errors[0]!.pos).toEqual([0, 1]);
      expect(doc.toJS()).toBeNull();
    }
  });
});
