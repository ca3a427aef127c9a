// The cache between runs, in `.dvk-cache/` at the workspace root: for each file, its stamp,
// the hash of its bytes and its record (check.ts: every finding about the file alone, and what
// dvk keeps of its data). A record depends on nothing but the file's bytes, dvk's code and
// schemas, and the language of the messages; each of those is part of the key. The entries are
// spread over a few shard files by path; a shard is always written whole (atomic.ts), so that
// two runs sharing the cache never see half a file. A shard is JSON lines: a header line naming
// the build of dvk, then one line per file, parsed one at a time (a shard parsed whole is a
// string of megabytes that the garbage collector keeps for long). A shard that does not parse or
// was written by another build of dvk is ignored and written anew.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { addTo, pushAll } from '../core/arrays.js';
import { writeFileAtomic } from './atomic.js';
import { buildId, VERSION } from '../assets.js';

export const CACHE_DIR = '.dvk-cache';

/** How close to its reading a change makes a stamp unreliable: more than any file system's time step. */
export const RACY_MS = 3000;

/** The two sets of shards: what validation needs of each file, and all that dvk keeps of it. */
export type CacheSet = 'index' | 'data';

/** A shard's first line; each line after it is `[path, entry]`. */
interface ShardHeader {
  engine: string;
}

const require = createRequire(import.meta.url);

/** The files whose code decides what a record holds: a build that changes any of them starts a new cache. */
function codeFiles(): string[] {
  const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const out: string[] = [path.join(dist, '..', 'package.json'), path.join(dist, '..', 'generated', 'validators.cjs')];
  for (const sub of ['core', 'i18n', 'workspace']) {
    for (const e of fs.readdirSync(path.join(dist, sub), { recursive: true, withFileTypes: true })) {
      if (e.isFile() && e.name.endsWith('.js')) out.push(path.join(e.parentPath ?? (e as { path?: string }).path ?? '', e.name));
    }
  }
  for (const dep of ['js-yaml', 'yaml', 'ajv']) out.push(require.resolve(`${dep}/package.json`));
  return out.sort();
}

let engine: string | undefined;
/** This build of dvk: its code, schemas and parsers, hashed. */
export function engineId(): string {
  if (engine === undefined) {
    const h = createHash('sha1');
    try {
      for (const f of codeFiles()) h.update(f.slice(f.lastIndexOf('node_modules'))).update(fs.readFileSync(f));
      engine = h.digest('base64');
    } catch {
      // Not laid out as an installed package: the standalone executable, which names its build;
      // any other bundle, its version.
      engine = buildId() ?? `v${VERSION}`;
    }
  }
  return engine;
}

/** 32-bit FNV-1a: which shard a path belongs to. */
function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** One shard per 512 files or so, a power of two, at most 64. */
export const shardCount = (files: number) => Math.min(64, 2 ** Math.max(0, Math.ceil(Math.log2(files / 512))));

/** A shard being written: a temporary file beside it, filled as entries come, renamed over it at the end. */
class ShardFile {
  private readonly tmp: string;
  private fd?: number;
  private pending = '';

  constructor(private readonly file: string) {
    this.tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
    this.fd = fs.openSync(this.tmp, 'w');
    this.pending = `${JSON.stringify({ engine: engineId() } satisfies ShardHeader)}\n`;
  }

  add(rel: string, entry: string): void {
    // JSON text has no raw line break: one line per entry.
    this.pending += `[${JSON.stringify(rel)},${entry}]\n`;
    // Written in small pieces: a piece over about 64 KB is a large object, which only a full
    // collection frees (a cold run at 100,000 models wrote 300 MB of them).
    if (this.pending.length > 16_000) this.flush();
  }

  private flush(): void {
    fs.writeSync(this.fd!, this.pending);
    this.pending = '';
  }

  /** Closes the file (once: a number closed twice may be another file's by then). */
  private end(): void {
    const fd = this.fd;
    this.fd = undefined;
    if (fd !== undefined) fs.closeSync(fd);
  }

  close(): void {
    try {
      this.flush();
    } finally {
      this.end();
    }
    fs.renameSync(this.tmp, this.file);
  }

  abort(): void {
    try {
      this.end();
    } finally {
      fs.rmSync(this.tmp, { force: true });
    }
  }
}


/**
 * A shard's entries, or undefined when it cannot be read, is not in this form or was written by
 * another build. Each line is its own small string: short-lived, it never reaches the old
 * generation of the heap, where 100,000 files' worth of shard text raised the peak by 400 MB.
 */
