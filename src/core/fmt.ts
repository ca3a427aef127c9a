// Canonical formatting of dvk YAML files (`dvk fmt`). Pure: text in, text out; the schemas come
// in as plain objects. The `yaml` Document API does the writing; this module only decides, node
// by node, the order of keys, the style of each scalar and collection, and where comments sit.
//
// The canonical form:
// - keys in the order of the kind's JSON Schema (`properties`, following `$ref`s); keys the
//   schema does not list keep their relative order after the known ones;
// - two-space indentation, sequences indented under their key, LF line ends, one final newline;
// - text in Unicode NFC (values, keys and comments);
// - a string is a plain scalar where YAML allows it and quoting would not change its type
//   (`'2023-05-24'` becomes `2023-05-24`; `'00123'`, `'true'`, `'1.0'`, `'null'` stay quoted,
//   in single quotes unless the text needs double ones); text that would pass column 100 on its
//   line is a folded block (`>-`), text with line breaks a literal block (`|-`); a folded block
//   keeps the author's line breaks while every line fits in 100 columns, else it is refolded;
// - a flow collection (`{ name: …, role: … }`, `[a, b]`) stays flow when it fits on its line
//   within 100 columns, holds no comment and no text that must be a block; otherwise it becomes
//   a block collection. Block collections stay block. Maps are padded (`{ a: 1 }`), sequences
//   not (`[a, b]`);
// - numbers, booleans and nulls as written (`8.50`, `00123`, `~`);
// - comments stay: a comment line before a key moves with the key; an end-of-line comment stays
//   on its line (after a flow collection that becomes block, it goes after `key:`, or above the
//   list item); the `# yaml-language-server: $schema=…` line stays first, and a comment block
//   that a blank line separates from the first key stays at the top of the file;
// - blank lines between entries are kept (one at most), except at the start of a collection and
//   between a key and its value.
// Files with anchors and aliases keep their key order: moving a key past an anchor would break
// the aliases that follow it.
import { isDeepStrictEqual } from 'node:util';
import {
  Document,
  Lexer,
  Scalar,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parse,
  parseDocument,
  stringify,
  visit,
  type Node,
  type Pair,
  type ParsedNode,
  type ToStringOptions,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import { MAX_ALIAS_COUNT, parseWithPositions } from './parse.js';
import type { Kind } from './types.js';

/** JSON Schemas by path relative to the schemas folder: `model.schema.json`, `steps/register.schema.json`. */
export type SchemaSet = Readonly<Record<string, unknown>>;

/** The key order a schema gives one place of a file, and the shapes of the places under it. */
export interface KeyOrder {
  keys: string[];
  props: Record<string, KeyOrder>;
  /** Items of a list. */
  items?: KeyOrder;
  /** Values of keys the schema does not name (`additionalProperties`). */
  other?: KeyOrder;
}

export interface Formatted {
  text: string;
  changed: boolean;
}

/** Columns a line may take (text that would pass it is written as a block scalar). */
export const LINE_WIDTH = 100;

const SCHEMA_FILES: Record<Kind, string> = {
  model: 'model.schema.json',
  assessment: 'assessment.schema.json',
  criteria: 'criteria.schema.json',
  config: 'config.schema.json',
};

const OPTIONS: ToStringOptions = {
  indent: 2,
  indentSeq: true,
  lineWidth: LINE_WIDTH,
  minContentWidth: 20,
  singleQuote: true,
  flowCollectionPadding: true,
  blockQuote: true,
  defaultStringType: 'PLAIN',
  defaultKeyType: 'PLAIN',
  trailingComma: false,
  // yaml's own prefixes `#` after every line break JavaScript knows, a lone CR included; YAML keeps
  // a lone CR inside a comment, so lines end at LF only.
  commentString: (comment: string) => comment.split('\n').map((l) => (l === '' ? l : l === ' ' ? '#' : `#${l}`)).join('\n'),
};

// ---- Key orders from the schemas ----

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);
const empty = (): KeyOrder => ({ keys: [], props: {} });

