// Two YAML parsers that agree on data (test/unit/parse.test.ts checks it):
// - `fastParse` (js-yaml with a schema copied from YAML 1.2 core as `yaml` implements it) is
//   about eight times faster and serves the common path, where a file has nothing to report;
// - `parseWithPositions` (`yaml`) keeps every node's source range; dvk uses it for a file that
//   has a finding to locate, and for any file the fast path declines.
import jsyaml from 'js-yaml';
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { Document, Node } from 'yaml';
import { pushAll } from './arrays.js';
import type { Path } from './types.js';

// The plain scalars that are not text, as yaml's YAML 1.2 core schema reads them: null, bool,
// int, float, in that order. One js-yaml type for all of them: most scalars are prose, ruled out
// by their first character, and a match is worked out once (resolve keeps it for construct).
type Form = [RegExp, (s: string) => unknown];
const NUMBERS: Form[] = [
  [/^0o[0-7]+$/, (s) => parseInt(s.substring(2), 8)],
  [/^[-+]?[0-9]+$/, (s) => parseInt(s, 10)],
  [/^0x[0-9a-fA-F]+$/, (s) => parseInt(s.substring(2), 16)],
  [/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, (s) => (s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? -Infinity : Infinity)],
  [/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, parseFloat],
  [/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, parseFloat],
];
const WORDS = new Map<string, unknown>([
  ['', null], ['~', null], ['null', null], ['Null', null], ['NULL', null],
  ['true', true], ['True', true], ['TRUE', true], ['false', false], ['False', false], ['FALSE', false],
]);

let resolved: unknown;
function resolveScalar(s: string | null): boolean {
  if (s === null) return false;
  const c = s.charCodeAt(0);
  // 0-9, '+', '-', '.'
  if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46) {
    const form = NUMBERS.find(([re]) => re.test(s));
    if (form) resolved = form[1](s);
    return form !== undefined;
  }
  if (!WORDS.has(s)) return false;
  resolved = WORDS.get(s);
  return true;
}

const CORE_1_2 = jsyaml.FAILSAFE_SCHEMA.extend({
  implicit: [new jsyaml.Type('tag:yaml.org,2002:plain', { kind: 'scalar', resolve: resolveScalar, construct: () => resolved })],
});

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
const isBlank = (c: number) => c === SPACE || c === TAB;
const isBreak = (c: number) => c === LF || c === CR || c === 0x2028 || c === 0x2029;
/** Whitespace, end of text, or a flow delimiter: what may follow an indicator (NaN at the end). */
const endsToken = (c: number) => Number.isNaN(c) || c <= SPACE || c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
const endsKey = (c: number) => endsToken(c) || c === 44 /* , */ || c === 93 /* ] */ || c === 125 /* } */;

/** Past an optional `~`, `null`, `Null` or `NULL` and blanks: the index of what follows. */
function skipNullWord(t: string, j: number): number {
  if (t.charCodeAt(j) === 126 /* ~ */) j++;
  else if (t.startsWith('null', j) || t.startsWith('Null', j) || t.startsWith('NULL', j)) j += 4;
  while (isBlank(t.charCodeAt(j))) j++;
  return j;
}

/** A line's risky starts: `%`; `?` or an empty/null key after indentation and dashes; `- -`; `--- x`. */
function riskyLine(t: string, i: number): boolean {
  if (t.charCodeAt(i) === 37 /* % */) return true;
  // Content on the line of a document marker (`--- key: value`): yaml refuses a mapping there.
  if ((t.startsWith('---', i) || t.startsWith('...', i)) && isBlank(t.charCodeAt(i + 3))) {
    let j = i + 3;
    while (isBlank(t.charCodeAt(j))) j++;
    const c = t.charCodeAt(j);
    if (!(j >= t.length || isBreak(c) || c === 35 /* # */)) return true;
  }
  // `---x: 1` is the key `---x` for yaml; at the start of a text js-yaml reads a marker and `x: 1`.
  if (t.startsWith('---', i) && !endsToken(t.charCodeAt(i + 3))) return true;
  let j = i;
  while (isBlank(t.charCodeAt(j))) j++;
  let dashes = 0;
  while (t.charCodeAt(j) === 45 /* - */ && isBlank(t.charCodeAt(j + 1))) {
    j++;
    while (isBlank(t.charCodeAt(j))) j++;
    dashes++;
  }
  if (dashes >= 2 || (dashes >= 1 && t.charCodeAt(j) === 45 && endsToken(t.charCodeAt(j + 1)))) return true;
  if (t.charCodeAt(j) === 63 /* ? */ && endsToken(t.charCodeAt(j + 1))) return true;
  const k = skipNullWord(t, j);
  return t.charCodeAt(k) === 58 /* : */ && endsKey(t.charCodeAt(k + 1));
}

