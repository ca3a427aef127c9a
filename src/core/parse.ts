// Two YAML parsers that agree on data (test/unit/parse.test.ts checks it):
// - `fastParse` (js-yaml with a schema copied from YAML 1.2 core as `yaml` implements it) is
//   about eight times faster and serves the common path, where a file has nothing to report;
// - `parseWithPositions` (`yaml`) keeps every node's source range; dvk uses it for a file that
//   has a finding to locate, and for any file the fast path declines.
import jsyaml from 'js-yaml';
import { LineCounter, parseDocument, isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { Path } from './types.js';

// Each tag's forms (regex -> value), in yaml's order. js-yaml keeps one type per tag, so every
// form of a tag goes into one type.
type Form = [RegExp, (s: string) => unknown];
const scalar = (tag: string, forms: Form[]) =>
  new jsyaml.Type(`tag:yaml.org,2002:${tag}`, {
    kind: 'scalar',
    resolve: (s: string | null) => s !== null && forms.some(([re]) => re.test(s)),
    construct: (s: string) => forms.find(([re]) => re.test(s))![1](s),
  });

const CORE_1_2 = jsyaml.FAILSAFE_SCHEMA.extend({
  implicit: [
    scalar('null', [[/^(?:~|[Nn]ull|NULL)?$/, () => null]]),
    scalar('bool', [[/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (s) => s[0] === 't' || s[0] === 'T']]),
    scalar('int', [
      [/^0o[0-7]+$/, (s) => parseInt(s.substring(2), 8)],
      [/^[-+]?[0-9]+$/, (s) => parseInt(s, 10)],
      [/^0x[0-9a-fA-F]+$/, (s) => parseInt(s.substring(2), 16)],
    ]),
    scalar('float', [
      [/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, (s) => (s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? -Infinity : Infinity)],
      [/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, parseFloat],
      [/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, parseFloat],
    ]),
  ],
});

/**
 * Constructs where the two parsers could part ways, so the fast path declines them: anchors,
 * aliases, tags and directives; explicit (`?`) and empty or null keys; collections as keys;
 * a sequence nested on the same line as its parent's dash (js-yaml misplaces what follows).
 */
const RISKY = [
  /(?:^|[\s[{,])[&*!]/m,
  /^%/m,
  /^[ \t]*(?:-[ \t]+)*\?(?:\s|$)/m,
  /(?:^[ \t]*(?:-[ \t]+)*|[[{,][ \t]*)(?:~|null|Null|NULL)?[ \t]*:(?:[\s,\]}]|$)/m,
  /[\]}][ \t]*:(?:[\s,\]}]|$)/,
  /^[ \t]*-[ \t]+-(?:\s|$)/m,
];

/**
 * Parses plain YAML quickly. Returns undefined (decline) for anything that is not a single,
 * error-free document without anchors, aliases or tags: the positional parser then decides.
 */
export function fastParse(text: string): { data: unknown } | undefined {
  if (RISKY.some((re) => re.test(text))) return undefined;
  try {
    return { data: jsyaml.load(text, { schema: CORE_1_2 }) };
  } catch {
    return undefined;
  }
}

export const MAX_ALIAS_COUNT = 100;

export interface Positioned {
  doc: Document;
  lines: LineCounter;
}

export function parseWithPositions(text: string): Positioned {
  const lines = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter: lines,
    version: '1.2',
    schema: 'core',
    uniqueKeys: true,
    strict: true,
    prettyErrors: false,
    keepSourceTokens: false,
  });
  return { doc, lines };
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

function keyMatches(key: unknown, segment: string | number): boolean {
  const k = isScalar(key) ? key.value : key;
  return String(k) === String(segment);
}

/**
 * Finds the source range of the node at `path`: the value (default) or, for a mapping entry,
 * its key. Where the path runs out early (the property is missing), the deepest node found
 * stands in: its key for a mapping entry, else the node itself.
 */
export function locate(p: Positioned, text: string, path: Path, target: Target = 'value'): Located {
  let node: Node | null | undefined = p.doc.contents as Node | null;
  let keyNode: Node | null = null;
  for (const segment of path) {
    let next: Node | null | undefined;
    let nextKey: Node | null = null;
    if (isMap(node)) {
      const pair = node.items.find((it) => isPair(it) && keyMatches(it.key, segment));
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