function merge(a: KeyOrder, b: KeyOrder): KeyOrder {
  const out: KeyOrder = { keys: [...a.keys], props: { ...a.props } };
  for (const k of b.keys) if (!out.keys.includes(k)) out.keys.push(k);
  for (const [k, v] of Object.entries(b.props)) out.props[k] = out.props[k] ? merge(out.props[k], v) : v;
  const items = a.items && b.items ? merge(a.items, b.items) : (a.items ?? b.items);
  const other = a.other && b.other ? merge(a.other, b.other) : (a.other ?? b.other);
  if (items) out.items = items;
  if (other) out.other = other;
  return out;
}

/** Follows a `$ref` (relative file and JSON pointer) from the schema file `from`. */
export function resolveRef(schemas: SchemaSet, ref: string, from: string): { node: unknown; file: string } | undefined {
  const url = new URL(ref, `https://schemas.invalid/${from}`);
  const file = decodeURIComponent(url.pathname.slice(1));
  let node: unknown = schemas[file];
  for (const raw of url.hash.replace(/^#\/?/, '').split('/').filter(Boolean)) {
    const seg = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = isObject(node) ? node[seg] : undefined;
  }
  return node === undefined ? undefined : { node, file };
}

function orderOf(schemas: SchemaSet, node: unknown, file: string, stack: string[]): KeyOrder {
  if (!isObject(node)) return empty();
  let out = empty();
  // A `$ref` comes first: a step's completeness schema refers to its draft and adds constraints
  // on a few of the draft's keys, whose order is the draft's.
  if (typeof node.$ref === 'string') {
    const target = resolveRef(schemas, node.$ref, file);
    const id = target && `${target.file}${node.$ref.slice(node.$ref.indexOf('#'))}`;
    if (target && id && !stack.includes(id)) out = merge(out, orderOf(schemas, target.node, target.file, [...stack, id]));
  }
  if (isObject(node.properties)) {
    const own: KeyOrder = empty();
    for (const [key, sub] of Object.entries(node.properties)) {
      own.keys.push(key);
      own.props[key] = orderOf(schemas, sub, file, stack);
    }
    out = merge(out, own);
  }
  if (isObject(node.items)) out = merge(out, { ...empty(), items: orderOf(schemas, node.items, file, stack) });
  if (isObject(node.additionalProperties)) out = merge(out, { ...empty(), other: orderOf(schemas, node.additionalProperties, file, stack) });
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    const list = node[key];
    if (Array.isArray(list)) for (const sub of list) out = merge(out, orderOf(schemas, sub, file, stack));
  }
  for (const key of ['if', 'then', 'else'] as const) if (isObject(node[key])) out = merge(out, orderOf(schemas, node[key], file, stack));
  return out;
}

const cache = new WeakMap<SchemaSet, Partial<Record<Kind, KeyOrder>>>();

/** The key order of a kind of file, derived from its schema (and the schemas it refers to). */
export function keyOrder(schemas: SchemaSet, kind: Kind): KeyOrder {
  let byKind = cache.get(schemas);
  if (!byKind) cache.set(schemas, (byKind = {}));
  const file = SCHEMA_FILES[kind];
  return (byKind[kind] ??= orderOf(schemas, schemas[file], file, [`${file}#`]));
}

// ---- Styles: how yaml writes maps, sequences and preserved folded text ----

/** Folded text whose source line breaks are kept, by node. */
type Folds = WeakMap<Scalar, string[]>;

type Stringify = (item: unknown, ctx: StringifyContext, onComment?: () => void, onChompKeep?: () => void) => string;
interface StringifyContext {
  indent: string;
  inFlow: boolean | null;
  implicitKey?: boolean;
  flowCollectionPadding: string;
  options: { commentString: (s: string) => string };
}
interface TagLike {
  tag: string;
  stringify?: Stringify;
}

const STR = 'tag:yaml.org,2002:str';
const MAP = 'tag:yaml.org,2002:map';
const SEQ = 'tag:yaml.org,2002:seq';

