// Turns a file's bytes into data, a kind and the problems found on the way; maps findings to
// source positions. Pure: the caller reads the bytes.
import { Buffer, isUtf8 } from 'node:buffer';
import type { YAMLError } from 'yaml';
import type { Messages, Msg } from '../i18n/index.js';
import { fastParse, locate, MAX_ALIAS_COUNT, parseWithPositions, position, yaml, type Positioned, type Range, type Target } from './parse.js';
import { KINDS, type Diagnostic, type Kind, type Path, type Severity } from './types.js';
import { text as asText } from './rules/shape.js';
import { pushAll } from './arrays.js';
import type { ScoreSummary } from './score.js';

export const MAX_FILE_BYTES = 1024 * 1024;
/** How deep data may nest: a dvk file needs about six levels; a parser's stack runs out near 800. */
export const MAX_DEPTH = 64;

/**
 * The path to a value nested more than `max` levels deep, or undefined. The recursion stops at
 * `max`, so it cannot run out of stack itself.
 */
function pathBelow(value: unknown, max: number): Path | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  if (max === 0) return [];
  for (const [k, v] of Array.isArray(value) ? value.entries() : Object.entries(value)) {
    const below = pathBelow(v, max - 1);
    if (below) return [k, ...below];
  }
  return undefined;
}

/** A problem tied to a place in a file's data, located only when it is reported. */
export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  hint?: string;
  /** Where in the data; ignored when `at` is given. */
  path?: Path;
  target?: Target;
  /** An already known source range (parse errors). */
  at?: Range;
  /** Severity set by the user on the command line; configuration does not change it. */
  forced?: boolean;
}

/**
 * What dvk knows of a file once it is loaded and checked (check.ts), as plain data: what a
 * worker thread sends back and what the cache between runs keeps.
 */
export interface FileRecord {
  kind?: Kind;
  /**
   * The parsed data; undefined when the file could not be parsed into a mapping. Once checked,
   * a model's is a ModelInfo: only what dvk needs of it, with its step states.
   */
  data?: Record<string, unknown>;
  /** Problems found while loading (syntax, encoding, kind); once checked, every finding about the file alone, located. */
  findings: Finding[];
  /** Set once checked: whether the file passes its schema. */
  valid?: boolean;
  /** Set once checked, for a file that fails its schema: where its schema errors say it is wrong (check.ts `brokenAt`). */
  broken?: string[];
  /** Source ranges located so far, by `rangeKey` (kept so that a later run need not parse the file again to place a finding). */
  ranges?: Record<string, Range>;
  /**
   * A score sheet's findings against its framework (unknown criteria, missing scores, scores
   * over the maximum) and, when there are none, its score without detail, for the framework as
   * `against` identifies it (check.ts `criteriaKey`).
   */
  scored?: { against: string; findings: Finding[]; summary?: ScoreSummary };
}

export interface LoadedFile extends FileRecord {
  /** Path as shown to the user: relative to the current folder, with `/`. */
  path: string;
  /** Path relative to the workspace root, with `/`. */
  rel: string;
  text: string;
  /** Source positions, parsed on first use. */
  positions(): Positioned;
  /** All the data dvk keeps of the file, when `data` holds only what validation needs (check.ts `indexData`). */
  whole?(): Record<string, unknown> | undefined;
  /** Lets go of the text and positions read back to place findings (the ranges placed stay). */
  forget?(): void;
}


/** Valid UTF-8 bytes as text, without a byte order mark. */
function decodeUtf8(bytes: Uint8Array): string {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function lineColOfByte(bytes: Uint8Array, offset: number): Range {
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset)).replace(/^\uFEFF/, '');
  const lines = before.split('\n');
  const line = lines.length;
  const column = (lines[lines.length - 1] ?? '').length + 1;
  return { line, column, endLine: line, endColumn: column + 1 };
}

const START: Range = { line: 1, column: 1, endLine: 1, endColumn: 1 };

