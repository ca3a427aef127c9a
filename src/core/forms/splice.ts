// Changing one key of a YAML file and nothing else: the lines of that key are replaced by the new
// value written in `dvk fmt`'s canonical form; every other line, comment and blank line stays as
// it was, so `git diff` shows only the change. A missing key goes where the schema's key order
// puts it. The result is checked: its data must be the old data with that one change.
import { isDeepStrictEqual } from 'node:util';
import { Document, isMap, isScalar, isSeq, parseDocument, type Pair, type ParsedNode, type YAMLMap } from 'yaml';
import { formatYaml, keyOrder, plainData, type SchemaSet } from '../fmt.js';
import type { Kind } from '../types.js';

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Plain data with the value at `path` set (or removed when undefined). */
export function setPlain(data: unknown, path: readonly string[], value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  // Removing what is not there changes nothing (and makes no empty maps on the way).
  if (value === undefined && !(isObject(data) && Object.hasOwn(data, head))) return data;
  const node: Json = isObject(data) ? { ...data } : {};
  const next = setPlain(node[head], rest, value);
  if (next === undefined) delete node[head];
  else node[head] = next;
  return node;
}

const keyOf = (pair: Pair) => (isScalar(pair.key) ? String(pair.key.value) : undefined);
const lineStart = (text: string, at: number) => text.lastIndexOf('\n', at - 1) + 1;
const lineEnd = (text: string, at: number) => {
  const i = text.indexOf('\n', at);
  return i < 0 ? text.length : i + 1;
};

/** `key: value` written canonically, at `indent` spaces, ending with a newline; a map or list that was `{ … }` stays so where it fits. */
function render(path: readonly string[], value: unknown, indent: number, schemas: SchemaSet, kind: Kind, flow = false): string {
  const doc = new Document(path.reduceRight<unknown>((v, seg) => ({ [seg]: v }), value));
  const node = doc.getIn(path, true);
  if (flow && (isMap(node) || isSeq(node))) node.flow = true;
  const lines = formatYaml(doc.toString({ lineWidth: 0 }), kind, schemas).text.replace(/\n$/, '').split('\n');
  const depth = (path.length - 1) * 2;
  const own = lines.slice(path.length - 1);
  const shift = (l: string) => (l === '' ? l : l.startsWith(' '.repeat(depth)) ? ' '.repeat(indent) + l.slice(depth) : l);
  return `${own.map(shift).join('\n')}\n`;
}

function splice(text: string, path: readonly string[], value: unknown, schemas: SchemaSet, kind: Kind, flow = false): string {
  const doc = parseDocument(text, { version: '1.2', schema: 'core', uniqueKeys: true, strict: true, prettyErrors: false, logLevel: 'error' });
  if (doc.errors.length) throw new Error(doc.errors[0]!.message);
  let map = doc.contents as unknown;
  for (let i = 0; i < path.length; i++) {
    if (!isMap(map) || (map as YAMLMap).flow) {
      // A flow map (`steps: {}`) or no map at all: write its whole key again.
      if (i === 0) throw new Error('not a block map');
      const parentPath = path.slice(0, i);
      const whole = setPlain(plainAt(doc.toJS(), parentPath), path.slice(i), value);
      return splice(text, parentPath, whole, schemas, kind, isMap(map));
    }
    const items = (map as YAMLMap).items as Pair[];
    const seg = path[i]!;
    const pair = items.find((p) => keyOf(p) === seg);
    const last = i === path.length - 1;
    if (!pair) {
      if (value === undefined) return text;
      const rest = path.slice(i + 1).reduceRight<unknown>((v, s) => ({ [s]: v }), value);
      return insert(text, items, path.slice(0, i + 1), rest, schemas, kind);
    }
    if (last) {
      const keyNode = pair.key as ParsedNode;
      const valueNode = pair.value as ParsedNode | null;
      const from = lineStart(text, keyNode.range![0]);
      const to = lineEnd(text, Math.max((valueNode?.range?.[1] ?? keyNode.range![1]) - 1, keyNode.range![1]));
      const replacement = value === undefined ? '' : render(path, value, keyNode.range![0] - from, schemas, kind, flow);
      return text.slice(0, from) + replacement + text.slice(to);
    }
    map = pair.value;
  }
  return text;
}

const plainAt = (data: unknown, path: readonly string[]) => path.reduce<unknown>((n, s) => (isObject(n) ? n[s] : undefined), data);

/** Inserts `key: value` into a block map, after the last key the schema orders before it. */
function insert(text: string, items: Pair[], path: readonly string[], value: unknown, schemas: SchemaSet, kind: Kind): string {
  let order = keyOrder(schemas, kind);
  for (const seg of path.slice(0, -1)) order = order.props[seg] ?? order.other ?? { keys: [], props: {} };
  const rank = (k: string | undefined) => {
    const i = k === undefined ? -1 : order.keys.indexOf(k);
    return i < 0 ? order.keys.length : i;
  };
  const own = rank(path.at(-1));
  const before = items.filter((p) => rank(keyOf(p)) <= own).at(-1);
  const first = items[0]!.key as ParsedNode;
  const indent = first.range![0] - lineStart(text, first.range![0]);
  const block = render(path, value, indent, schemas, kind);
  if (!before) {
    const at = lineStart(text, first.range![0]);
    return text.slice(0, at) + block + text.slice(at);
  }
  const end = (before.value as ParsedNode | null)?.range?.[1] ?? (before.key as ParsedNode).range![1];
  const at = lineEnd(text, end - 1);
  return text.slice(0, at) + (at > 0 && text[at - 1] !== '\n' ? '\n' : '') + block + text.slice(at);
}

/**
 * `text` with the value at `path` (map keys from the root) set to `value`, or removed when
 * `value` is undefined, changing only that key's lines. Throws when the result would not hold
 * exactly the old data with that change (then nothing must be written).
 */
export function setIn(text: string, path: readonly string[], value: unknown, schemas: SchemaSet, kind: Kind): string {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const crlf = text.includes('\r\n');
  const source = text.slice(bom.length).replace(/\r\n/g, '\n');
  let out = splice(source, path, value, schemas, kind);
  const expected = setPlain(plainData(source), path, value);
  if (!isDeepStrictEqual(plainData(out), expected)) {
    // A layout the line editing does not handle (anchors, odd indentation): the whole file in
    // canonical form, which keeps comments, with the change made through the document model.
    const doc = parseDocument(source, { version: '1.2', schema: 'core' });
    if (value === undefined) doc.deleteIn(path);
    else doc.setIn(path, doc.createNode(value));
    out = formatYaml(doc.toString(), kind, schemas).text;
    if (!isDeepStrictEqual(plainData(out), expected)) throw new Error(`cannot set ${path.join('.')} without changing other data`);
  }
  return bom + (crlf ? out.replace(/\n/g, '\r\n') : out);
}
