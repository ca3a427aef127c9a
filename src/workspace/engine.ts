// How the commands that check the workspace load it: each file's record from the cache when the
// file has not changed, else read, loaded and checked (process.ts), on both cores when there are
// enough such files. Only the records are kept: a workspace of 100,000 models fits in memory.
import fs from 'node:fs';
import v8 from 'node:v8';
import { addTo } from '../core/arrays.js';
import { restoreFile, type FileRecord, type LoadedFile } from '../core/load.js';
import type { Framework } from '../core/types.js';
import { usableFrameworks } from '../core/validate.js';
import type { Messages } from '../i18n/index.js';
import { Cache, RACY_MS, type CacheSet } from './cache.js';
import { parallelEach, workerCount } from './pool.js';
import { bytesOf, processFile, readFile, sameStamp, stampOf, unpackStates, type FileJob, type FileResult, type Stamp } from './process.js';

export interface EngineOptions {
  m: Messages;
  /** Use the cache in `.dvk-cache/` (`--no-cache` turns it off). */
  cache: boolean;
  /** What the command needs of each file: what validation looks at, or all that dvk keeps (scores, documents). */
  need: CacheSet;
}

/** A file in the index set: its stamp, the hash of its bytes, and its record (data: what validation needs). */
interface IndexEntry {
  /** size, mtime, ctime, inode */
  s: [number, number, number, number];
  h: string;
  /** Loaded as a file that must say its kind. */
  k?: 1;
  /** Changed too close to its reading for the stamp to prove it unchanged: its hash is checked next time. */
  r?: 1;
  f: FileRecord;
}

/** A file in the data set: all that dvk keeps of its data, for the version with hash `h`. */
interface DataEntry {
  h: string;
  d?: Record<string, unknown>;
}

/** Files a worker thread must have to be worth starting (measured: see test/bench). */
export const FILES_PER_WORKER = 400;
const CHUNK = 32;

export interface CheckedFiles {
  files: LoadedFile[];
  /** Keeps what this run learnt (new records, findings placed) for the next. */
  save(): void;
}

/** Files from which V8 is asked to grow its heap by half at most (see boundHeapGrowth). */
export const LARGE_WORKSPACE = 40_000;

/**
 * V8 lets the heap grow to up to four times what survived its last full collection before it
 * collects again: at 100,000 models (188,239 files) that took a cold score run to 1,002 MiB and a
 * cold validate to 704 MiB. Growing by half at most took them to 788 and 494 MiB, for 6 % more
 * time; at 10,000 models it saves nothing and costs 2 % (README, Performance). V8 reads the flag
 * at each collection, in every thread: the worker threads, whose heap is capped (pool.ts), then
 * grow by half where V8 would grow them by 1.3, which at their size changes none of their limits.
 */
export function boundHeapGrowth(files: number): void {
  if (files >= LARGE_WORKSPACE) v8.setFlagsFromString('--heap-growing-percent=50');
}

const stampArray = (s: Stamp): IndexEntry['s'] => [s.size, s.mtime, s.ctime, s.ino];

function indexEntryText(job: FileJob, r: FileResult, record: string): string {
  const racy = !r.stamp || Date.now() - Math.max(r.stamp.mtime, r.stamp.ctime) < RACY_MS;
  return `{"s":${JSON.stringify(r.stamp ? stampArray(r.stamp) : [0, 0, 0, 0])},"h":${JSON.stringify(r.hash)},${job.requireKind ? '"k":1,' : ''}${racy ? '"r":1,' : ''}"f":${record}}`;
}

/**
 * Loads every job's file, checked. Files for which `first` holds (the criteria folder) are done
 * first: the frameworks among them let each score sheet's marks be checked as it is read.
 */
export function loadChecked(root: string, jobs: FileJob[], opts: EngineOptions, first: (job: FileJob) => boolean = () => false): CheckedFiles {
  const { m, need } = opts;
  boundHeapGrowth(jobs.length);
  let index = opts.cache ? Cache.open<IndexEntry>(root, 'index', m.lang, { lazy: true }) : undefined;
  let records: FileRecord[] | undefined = readRecords(root, jobs, opts, first, index);
  const files = jobs.map((job, i) => {
    const file = restoreFile(job.show, job.rel, records![i]!, job.bytes ? stdinBytes(job.bytes) : bytesOf, job.abs);
    // All of a file's data, where the run may keep only what validation needs of it (every file
    // of a validate run; a valid score sheet, whose marks the data set does not keep once it was
    // scored as it was read): a sheet's marks when its framework changed since they were checked
    // and scored, or to show them (score --explain).
    const r = records![i]!;
    if (need === 'index' || (r.kind === 'assessment' && r.valid)) file.whole = wholeReader(job, m);
    return file;
  });
  // Files from standard input are never cached: their paths may name files on disk that are.
  const stdin = new Set(jobs.filter((j) => j.bytes).map((j) => j.rel));
  return {
    files,
    save: () => {
      if (!index || !records) return;
      // What the rules across files worked out in this run (findings placed, marks checked
      // against a framework): remembered with the file.
      files.forEach((f, i) => {
        const placed = f.ranges && Object.keys(f.ranges).length !== Object.keys(records![i]!.ranges ?? {}).length;
        if ((!placed && f.scored === records![i]!.scored) || stdin.has(f.rel)) return;
        const e = index!.get(f.rel);
        if (e) index!.set(f.rel, { ...e, f: { ...e.f, ranges: f.ranges, scored: f.scored } });
      });
      index.save(new Set(files.map((f) => f.rel)));
      // The rest of the run (scoring, documents) has the files: the cache's entries and the
      // records they came from can go (a tenth of the memory at 100,000 models).
      index = records = undefined;
    },
  };
}