/** The byte offset of the first invalid UTF-8 sequence, or -1 when the bytes are valid UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    // Continuation bytes after the lead byte, and the smallest code point that needs them.
    const n = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    if (n === 0) return i;
    const min = [0, 0x80, 0x800, 0x10000][n]!;
    let cp = b & (0xff >> (n + 2));
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return -1;
}

export interface LoadOptions {
  m: Messages;
  /** Reads the file's bytes again, so that a file that parses cleanly need not keep its text. */
  reread?: () => Uint8Array;
  /** Whether a file without `kind` is an error (it lies in a data folder or was named). */
  requireKind: boolean;
  /** The kind to assume when the file has none (the config file). */
  defaultKind?: Kind;
}

// Each kind of file is made in a function of its own: a closure keeps its whole scope alive,
// and the text must not be in the scope of a file that reads it back.
function textFile(path: string, rel: string, text: string): LoadedFile {
  let positioned: Positioned | undefined;
  return { path, rel, text, findings: [], positions: () => (positioned ??= parseWithPositions(text)) };
}

/**
 * A file whose text is read back once a finding needs it, and kept until `forget`. It holds
 * where to read from (`source`, given to `reread`), not a function of its own: 100,000 files.
 */
class RereadFile implements LoadedFile {
  findings: Finding[] = [];
  #text?: string;
  #positioned?: Positioned;

  constructor(
    public path: string,
    public rel: string,
    private readonly reread: (source: string) => Uint8Array,
    private readonly source = '',
  ) {}

