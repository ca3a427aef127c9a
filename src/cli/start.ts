// What `dvk` does as a process, for bin/dvk.js and the standalone executable alike: run the
// arguments with the real streams, and leave the exit code in process.exitCode.
import { VERSION } from '../assets.js';

/** `dvk --version` alone: answered before commander, the message catalogue and the commands are loaded. */
const VERSION_FLAGS = ['--version', '-v', '-V'];

export async function start(): Promise<void> {
  // A reader that stops early (`dvk … | head`) is not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
    });
  }
  const argv = process.argv.slice(2);
  if (argv.length === 1 && VERSION_FLAGS.includes(argv[0]!)) {
    process.stdout.write(`${VERSION}\n`);
    return;
  }
  const { run } = await import('./main.js');
  process.exitCode = await run(argv, {
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
