// A worker thread of the pool (pool.ts): takes chunks of files from the shared counter, reads,
// loads and checks each (process.ts), and sends back the records, never the parsed documents.
import { workerData } from 'node:worker_threads';
import type { Framework } from '../core/types.js';
import { messages, type Lang } from '../i18n/index.js';
import type { ChunkMessage, PoolData } from './pool.js';
import { processFile, readFile, type FileJob, type FileResult } from './process.js';

const { jobs, chunk, state, port, extra } = workerData as PoolData<FileJob>;
const { lang, frameworks } = extra as { lang: Lang; frameworks: Map<string, Framework> };
const m = messages(lang);
for (let i; (i = Atomics.add(state, 0, 1)) * chunk < jobs.length; ) {
  let msg: ChunkMessage<FileResult>;
  try {
    msg = { i, results: jobs.slice(i * chunk, (i + 1) * chunk).map((job) => processFile(job, m, readFile, frameworks)) };
  } catch (e) {
    msg = { i, error: String(e) };
  }
  port.postMessage(msg);
  Atomics.add(state, 1, 1);
  Atomics.notify(state, 1);
}
port.close();