  get text(): string {
    return (this.#text ??= decodeUtf8(this.reread(this.source)));
  }

  positions(): Positioned {
    return (this.#positioned ??= parseWithPositions(this.text));
  }

  forget(): void {
    this.#text = undefined;
    this.#positioned = undefined;
  }
}

/** A file known from its record (a worker's or the cache's), its text read back (`reread(source)`) when a finding needs it. */
export function restoreFile(path: string, rel: string, record: FileRecord, reread: (source: string) => Uint8Array, source?: string): LoadedFile {
  // Its own copy of the ranges: those placed in this run are told apart from those it came with.
  return Object.assign(new RereadFile(path, rel, reread, source), record, record.ranges ? { ranges: { ...record.ranges } } : {});
}

function fail(path: string, rel: string, text: string, finding: Finding): LoadedFile {
  return { ...textFile(path, rel, text), findings: [finding] };
}

/** A file that could not be read (the caller says why): no text, no data, one finding. */
export const failedFile = (path: string, rel: string, finding: Finding): LoadedFile => fail(path, rel, '', finding);

export const isDvkKind = (kind: unknown): kind is Kind => typeof kind === 'string' && (KINDS as readonly string[]).includes(kind);

/**
 * What a file that may not parse says of itself in its top-level `key: value` lines (kind, id,
 * year, model, level): enough to tell whether a broken file belongs to a command's scope.
 */
export function declared(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [, key, value] of text.matchAll(/^(kind|id|year|model|level|framework):[ \t]*['"]?([^'"\s#]+)/gm)) out[key!] ??= value!;
  return out;
}

export function loadFile(path: string, rel: string, bytes: Uint8Array, opts: LoadOptions): LoadedFile {
  const { m } = opts;
  if (bytes.length > MAX_FILE_BYTES) {
    return fail(path, rel, '', {
      rule: 'file-too-large', severity: 'error', at: START,
      ...m.fileTooLarge(bytes.length, MAX_FILE_BYTES),
    });
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return fail(path, rel, '', { rule: 'file-encoding', severity: 'error', at: START, ...m.utf16() });
  }
  let text: string;
  if (isUtf8(bytes)) {
    text = decodeUtf8(bytes);
  } else {
    const offset = firstInvalidUtf8(bytes);
    return fail(path, rel, '', {
      rule: 'file-encoding', severity: 'error', at: lineColOfByte(bytes, Math.max(0, offset)),
      ...m.notUtf8(bytes[offset] ?? 0),
    });
  }
  if (text.split('\n').every((line) => line.trim() === '' || line.trimStart().startsWith('#'))) {
    // A config with nothing in it is a config that takes every default.
    if (opts.defaultKind === 'config') return { ...textFile(path, rel, text), kind: 'config', data: {} };
    return fail(path, rel, text, { rule: 'file-empty', severity: 'error', at: START, ...m.emptyFile() });
  }

  let data: unknown;
  const fast = fastParse(text);
  // A file read on the fast path rarely needs its text again (only to place a finding): with a
  // way to read it back, it does not keep it. A workspace of 100,000 files then fits in memory.
  const file: LoadedFile = fast && opts.reread ? new RereadFile(path, rel, opts.reread) : textFile(path, rel, text);
  if (fast) {
    data = fast.data;
  } else {
    const p = file.positions();
    const syntax = yamlFindings(p, text, m);
    // A tag yaml could not resolve is already among its warnings: report it once.
    const warned = new Set(syntax.filter((f) => f.rule === 'yaml-unknown-tag').map((f) => `${f.at!.line}:${f.at!.column}`));
    pushAll(file.findings, syntax, tagFindings(p, text, m).filter((f) => !warned.has(`${f.at!.line}:${f.at!.column}`)));
    if (file.findings.length > 0) return file;
    try {
      data = p.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      // Too many aliases: the first one; an alias to no anchor: the first that has none before it.
      const tooMany = /alias count/i.test((e as Error).message);
      let alias: number | undefined;
      const anchors = new Set<string>();
      const { visit } = yaml();
      visit(p.doc, {
        Alias(_, node) {
          if (!tooMany && anchors.has(node.source)) return undefined;
          alias = node.range?.[0];
          return visit.BREAK;
        },
        Node(_, node) {
          if (node.anchor) anchors.add(node.anchor);
        },
      });
      const at = alias !== undefined ? position(p, alias) : { line: 1, column: 1 };
      file.findings.push({
        rule: tooMany ? 'yaml-alias-limit' : 'yaml-syntax',
        severity: 'error',
        at: { ...at, endLine: at.line, endColumn: at.column + 1 },
        ...(tooMany ? m.aliasLimit(MAX_ALIAS_COUNT) : m.yamlError('BAD_ALIAS', alias !== undefined ? wordAt(text, alias) : '')),
      });
      return file;
    }
  }

  const deep = pathBelow(data, MAX_DEPTH);
  if (deep) {
    file.findings.push({ rule: 'yaml-depth-limit', severity: 'error', path: deep, ...m.yamlError('RESOURCE_EXHAUSTION', '') });
    return file;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    file.findings.push({ rule: 'file-not-mapping', severity: 'error', path: [], ...m.notMapping(describe(data)) });
    return file;
  }
  file.data = data as Record<string, unknown>;
  const kind = file.data.kind;
  if (kind === undefined) {
    if (opts.defaultKind) file.kind = opts.defaultKind;
    else if (opts.requireKind) file.findings.push({ rule: 'file-unknown-kind', severity: 'error', path: [], ...m.missingKind(rel) });
  } else if (isDvkKind(kind)) {
    file.kind = kind;
  } else {
    file.findings.push({ rule: 'file-unknown-kind', severity: 'error', path: ['kind'], ...m.unknownKind(asText(kind)) });
  }
  return file;
}

/** Explicit tags that only restate a core type (`!!str 00123` keeps a code as text). */
const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'seq', 'map'].map((t) => `tag:yaml.org,2002:${t}`));

/** Other tags (`!!binary`, `!!timestamp`, `!!set`, `!custom`…) would turn text into other things. */
function tagFindings(p: Positioned, text: string, m: Messages): Finding[] {
  const out: Finding[] = [];
  yaml().visit(p.doc, {
    Node(_, node) {
      // Unknown local tags (`!foo`) already come as yaml warnings; these are the YAML 1.1 ones it resolves.
      if (node.tag?.startsWith('tag:yaml.org,2002:') && !CORE_TAGS.has(node.tag) && node.range) {
        // The node's range starts at its content; the tag stands just before it.
        const bang = text.lastIndexOf('!', node.range[0]);
        const lineStart = text.lastIndexOf('\n', node.range[0]) + 1;
        const tagStart = bang >= lineStart ? text.lastIndexOf(' ', bang) + 1 || lineStart : node.range[0];
        const start = position(p, Math.max(lineStart, tagStart));
        const end = position(p, node.range[1]);
        out.push({ rule: 'yaml-unknown-tag', severity: 'error', at: { line: start.line, column: start.column, endLine: end.line, endColumn: end.column }, ...m.yamlError('TAG_RESOLVE_FAILED', node.tag.replace('tag:yaml.org,2002:', '!!')) });
      }
    },
  });
  return out;
}

const YAML_RULES: Record<string, string> = {
  DUPLICATE_KEY: 'yaml-duplicate-key',
  RESOURCE_EXHAUSTION: 'yaml-depth-limit',
  TAG_RESOLVE_FAILED: 'yaml-unknown-tag',
  MULTIPLE_DOCS: 'yaml-multiple-documents',
};

/**
 * Where a syntax error really is. yaml reports a key indented too far as an error at the start
 * of the value above it (which it reads as running on); the line with the misplaced key is the
 * one to fix.
 */
function errorStart(text: string, e: YAMLError): number {
  const [from, to] = e.pos;
  if (e.code !== 'BLOCK_AS_IMPLICIT_KEY' && e.code !== 'MULTILINE_IMPLICIT_KEY') return from;
  const nl = text.indexOf('\n', from);
  if (nl < 0 || nl >= to) return from;
  const end = text.indexOf('\n', nl + 1);
  const next = text.slice(nl + 1, end < 0 ? undefined : end);
  return /^[ \t]*[^\s#][^\n]*?:(\s|$)/.test(next) ? nl + 1 : from;
}

/**
 * The YAML mistakes clerks make, recognised from the error and its line: a colon inside a value
 * (`name: Dân vận khéo: hiến đất`), a key indented deeper than the one above, a key without its
 * colon. Each is placed on the line that is wrong, with the fix in words.
 */
function mistake(text: string, e: YAMLError, m: Messages): { offset: number; end: number; msg: Msg } | undefined {
  if (e.code !== 'BLOCK_AS_IMPLICIT_KEY' && e.code !== 'MULTILINE_IMPLICIT_KEY' && e.code !== 'MISSING_CHAR') return undefined;
  const from = e.pos[0];
  const lineStart = text.lastIndexOf('\n', from - 1) + 1;
  const lineEnd = text.indexOf('\n', from) < 0 ? text.length : text.indexOf('\n', from);
  const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
  const indent = /^ */.exec(line)![0].length;
  if (from === lineStart + indent) {
    // The error starts where the line's content does, and the line has no colon: a key lost it.
    const words = line.trim().replace(/\s+#.*$/, '').split(/\s+/);
    if (line.includes(':') || !/^[\p{L}\p{N}_]/u.test(words[0]!)) return undefined;
    const rest = words.slice(1).join(' ');
    const fixed = `${words[0]}: ${rest.length > 30 ? `${rest.slice(0, 30).trimEnd()}…` : rest}`.trimEnd();
    return { offset: from, end: from + words[0]!.length, msg: m.yamlMissingColon(words[0]!, fixed) };
  }
  // The error starts in the value of a key on this line.
  const lead = /^( *(?:- +)?)([^\s:#][^:#]*?):(?: |$)/.exec(line);
  if (!lead) return undefined;
  const [, before, key] = lead as unknown as [string, string, string];
  const nextStart = lineEnd + 1;
  const next = /^( *)([^\s:#-][^:#]*?):(?: |$)/.exec(text.slice(nextStart, text.indexOf('\n', nextStart) < 0 ? undefined : text.indexOf('\n', nextStart)));
  if (next && next[1]!.length > before.length) {
    return { offset: nextStart, end: nextStart + next[1]!.length + next[2]!.length, msg: m.yamlKeyTooDeep(next[2]!, next[1]!.length, before.length, key) };
  }
  const value = text.slice(from, lineEnd).replace(/\s+#.*$/, '').trimEnd();
  const colon = value.search(/:(?: |$)/);
  if (e.code !== 'BLOCK_AS_IMPLICIT_KEY' || colon < 0) return undefined;
  const quoted = value.includes('"') ? `'${value.replace(/'/g, "''")}'` : `"${value}"`;
  return { offset: from + colon, end: from + colon + 1, msg: m.yamlColonInValue(key, `${key}: ${quoted}`) };
}

/** The key at an offset, for messages about keys: "name" rather than "n". */
function wordAt(text: string, offset: number): string {
  return /^[^\s:,[\]{}#]+/.exec(text.slice(offset))?.[0] ?? text.slice(offset, offset + 1);
}

function yamlFindings(p: Positioned, text: string, m: Messages): Finding[] {
  const errors = [...p.doc.errors, ...p.doc.warnings];
  // After a syntax error the parser's recovery can put keys in odd places: a "duplicate" key
  // then is an echo of the real error, not a second one.
  const syntax = errors.some((e) => !(e.code in YAML_RULES));
  // Several errors about one spot: keep the most precise place, once per line.
  const byOrigin = new Map<number, { e: YAMLError; offset: number; known?: ReturnType<typeof mistake> }>();
  for (const e of errors) {
    if (syntax && e.code === 'DUPLICATE_KEY') continue;
    const known = mistake(text, e, m);
    const offset = known?.offset ?? errorStart(text, e);
    const seen = byOrigin.get(e.pos[0]);
    // A recognised mistake wins; else the most precise place.
    if (!seen || (known && !seen.known) || (!seen.known && offset > seen.offset)) byOrigin.set(e.pos[0], { e, offset, known });
  }
  const seen = new Set<number>();
  const out: Finding[] = [];
  for (const { e, offset, known } of byOrigin.values()) {
    const line = position(p, offset).line;
    if (seen.has(line)) continue;
    seen.add(line);
    const start = position(p, offset);
    const snippet = e.code === 'DUPLICATE_KEY' ? wordAt(text, offset) : text.slice(offset, Math.max(e.pos[1], offset + 1)).split('\n')[0] ?? '';
    const end = position(p, known?.end ?? offset + Math.max(1, snippet.length));
    out.push({
      rule: YAML_RULES[e.code] ?? 'yaml-syntax',
      severity: 'error',
      at: { line: start.line, column: start.column, endLine: end.line, endColumn: end.column },
      ...(known?.msg ?? m.yamlError(e.code, snippet)),
    });
  }
  return out;
}

export type ValueType = 'null' | 'boolean' | 'integer' | 'number' | 'string' | 'array' | 'object';

export function describe(value: unknown): ValueType {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'string') return 'string';
  return 'object';
}

const rangeKey = (path: Path, target: Target) => `${target} ${JSON.stringify(path)}`;

/** The source range of a path in a file, located once (the file's `ranges` remember it). */
export function locateIn(file: LoadedFile, path: Path, target: Target = 'value'): Range {
  const key = rangeKey(path, target);
  const ranges = (file.ranges ??= {});
  if (!ranges[key]) {
    const { line, column, endLine, endColumn } = locate(file.positions(), file.text, path, target);
    ranges[key] = { line, column, endLine, endColumn };
  }
  return ranges[key];
}

/** Turns a finding into a located diagnostic. */
export function toDiagnostic(file: LoadedFile, f: Finding): Diagnostic {
  const range = f.at ?? locateIn(file, f.path ?? [], f.target ?? 'value');
  const d: Diagnostic = {
    file: file.path,
    line: range.line,
    column: range.column,
    endLine: range.endLine,
    endColumn: range.endColumn,
    severity: f.severity,
    rule: f.rule,
    message: f.message,
  };
  if (f.hint) d.hint = f.hint;
  return d;
}
