// What `dvk` does as a process, for bin/dvk.js and the standalone executable alike: run the
// arguments with the real streams, and leave the exit code in process.exitCode.
import { run } from './main.js';

export async function start(): Promise<void> {
  // A reader that stops early (`dvk … | head`) is not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
    });
  }
  process.exitCode = await run(process.argv.slice(2), {
    // Created only when a command reads it.
    get stdin() {
      return process.stdin;
    },
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
  });
}
