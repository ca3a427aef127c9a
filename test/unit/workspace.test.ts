// The workspace's file discovery: what cannot be read is reported, never skipped.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { messages } from '../../src/i18n/index.js';
import { writeFileAtomic } from '../../src/workspace/atomic.js';
import { LARGE_WORKSPACE, loadChecked } from '../../src/workspace/engine.js';
import { openWorkspace, type Workspace } from '../../src/workspace/workspace.js';
import { RACY_MS } from '../../src/workspace/cache.js';
import { validate } from '../../src/core/validate.js';
import { scoreAgainst } from '../../src/core/check.js';
import type { Assessment, Framework } from '../../src/core/types.js';
import type { LoadedFile } from '../../src/core/load.js';
import { EXAMPLE, workspaceFrom } from '../helpers.js';

const m = messages('en');

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('openWorkspace', () => {
  it('reports a folder it cannot list (permission denied) as a located error, and keeps the rest', () => {
    const dir = workspaceFrom(EXAMPLE);
    const locked = path.join(dir, 'models', '2023', 'CA');
    const readdir = fs.readdirSync;
    vi.spyOn(fs, 'readdirSync').mockImplementation(((p: fs.PathLike, o: unknown) => {
      if (String(p) === locked) throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
      return readdir(p, o as { withFileTypes: true });
    }) as typeof fs.readdirSync);
    const ws = openWorkspace({ cwd: dir, m });
    const folder = ws.files.find((f) => f.path === 'models/2023/CA');
    expect(folder?.findings).toEqual([expect.objectContaining({ rule: 'file-unreadable', severity: 'error', at: { line: 1, column: 1, endLine: 1, endColumn: 1 } })]);
    expect(folder?.findings[0]?.message).toBe('Cannot read this folder: permission denied.');
    expect(ws.named.has(folder!)).toBe(true);
    expect(ws.files.some((f) => f.path === 'models/2023/HM/phan-loai-rac-tai-nguon.yaml')).toBe(true);
  });

  it('reports a file it cannot open', () => {
    const dir = workspaceFrom(EXAMPLE);
    const target = path.join(dir, 'models', '2023', 'CA', 'camera-an-ninh.yaml');
    const open = fs.openSync;
    vi.spyOn(fs, 'openSync').mockImplementation(((p: fs.PathLike, ...rest: unknown[]) => {
      if (String(p) === target) throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
      return (open as (...a: unknown[]) => number)(p, ...rest);
    }) as typeof fs.openSync);
    const ws = openWorkspace({ cwd: dir, m });
    const file = ws.files.find((f) => f.path === 'models/2023/CA/camera-an-ninh.yaml');
    expect(file?.kind).toBeUndefined();
    expect(file?.findings.map((f) => f.rule)).toEqual(['file-unreadable']);
  });

  it('does not follow a symbolic link to a folder it reads anyway (a loop ends at once)', () => {
    const dir = workspaceFrom(EXAMPLE);
    const before = openWorkspace({ cwd: dir, m }).files.length;
    fs.symlinkSync('..', path.join(dir, 'models', '2023', 'loop'));
    const ws = openWorkspace({ cwd: dir, m });
    expect(ws.files.length).toBe(before);
    expect(ws.files.every((f) => f.findings.length === 0)).toBe(true);
  });
});

describe('writeFileAtomic', () => {
  it('refuses a target that exists and is not a regular file (a FIFO here; a device as root)', () => {
    const dir = workspaceFrom();
    const fifo = path.join(dir, 'ong.docx');
    execFileSync('mkfifo', [fifo]);
    expect(() => writeFileAtomic(fifo, 'x')).toThrow(expect.objectContaining({ code: 'ENOTREG', path: fifo }));
    expect(fs.statSync(fifo).isFIFO()).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['ong.docx']);
  });
});

describe('writeFileAtomic leaves no temporary file (issue 9, defect 13)', () => {
  it('after a write, a write that must not overwrite, and one that fails', () => {
    const dir = workspaceFrom();
    const file = path.join(dir, 'a.yaml');
    writeFileAtomic(file, 'a: 1\n');
    writeFileAtomic(path.join(dir, 'b.yaml'), 'b: 1\n', { overwrite: false });
    expect(() => writeFileAtomic(file, 'a: 2\n', { overwrite: false })).toThrow(expect.objectContaining({ code: 'EEXIST', path: file }));
    expect(fs.readdirSync(dir).sort()).toEqual(['a.yaml', 'b.yaml']);
    expect(fs.readFileSync(file, 'utf8')).toBe('a: 1\n');
  });
});

