// Worker threads on a workspace large enough for them (the fixtures fit in one chunk, which the
// main thread takes before a worker starts): a generated workspace of 300 models and their score
// sheets, some of them broken, gives the same output on one thread and on three, with the cache
// and without; and a file checked in a worker thread gives exactly the record the main thread makes.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { dvk, NODE, ROOT, tempDir } from '../helpers.js';
import { messages } from '../../src/i18n/index.js';
import type * as Pool from '../../src/workspace/pool.js';
import type * as Process from '../../src/workspace/process.js';

const SLOW = 240_000;
let ws = '';

/** Edits a file of the workspace with a replacement that must match. */
function edit(rel: string, from: RegExp | string, to: string): void {
  const file = path.join(ws, rel);
  const text = fs.readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  expect(next, rel).not.toBe(text);
  fs.writeFileSync(file, next);
}

beforeAll(() => {
  const generated = execFileSync('node', [path.join(ROOT, 'test/bench/generate.mjs'), '300'], { encoding: 'utf8' }).trim();
  ws = tempDir('dvk-workers-');
  fs.cpSync(generated, ws, { recursive: true });
  // Broken in every way a file can be: its schema (wrong types, a step that is a string, an
  // unknown key), its syntax, its marks, a duplicate id, a date out of order.
  edit('models/2023/U0/mo-hinh-3.yaml', /^type: .*$/m, 'type: 7');
  edit('models/2023/U0/mo-hinh-4.yaml', /^steps:/m, 'extra_key: 1\nsteps:');
  edit('models/2023/U1/mo-hinh-110.yaml', /^year: .*$/m, 'year: "2023"');
  edit('models/2023/U1/mo-hinh-150.yaml', /^id: .*$/m, 'id: BM-2023-U0-001');
  edit('models/2023/U2/mo-hinh-222.yaml', /^name: /m, 'name: [unclosed\nname2: ');
  fs.writeFileSync(path.join(ws, 'models/2023/U2/mo-hinh-250.yaml'), 'kind: model\nversion: 1\nid: BM-2023-U2-051\nsteps: trong\nunit: 5\n');
  edit('assessments/2023/huyen/BM-2023-U0-011.yaml', /^(\s+C1\.1): .*$/m, '$1: 99');
  edit('assessments/2023/huyen/BM-2023-U0-020.yaml', /^model: .*$/m, 'model: [BM-2023-U0-020]');
}, SLOW);

describe('worker threads', () => {
  it('give the same output as one thread, with the cache and without', async () => {
    const runs: [string[], Record<string, string>][] = [
      [['--no-cache'], { DVK_WORKERS: '0' }],
      [['--no-cache'], { DVK_WORKERS: '2' }],
      [[], { DVK_WORKERS: '2' }],
      [[], { DVK_WORKERS: '0' }],
    ];
    for (const args of [['validate', '--format', 'json'], ['score', '--format', 'json']]) {
      const [first, ...rest] = runs;
      const expected = await dvk([...first![0], ...args], { cwd: ws, env: first![1] });
      expect(expected.exitCode, args.join(' ')).toBe(1);
      if (args[0] === 'validate') {
        for (const rule of ['schema-type', 'schema-unknown-key', 'yaml-syntax', 'duplicate-id', 'score-over-max']) expect(expected.stdout, rule).toContain(`"${rule}"`);
      }
      for (const [flags, env] of rest) expect(await dvk([...flags, ...args], { cwd: ws, env }), `${args.join(' ')} ${JSON.stringify(env)} ${flags.join(' ')}`).toEqual(expected);
    }
  }, SLOW);

  it('make exactly the record the main thread makes of each file', async () => {
    const dist = (rel: string) => pathToFileURL(path.join(ROOT, 'dist', rel)).href;
    const { parallelEach } = (await import(dist('workspace/pool.js'))) as typeof Pool;
    const { processFile, readFile } = (await import(dist('workspace/process.js'))) as typeof Process;
    const m = messages('vi');
    const jobs: Process.FileJob[] = [];
    for (const dir of ['models', 'assessments']) {
      for (const rel of fs.readdirSync(path.join(ws, dir), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yaml')).sort()) {
        jobs.push({ abs: path.join(ws, dir, rel), show: `${dir}/${rel}`, rel: `${dir}/${rel}`, requireKind: true });
      }
    }
    const expected = jobs.map((job) => processFile(job, m, readFile));
    const got: Process.FileResult[] = new Array(jobs.length);
    const here = new Set<number>();
    const pause = new Int32Array(new SharedArrayBuffer(4));
    // The main thread slowed down, so that the workers surely take most of the chunks.
    const run = (job: Process.FileJob) => {
      Atomics.wait(pause, 0, 0, 20);
      here.add(jobs.indexOf(job));
      return processFile(job, m, readFile);
    };
    parallelEach(jobs, run, (k, r) => (got[k] = r), { workers: 2, chunk: 4, script: new URL(dist('workspace/worker.js')), extra: { lang: 'vi', frameworks: new Map() } });
    expect(here.size).toBeLessThan(jobs.length / 2);
    expect(got.filter((r) => r !== undefined).length).toBe(jobs.length);
    expect(got).toEqual(expected);
    // Broken files among them, checked in full (their data kept whole for the rules across files).
    const broken = got.map((r) => JSON.parse(r.index!) as { valid?: boolean; broken?: string[] }).filter((r) => r.broken);
    expect(broken.length).toBeGreaterThanOrEqual(5);
  }, SLOW);

  it('ask V8 for a flag the Node that runs dvk knows, on a large workspace (Node reports an unknown one on stderr)', async () => {
    const engine = JSON.stringify(pathToFileURL(path.join(ROOT, 'dist/workspace/engine.js')).href);
    const script = `const e = await import(${engine}); e.boundHeapGrowth(e.LARGE_WORKSPACE); console.log('set');`;
    const r = await execa(NODE, ['--input-type=module', '-e', script], { reject: false });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('set');
  });
});
