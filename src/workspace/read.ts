// Reading an input file safely: only a regular file, never more than a limit. A FIFO, a device
// or /dev/zero is refused before a byte is read (opening a FIFO does not wait for a writer), and
// a file over the limit is refused from its size, not after reading it whole.
import fs from 'node:fs';

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
