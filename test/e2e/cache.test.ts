// The cache between runs (.dvk-cache/) and the worker threads never change a result: every
// fixture case and the example workspace, run without the cache, then cold (filling it, with
// worker threads forced on), then warm, give the same output byte for byte; and the cache
// survives what can happen to it.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, dvk, EXAMPLE, tempDir, type Run } from '../helpers.js';
import { caseNames, caseWorkspace, readCase } from './support.js';
import { RACY_MS } from '../../src/workspace/cache.js';

const CACHE = '.dvk-cache';
/** Each test runs dvk several times. */
const SLOW = 180_000;
const noWorkers = { DVK_WORKERS: '0' };
const workers = { DVK_WORKERS: '2' };

/** Runs `args` without the cache, then twice with it (the first filling it with worker threads); all three the same. */
async function sameEveryWay(ws: string, args: string[]): Promise<Run> {
  const none = await dvk(['--no-cache', ...args], { cwd: ws, env: noWorkers });
  const cold = await dvk(args, { cwd: ws, env: workers });
  const warm = await dvk(args, { cwd: ws, env: noWorkers });
  expect(cold, `${args.join(' ')}: cold`).toEqual(none);
  expect(warm, `${args.join(' ')}: warm`).toEqual(none);
  return none;
}

const shards = (ws: string) => fs.readdirSync(path.join(ws, CACHE)).filter((n) => n.endsWith('.jsonl'));
/** A shard as dvk writes it: a header line naming the build, then one `[path, entry]` line per file. */
function wellFormed(ws: string, name: string): void {
  const lines = fs.readFileSync(path.join(ws, CACHE, name), 'utf8').split('\n');
  expect(lines.pop(), name).toBe('');
  expect(JSON.parse(lines[0]!), name).toEqual({ engine: expect.any(String) });
  for (const line of lines.slice(1)) expect(JSON.parse(line), name).toEqual([expect.any(String), expect.any(Object)]);
}

function example(): string {
  const ws = tempDir('dvk-cache-');
  fs.cpSync(EXAMPLE, ws, { recursive: true });
  fs.rmSync(path.join(ws, 'out'), { recursive: true, force: true });
  fs.rmSync(path.join(ws, CACHE), { recursive: true, force: true });
  return ws;
}

