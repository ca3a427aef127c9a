// How the commands that check the workspace load it: each file's record from the cache when the
// file has not changed, else read, loaded and checked (process.ts), on both cores when there are
// enough such files. Only the records are kept: a workspace of 100,000 models fits in memory.
import fs from 'node:fs';
import { restoreFile, type FileRecord, type LoadedFile } from '../core/load.js';
import type { Messages } from '../i18n/index.js';
import { Cache, RACY_MS, type CacheSet } from './cache.js';
import { parallelMap, workerCount } from './pool.js';
import { processFile, readFile, sameStamp, stampOf, unpackStates, type FileJob, type FileResult, type Stamp } from './process.js';

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

const stampArray = (s: Stamp): IndexEntry['s'] => [s.size, s.mtime, s.ctime, s.ino];

function indexEntryText(job: FileJob, r: FileResult, record: string): string {
  const racy = !r.stamp || Date.now() - Math.max(r.stamp.mtime, r.stamp.ctime) < RACY_MS;
  return `{"s":${JSON.stringify(r.stamp ? stampArray(r.stamp) : [0, 0, 0, 0])},"h":${JSON.stringify(r.hash)},${job.requireKind ? '"k":1,' : ''}${racy ? '"r":1,' : ''}"f":${record}}`;
}

export function loadChecked(root: string, jobs: FileJob[], opts: EngineOptions): CheckedFiles {
  const { m, need } = opts;
  const index = opts.cache ? Cache.open<IndexEntry>(root, 'index', m.lang) : undefined;
  let data = opts.cache ? Cache.open<DataEntry>(root, 'data', m.lang, { lazy: need === 'index' }) : undefined;
  const records: FileRecord[] = new Array(jobs.length);
  const todo: number[] = [];
  const fromCache = (i: number, e: IndexEntry, d: DataEntry | undefined) => {
    const f = e.f;
    records[i] = { ...f, data: need === 'data' ? d!.d && unpackStates(d!.d) : f.data && unpackStates(f.data) };
  };
  jobs.forEach((job, i) => {
    if (index) {
      const stat = fs.statSync(job.abs, { throwIfNoEntry: false });
      job.stamp = stat && stampOf(stat);
      const e = index.get(job.rel);
      const d = need === 'data' ? data!.get(job.rel) : undefined;
      if (e && Boolean(e.k) === job.requireKind && (need === 'index' || d?.h === e.h)) {
        if (job.stamp && !e.r && sameStamp({ size: e.s[0], mtime: e.s[1], ctime: e.s[2], ino: e.s[3] }, job.stamp)) {
          fromCache(i, e, d);
          return;
        }
        job.hash = e.h;
      }
    }
    todo.push(i);
  });

  const work = todo.map((i) => jobs[i]!);
  const run = (job: FileJob) => processFile(job, m, readFile);
  const workers = workerCount(work.length, FILES_PER_WORKER);
  const results = workers > 0 ? parallelMap(work, run, { workers, chunk: CHUNK, script: new URL('./worker.js', import.meta.url), extra: m.lang }) : work.map(run);
  todo.forEach((i, k) => {
    const job = jobs[i]!;
    const r = results[k]!;
    if (r.index === undefined) {
      // The same bytes as the cached version: its record stands, with the new stamp.
      const e = index!.get(job.rel)!;
      index!.set(job.rel, indexEntryText(job, r, JSON.stringify(e.f)));
      fromCache(i, e, need === 'data' ? data!.get(job.rel) : undefined);
      return;
    }
    index?.set(job.rel, indexEntryText(job, r, r.index));
    data?.set(job.rel, `{"h":${JSON.stringify(r.hash)}${r.data === undefined ? '' : `,"d":${r.data}`}}`);
    const record = JSON.parse(r.index) as FileRecord;
    const full = need === 'data' && r.data !== undefined ? (JSON.parse(r.data) as Record<string, unknown>) : record.data;
    records[i] = { ...record, data: full && unpackStates(full) };
  });

  // A score sheet's marks are checked against its framework in validate.ts, from all its data
  // (then remembered in the index set): this run's, else the file's again.
  const fresh = new Map<number, string | undefined>();
  if (need === 'index') todo.forEach((i, k) => records[i]!.kind === 'assessment' && fresh.set(i, results[k]!.data));
  results.length = 0;
  const whole = (i: number) => (): Record<string, unknown> | undefined => {
    const text = fresh.has(i) ? fresh.get(i) : processFile({ ...jobs[i]!, hash: undefined }, m, readFile).data;
    return text === undefined ? undefined : unpackStates(JSON.parse(text) as Record<string, unknown>);
  };
  // What dvk keeps of each file is written now, so that its text need not stay in memory.
  const live = new Set(jobs.map((j) => j.rel));
  data?.save(live);
  data = undefined;
  const files = jobs.map((job, i) => {
    const file = restoreFile(job.show, job.rel, records[i]!, () => readFile(job.abs));
    if (need === 'index') file.whole = whole(i);
    return file;
  });
  return {
    files,
    save: () => {
      if (!index) return;
      // What the rules across files worked out in this run (findings placed, marks checked
      // against a framework): remembered with the file.
      files.forEach((f, i) => {
        const placed = f.ranges && Object.keys(f.ranges).length !== Object.keys(records[i]!.ranges ?? {}).length;
        if (!placed && f.scored === records[i]!.scored) return;
        const rel = jobs[i]!.rel;
        const e = index.get(rel)!;
        index.set(rel, { ...e, f: { ...e.f, ranges: f.ranges, scored: f.scored } });
      });
      index.save(live);
    },
  };
}