/** The column of a line's first key or value, after its indentation and dashes. */
function keyColumn(t: string, i: number): number {
  let j = i;
  while (isBlank(t.charCodeAt(j))) j++;
  while (t.charCodeAt(j) === 45 /* - */ && isBlank(t.charCodeAt(j + 1))) {
    j++;
    while (isBlank(t.charCodeAt(j))) j++;
  }
  return j - i;
}

/** The last index of the line that `i` is on (before its line feed). */
function endOfLine(t: string, i: number): number {
  let j = i;
  while (j + 1 < t.length && t.charCodeAt(j + 1) !== LF) j++;
  return j;
}

/** Where a quoted scalar that starts at `i` ends (its closing quote), or -1 when a line break or the end comes first. */
function closingQuote(t: string, i: number): number {
  const q = t.charCodeAt(i);
  for (let j = i + 1; j < t.length; j++) {
    const c = t.charCodeAt(j);
    if (isBreak(c)) return -1;
    if (q === 34 /* " */ && c === 92 /* \ */) j++;
    else if (c === q) {
      if (q === 39 /* ' */ && t.charCodeAt(j + 1) === 39) j++;
      else return j;
    }
  }
  return -1;
}

/**
 * Whether a text holds a construct where the two parsers could part ways, so the fast path
 * declines it: anchors, aliases, tags and directives; explicit (`?`) and empty or null keys;
 * collections as keys; a sequence nested on the same line as its parent's dash (js-yaml
 * misplaces what follows); and what js-yaml accepts but the YAML 1.2 spec (and yaml) refuses:
 * quoted scalars and flow collections over several lines (their continuation lines may be
 * under-indented), a comment right after a closing quote, content after `---`, a tab on a blank
 * line, a block scalar that starts with a blank line. One pass over the characters; it may
 * decline more than needed, never less (test/unit/parse.test.ts checks it against the
 * equivalent regular expressions, test/unit/yaml-suite.test.ts against the YAML test suite).
 */