describe.concurrent('the cache never changes a result', () => {
  for (const name of caseNames()) {
    it(name, async () => {
      const ws = await caseWorkspace(name);
      await sameEveryWay(ws, readCase(name).args);
      expect(shards(ws).length).toBeGreaterThan(0);
      // score reads the rest of what the cache keeps: its first run without the cache, then from it.
      await sameEveryWay(ws, ['score', '--format', 'json']);
    }, SLOW);
  }

  it('the example workspace: validate, score, status and diff, in both languages', async () => {
    const ws = example();
    const git = (...args: string[]) => execFileSync('git', args, { cwd: ws, encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    git('-c', 'user.email=t@example.org', '-c', 'user.name=T', 'commit', '-q', '--allow-empty', '-m', 'empty');
    git('add', '-A');
    git('-c', 'user.email=t@example.org', '-c', 'user.name=T', 'commit', '-qm', 'example');
    for (const args of [
      ['validate'], ['validate', '--format', 'sarif'], ['validate', '--require', 'review', '--format', 'json'],
      ['score', '--format', 'json'], ['score'], ['score', '--explain', 'DT-2023-ND-01'], ['status', '--format', 'json'],
      ['--lang', 'en', 'validate', '--require', 'all'], ['--lang', 'en', 'score'],
    ]) {
      await sameEveryWay(ws, args);
    }
    // diff reads the working tree and a revision; the revision before the example had nothing.
    expect((await sameEveryWay(ws, ['diff', 'HEAD~1', '--format', 'json'])).exitCode).toBe(0);
    expect(shards(ws).some((n) => n.startsWith('index.en.'))).toBe(true);
  }, SLOW);
});

describe('the cache', () => {
  it('sees a changed file, an added and a removed one, as a run without it does', async () => {
    const ws = example();
    await dvk(['validate'], { cwd: ws });
    const model = path.join(ws, 'models/2023/HM/phan-loai-rac-tai-nguon.yaml');
    fs.writeFileSync(model, fs.readFileSync(model, 'utf8').replace(/^id: DT-2023-HM-01$/m, 'id: DT-2023-CA-01'));
    fs.copyFileSync(path.join(ws, 'models/2023/CA/camera-an-ninh.yaml'), path.join(ws, 'models/2023/CA/ban-sao.yaml'));
    fs.rmSync(path.join(ws, 'assessments/2023/huyen/DT-2023-ND-01.yaml'));
    const none = await dvk(['--no-cache', 'validate', '--format', 'json'], { cwd: ws });
    expect(none.stdout).toContain('duplicate-id');
    expect(await dvk(['validate', '--format', 'json'], { cwd: ws })).toEqual(none);
    expect(await dvk(['validate', '--format', 'json'], { cwd: ws })).toEqual(none);
  }, SLOW);

  it('checks unchanged score sheets again against a framework whose maximums changed, and back', async () => {
    const ws = example();
    const criteria = path.join(ws, 'criteria/vd-100-diem.yaml');
    const original = fs.readFileSync(criteria, 'utf8');
    const args = [['validate', '--format', 'json'], ['score', '--format', 'json']];
    for (const a of args) await dvk(a, { cwd: ws, env: workers });
    // The same total, but marks of 6.5 and 7.5 for C1.1 are now over its maximum.
    fs.writeFileSync(criteria, original.replace(/max: 8\n(\s+)step: register/, 'max: 6\n$1step: register').replace(/max: 7\n(\s+)step: register/, 'max: 9\n$1step: register'));
    const over = await dvk(['--no-cache', 'validate', '--format', 'json'], { cwd: ws });
    expect(over.exitCode).toBe(1);
    expect(over.stdout).toContain('DT-2023-ND-01.yaml');
    for (const a of args) await sameEveryWay(ws, a);
    fs.writeFileSync(criteria, original);
    expect((await dvk(['validate', '--format', 'json'], { cwd: ws })).exitCode).toBe(0);
    for (const a of args) await sameEveryWay(ws, a);
  }, SLOW);

  it('scores unchanged score sheets again under a framework that aggregates or rounds otherwise, and back', async () => {
    const ws = example();
    const criteria = path.join(ws, 'criteria/vd-100-diem.yaml');
    const original = fs.readFileSync(criteria, 'utf8');
    const json = ['score', '--format', 'json'];
    const before = await sameEveryWay(ws, json);
    // The sheets were scored as they were read, and the cache keeps those scores, not their marks.
    const cached = fs.readFileSync(path.join(ws, CACHE, shards(ws).find((n) => n.startsWith('index.'))!), 'utf8');
    expect(cached).toContain('"summary":{"sheets":');
    const totals = (r: Run) => (JSON.parse(r.stdout) as { models: { id: string; total: number | null }[] }).models.map((x) => `${x.id} ${x.total}`);
    for (const [from, to] of [['aggregation: mean', 'aggregation: median'], ['rounding: 0.01', 'rounding: 0.5']]) {
      fs.writeFileSync(criteria, original.replace(from!, to!));
      const after = await sameEveryWay(ws, json);
      expect(totals(after), to).not.toEqual(totals(before));
      await sameEveryWay(ws, ['score', '--explain', 'DT-2023-ND-01']);
    }
    fs.writeFileSync(criteria, original);
    expect(await dvk(json, { cwd: ws })).toEqual(before);
  }, SLOW);

  it('scores sheets again, from their files, once a framework edit that failed them is undone (no validate between)', async () => {
    const ws = example();
    // Older than a change the stamp cannot vouch for (cache.ts RACY_MS), as a workspace's files
    // are: their records are then updated in place, not made again from the files.
    await new Promise((resolve) => setTimeout(resolve, RACY_MS + 100));
    const criteria = path.join(ws, 'criteria/vd-100-diem.yaml');
    const original = fs.readFileSync(criteria, 'utf8');
    const json = ['score', '--format', 'json'];
    const before = await dvk(json, { cwd: ws });
    expect(before.exitCode).toBe(0);
    for (const edit of [original.replace('- id: C1.1\n', '- id: C1.x\n'), original.replace(/max: 8\n(\s+)step: register/, 'max: 6\n$1step: register')]) {
      fs.writeFileSync(criteria, edit);
      expect((await dvk(json, { cwd: ws })).exitCode).toBe(1);
      fs.writeFileSync(criteria, original);
      expect(await dvk(json, { cwd: ws })).toEqual(before);
      expect(await dvk(['score', '--explain', 'DT-2023-ND-01'], { cwd: ws })).toEqual(await dvk(['--no-cache', 'score', '--explain', 'DT-2023-ND-01'], { cwd: ws }));
    }
  }, SLOW);

  it('sees an edit that keeps the size and the modification time', async () => {
    const ws = example();
    const file = path.join(ws, 'models/2023/HM/phan-loai-rac-tai-nguon.yaml');
    const old = new Date('2024-01-01T00:00:00Z');
    fs.utimesSync(file, old, old);
    expect((await dvk(['validate', '--format', 'json'], { cwd: ws })).exitCode).toBe(0);
    // Same length, same mtime: only the bytes (and the change time) differ.
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('type: collective', 'type: collectivx'));
    fs.utimesSync(file, old, old);
    const r = await dvk(['validate', '--format', 'json'], { cwd: ws });
    expect(r.stdout).toContain('schema-enum');
    expect(r).toEqual(await dvk(['--no-cache', 'validate', '--format', 'json'], { cwd: ws }));
  }, SLOW);

  it('ignores a corrupt or foreign cache file and writes it anew', async () => {
    const ws = example();
    const first = await dvk(['score', '--format', 'json'], { cwd: ws });
    const names = shards(ws);
    expect(names.length).toBeGreaterThan(0);
    const text = (n: string) => fs.readFileSync(path.join(ws, CACHE, n), 'utf8');
    const entry = '["models/2023/CA/camera-an-ninh.yaml",{"s":1}]';
    const broken: ((n: string) => string)[] = [
      () => '{"engine": "trun',
      () => `${JSON.stringify({ engine: 'another build' })}\n${entry}\n`,
      // Cut short: the last line has no end.
      (n) => text(n).slice(0, -2),
      // A line that is not [path, entry].
      (n) => `${text(n).split('\n')[0]}\n${entry}\n{"s":1}\n`,
      () => '\u0000\u0001 not json',
    ];
    for (const [i, make] of broken.entries()) {
      for (const n of names) fs.writeFileSync(path.join(ws, CACHE, n), make(n));
      // A shard of an older dvk (one JSON document) is dropped.
      fs.writeFileSync(path.join(ws, CACHE, 'index.vi.0-1.json'), JSON.stringify({ engine: 'old', entries: {} }));
      expect(await dvk(['score', '--format', 'json'], { cwd: ws }), `case ${i}`).toEqual(first);
      expect(shards(ws)).toEqual(names);
      for (const n of names) wellFormed(ws, n);
      expect(fs.existsSync(path.join(ws, CACHE, 'index.vi.0-1.json'))).toBe(false);
    }
    expect(await dvk(['score', '--format', 'json'], { cwd: ws })).toEqual(first);
  }, SLOW);

  it('is never corrupted by runs at the same time', async () => {
    const ws = example();
    const expected = await dvk(['--no-cache', 'validate', '--format', 'json'], { cwd: ws });
    const once = () =>
      new Promise<string>((resolve) => {
        const p = spawn('node', [BIN, 'validate', '--format', 'json'], { cwd: ws, env: { ...process.env, NO_COLOR: '1', DVK_LANG: '' } });
        let out = '';
        p.stdout.on('data', (d: Buffer) => (out += d.toString()));
        p.on('close', () => resolve(out));
      });
    for (let round = 0; round < 3; round++) {
      // A file changes between rounds, so that every round writes.
      fs.appendFileSync(path.join(ws, 'models/2023/CA/camera-an-ninh.yaml'), `# round ${round}\n`);
      const outs = await Promise.all([once(), once(), once()]);
      for (const out of outs) expect(out).toBe(expected.stdout);
      for (const n of shards(ws)) wellFormed(ws, n);
    }
    expect(fs.readdirSync(path.join(ws, CACHE)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect((await dvk(['validate', '--format', 'json'], { cwd: ws })).stdout).toBe(expected.stdout);
  }, SLOW);

  it('is neither read nor written with --no-cache, and git leaves it alone', async () => {
    const ws = example();
    await dvk(['--no-cache', 'validate'], { cwd: ws });
    await dvk(['--no-cache', 'score'], { cwd: ws });
    expect(fs.existsSync(path.join(ws, CACHE))).toBe(false);
    await dvk(['validate'], { cwd: ws });
    expect(fs.readFileSync(path.join(ws, CACHE, '.gitignore'), 'utf8')).toBe('*\n');
  }, SLOW);
});
