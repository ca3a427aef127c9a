// One file of the workspace read, loaded and checked: the unit of work that the main thread and
// the worker threads share, so that a file's record is the same whichever thread made it.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { checkFile, indexData, scoreAgainst } from '../core/check.js';
import { loadFile, type FileRecord } from '../core/load.js';
import { failureFinding, readLimited, type ReadFailure } from './read.js';
import { STEPS, type Assessment, type Framework, type StepState } from '../core/types.js';
import type { Messages } from '../i18n/index.js';

/** What identifies a version of a file without reading it (git's racy-clean test works the same way). */
export interface Stamp {
  size: number;
  mtime: number;
  ctime: number;
  ino: number;
}

export function stampOf(st: fs.Stats): Stamp {
  return { size: st.size, mtime: st.mtimeMs, ctime: st.ctimeMs, ino: st.ino };
}

export const sameStamp = (a: Stamp, b: Stamp) => a.size === b.size && a.mtime === b.mtime && a.ctime === b.ctime && a.ino === b.ino;

export interface FileJob {
  abs: string;
  /** The path shown to the user, and the path from the workspace root. */
  show: string;
  rel: string;
  requireKind: boolean;
  /** The file's stamp, taken before reading it (a change after that shows in the next run). */
  stamp?: Stamp;
  /** The file's bytes when they come from elsewhere (standard input): never cached. */
  bytes?: Uint8Array;
  /** The hash of the version the cache holds: when the bytes still hash to it, that record stands. */
  hash?: string;
}

export interface FileResult {
  hash: string;
  stamp?: Stamp;
  /**
   * The record as JSON text, its data reduced to what validation needs (check.ts `indexData`),
   * and all that dvk keeps of the data (none for a score sheet scored here: its record holds its
   * score, and its marks are read again if its framework changes); both undefined when the bytes
   * hash to `job.hash`. Text,
   * so that a record is exactly the same whether it was just made or read from the cache.
   */
  index?: string;
  data?: string;
  /** The file could not be read (its record says why): nothing is cached, it is read again next time. */
  unread?: true;
}

/** Reads a workspace file's bytes: a regular file within the size limit, else why not (read.ts). */
export const readFile: (abs: string) => Uint8Array | ReadFailure = readLimited;

/** A file's bytes read again (for a finding's position); empty when it can no longer be read. */
export function bytesOf(abs: string): Uint8Array {
  const bytes = readFile(abs);
  return bytes instanceof Uint8Array ? bytes : new Uint8Array();
}

export const hashOf = (bytes: Uint8Array) => createHash('sha1').update(bytes).digest('base64');

/**
 * Reads, loads and checks one file; the record keeps only what dvk needs of the file (check.ts).
 * A score sheet's marks are checked against its framework when `frameworks` has it, so that they
 * need not be kept for validation.
 */
export function processFile(job: FileJob, m: Messages, read: (abs: string) => Uint8Array | ReadFailure, frameworks?: ReadonlyMap<string, Framework>): FileResult {
  const bytes = job.bytes ?? read(job.abs);
  if (!(bytes instanceof Uint8Array)) {
    const record: FileRecord = { findings: [failureFinding(bytes, m)], valid: false };
    return { hash: '', unread: true, index: JSON.stringify(record) };
  }
  const hash = hashOf(bytes);
  if (hash === job.hash) return { hash, stamp: job.stamp };
  const file = loadFile(job.show, job.rel, bytes, { m, requireKind: job.requireKind, reread: () => job.bytes ?? bytesOf(job.abs) });
  checkFile(file, m, { compact: true });
  const { kind, data, findings, valid, broken, ranges } = file;
  const framework = kind === 'assessment' && valid ? frameworks?.get(data!.framework as string) : undefined;
  const scored = framework && scoreAgainst(data as unknown as Assessment, framework, m);
  // A file that fails its schema keeps its data whole, for the rules across files to read what they can.
  const record: FileRecord = { kind, findings, valid, broken, ranges, scored, data: data && packStates(valid || !broken ? indexData(kind, data) : data) };
  // A sheet scored here is scored without its marks (results.ts): the data set keeps none of it.
  return { hash, stamp: job.stamp, index: JSON.stringify(record), data: data && !scored?.summary ? JSON.stringify(packStates(data)) : undefined };
}

/** A step's state in the cache: 0 absent, 1 complete, else what it lacks. */
type PackedState = 0 | 1 | string[];

/** A model's step states written short (they are most of what validation keeps of a model). */
function packStates(data: Record<string, unknown>): Record<string, unknown> {
  const states = data.states as StepState[] | undefined;
  return states ? { ...data, states: states.map((s): PackedState => (!s.present ? 0 : s.complete ? 1 : s.missing)) } : data;
}

/**
 * A step that is absent or complete says nothing of its own: one shared, frozen state per step
 * and outcome stands for it in every model (100,000 models hold 400,000 states).
 */
const SHARED: StepState[][] = STEPS.map((step) =>
  [false, true].map((present) => Object.freeze({ step, present, complete: present, missing: Object.freeze([]) as unknown as string[] })),
);

export function unpackStates(data: Record<string, unknown>): Record<string, unknown> {
  const packed = data.states as PackedState[] | undefined;
  if (!packed) return data;
  return { ...data, states: packed.map((p, i): StepState => (Array.isArray(p) ? { step: STEPS[i]!, present: true, complete: false, missing: p } : SHARED[i]![p]!)) };
}
