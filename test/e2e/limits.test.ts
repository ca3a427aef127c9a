// Limits: a file is refused from its size before it is read, and only regular files are read.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BIN, dvk, EXAMPLE, FIXTURES, tempDir, workspaceFrom } from '../helpers.js';
import { expectNoStackTrace, parseReport } from './support.js';

/** Runs dvk with a bound: a run that would hang is killed, and its exit code is then undefined. */
async function bounded(args: string[], cwd: string) {
  const r = await execa('node', [BIN, ...args], { cwd, env: { NO_COLOR: '1', DVK_LANG: '' }, reject: false, timeout: 20_000, input: '' });
  return { exitCode: r.exitCode, stdout: String(r.stdout), stderr: String(r.stderr) };
}

describe('limits (issue 9, defect 7)', () => {
  it('a file on which yaml\'s own parser recurses past the stack is nested too deeply, not a crash (fuzz case 5609)', async () => {
    const dir = workspaceFrom(EXAMPLE);
    const file = 'models/2023/CA/camera-an-ninh.yaml';
    // yaml 2.9 overflows Node's default stack on this file (exit 70 before); a later yaml may
    // read it and find its indentation errors instead: either way a located error, exit 1.
    fs.copyFileSync(path.join(FIXTURES, 'fuzz', '5609-model.yaml'), path.join(dir, file));
    const r = await bounded(['validate', '--format', 'json', file], dir);
    expect(r.exitCode, r.stderr).toBe(1);
    expectNoStackTrace(r.stderr);
    const found = parseReport(r.stdout).diagnostics;
    expect(found.length).toBeGreaterThan(0);
    for (const d of found) expect(d.file).toBe(file);
    const deep = found.find((d) => d.rule === 'yaml-depth-limit');
    if (deep) expect(deep).toMatchObject({ line: 1, column: 1 });
  });

  it('a 3 GiB model file is refused from its size, without reading it', async () => {
    const dir = workspaceFrom(EXAMPLE);
    // Sparse: it takes no room on the disk, but reading it whole would take 3 GiB of memory.
    fs.truncateSync(path.join(dir, 'models/2023/CA/camera-an-ninh.yaml'), 3 * 1024 ** 3);
    const r = await bounded(['validate', '--format', 'json', 'models/2023/CA'], dir);
    expect(r.exitCode, r.stderr).toBe(1);
    expect(parseReport(r.stdout).diagnostics).toEqual([
      expect.objectContaining({ file: 'models/2023/CA/camera-an-ninh.yaml', line: 1, column: 1, rule: 'file-too-large' }),
    ]);
    expect(parseReport(r.stdout).diagnostics[0]!.message).toContain('3.221.225.472');
  });

  it('import refuses /dev/zero and a FIFO at once (exit 2), and a sheet over 20 MiB (exit 1)', async () => {
    const dir = workspaceFrom(EXAMPLE);
    const zero = await bounded(['import', '/dev/zero', '--dry-run'], dir);
    expect(zero.exitCode, zero.stderr).toBe(2);
    expect(zero.stderr).toContain('không phải tệp thường');
    const fifo = path.join(tempDir(), 'bang.csv');
    execFileSync('mkfifo', [fifo]);
    const f = await bounded(['import', fifo, '--dry-run'], dir);
    expect(f.exitCode, f.stderr).toBe(2);
    const big = path.join(tempDir(), 'lon.csv');
    fs.writeFileSync(big, 'Tên mô hình,Đơn vị\n');
    fs.truncateSync(big, 21 * 1024 * 1024);
    const b = await bounded(['import', big, '--dry-run'], dir);
    expect(b.exitCode, b.stderr).toBe(1);
    expect(b.stderr).toContain('quá lớn');
    expectNoStackTrace(zero.stderr + f.stderr + b.stderr);
  });

  it('import refuses an .xlsx that would unpack to more than 200 MiB, before unpacking it', async () => {
    const zip = zipSync({ 'xl/worksheets/sheet1.xml': new TextEncoder().encode('<worksheet/>') });
    // The size the directory declares (a zip bomb declares its real one): 300 MiB.
    const view = new DataView(zip.buffer);
    for (let i = zip.length - 22; i >= 0; i--) {
      if (view.getUint32(i, true) === 0x02014b50) {
        view.setUint32(i + 24, 300 * 1024 * 1024, true);
        break;
      }
    }
    const file = path.join(tempDir(), 'bom.xlsx');
    fs.writeFileSync(file, zip);
    const r = await dvk(['import', file, '--dry-run'], { cwd: workspaceFrom(EXAMPLE) });
    expect(r.exitCode, r.stderr).toBe(1);
    expect(r.stderr).toContain('314.572.800');
  });
});
