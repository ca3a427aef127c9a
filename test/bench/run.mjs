// npm run bench: dvk against yardsticks on generated workspaces of 1,000 / 10,000 / 100,000
// models (BENCH_SIZES=1000,10000 to limit it), one table with each row's ratio and its target.
//
// Each round runs every command of a size once, yardsticks first, and a row's ratio is the
// median over the rounds of its time over the yardstick's time in the same round: ratios hold
// on a shared, noisy machine where times do not. Wall time; peak memory from /usr/bin/time
// where it is installed.
//
// `--check` (what CI runs, at 1,000 models) compares each ratio with test/bench/baseline.json
// and fails on a regression of more than 2x; `--write-baseline` records the ratios measured.
//
// A row is { name, sizes?, command(ws, out) -> [file, args], vs, target }: add one to ROWS.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const check = process.argv.includes('--check');
const writeBaseline = process.argv.includes('--write-baseline');
const sizes = (process.env.BENCH_SIZES ?? (check || writeBaseline ? '1000' : '1000,10000,100000')).split(',').map(Number);
const rounds = Number(process.env.BENCH_REPEAT ?? 3);
const dvk = path.join(root, 'bin', 'dvk.js');
const schemas = path.join(root, 'schemas');
const baselineFile = path.join(root, 'test', 'bench', 'baseline.json');
const hasTime = spawnSync('/usr/bin/time', ['-f', '%M', 'true']).status === 0;
const node = process.execPath;

/** Yardsticks: what the same work costs in the plainest way. */
const YARDSTICKS = {
  ajv: {
    name: 'ajv-cli validate (models only)',
    command: () => [path.join(root, 'node_modules', '.bin', 'ajv'), ['validate', '--spec=draft2020', '-c', 'ajv-formats', '--strict=false', '--errors=no',
      '-s', path.join(schemas, 'model.schema.json'), '-r', path.join(schemas, 'common.schema.json'), '-r', path.join(schemas, 'steps/*.schema.json'), '-d', 'models/**/*.yaml']],
  },
  floor: { name: 'floor: read + parse (js-yaml)', command: (ws) => [node, [path.join(root, 'test/bench/floor.mjs'), ws, 'js-yaml']] },
  // The same on every core, shown with its ratio to ajv-cli: below the cold validate target, or not.
  cores: { name: `floor, ${os.availableParallelism?.() ?? os.cpus().length} cores: read + parse`, command: (ws) => [node, [path.join(root, 'test/bench/floor.mjs'), ws, 'cores']], vs: ['ajv'] },
  // A warm run's floor, shown with its ratio to ajv-cli: below the warm rows' target, or not.
  stat: { name: 'floor, warm: list + stat', command: (ws) => [node, [path.join(root, 'test/bench/floor.mjs'), ws, 'stat']], vs: ['ajv'] },
  node: { name: 'node -e 0', command: () => [node, ['-e', '0']] },
};

/** A row's `before(ws)`, run before each of its runs and not timed: the cache between runs gone. */
function dropCache(ws) {
  fs.rmSync(path.join(ws, '.dvk-cache'), { recursive: true, force: true });
}

/** Or one model's bytes changed (a comment at its end, added and removed in turn). */
function changeOneFile(ws) {
  const dir = path.join(ws, 'models');
  let file = dir;
  while (fs.statSync(file).isDirectory()) file = path.join(file, fs.readdirSync(file).sort()[0]);
  const text = fs.readFileSync(file, 'utf8');
  const mark = '# bench: one file changed\n';
  fs.writeFileSync(file, text.endsWith(mark) ? text.slice(0, -mark.length) : text + mark);
}

/**
 * `before`: see dropCache.
 * `vs`: what the row's time is divided by, yardsticks or other rows. `target`: the largest ratio
 * allowed to `target.vs` (default `vs[0]`), or with `ms` the time above `vs[0]`, and peak memory.
 */