/** Each job's record: from the cache where the file has not changed, else its file read and checked. */
function readRecords(root: string, jobs: FileJob[], opts: EngineOptions, first: (job: FileJob) => boolean, index: Cache<IndexEntry> | undefined): FileRecord[] {
  const { m, need } = opts;
  const data = opts.cache ? Cache.open<DataEntry>(root, 'data', m.lang, { lazy: need === 'index' }) : undefined;
  // What dvk keeps of each file goes to disk as it comes, so that its text need not stay in
  // memory (100,000 files: 300 MB). A file read in this run is thus cached before the rules
  // across files place their findings in it: the next run places them and keeps them.
  data?.stream(jobs.length);
  index?.stream(jobs.length);
  const records: FileRecord[] = new Array(jobs.length);
  const fromCache = (i: number, e: IndexEntry, d: DataEntry | undefined) => {
    const f = e.f;
    // A sheet scored when it was read has no data in the data set: its record's is all there is.
    const data = need === 'data' ? (d!.d ?? f.data) : f.data;
    records[i] = { ...f, data: data && unpackStates(data) };
  };
  /** The indices of the jobs whose files must be read: all of them without the cache. */
  const lookUp = (indices: number[]): number[] => {
    if (!index) return indices;
    // In the order of the index's shards: each is read, used and let go in turn (Cache.forget).
    const byShard = new Map<number, number[]>();
    for (const i of indices) addTo(byShard, index.shardOf(jobs[i]!.rel), i);
    return [...byShard.values()].flat().filter((i) => {
      const job = jobs[i]!;
      if (job.bytes) return true;
      const stat = fs.statSync(job.abs, { throwIfNoEntry: false });
      job.stamp = stat && stampOf(stat);
      const e = index.get(job.rel);
      const d = need === 'data' ? data!.get(job.rel) : undefined;
      if (!e || Boolean(e.k) !== job.requireKind || (need === 'data' && d?.h !== e.h)) return true;
      if (job.stamp && !e.r && sameStamp({ size: e.s[0], mtime: e.s[1], ctime: e.s[2], ino: e.s[3] }, job.stamp)) {
        fromCache(i, e, d);
        index.forget(job.rel);
        return false;
      }
      job.hash = e.h;
      return true;
    });
  };
  const take = (i: number, r: FileResult) => {
    const job = jobs[i]!;
    if (r.index === undefined) {
      // The same bytes as the cached version: its record stands, with the new stamp.
      const e = index!.get(job.rel)!;
      index!.set(job.rel, indexEntryText(job, r, JSON.stringify(e.f)));
      fromCache(i, e, need === 'data' ? data!.get(job.rel) : undefined);
      return;
    }
    if (!job.bytes && !r.unread) {
      index?.set(job.rel, indexEntryText(job, r, r.index));
      data?.set(job.rel, `{"h":${JSON.stringify(r.hash)}${r.data === undefined ? '' : `,"d":${r.data}`}}`);
    }
    const record = JSON.parse(r.index) as FileRecord;
    const full = need === 'data' && r.data !== undefined ? (JSON.parse(r.data) as Record<string, unknown>) : record.data;
    records[i] = { ...record, data: full && unpackStates(full) };
  };

  const all = jobs.map((_, i) => i);
  const early = all.filter((i) => first(jobs[i]!));
  for (const i of lookUp(early)) take(i, processFile(jobs[i]!, m, readFile));
  const frameworks = new Map([...usableFrameworks(early.map((i) => records[i]!))].map(([id, f]) => [id, f.data as unknown as Framework]));
  const todo = lookUp(all.filter((i) => !first(jobs[i]!)));
  const work = todo.map((i) => jobs[i]!);
  const run = (job: FileJob) => processFile(job, m, readFile, frameworks);
  const done = (k: number, r: FileResult) => take(todo[k]!, r);
  const workers = workerCount(work.length, FILES_PER_WORKER);
  if (workers > 0) parallelEach(work, run, done, { workers, chunk: CHUNK, script: new URL('./worker.js', import.meta.url), extra: { lang: m.lang, frameworks } });
  else work.forEach((job, k) => done(k, run(job)));

  data?.save(new Set(jobs.map((j) => j.rel)));
  return records;
}

/** Standard input's bytes, read again: in a function of its own, whose scope holds nothing else. */
const stdinBytes = (bytes: Uint8Array) => () => bytes;

function wholeReader({ abs, show, rel, requireKind, bytes }: FileJob, m: Messages): () => Record<string, unknown> | undefined {
  return () => wholeData(processFile({ abs, show, rel, requireKind, bytes }, m, readFile).data);
}

const wholeData = (text: string | undefined) => (text === undefined ? undefined : unpackStates(JSON.parse(text) as Record<string, unknown>));