/** The core schema's tags, with maps padded (`{ a: 1 }`), sequences not (`[a, b]`), and kept folds. */
function styleTags(folds: Folds) {
  return (tags: TagLike[]): TagLike[] =>
    tags.map((t): TagLike => {
      if (t.tag === MAP || t.tag === SEQ) {
        const padding = t.tag === MAP ? ' ' : '';
        return {
          ...t,
          stringify: (node, ctx, onComment, onChompKeep) =>
            (node as { toString(c: unknown, a?: () => void, b?: () => void): string }).toString({ ...ctx, flowCollectionPadding: padding }, onComment, onChompKeep),
        };
      }
      if (t.tag === STR && t.stringify) {
        const base = t.stringify;
        return {
          ...t,
          stringify: (node, ctx, onComment, onChompKeep) => {
            const lines = node instanceof Scalar ? folds.get(node) : undefined;
            if (lines && node instanceof Scalar && node.type === Scalar.BLOCK_FOLDED && !ctx.inFlow && !ctx.implicitKey && ctx.indent && lines.every((l) => ctx.indent.length + l.length <= LINE_WIDTH)) {
              let header = '>-';
              if (node.comment) {
                header += ` ${ctx.options.commentString(node.comment.replace(/ ?[\r\n]+/g, ' '))}`;
                onComment?.();
              }
              return `${header}\n${lines.map((l) => ctx.indent + l).join('\n')}`;
            }
            return base(node, ctx, onComment, onChompKeep);
          },
        };
      }
      // Numbers, booleans and nulls keep their source (`8.50`, `0x1F`, and `00123`, which
      // validate's hint reads to suggest quoting it).
      const base = t.stringify;
      if (!base || 'collection' in t) return t;
      return {
        ...t,
        stringify: (node, ctx, onComment, onChompKeep) =>
          node instanceof Scalar && typeof node.source === 'string' && /^[^\s#][^\n]*$/.test(node.source) && node.source.trim() === node.source
            ? node.source
            : base(node, ctx, onComment, onChompKeep),
      };
    });
}

// ---- The passes ----

const isCollection = (n: unknown): n is YAMLMap | YAMLSeq => isMap(n) || isSeq(n);
const nfc = (s: string) => s.normalize('NFC');
/** A comment's text in NFC, without trailing blanks on its lines (which end at LF, as in commentString). */
const cleanComment = (c: string | null | undefined) => (c ? nfc(c).replace(/[ \t\r]+(?=\n|$)/g, '') : c);
const keyName = (pair: Pair) => (isScalar(pair.key) ? String(pair.key.value) : String(pair.key));

/** NFC text and tidy comments everywhere. */
function normalizeText(doc: Document) {
  doc.commentBefore = cleanComment(doc.commentBefore) ?? null;
  doc.comment = cleanComment(doc.comment) ?? null;
  visit(doc, {
    Node(_, node) {
      if (isScalar(node) && typeof node.value === 'string') node.value = nfc(node.value);
      node.commentBefore = cleanComment(node.commentBefore) ?? undefined;
      node.comment = cleanComment(node.comment) ?? undefined;
    },
  });
}

/**
 * Where yaml keeps comments is not always where they belong once keys move:
 * - `key: # note` over a block collection or a value on the next line: yaml puts the note before
 *   the value; it goes back on the key's line;
 * - a comment line before the first key of a nested map belongs to that key, not to the map;
 * - the `yaml-language-server` line belongs to the file, whichever key comes first.
 */
function placeComments(doc: Document, text: string) {
  visit(doc, {
    Pair(_, pair) {
      const value = pair.value;
      if (!(isCollection(value) || isScalar(value)) || !value.commentBefore || !isScalar(pair.key) || pair.key.comment) return;
      const end = (pair.key as ParsedNode).range?.[1];
      if (end === undefined) return;
      const eol = text.indexOf('\n', end);
      if (!/^[ \t]*:[ \t]*#/.test(text.slice(end, eol < 0 ? undefined : eol))) return;
      const [first, ...rest] = value.commentBefore.split('\n');
      pair.key.comment = first;
      value.commentBefore = rest.join('\n').replace(/^\n+/, '') || undefined;
    },
  });
  visit(doc, {
    Pair(_, pair) {
      const value = pair.value;
      if (!isMap(value) || value.flow || !value.commentBefore || !value.items.length) return;
      const first = value.items[0]!;
      if (!isScalar(first.key)) return;
      first.key.commentBefore = first.key.commentBefore ? `${value.commentBefore}\n${first.key.commentBefore}` : value.commentBefore;
      value.commentBefore = undefined;
    },
  });
  liftOuterComments(doc, text);
  const top = doc.contents;
  if (isMap(top) && top.items.length && isScalar(top.items[0]!.key)) {
    const key = top.items[0]!.key;
    const lines = key.commentBefore?.split('\n') ?? [];
    let n = 0;
    while (n < lines.length && /^\s*yaml-language-server:/.test(lines[n]!)) n++;
    if (n > 0) {
      top.commentBefore = [top.commentBefore, ...lines.slice(0, n)].filter((c) => c != null).join('\n');
      key.commentBefore = lines.slice(n).join('\n').replace(/^\n+/, '') || undefined;
    }
  }
}

/**
 * yaml gives every comment line after the last entry of a block collection to that collection,
 * however little the line is indented. A commented-out key less indented than the collection
 * (`  # implement:` after the entries of `register:`) belongs to an outer level: it goes after
 * the entry of that level that holds the collection, or to the end of that level.
 */
function liftOuterComments(doc: Document, text: string) {
  type Line = { col: number; text: string };
  const column = (at: number) => at - (text.lastIndexOf('\n', at - 1) + 1);
  const indentOf = (node: YAMLMap | YAMLSeq): number | undefined => {
    const first = node.items[0];
    if (isPair(first)) {
      const start = (first.key as ParsedNode | null)?.range?.[0];
      return start === undefined ? undefined : column(start);
    }
    const start = (first as ParsedNode | undefined)?.range?.[0];
    if (start === undefined) return undefined;
    // A list's entries stand at their `-`, not at their content (`- name: A` is at the dash).
    let dash = start - 1;
    while (dash >= 0 && /\s/.test(text[dash]!)) dash--;
    return column(text[dash] === '-' ? dash : start);
  };
  const join = (lines: Line[], after?: string | null) => [lines.map((l) => l.text).join('\n'), after].filter((c) => c != null && c !== '').join('\n') || undefined;
  visit(doc, {
    Collection(_, node, path) {
      const range = (node as ParsedNode).range;
      const indent = indentOf(node);
      if (!node.comment || node.flow || !range || indent === undefined) return;
      const lines: Line[] = text
        .slice(range[1], range[2])
        .split('\n')
        .filter((l) => /^[ \t]*#/.test(l))
        .map((l) => ({ col: l.indexOf('#'), text: l.slice(l.indexOf('#') + 1) }));
      const cut = lines.findIndex((l) => l.col < indent);
      if (cut < 0) return;
      node.comment = join(lines.slice(0, cut));
      let rest = lines.slice(cut);
      let child: unknown = node;
      for (let i = path.length - 1; i >= 0 && rest.length; i--) {
        const outer = path[i];
        if (isPair(outer)) {
          child = outer;
          continue;
        }
        if (!isMap(outer) && !isSeq(outer)) break;
        const level = indentOf(outer) ?? 0;
        const n = rest.findIndex((l) => l.col < level);
        const here = n < 0 ? rest : rest.slice(0, n);
        rest = n < 0 ? [] : rest.slice(n);
        if (here.length) {
          const next = (outer.items as unknown[])[(outer.items as unknown[]).indexOf(child) + 1];
          const target = isPair(next) ? (next.key as Scalar) : (next as Scalar | undefined);
          if (target && (isScalar(target) || isMap(target) || isSeq(target))) target.commentBefore = join(here, target.commentBefore);
          else outer.comment = join(here, outer.comment);
        }
        child = outer;
      }
    },
  });
}

/** Keys in schema order; unknown keys after, in their order. */
function sortKeys(node: unknown, order: KeyOrder | undefined) {
  if (isMap(node)) {
    const pairs = node.items as Pair[];
    if (order && order.keys.length) {
      const rank = (p: Pair) => {
        const i = order.keys.indexOf(keyName(p));
        return i < 0 ? order.keys.length : i;
      };
      const sorted = pairs.map((p, i) => ({ p, i, r: rank(p) })).sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.p);
      node.items = sorted;
    }
    for (const p of node.items) {
      const key = keyName(p);
      sortKeys(p.value, order && Object.hasOwn(order.props, key) ? order.props[key] : order?.other);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) sortKeys(item, order?.items);
  }
}

/** No blank line at the start of a collection (it may have moved there with its key), nor between a key and its value. */
function trimLeadingBlank(doc: Document) {
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.value) || isCollection(pair.value)) pair.value.spaceBefore = false;
    },
    Map(_, node) {
      const first = node.items[0];
      if (first && isScalar(first.key)) first.key.spaceBefore = false;
    },
    Seq(_, node) {
      const first = node.items[0];
      if (first && (isScalar(first) || isCollection(first))) first.spaceBefore = false;
    },
  });
}

