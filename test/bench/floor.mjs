// The floors: what any run over a workspace's YAML files costs, nothing else.
// `parse` (a cold run's floor): read every YAML file and parse it (js-yaml, or `yaml`).
// `cores` (a cold run's floor on every core): the same with js-yaml, the files shared out between
// this thread and a worker thread per other core, as evenly as they come: what dvk's cold run
// would cost if checking the files were free and the split perfect.
// `stat` (a warm run's floor): list the folders and stat every YAML file, what a run must do to
// know that nothing changed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import jsyaml from 'js-yaml';

const load = (p) => jsyaml.load(fs.readFileSync(p, 'utf8'), { schema: jsyaml.CORE_SCHEMA });

function list(dir) {
  const files = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.yaml')) files.push(p);
    }
  };
  walk(dir);
  return files;
}

if (!isMainThread) {
  workerData.forEach(load);
  parentPort.postMessage('done');
} else {
  const [dir, mode = 'js-yaml'] = process.argv.slice(2);
  const files = list(dir);
  if (mode === 'cores') {
    const n = os.availableParallelism?.() ?? os.cpus().length;
    const share = (k) => files.filter((_, i) => i % n === k);
    const workers = Array.from({ length: n - 1 }, (_, k) => new Promise((done) => new Worker(new URL(import.meta.url), { workerData: share(k + 1) }).once('message', done)));
    share(0).forEach(load);
    await Promise.all(workers);
  } else {
    // `yaml` loaded only when it is the one measured.
    const { parse } = mode === 'yaml' ? await import('yaml') : {};
    files.forEach(mode === 'stat' ? (p) => fs.statSync(p) : mode === 'yaml' ? (p) => parse(fs.readFileSync(p, 'utf8')) : load);
  }
  console.log(files.length);
}