const validate = () => [node, [dvk, 'validate', '--format', 'json']];
const score = () => [node, [dvk, 'score', '--format', 'json']];
const ROWS = [
  { name: 'dvk validate, cold', before: dropCache, command: validate, vs: ['ajv', 'floor'], target: { ratio: 0.5, mib: 1024 } },
  { name: 'dvk validate, warm', command: validate, vs: ['ajv', 'floor'], target: { ratio: 0.15 } },
  { name: 'dvk validate, one file changed', before: changeOneFile, command: validate, vs: ['ajv', 'floor'], target: { ratio: 0.15 } },
  { name: 'dvk score --format json, cold', before: dropCache, command: score, vs: ['ajv', 'floor', 'dvk validate, cold'], target: { ratio: 1.2, vs: 'dvk validate, cold', mib: 1024 } },
  { name: 'dvk score --format json, warm', command: score, vs: ['ajv', 'floor', 'dvk validate, cold'], target: { ratio: 1.2, vs: 'dvk validate, cold' } },
  { name: (n) => `dvk decide (annex of ~${Math.round(n * 0.65)} rows)`, sizes: [1000, 10000], command: (ws, out) => [node, [dvk, 'decide', '-o', path.join(out, 'qd.docx')]], vs: ['ajv', 'floor'], target: { ratio: 3, mib: 500 } },
  { name: (n) => `dvk report --by unit (${Math.ceil(n / 100)} reports)`, sizes: [1000, 10000], command: (ws, out) => [node, [dvk, 'report', '--by', 'unit', '--no-number', '-o', path.join(out, 'units')]], vs: ['ajv', 'floor'], target: { ratio: 3 } },
  { name: 'dvk --version', sizes: [], command: () => [node, [dvk, '--version']], vs: ['node'], target: { ms: 40 } },
  // What every run of validate pays before its first file: node, dvk's modules, the catalogue.
  { name: 'dvk validate, empty folder', sizes: [], command: (ws, out) => [node, [dvk, '-C', out, 'validate']], vs: ['node'] },
];

function run([file, args], cwd) {
  const t0 = performance.now();
  const r = spawnSync(hasTime ? '/usr/bin/time' : file, hasTime ? ['-f', '%M', file, ...args] : args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - t0;
  if (r.error) throw r.error;
  const mib = hasTime ? Number(r.stderr.trim().split('\n').pop()) / 1024 : NaN;
  return { ms, mib, status: r.status };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Every command of a group, `n` rounds in turn; per command: median time, peak memory, ratios to the yardsticks. */
function measure(commands, cwd, n) {
  const times = commands.map(() => []);
  for (let i = 0; i < n; i++) {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'dvk-bench-out-'));
    commands.forEach((c, j) => {
      c.before?.(cwd);
      times[j].push(run(c.command(cwd, out), cwd));
    });
    fs.rmSync(out, { recursive: true, force: true });
  }
  const at = (key) => times[commands.findIndex((c) => c.key === key)];
  return commands.map((c, j) => {
    const t = times[j];
    const ratios = Object.fromEntries((c.vs ?? []).map((key) => [key, median(t.map((x, i) => x.ms / at(key)[i].ms))]));
    const above = (c.vs ?? []).length ? median(t.map((x, i) => x.ms - at(c.vs[0])[i].ms)) : undefined;
    return { ...c, ms: median(t.map((x) => x.ms)), mib: Math.max(...t.map((x) => x.mib)), status: t[t.length - 1].status, ratios, above };
  });
}