function readShard(file: string): [string, unknown][] | undefined {
  try {
    const bytes = fs.readFileSync(file);
    let end = bytes.indexOf(10);
    if (end < 0 || (JSON.parse(bytes.toString('utf8', 0, end)) as ShardHeader | null)?.engine !== engineId()) return undefined;
    const entries: [string, unknown][] = [];
    for (let start = end + 1; start < bytes.length; start = end + 1) {
      end = bytes.indexOf(10, start);
      if (end < 0) return undefined; // cut short
      const entry = JSON.parse(bytes.toString('utf8', start, end)) as unknown;
      if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== 'string' || typeof entry[1] !== 'object' || entry[1] === null) return undefined;
      entries.push(entry as [string, unknown]);
    }
    return entries;
  } catch {
    return undefined; // unreadable or not JSON: as if it were not there
  }
}

/** Temporary files left by a run that was stopped: gone after an hour. */
const STALE_MS = 3_600_000;

/**
 * One set of shards for one language, each shard named `<set>.<lang>.<i>-<n>.jsonl` (the i-th of
 * n). Read whole when opened, or (`lazy`) a shard at a time, when the run needs few of them.
 * Entries set in a run are kept in memory until `save`, or (after `stream`) written at once.
 */
export class Cache<E> {
  /** Entries by path, parsed or (new in this run, or not yet needed) as JSON text. */
  private readonly entries = new Map<string, E | string>();
  /** Hashes of the paths set or dropped in this run. */
  private readonly dirty = new Set<number>();
  /** Shard files on disk, and those read. */
  private readonly onDisk = new Set<string>();
  /** The same by count, then index (n -> i -> names): a path's shards found without a search. */
  private readonly byCount = new Map<number, Map<number, string[]>>();
  private readonly read = new Set<string>();
  /** Shards being written as entries come (`stream`), and the paths written so. */
  private streams?: { n: number; files: Map<number, ShardFile | undefined> };
  private readonly streamed = new Set<string>();
  /** Writing failed once: the run goes on without the cache. */
  private broken = false;

  private constructor(
    private readonly dir: string,
    private readonly prefix: string,
  ) {}

  private name(i: number, n: number): string {
    return `${this.prefix}.${i}-${n}.jsonl`;
  }

  /** Reads a shard's entries into the cache, without replacing what this run set. */
  private load(name: string): void {
    if (this.read.has(name)) return;
    this.read.add(name);
    const entries = readShard(path.join(this.dir, name));
    if (entries) for (const [rel, entry] of entries) if (!this.entries.has(rel) && !this.streamed.has(rel)) this.entries.set(rel, entry as E);
  }

  /** Opens a set of a workspace's cache in the language of the messages. */
  static open<E>(root: string, set: CacheSet, lang: string, opts: { lazy?: boolean } = {}): Cache<E> {
    const cache = new Cache<E>(path.join(root, CACHE_DIR), `${set}.${lang}`);
    let names: string[] = [];
    try {
      names = fs.readdirSync(cache.dir);
    } catch {
      return cache;
    }
    for (const name of names) {
      const match = /^(\d+)-(\d+)\.jsonl?$/.exec(name.startsWith(`${cache.prefix}.`) ? name.slice(cache.prefix.length + 1) : '');
      if (!match) continue;
      const [i, n] = [Number(match[1]), Number(match[2])];
      cache.onDisk.add(name);
      if (!cache.byCount.has(n)) cache.byCount.set(n, new Map());
      addTo(cache.byCount.get(n)!, i, name);
    }
    if (!opts.lazy) for (const name of cache.onDisk) cache.load(name);
    return cache;
  }

  /** The shard files on disk that may hold the entry of a path with this hash. */
  private namesOf(h: number): string[] {
    const out: string[] = [];
    for (const [n, names] of this.byCount) pushAll(out, names.get(h % n) ?? []);
    return out;
  }

  /** The entry of a path (in a lazy set, its shard is read first). */
  get(rel: string): E | undefined {
    if (!this.entries.has(rel)) {
      const h = fnv(rel);
      for (const name of this.namesOf(h)) this.load(name);
    }
    const e = this.entries.get(rel);
    if (typeof e !== 'string') return e;
    const parsed = JSON.parse(e) as E;
    this.entries.set(rel, parsed);
    return parsed;
  }

