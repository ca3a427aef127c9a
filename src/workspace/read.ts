// Reading an input file safely: only a regular file, never more than a limit. A FIFO, a device
// or /dev/zero is refused before a byte is read (opening a FIFO does not wait for a writer), and
// a file over the limit is refused from its size, not after reading it whole.
import fs from 'node:fs';
import { MAX_FILE_BYTES, type Finding } from '../core/load.js';
import type { Messages } from '../i18n/index.js';

/** Why a file could not be read: an errno code (EACCES, EIO…), `not-regular` or `too-large`. */
export class ReadProblem extends Error {
  constructor(
    readonly reason: string,
    /** The file's size, for `too-large`. */
    readonly size = 0,
  ) {
    super(reason);
  }
}

/** Reads from the start into `buf` until it is full or the file ends; the number of bytes read. */
function readAll(fd: number, buf: Buffer): number {
  let length = 0;
  for (let n; length < buf.length && (n = fs.readSync(fd, buf, length, buf.length - length, length)) > 0; ) length += n;
  return length;
}

/** The bytes of a regular file of at most `max` bytes; throws a ReadProblem otherwise. */
export function readRegularFile(file: string, max: number): Buffer {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw new ReadProblem((e as NodeJS.ErrnoException).code ?? 'EIO');
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new ReadProblem('not-regular');
    if (stat.size > max) throw new ReadProblem('too-large', stat.size);
    let buf = Buffer.allocUnsafe(stat.size + 1);
    let length = readAll(fd, buf);
    // Filled to the last byte: the file grew since fstat; read it again, up to the limit.
    if (length === buf.length) length = readAll(fd, (buf = Buffer.allocUnsafe(max + 1)));
    if (length > max) throw new ReadProblem('too-large', length);
    return buf.subarray(0, length);
  } catch (e) {
    if (e instanceof ReadProblem) throw e;
    throw new ReadProblem((e as NodeJS.ErrnoException).code ?? 'EIO');
  } finally {
    fs.closeSync(fd);
  }
}

/** Something in the workspace dvk could not read, by absolute path. */
export interface ReadFailure {
  rule: 'file-unreadable' | 'file-link' | 'file-too-large';
  /** An errno code, `not-regular`, `broken-link`; the link's target for file-link. */
  reason: string;
  size?: number;
  folder?: boolean;
}

/** Reads a file of the workspace: a regular file within the size limit, else the reason. */
export function readLimited(abs: string): Uint8Array | ReadFailure {
  try {
    return readRegularFile(abs, MAX_FILE_BYTES);
  } catch (e) {
    if (!(e instanceof ReadProblem)) throw e;
    return e.reason === 'too-large' ? { rule: 'file-too-large', reason: e.reason, size: e.size } : { rule: 'file-unreadable', reason: e.reason };
  }
}

/** The finding for a file that could not be read, placed at its start. */
export function failureFinding(f: ReadFailure, m: Messages): Finding {
  const at = { line: 1, column: 1, endLine: 1, endColumn: 1 };
  const msg =
    f.rule === 'file-too-large' ? m.fileTooLarge(f.size ?? 0, MAX_FILE_BYTES)
    : f.rule === 'file-link' ? m.safety.link(f.reason)
    : m.safety.unreadable(Boolean(f.folder), f.reason);
  return { rule: f.rule, severity: 'error', at, ...msg };
}