export function risky(t: string): boolean {
  const n = t.length;
  let prev = LF;
  // Whether a scalar or a collection may start here: at a line's start, after `: `, `- `, `? `,
  // and after `[`, `{`, `,` (quotes and brackets elsewhere belong to plain text).
  let canStart = true;
  // How deep in flow collections, and where the line starts.
  let flow = 0;
  let lineStart = 0;
  // A block scalar: the column its content lines pass (-1: none), and one whose header is on this line.
  let block = -1;
  let header = -1;
  for (let i = 0; i < n; i++) {
    const c = t.charCodeAt(i);
    if (isBreak(prev) && !(prev === CR && c === LF)) {
      if (flow > 0) return true;
      let spaces = i;
      while (t.charCodeAt(spaces) === SPACE) spaces++;
      let j = spaces;
      while (isBlank(t.charCodeAt(j))) j++;
      const blankLine = j >= n || isBreak(t.charCodeAt(j));
      if (blankLine && j > spaces) return true; // a tab on a blank line
      if (header >= 0) {
        if (blankLine) return true;
        block = header;
        header = -1;
      }
      if (block >= 0 && (blankLine || spaces - i > block)) {
        // A content line of a block scalar: text, nothing to look at.
        i = endOfLine(t, i);
        prev = 0;
        continue;
      }
      block = -1;
      if (riskyLine(t, i)) return true;
      lineStart = i;
      canStart = true;
    }
    // Letters and digits, most of any text: they only end the place where a scalar may start.
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (c >= 0xc0 && c < 0x2000)) {
      canStart = false;
      prev = c;
      continue;
    }
    if (c === 35 /* # */ && (isBlank(prev) || isBreak(prev))) {
      // A comment: nothing in it counts.
      i = endOfLine(t, i);
      prev = 0;
      continue;
    }
    if ((c === 34 /* " */ || c === 39 /* ' */) && canStart) {
      const end = closingQuote(t, i);
      if (end < 0 || t.charCodeAt(end + 1) === 35 /* # */) return true;
      i = end;
      prev = c;
      canStart = false;
      continue;
    }
    if (c === 38 /* & */ || c === 42 /* * */ || c === 33 /* ! */) {
      if (endsToken(prev) || prev === 91 || prev === 123 || prev === 44) return true;
    } else if (c === 91 /* [ */ || c === 123 /* { */ || c === 44 /* , */) {
      let j = i + 1;
      while (isBlank(t.charCodeAt(j))) j++;
      const k = skipNullWord(t, j);
      if (t.charCodeAt(k) === 58 && endsKey(t.charCodeAt(k + 1))) return true;
    } else if (c === 93 /* ] */ || c === 125 /* } */) {
      let j = i + 1;
      while (isBlank(t.charCodeAt(j))) j++;
      if (t.charCodeAt(j) === 58 && endsKey(t.charCodeAt(j + 1))) return true;
    }
    if (isBlank(c)) {
      if (prev === 58 /* : */ || prev === 45 /* - */ || prev === 63 /* ? */) canStart = true;
    } else if (c === 91 || c === 123) {
      if (canStart || flow > 0) flow++;
      canStart = true;
    } else if (c === 93 || c === 125) {
      if (flow > 0) flow--;
      canStart = false;
    } else if (c === 44 /* , */) {
      canStart = flow > 0;
    } else if ((c === 124 /* | */ || c === 62 /* > */) && canStart && flow === 0) {
      header = keyColumn(t, lineStart);
      canStart = false;
    } else if (!isBreak(c)) {
      canStart = false;
    }
    prev = c;
  }
  return false;
}

/**
 * Parses plain YAML quickly. Returns undefined (decline) for anything that is not a single,
 * error-free document without anchors, aliases or tags: the positional parser then decides.
 */
export function fastParse(text: string): { data: unknown } | undefined {
  if (risky(text)) return undefined;
  try {
    return { data: jsyaml.load(text, { schema: CORE_1_2 }) };
  } catch {
    return undefined;
  }
}

/**
 * The `yaml` package, loaded on first use: it takes ~40 ms to import, and most runs parse every
 * file on the fast path and never need it.
 */
const require = createRequire(import.meta.url);
let yamlModule: typeof Yaml | undefined;
export const yaml = (): typeof Yaml => (yamlModule ??= require('yaml') as typeof Yaml);

export const MAX_ALIAS_COUNT = 100;

export interface Positioned {
  doc: Document;
  lines: Yaml.LineCounter;
}

export function parseWithPositions(text: string): Positioned {
  const { LineCounter, parseDocument, YAMLParseError } = yaml();
  const lines = new LineCounter();
  const options = {
    lineCounter: lines,
    version: '1.2',
    schema: 'core',
    // yaml compares each key with every earlier one (minutes for a file of 100,000 keys); the
    // same check, keyed by value, follows.
    uniqueKeys: false,
    strict: true,
    prettyErrors: false,
    keepSourceTokens: false,
    // A key that is a collection (`{ a: 1 }: b`) is a schema error dvk reports; yaml would also
    // print a Node warning on stderr when it makes it text.
    logLevel: 'error',
  } as const;
  let doc: Document;
  try {
    doc = parseDocument(text, options);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    // yaml's parser recurses on some broken indentation (thousands of lines each opening a level,
    // found by fuzzing): the file is reported as nested too deeply, not as a crash of dvk.
    doc = parseDocument('', { ...options, lineCounter: new LineCounter() });
    doc.errors.push(new YAMLParseError([0, 1], 'RESOURCE_EXHAUSTION', e.message));
    return { doc, lines };
  }
  pushAll(doc.errors, duplicateKeys(doc));
  return { doc, lines };
}