describe('boundHeapGrowth', () => {
  it('asks V8 to grow its heap by half at most when a workspace of LARGE_WORKSPACE files is loaded, not of one file fewer', () => {
    const set = vi.spyOn(v8, 'setFlagsFromString').mockImplementation(() => {});
    // Files that are not there: each is read and reported at once, on this thread.
    vi.stubEnv('DVK_WORKERS', '0');
    const jobs = (n: number) => Array.from({ length: n }, (_, i) => ({ abs: `/nonexistent/${i}.yaml`, show: `${i}.yaml`, rel: `${i}.yaml`, requireKind: true }));
    loadChecked('/nonexistent', jobs(LARGE_WORKSPACE - 1), { m, cache: false, need: 'index' });
    expect(set).not.toHaveBeenCalled();
    const { files } = loadChecked('/nonexistent', jobs(LARGE_WORKSPACE), { m, cache: false, need: 'index' });
    expect(files).toHaveLength(LARGE_WORKSPACE);
    expect(set).toHaveBeenCalledWith('--heap-growing-percent=50');
  });
});

describe('what a run keeps of a score sheet', () => {
  it('a valid sheet keeps its score, not its marks, and can read them again; a model keeps its data; a validate run can read any file again', () => {
    vi.stubEnv('DVK_WORKERS', '0');
    const dir = workspaceFrom(EXAMPLE);
    fs.rmSync(path.join(dir, '.dvk-cache'), { recursive: true, force: true });
    // Without the cache, then cold (filling it), then warm.
    for (const cache of [false, true, true]) {
      const ws = openWorkspace({ cwd: dir, m, engine: { m, cache, need: 'data' } });
      const sheets = ws.files.filter((f) => f.kind === 'assessment');
      expect(sheets.length).toBeGreaterThan(5);
      for (const s of sheets) {
        expect(s.scored?.summary?.groups.length, s.rel).toBeGreaterThan(0);
        expect(Object.keys(s.data!).sort(), s.rel).toEqual(['framework', 'kind', 'level', 'model']);
        const whole = s.whole!()!;
        expect(whole, s.rel).toMatchObject(s.data!);
        expect(whole.scores ?? whole.assessors, s.rel).toBeDefined();
      }
      for (const f of ws.files.filter((x) => x.kind === 'model')) {
        expect(f.whole, f.rel).toBeUndefined();
        expect(f.data, f.rel).toHaveProperty('name');
      }
      ws.save();
    }
    // The data set holds nothing of a sheet scored as it was read.
    const data = fs.readdirSync(path.join(dir, '.dvk-cache')).filter((n) => n.startsWith('data.'));
    const lines = data.flatMap((n) => fs.readFileSync(path.join(dir, '.dvk-cache', n), 'utf8').split('\n').slice(1, -1).map((l) => JSON.parse(l) as [string, { d?: unknown }]));
    expect(lines.filter(([rel]) => rel.startsWith('assessments/')).every(([, e]) => e.d === undefined)).toBe(true);
    expect(lines.filter(([rel]) => rel.startsWith('models/')).every(([, e]) => e.d !== undefined)).toBe(true);
    const index = openWorkspace({ cwd: dir, m, engine: { m, cache: true, need: 'index' } });
    expect(index.files.filter((f) => f.kind === 'model').every((f) => f.whole?.()?.name !== undefined)).toBe(true);
  });

  it('a valid sheet can read its marks again when its record holds no score (a framework edit that failed it, undone)', () => {
    vi.stubEnv('DVK_WORKERS', '0');
    // Files older than a change their stamps cannot vouch for (RACY_MS), as a workspace's are:
    // their records are then updated in place, not made again from their files.
    const now = Date.now();
    vi.spyOn(Date, 'now').mockReturnValue(now + 10 * RACY_MS);
    const dir = workspaceFrom(EXAMPLE);
    fs.rmSync(path.join(dir, '.dvk-cache'), { recursive: true, force: true });
    const criteria = path.join(dir, 'criteria/vd-100-diem.yaml');
    const original = fs.readFileSync(criteria, 'utf8');
    const run = () => {
      const ws = openWorkspace({ cwd: dir, m, engine: { m, cache: true, need: 'data' } });
      const result = validate(ws.files, { m, levels: ws.levels, evidence: new Set(), severities: ws.config.rules });
      ws.save();
      return { ws, result };
    };
    run();
    fs.writeFileSync(criteria, original.replace('- id: C1.1\n', '- id: C1.x\n'));
    expect(run().result.failed.size).toBeGreaterThan(0);
    fs.writeFileSync(criteria, original);
    const { ws } = run();
    const sheets = ws.files.filter((f) => f.kind === 'assessment');
    expect(sheets.filter((f) => f.valid).map((f) => f.rel)).toEqual(sheets.map((f) => f.rel));
    for (const s of sheets) expect(s.scored?.summary, s.rel).toEqual(scoreAgainst(s.whole!()! as unknown as Assessment, frameworkOf(ws, s), m).summary);
  });
});

const frameworkOf = (ws: Workspace, sheet: LoadedFile) => ws.files.find((f) => f.kind === 'criteria' && f.data!.id === sheet.data!.framework)!.data as unknown as Framework;
