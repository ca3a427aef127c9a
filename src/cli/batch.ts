// Writes documents one after another with a progress bar on a terminal (none when piped) and a
// closing summary. Each file is written atomically; an interrupted batch leaves no partial file.
import path from 'node:path';
import { writeFileAtomic } from '../workspace/atomic.js';
import type { Ctx } from './context.js';

export interface Job {
  /** Absolute output path. */
  file: string;
  label: string;
  render(): Promise<Uint8Array>;
}

function bar(done: number, total: number, label: string, columns: number): string {
  const width = Math.max(10, Math.min(30, columns - 40));
  const filled = Math.round((done / total) * width);
  const text = `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total} ${label}`;
  return [...text].slice(0, Math.max(10, columns - 1)).join('');
}

/**
 * Renders and writes the jobs in order. With `convert` (PDF), documents are rendered in chunks
 * and each chunk converted at once (a converter's start-up is most of its cost), then written.
 */
export async function runJobs(
  ctx: Ctx,
  jobs: Job[],
  convert?: (docs: Uint8Array[]) => Promise<Uint8Array[]>,
): Promise<{ written: string[]; interrupted: boolean }> {
  const tty = Boolean(ctx.io.stderr.isTTY) && !ctx.quiet;
  const columns = (ctx.io.stderr as { columns?: number }).columns || 80;
  const size = convert ? 20 : 1;
  const written: string[] = [];
  let interrupted = false;
  const onSignal = () => {
    interrupted = true;
  };
  // Rendering runs without yielding to the event loop, where signal handlers run: a turn of the
  // loop before each document and before each write lets a Ctrl-C that came meanwhile be
  // handled, so that no document is written after it (the last one of a batch included).
  const pending = () => new Promise((resolve) => setImmediate(resolve)).then(() => interrupted);
  process.once('SIGINT', onSignal);
  try {
    for (let start = 0; start < jobs.length && !interrupted; start += size) {
      const part = jobs.slice(start, start + size);
      let bytes: Uint8Array[] = [];
      for (const [k, job] of part.entries()) {
        if (await pending()) break;
        if (tty) ctx.err(`\r\u001b[2K${bar(start + k, jobs.length, job.label, columns)}`);
        bytes.push(await job.render());
      }
      if (interrupted) break;
      try {
        if (convert) bytes = await convert(bytes);
      } catch (e) {
        // The converter was interrupted with us.
        if (interrupted) break;
        throw e;
      }
      if (await pending()) break;
      part.forEach((job, k) => {
        writeFileAtomic(job.file, bytes[k]!);
        written.push(job.file);
      });
    }
  } finally {
    process.removeListener('SIGINT', onSignal);
    if (tty) ctx.err('\r\u001b[2K');
  }
  return { written, interrupted };
}

export const relative = (ctx: Ctx, file: string) => path.relative(ctx.cwd, file).split(path.sep).join('/') || '.';
