import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { BIN, EXAMPLE, NODE, tempDir } from '../helpers.js';
// @ts-expect-error: a plain .mjs module without types
import { generate } from '../bench/generate.mjs';

const hasScript = spawnSync('script', ['--version'], { stdio: 'ignore' }).status === 0;

describe('batches', () => {
  it.skipIf(!hasScript)('show a progress bar on a terminal and a summary at the end', () => {
    const dir = path.join(tempDir(), 'out');
    // `script` gives the command a terminal; its output is what the terminal shows.
    const r = spawnSync('script', ['-qec', `${NODE} ${BIN} decide --by unit --number-from 16 -o ${dir}`, '/dev/null'], { cwd: EXAMPLE, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\[█*░*\] \d+\/\d+ /);
    expect(r.stdout).toMatch(/Đã ghi 8 quyết định, công nhận 11 mô hình\./);
  });

  it('an interrupted batch stops between documents: exit 130, only whole files, no temporary ones', async () => {
    const ws = generate(1000) as string;
    const out = path.join(tempDir(), 'by-unit');
    const child = spawn(NODE, [BIN, 'report', '--by', 'unit', '--no-number', '-o', out], { cwd: ws, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const done = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Wait for the first documents, then interrupt.
    for (let i = 0; i < 600 && !(fs.existsSync(out) && fs.readdirSync(out).filter((f) => f.endsWith('.docx')).length >= 2); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    child.kill('SIGINT');
    const code = await done;
    expect(code).toBe(130);
    expect(stderr).toContain('Đã dừng giữa chừng');
    const files = fs.readdirSync(out);
    expect(files.every((f) => f.endsWith('.docx')), files.join(', ')).toBe(true);
    expect(files.length).toBeGreaterThanOrEqual(2);
    expect(files.length).toBeLessThan(40);
    for (const f of files) expect(Object.keys(unzipSync(new Uint8Array(fs.readFileSync(path.join(out, f)))))).toContain('word/document.xml');
  }, 120_000);
});