/**
 * Keys repeated in a mapping, as yaml's own check reports them (DUPLICATE_KEY at the later key;
 * scalar keys equal by value), in one pass.
 */
function duplicateKeys(doc: Document): Yaml.YAMLParseError[] {
  const { isMap, isScalar, visit, YAMLParseError } = yaml();
  const out: Yaml.YAMLParseError[] = [];
  visit(doc, {
    Map(_, map) {
      if (!isMap(map)) return;
      const seen = new Set<unknown>();
      for (const { key } of map.items) {
        if (!isScalar(key) || Number.isNaN(key.value)) continue;
        if (seen.has(key.value) && key.range) out.push(new YAMLParseError([key.range[0], key.range[1]], 'DUPLICATE_KEY', 'Map keys must be unique'));
        seen.add(key.value);
      }
    },
  });
  return out;
}

export interface Range {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type Target = 'key' | 'value';

/** What a path points at: the node's source range, and its text as written. */
export interface Located extends Range {
  source?: string;
}

/** Each mapping's entries by key as text (the first of equal keys), made on first use. */
const pairsByKey = new WeakMap<Yaml.YAMLMap, Map<string, Yaml.Pair>>();

function pairOf(map: Yaml.YAMLMap, segment: string | number): Yaml.Pair | undefined {
  let byKey = pairsByKey.get(map);
  if (!byKey) {
    const { isPair, isScalar } = yaml();
    byKey = new Map();
    for (const it of map.items) {
      if (!isPair(it)) continue;
      const k = String(isScalar(it.key) ? it.key.value : it.key);
      if (!byKey.has(k)) byKey.set(k, it);
    }
    pairsByKey.set(map, byKey);
  }
  return byKey.get(String(segment));
}

/**
 * Finds the source range of the node at `path`: the value (default) or, for a mapping entry,
 * its key. Where the path runs out early (the property is missing), the deepest node found
 * stands in: its key for a mapping entry, else the node itself.
 */
export function locate(p: Positioned, text: string, path: Path, target: Target = 'value'): Located {
  const { isMap, isScalar, isSeq } = yaml();
  let node: Node | null | undefined = p.doc.contents as Node | null;
  let keyNode: Node | null = null;
  for (const segment of path) {
    let next: Node | null | undefined;
    let nextKey: Node | null = null;
    if (isMap(node)) {
      const pair = pairOf(node, segment);
      if (pair) {
        next = pair.value as Node | null;
        nextKey = pair.key as Node | null;
        const empty = isScalar(next) && next.value === null && next.range?.[0] === next.range?.[1];
        if (next === null || next === undefined || empty) {
          // `key:` with no value: point at the key.
          return toRange(p, text, nextKey ?? node);
        }
      }
    } else if (isSeq(node) && typeof segment === 'number') {
      next = node.items[segment] as Node | undefined;
    }
    if (!next) {
      // Missing: point at the parent's key, or the parent itself.
      return toRange(p, text, keyNode ?? node ?? null);
    }
    node = next;
    keyNode = nextKey;
  }
  return toRange(p, text, target === 'key' && keyNode ? keyNode : (node ?? null));
}

function toRange(p: Positioned, text: string, node: Node | null): Located {
  const range = node?.range;
  if (!range) return { line: 1, column: 1, endLine: 1, endColumn: 1 };
  const [start, valueEnd] = range;
  const a = p.lines.linePos(start);
  let end = valueEnd;
  // Trim trailing whitespace and newlines so a block value does not end on the next line.
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  const b = p.lines.linePos(end);
  return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col, source: text.slice(start, end) };
}

/** 1-based line and column of a character offset. */
export function position(p: Positioned, offset: number): { line: number; column: number } {
  const { line, col } = p.lines.linePos(offset);
  return { line, column: col };
}
