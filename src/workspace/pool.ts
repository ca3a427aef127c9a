// Both cores: jobs split into chunks that the main thread and worker threads take in turn from a
// shared counter, so that a worker still starting up costs nothing and a slow one holds up no
// one. It is synchronous (the main thread waits with Atomics.wait), so that opening a workspace
// stays an ordinary function call. A worker only makes the run faster: a chunk it fails on, or
// never finishes, the main thread does itself, and every chunk's results go back in order.
import os from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';

/** What a worker thread is started with (see worker.ts). */
export interface PoolData<J> {
  jobs: J[];
  chunk: number;
  /** [0]: the next chunk to take; [1]: chunks the workers have finished. */
  state: Int32Array;
  port: MessagePort;
  /** Whatever else the worker needs (the language of the messages). */
  extra: unknown;
}

export type ChunkMessage<R> = { i: number; results: R[] } | { i: number; error: string };

/** How long the main thread waits for a worker that makes no progress before doing its chunks itself. */
const STALL_MS = 30_000;

/** The number of worker threads to start for `jobs` jobs: DVK_WORKERS, or one per spare core once there is enough work. */
export function workerCount(jobs: number, minPerWorker: number, env: NodeJS.ProcessEnv = process.env): number {
  const forced = env.DVK_WORKERS;
  if (forced !== undefined && /^\d+$/.test(forced)) return Math.min(Number(forced), 16);
  const spare = (os.availableParallelism?.() ?? os.cpus().length) - 1;
  return Math.max(0, Math.min(spare, Math.floor(jobs / minPerWorker) - 1, 7));
}

/** `jobs.map(run)`, with `workers` worker threads running `script` on the same jobs. */
export function parallelMap<J, R>(jobs: J[], run: (job: J) => R, opts: { workers: number; chunk: number; script: URL; extra: unknown }): R[] {
  const chunks = Math.ceil(jobs.length / opts.chunk);
  const results: (R[] | undefined)[] = new Array(chunks);
  const doChunk = (i: number) => (results[i] = jobs.slice(i * opts.chunk, (i + 1) * opts.chunk).map(run));
  const state = new Int32Array(new SharedArrayBuffer(8));
  const ports: MessagePort[] = [];
  const workers: Worker[] = [];
  for (let w = 0; w < Math.min(opts.workers, chunks - 1); w++) {
    const { port1, port2 } = new MessageChannel();
    const data: PoolData<J> = { jobs, chunk: opts.chunk, state, port: port2, extra: opts.extra };
    const worker = new Worker(opts.script, { workerData: data, transferList: [port2] });
    worker.unref();
    worker.on('error', () => {
      // Its chunks are done here when it makes no more progress.
    });
    workers.push(worker);
    ports.push(port1);
  }
  for (let i; (i = Atomics.add(state, 0, 1)) < chunks; ) doChunk(i);

  let missing = results.reduce((n, r) => n - (r ? 1 : 0), chunks);
  let lastProgress = Date.now();
  while (missing > 0) {
    const seen = Atomics.load(state, 1);
    for (const port of ports) {
      for (let msg; (msg = receiveMessageOnPort(port)); ) {
        const m = msg.message as ChunkMessage<R>;
        if (results[m.i]) continue;
        if ('error' in m) doChunk(m.i);
        else results[m.i] = m.results;
        missing--;
        lastProgress = Date.now();
      }
    }
    if (missing === 0) break;
    if (Date.now() - lastProgress > STALL_MS) {
      for (let i = 0; i < chunks; i++) if (!results[i]) doChunk(i);
      break;
    }
    Atomics.wait(state, 1, seen, 100);
  }
  for (const w of workers) void w.terminate();
  return results.flat() as R[];
}
