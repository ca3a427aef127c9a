// Both cores: jobs split into chunks that the main thread and worker threads take in turn from a
// shared counter, so that a worker still starting up costs nothing and a slow one holds up no
// one. It is synchronous (the main thread waits with Atomics.wait), so that opening a workspace
// stays an ordinary function call. A worker only makes the run faster: a chunk it fails on, or
// never finishes, the main thread does itself; each chunk's results are handed over as they come.
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

/**
 * A worker's error is answered by the main thread doing its chunks. The listener lives outside
 * parallelEach: a function made inside would keep the run's whole scope (every job, every
 * record so far) alive for as long as Node keeps the terminated worker.
 */
const ignoreError = () => {};

/** How long the main thread waits for a worker that makes no progress before doing its chunks itself. */
const STALL_MS = 30_000;

/** The number of worker threads to start for `jobs` jobs: DVK_WORKERS, or one per spare core once there is enough work. */
export function workerCount(jobs: number, minPerWorker: number, env: NodeJS.ProcessEnv = process.env): number {
  const forced = env.DVK_WORKERS;
  if (forced !== undefined && /^\d+$/.test(forced)) return Math.min(Number(forced), 16);
  const spare = (os.availableParallelism?.() ?? os.cpus().length) - 1;
  return Math.max(0, Math.min(spare, Math.floor(jobs / minPerWorker) - 1, 7));
}

/**
 * Runs `run` on every job, on this thread and `workers` worker threads running `script` on the
 * same jobs, and hands each result to `done` with its job's index as soon as its chunk is back
 * (in no particular order), so that the caller need not hold them all.
 */
export function parallelEach<J, R>(jobs: J[], run: (job: J) => R, done: (k: number, result: R) => void, opts: { workers: number; chunk: number; script: URL; extra: unknown }): void {
  const chunks = Math.ceil(jobs.length / opts.chunk);
  const finished: boolean[] = new Array(chunks).fill(false);
  let missing = chunks;
  const deliver = (i: number, results: R[]) => {
    if (finished[i]) return;
    finished[i] = true;
    missing--;
    results.forEach((r, j) => done(i * opts.chunk + j, r));
  };
  const doChunk = (i: number) => deliver(i, jobs.slice(i * opts.chunk, (i + 1) * opts.chunk).map(run));
  const state = new Int32Array(new SharedArrayBuffer(8));
  const ports: MessagePort[] = [];
  const workers: Worker[] = [];
  for (let w = 0; w < Math.min(opts.workers, chunks - 1); w++) {
    const { port1, port2 } = new MessageChannel();
    const data: PoolData<J> = { jobs, chunk: opts.chunk, state, port: port2, extra: opts.extra };
    // A worker holds nothing between chunks: a small heap keeps it from growing hundreds of MB
    // before it collects (100,000 models: 1,112 MiB peak without the limits, 995 MiB with them).
    // A worker that runs out stops; the main thread then does its chunks.
    const resourceLimits = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 16 };
    const worker = new Worker(opts.script, { workerData: data, transferList: [port2], resourceLimits });
    worker.unref();
    worker.on('error', ignoreError);
    workers.push(worker);
    ports.push(port1);
  }
  let lastProgress = Date.now();
  const drain = () => {
    for (const port of ports) {
      for (let msg; (msg = receiveMessageOnPort(port)); ) {
        const m = msg.message as ChunkMessage<R>;
        if ('error' in m) doChunk(m.i);
        else deliver(m.i, m.results);
        lastProgress = Date.now();
      }
    }
  };
  for (let i; (i = Atomics.add(state, 0, 1)) < chunks; ) {
    doChunk(i);
    drain();
  }
  // The workers' last chunks: each gets STALL_MS from now to come back.
  lastProgress = Date.now();
  while (missing > 0) {
    const seen = Atomics.load(state, 1);
    drain();
    if (missing === 0) break;
    if (Date.now() - lastProgress > STALL_MS) {
      for (let i = 0; i < chunks; i++) if (!finished[i]) doChunk(i);
      break;
    }
    Atomics.wait(state, 1, seen, 100);
  }
  for (const w of workers) void w.terminate();
  for (const p of ports) p.close();
}
