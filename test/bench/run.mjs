// npm run bench: validate and score on 1,000 / 10,000 / 100,000 generated models, against the
// parse-only floor and ajv-cli; document rendering at batch size. Wall time and peak memory of
// each command, best of a few runs. Sizes: BENCH_SIZES=1000,10000 (default 1000,10000,100000).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const sizes = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const repeat = Number(process.env.BENCH_REPEAT ?? 3);
const dvk = path.join(root, 'bin', 'dvk.js');
const ajv = path.join(root, 'node_modules', '.bin', 'ajv');
const schemas = path.join(root, 'schemas');

/** Runs a command `repeat` times; the best wall time and its peak RSS (from /usr/bin/time). */
function measure(cmd, args, cwd) {
  let best;
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    const r = spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
    const ms = performance.now() - t0;
    const rss = Number(r.stderr.trim().split('\n').pop()) / 1024;
    if (!best || ms < best.ms) best = { ms, rss, status: r.status };
  }
  return best;
}

const rows = [];
const row = (size, what, m) => {
  rows.push({ size, what, seconds: +(m.ms / 1000).toFixed(2), peakMiB: Math.round(m.rss), exit: m.status });
  console.log(`${String(size).padStart(7)}  ${what.padEnd(36)} ${(m.ms / 1000).toFixed(2).padStart(7)} s ${String(Math.round(m.rss)).padStart(6)} MiB  exit ${m.status}`);
};

console.log(`node ${process.version}, ${os.cpus().length} cores, best of ${repeat}`);
for (const n of sizes) {
  const t0 = performance.now();
  const ws = generate(n);
  console.log(`\n${n} models in ${ws} (generated or cached in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  row(n, 'floor: read + parse (js-yaml)', measure('node', [path.join(root, 'test/bench/floor.mjs'), ws, 'js-yaml'], ws));
  row(n, 'floor: read + parse (yaml)', measure('node', [path.join(root, 'test/bench/floor.mjs'), ws, 'yaml'], ws));
  row(n, 'ajv-cli validate (models only)', measure(ajv, ['validate', '--spec=draft2020', '-c', 'ajv-formats', '--strict=false', '--errors=no',
    '-s', path.join(schemas, 'model.schema.json'), '-r', path.join(schemas, 'common.schema.json'), '-r', path.join(schemas, 'steps/*.schema.json'),
    '-d', 'models/**/*.yaml'], ws));
  row(n, 'dvk validate', measure('node', [dvk, 'validate', '--format', 'json'], ws));
  row(n, 'dvk score --format json', measure('node', [dvk, 'score', '--format', 'json'], ws));
  if (n <= 10000) {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'dvk-bench-out-'));
    row(n, `dvk decide (1 document, ${Math.round(n * 0.65)} rows)`, measure('node', [dvk, 'decide', '-o', path.join(out, 'qd.docx')], ws));
    row(n, `dvk report --by unit (${Math.ceil(n / 25)} documents)`, measure('node', [dvk, 'report', '--by', 'unit', '-o', path.join(out, 'units')], ws));
    fs.rmSync(out, { recursive: true, force: true });
  }
}
const dir = path.join(root, 'bench-results');
fs.mkdirSync(dir, { recursive: true });
const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
fs.writeFileSync(file, JSON.stringify({ node: process.version, cpus: os.cpus().length, repeat, rows }, null, 2));
console.log(`\n${path.relative(root, file)}`);
