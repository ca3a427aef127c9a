// The standalone executables (npm run build:exe): the Linux one runs the example end to end with
// no Node.js on PATH; the Windows one holds the same application. Skipped where they have not
// been built, except in CI (DVK_REQUIRE_EXE=1), which builds them first.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { paragraphs, parts } from '../docx.js';
import { EXAMPLE, ROOT, tempDir } from '../helpers.js';

const VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const DIR = path.join(ROOT, 'dist-exe');
const LINUX = path.join(DIR, 'dvk-linux-x64');
const WINDOWS = path.join(DIR, 'dvk-win-x64.exe');
const required = process.env.DVK_REQUIRE_EXE === '1';
const built = fs.existsSync(LINUX);
if (!built && !required) console.warn('dist-exe/ is not built (npm run build:exe): the standalone executables are not tested.');

const text = (docx: string) => paragraphs(parts(docx)['word/document.xml']!).join('\n');

interface Smoke {
  args: string[];
  check(r: { stdout: string; stderr: string }, ws: string): void;
}

/** What the Linux executable runs on a copy of the example, in order. */
const SMOKE: Smoke[] = [
  { args: ['--version'], check: (r) => expect(r.stdout.trim()).toBe(VERSION) },
  { args: ['validate'], check: (r) => expect(r.stdout).toMatch(/^✔ Không có lỗi trong \d+ tệp\.$/m) },
  { args: ['score', '--format', 'json'], check: (r) => expect(JSON.parse(r.stdout).models.find((m: { id: string }) => m.id === 'DT-2023-HM-01').total).toBe(92.7) },
  { args: ['decide', '-o', 'out/qd.docx'], check: (_, ws) => expect(text(path.join(ws, 'out/qd.docx'))).toContain('QUYẾT ĐỊNH') },
  {
    args: ['report', '-o', 'out/bc.docx'],
    check: (_, ws) => {
      expect(text(path.join(ws, 'out/bc.docx'))).toContain('BÁO CÁO');
      expect(parts(path.join(ws, 'out/bc.docx'))['word/charts/chart1.xml']).toContain('<c:barChart>');
    },
  },
  { args: ['form', 'register', '-o', 'out/dk.docx'], check: (_, ws) => expect(text(path.join(ws, 'out/dk.docx'))).toContain('PHIẾU ĐĂNG KÝ MÔ HÌNH') },
  // The files the executable carries as assets: templates, schemas, the example frameworks.
  { args: ['init', 'kho-moi'], check: (_, ws) => expect(fs.existsSync(path.join(ws, 'kho-moi/criteria/vd-100-diem.yaml'))).toBe(true) },
  // A fresh config: no error, its fill-ins as warnings.
  { args: ['-C', 'kho-moi', 'validate'], check: (r) => expect(r.stdout).toContain('0 lỗi, 3 cảnh báo trong') },
  { args: ['schema', 'model'], check: (r) => expect(JSON.parse(r.stdout).$id).toBe('model.schema.json') },
];

describe.skipIf(!built && !required)('the standalone executables', () => {
  it('are built where they must be (CI)', () => {
    expect(built, 'DVK_REQUIRE_EXE=1 but dist-exe/dvk-linux-x64 is missing: run npm run build:exe').toBe(true);
  });

  it.skipIf(!fs.existsSync(WINDOWS) && !required)('Windows: the application is injected into node.exe', () => {
    const exe = fs.readFileSync(WINDOWS);
    expect(exe.subarray(0, 2).toString('latin1')).toBe('MZ');
    // postject flips the fuse when it injects the blob.
    expect(exe.includes('NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2:1')).toBe(true);
  });

  it('Linux: runs the example end to end with no Node.js on PATH', { timeout: 120_000 }, async () => {
    const bin = tempDir('dvk-path-');
    const env = { PATH: bin, HOME: tempDir(), LANG: 'C.UTF-8', NO_COLOR: '1' };
    expect(spawnSync('/bin/sh', ['-c', 'command -v node'], { env }).status, 'node is on PATH').not.toBe(0);
    const ws = tempDir('dvk-exe-');
    fs.cpSync(EXAMPLE, ws, { recursive: true });
    fs.rmSync(path.join(ws, 'out'), { recursive: true, force: true });
    fs.rmSync(path.join(ws, '.dvk-cache'), { recursive: true, force: true });
    for (const { args, check } of SMOKE) {
      const r = await execa(LINUX, args, { cwd: ws, env, extendEnv: false, reject: false });
      expect(r.exitCode, `dvk ${args.join(' ')}\n${r.stderr}`).toBe(0);
      check(r, ws);
    }
    // Its cache is keyed by its build, not by a version that two builds share.
    const shard = fs.readdirSync(path.join(ws, '.dvk-cache')).find((n) => n.startsWith('index.vi.'))!;
    const header = JSON.parse(fs.readFileSync(path.join(ws, '.dvk-cache', shard), 'utf8').split('\n')[0]!) as { engine: string };
    expect(header.engine).toBe(fs.readFileSync(path.join(DIR, 'build-id'), 'utf8'));
    expect(header.engine).toMatch(/^[A-Za-z0-9+/]{27}=$/);
  });
});