/** Source line breaks of folded text (`>-`), kept while they fit. */
function collectFolds(doc: Document, text: string, folds: Folds) {
  visit(doc, {
    Scalar(_, node) {
      const range = (node as ParsedNode).range;
      if (node.type !== Scalar.BLOCK_FOLDED || typeof node.value !== 'string' || !range) return;
      if (node.value.includes('\n')) return;
      const body = text.slice(range[0], range[1]).split('\n').slice(1);
      while (body.length && body[body.length - 1]!.trim() === '') body.pop();
      const lines = body.map((l) => nfc(l.replace(/\r$/, '').replace(/^[ \t]+/, '')));
      if (!lines.length || lines.some((l) => l === '' || /[ \t]$/.test(l))) return;
      if (lines.join(' ') !== nfc(node.value)) return;
      folds.set(node, lines);
    },
  });
}

const hasAlias = (node: unknown): boolean => {
  let found = false;
  visit(node as Node, {
    Alias() {
      found = true;
      return visit.BREAK;
    },
  });
  return found;
};

/** A string's width written on one line: plain, or quoted where it must be. */
function inlineWidth(value: string): number {
  // In single quotes for a YAML 1.1 reader (plainStyle), which yaml, writing YAML 1.2, does not know.
  if (otherIn11(value)) return value.length + 2;
  const s = stringify(value, { ...OPTIONS, lineWidth: 0 }).replace(/\n$/, '');
  return s.includes('\n') ? value.length + 2 : s.length;
}