const fmt = (x, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : '–');
const results = [];
function print(size, r) {
  const to = r.target?.vs ?? r.vs?.[0];
  const target = r.target
    ? r.target.ms !== undefined
      ? `≤ ${to} + ${r.target.ms} ms`
      : [`≤ ${r.target.ratio}× ${to === 'ajv' ? 'ajv-cli' : `${to} (${fmt(r.ratios[to])}×)`}`, r.target.mib ? `< ${r.target.mib} MiB` : ''].filter(Boolean).join(', ')
    : '';
  const vsAjv = r.ratios.ajv !== undefined ? `${fmt(r.ratios.ajv)}×` : r.ratios.node !== undefined ? `+${Math.round(r.above)} ms` : '';
  const vsFloor = r.ratios.floor !== undefined ? `${fmt(r.ratios.floor)}×` : '';
  const met = !r.target ? '' : r.target.ms !== undefined ? r.above <= r.target.ms : r.ratios[to] <= r.target.ratio && !(r.mib > r.target.mib);
  console.log(
    `${String(size || '').padStart(7)}  ${r.label.padEnd(40)} ${fmt(r.ms / 1000).padStart(7)} s ${fmt(r.mib, 0).padStart(6)} MiB ${vsAjv.padStart(9)} ${vsFloor.padStart(8)}   ${target}${target ? (met ? '  ✓' : '  ✗') : ''}${r.status ? `  (exit ${r.status})` : ''}`,
  );
  results.push({ size, name: r.label, dvk: Boolean(r.vs) && !r.yardstick, seconds: +fmt(r.ms / 1000, 3), peakMiB: Math.round(r.mib), ratios: r.ratios, aboveMs: r.above === undefined ? undefined : Math.round(r.above), exit: r.status, target: r.target });
}

console.log(`node ${process.version}, ${os.cpus().length} cores, ${rounds} rounds; times are medians, ratios the median of each round's ratio`);
console.log(`${'size'.padStart(7)}  ${'command'.padEnd(40)} ${'time'.padStart(9)} ${'peak'.padStart(10)} ${'× ajv-cli'.padStart(9)} ${'× floor'.padStart(8)}   target`);
for (const n of sizes) {
  const ws = generate(n);
  const rows = ROWS.filter((r) => !r.sizes || r.sizes.includes(n));
  const commands = [
    { key: 'ajv', label: YARDSTICKS.ajv.name, command: YARDSTICKS.ajv.command },
    { key: 'floor', label: YARDSTICKS.floor.name, command: YARDSTICKS.floor.command },
    ...['cores', 'stat'].map((key) => ({ key, label: YARDSTICKS[key].name, command: YARDSTICKS[key].command, vs: YARDSTICKS[key].vs, yardstick: true })),
    ...rows.map((r) => ({ ...r, key: typeof r.name === 'function' ? r.name(n) : r.name, label: typeof r.name === 'function' ? r.name(n) : r.name })),
  ];
  for (const r of measure(commands, ws, rounds)) print(n, r);
}
// Start-up does not depend on the workspace: once, against node itself, with more rounds.
const startup = ROWS.filter((r) => r.sizes?.length === 0);
for (const r of measure([{ key: 'node', label: YARDSTICKS.node.name, command: YARDSTICKS.node.command }, ...startup.map((x) => ({ ...x, key: x.name, label: x.name }))], root, Math.max(rounds, 15))) {
  if (r.key !== 'node') print(0, r);
}

const ratioOf = (r) => r.ratios.ajv ?? r.ratios.node;
if (writeBaseline) {
  fs.writeFileSync(baselineFile, `${JSON.stringify(Object.fromEntries(results.filter((r) => r.dvk && ratioOf(r) !== undefined).map((r) => [`${r.size} ${r.name}`, +fmt(ratioOf(r))])), null, 2)}\n`);
  console.log(`\n${path.relative(root, baselineFile)} written`);
} else if (check) {
  const baseline = JSON.parse(fs.readFileSync(baselineFile, 'utf8'));
  const worse = results.filter((r) => baseline[`${r.size} ${r.name}`] !== undefined && ratioOf(r) > 2 * baseline[`${r.size} ${r.name}`]);
  for (const r of worse) console.error(`regression: ${r.name} at ${r.size} models is ${fmt(ratioOf(r))}× its yardstick, more than twice the baseline's ${baseline[`${r.size} ${r.name}`]}×`);
  const failed = results.filter((r) => r.dvk && r.exit !== 0);
  for (const r of failed) console.error(`failed: ${r.name} at ${r.size} models exited with ${r.exit}`);
  process.exitCode = worse.length || failed.length ? 1 : 0;
} else {
  const dir = path.join(root, 'bench-results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, JSON.stringify({ node: process.version, cpus: os.cpus().length, rounds, results }, null, 2));
  console.log(`\n${path.relative(root, file)}`);
}