  /** The shard on disk that holds a path's entry: files read in this order have their shards read one at a time. */
  shardOf(rel: string): number {
    const h = fnv(rel);
    for (const [n, names] of this.byCount) if (names.has(h % n)) return h % n;
    return 0;
  }

  /**
   * Lets go of an entry read from disk, once used. Its shard is read again if it must be
   * written. A run that reads the files in shard order thus holds one shard's entries at a
   * time, and they die young: at 100,000 files, the index read whole and kept to the end was
   * 100 MB that only a full collection freed.
   */
  forget(rel: string): void {
    if (!this.entries.delete(rel)) return;
    const h = fnv(rel);
    for (const name of this.namesOf(h)) this.read.delete(name);
  }

  /** From now on, entries set as text go to their shard file at once (a run of `files` files), not into memory. */
  stream(files: number): void {
    this.streams = { n: shardCount(files), files: new Map() };
  }

  private shardFile(i: number, n: number): ShardFile | undefined {
    if (this.broken) return undefined;
    try {
      fs.mkdirSync(this.dir, { recursive: true });
      // Whatever the workspace's .gitignore says, git leaves the cache alone.
      if (!fs.existsSync(path.join(this.dir, '.gitignore'))) writeFileAtomic(path.join(this.dir, '.gitignore'), '*\n');
      return new ShardFile(path.join(this.dir, this.name(i, n)));
    } catch {
      this.broken = true;
      return undefined;
    }
  }

  /** Sets an entry, given as its JSON text when the caller has that already. */
  set(rel: string, entry: E | string): void {
    const h = fnv(rel);
    this.dirty.add(h);
    const streams = this.streams;
    if (streams && typeof entry === 'string') {
      const i = h % streams.n;
      let file = streams.files.get(i);
      if (!file && !streams.files.has(i)) streams.files.set(i, (file = this.shardFile(i, streams.n)));
      try {
        file?.add(rel, entry);
      } catch {
        this.broken = true;
      }
      this.entries.delete(rel);
      this.streamed.add(rel);
      return;
    }
    this.entries.set(rel, entry);
  }

  private removeStale(): void {
    for (const name of fs.readdirSync(this.dir)) {
      const file = path.join(this.dir, name);
      if (name.startsWith('.') && name.endsWith('.tmp') && Date.now() - (fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? Infinity) > STALE_MS) fs.rmSync(file, { force: true });
    }
  }

  /**
   * Writes the shards that changed, keeping only the files of this run (`live`), and removes
   * those of another count. Never fails the run: a workspace where dvk cannot write simply has
   * no cache.
   */
  save(live: ReadonlySet<string>): void {
    const n = shardCount(live.size);
    const streams = this.streams?.n === n ? this.streams.files : new Map<number, ShardFile | undefined>();
    if (this.streams && this.streams.n !== n) for (const f of this.streams.files.values()) f?.abort();
    const wanted = Array.from({ length: n }, (_, i) => this.name(i, n));
    // A shard is written when one of its files was set or dropped, or when it is not on disk in
    // this count; it then holds what was on disk of it and what this run set.
    for (const rel of this.entries.keys()) if (!live.has(rel)) this.dirty.add(fnv(rel));
    const changed = new Set([...this.dirty].map((h) => h % n));
    const write = wanted.map((_, i) => i).filter((i) => changed.has(i) || !this.onDisk.has(wanted[i]!));
    if (write.length === 0 && this.onDisk.size === n) return;
    if (write.some((i) => !this.onDisk.has(wanted[i]!))) for (const name of this.onDisk) this.load(name);
    for (const i of write) if (this.onDisk.has(wanted[i]!)) this.load(wanted[i]!);
    const files = new Map(write.map((i) => [i, streams.has(i) ? streams.get(i) : this.shardFile(i, n)]));
    try {
      for (const [rel, entry] of this.entries) {
        if (live.has(rel)) files.get(fnv(rel) % n)?.add(rel, typeof entry === 'string' ? entry : JSON.stringify(entry));
      }
      if (this.broken) throw new Error('cache not written');
      for (const f of files.values()) f?.close();
      for (const name of this.onDisk) if (!wanted.includes(name)) fs.rmSync(path.join(this.dir, name), { force: true });
      this.removeStale();
    } catch {
      // A read-only workspace, a full disk: the next run starts cold.
      for (const f of files.values()) f?.abort();
    }
  }
}