/** Characters that quoting may escape, making the text wider than its length plus the quotes. */
const ESCAPED = /[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff"'\\]/;

/** Whether text written on one line from `column` stays within the line width (fast for most text). */
function fitsInline(value: string, column: number): boolean {
  if (column + value.length > LINE_WIDTH) return false;
  if (column + value.length + 2 <= LINE_WIDTH && !ESCAPED.test(value)) return true;
  return column + inlineWidth(value) <= LINE_WIDTH;
}

function keyWidth(node: unknown): number {
  if (!isScalar(node)) return 1;
  const v = node.value;
  if (typeof v !== 'string') return (node.source ?? String(v)).length;
  // Keys like `name`, `funds_vnd`, `C1.2` are written plain.
  return /^[A-Za-z][\w.-]*$/.test(v) && !/^(?:true|false|null|y|n|yes|no|on|off)$/i.test(v) ? v.length : inlineWidth(v);
}

/** Whether text must be a block scalar wherever it stands. */
const mustBeBlock = (s: string) => s.includes('\n');
/** Trailing blanks on a line cannot be shown in a block scalar without trailing spaces. */
const blockable = (s: string) => !/[ \t](\n|$)/.test(s) && s.trim() !== '';

/**
 * Whether a YAML 1.1 reader (PyYAML, many editors' plugins) would read the text, written plain,
 * as something else than text: `yes`, `off`, `1_000`, `1:20`, `0b101`, `010`. Dates are the
 * exception: dvk writes them plain on purpose.
 */
function otherIn11(v: string): boolean {
  if (!/^[\w.+\-~:<=]{1,40}$/.test(v) || /^\d{4}-\d\d-\d\d$/.test(v)) return false;
  // Only these can be another type for a 1.1 reader: numbers, signs, `.inf`, `~`, `<<`, `=`, the booleans
  // and null. The rest is text without asking yaml, which is cheap, and right where yaml's 1.1 schema
  // is wrong: it reads `e2` as NaN.
  if (!/^[-+.0-9~<=]/.test(v) && !/^(?:y|yes|n|no|on|off|true|false|null)$/i.test(v)) return false;
  try {
    const value: unknown = parse(v, { version: '1.1', schema: 'yaml-1.1' });
    return typeof value !== 'string' && !(value instanceof Date);
  } catch {
    return false;
  }
}

/** Characters YAML 1.1 reads as line breaks, and a BOM: written only as escapes, in double quotes. */
const BREAKS = /[\u0085\u2028\u2029\ufeff]/;

/** A string's style where it would be plain: quoted where a reader could take it for another type or a line break. */
function plainStyle(v: string): Scalar.Type {
  return BREAKS.test(v) ? Scalar.QUOTE_DOUBLE : otherIn11(v) ? Scalar.QUOTE_SINGLE : Scalar.PLAIN;
}

/**
 * The output with BREAKS escaped inside double-quoted scalars (yaml writes them as they are):
 * `\N`, `\L`, `\P`, `\uFEFF`.
 */
function escapeBreaks(out: string): string {
  if (!BREAKS.test(out)) return out;
  const spans: [number, number][] = [];
  visit(parseDocument(out, { version: '1.2', uniqueKeys: false }), {
    Scalar(_, s) {
      if (s.type === Scalar.QUOTE_DOUBLE && s.range) spans.push([s.range[0], s.range[1]]);
    },
  });
  const names: Record<string, string> = { '\u0085': '\\N', '\u2028': '\\L', '\u2029': '\\P', '\ufeff': '\\uFEFF' };
  let text = out;
  for (const [a, b] of spans.sort((x, y) => y[0] - x[0])) text = text.slice(0, a) + text.slice(a, b).replace(new RegExp(BREAKS.source, 'g'), (c) => names[c]!) + text.slice(b);
  return text;
}

/** Strings and keys inside a flow collection: plain where YAML allows. */
function plainInside(node: unknown) {
  visit(node as Node, {
    Scalar(_, s) {
      if (typeof s.value === 'string') s.type = plainStyle(s.value);
    },
  });
}

/** The least width a collection or scalar takes on one line (quoting only adds to it). */
function minWidth(node: unknown): number {
  if (isScalar(node)) return typeof node.value === 'string' ? node.value.length : (node.source ?? String(node.value)).length;
  if (isMap(node)) return (node.items as Pair[]).reduce<number>((w, p) => w + minWidth(p.key) + 1 + minWidth(p.value), 2) + 2 * Math.max(0, node.items.length - 1);
  if (isSeq(node)) return (node.items as unknown[]).reduce<number>((w, i) => w + minWidth(i), 2) + 2 * Math.max(0, node.items.length - 1);
  return 0;
}

/** Writes a flow collection on one line, as it would be written in place. */
type Measure = (node: YAMLMap | YAMLSeq) => string;

function measurer(tags: (t: TagLike[]) => TagLike[]): Measure {
  const doc = new Document(undefined, { version: '1.2', schema: 'core', customTags: tags as never });
  return (node) => {
    const copy = node.clone() as YAMLMap | YAMLSeq;
    copy.comment = undefined;
    copy.commentBefore = undefined;
    copy.spaceBefore = false;
    doc.contents = copy as never;
    return doc.toString({ ...OPTIONS, lineWidth: 0 }).replace(/\n$/, '');
  };
}

function flowFits(node: YAMLMap | YAMLSeq, column: number, measure: Measure): boolean {
  if (column + minWidth(node) > LINE_WIDTH) return false;
  let fits = true;
  visit(node, {
    Node(_, n) {
      if (n !== node && (n.comment || n.commentBefore)) fits = false;
      if (isScalar(n) && typeof n.value === 'string' && mustBeBlock(n.value)) fits = false;
    },
  });
  if (!fits) return false;
  const line = measure(node);
  return !line.includes('\n') && column + line.length <= LINE_WIDTH;
}

/**
 * Decides each collection's flow or block style and each string's scalar style, knowing the
 * column where it starts. `column`: where a value written inline starts (after `key: ` or
 * `- `); `indent`: the indentation of a block collection's entries.
 */
function layout(node: unknown, column: number, indent: number, measure: Measure, key?: Scalar) {
  if (isScalar(node)) {
    if (typeof node.value !== 'string') return;
    const v = node.value;
    if ((mustBeBlock(v) || !fitsInline(v, column)) && blockable(v)) {
      node.type = v.includes('\n') ? Scalar.BLOCK_LITERAL : Scalar.BLOCK_FOLDED;
    } else if (/[ \t]\n/.test(v)) {
      node.type = Scalar.QUOTE_DOUBLE;
    } else {
      node.type = plainStyle(v);
    }
    return;
  }
  if (!isCollection(node)) return;
  if (node.flow && node.items.length) {
    if (hasAlias(node)) return;
    plainInside(node);
    if (flowFits(node, column, measure)) return;
    node.flow = false;
    // The comment at the end of the flow collection's line stays on that line: after `key:`,
    // or, for a list item, on its own line before the item.
    if (node.comment) {
      if (key && !key.comment) key.comment = node.comment;
      else node.commentBefore = node.commentBefore ? `${node.commentBefore}\n${node.comment}` : node.comment;
      node.comment = undefined;
    }
  }
  if (isMap(node)) {
    for (const pair of node.items) {
      if (isScalar(pair.key) && typeof pair.key.value === 'string') pair.key.type = plainStyle(pair.key.value);
      const keyComment = isScalar(pair.key) && pair.key.comment;
      const valueColumn = keyComment ? indent + 2 : indent + keyWidth(pair.key) + 2;
      layout(pair.value, valueColumn, indent + 2, measure, isScalar(pair.key) ? pair.key : undefined);
    }
  } else {
    for (const item of node.items) layout(item, indent + 2, indent + 2, measure);
  }
}

/** Formats the text of a dvk file of the given kind. Throws when the text is not valid YAML. */
export function formatYaml(text: string, kind: Kind, schemas: SchemaSet): Formatted {
  // Line breaks are LF: YAML reads CRLF in text as LF anyway, so this changes no value.
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  const folds: Folds = new WeakMap();
  const tags = styleTags(folds);
  const doc = parseDocument(source, {
    version: '1.2',
    schema: 'core',
    // The file loaded without a repeated key; yaml's check would cost N² for N keys.
    uniqueKeys: false,
    strict: true,
    prettyErrors: false,
    customTags: tags as never,
  });
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) throw new Error(`${problem.code}: ${problem.message}`);

  collectFolds(doc, source, folds);
  placeComments(doc, source);
  normalizeText(doc);
  // Moving a key past an alias's anchor would break the alias: such files keep their order.
  if (!hasAlias(doc)) sortKeys(doc.contents, keyOrder(schemas, kind));
  trimLeadingBlank(doc);
  layout(doc.contents, 0, 0, measurer(tags));
  // yaml ends the text with one newline (more only for text that keeps its final newlines).
  const out = escapeBreaks(doc.toString(OPTIONS));
  return { text: out, changed: out !== text };
}

