// Runs dvk in-process (run() from the built CLI) for the fuzzer, one request at a time; the
// fuzzer ends this worker when a run takes longer than its bound.
import { parentPort } from 'node:worker_threads';
import { run } from '../../dist/cli/main.js';

function sink() {
  const chunks = [];
  return { chunks, stream: { isTTY: false, columns: 80, write: (s) => (chunks.push(String(s)), true) } };
}

parentPort.on('message', async ({ id, argv, cwd }) => {
  const out = sink();
  const err = sink();
  let code;
  let crash;
  try {
    code = await run(argv, { stdout: out.stream, stderr: err.stream, env: { NO_COLOR: '1', DVK_LANG: 'vi' }, cwd });
  } catch (e) {
    crash = String(e?.stack ?? e);
  }
  parentPort.postMessage({ id, code, crash, stdout: out.chunks.join(''), stderr: err.chunks.join('') });
});