// ---- Checks before writing ----

function nfcDeep(v: unknown): unknown {
  if (typeof v === 'string') return nfc(v);
  if (Array.isArray(v)) return v.map(nfcDeep);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    // Defined, not assigned: a key `__proto__` is data, as yaml's toJS makes it.
    for (const [k, x] of Object.entries(v)) Object.defineProperty(out, nfc(k), { value: nfcDeep(x), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return v;
}

/** A file's data, as dvk reads it, with every string in NFC; undefined when it does not parse. */
export function plainData(text: string): unknown {
  const { doc } = parseWithPositions(text.replace(/^\uFEFF/, ''));
  if (doc.errors.length) return undefined;
  try {
    return nfcDeep(doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }));
  } catch {
    return undefined;
  }
}

/** The comments of a YAML text, each trimmed and in NFC, sorted. */
export function commentsOf(text: string): string[] {
  const out: string[] = [];
  for (const token of new Lexer().lex(text.replace(/^\uFEFF/, ''))) {
    if (token.startsWith('#')) out.push(nfc(token.slice(1).trim()));
  }
  return out.sort();
}

/**
 * Why a formatted text must not replace the original: `meaning` when its data differ (strings
 * compared in NFC), `comments` when a comment was lost or changed; undefined when it is safe.
 */
export function unsafeChange(before: string, after: string): 'meaning' | 'comments' | undefined {
  const a = plainData(before);
  const b = plainData(after);
  if (a === undefined || b === undefined || !isDeepStrictEqual(a, b)) return 'meaning';
  if (!isDeepStrictEqual(commentsOf(before), commentsOf(after))) return 'comments';
  return undefined;
}
