import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { BIN, EXAMPLE, NODE, ROOT, tempDir, workspaceFrom } from '../helpers.js';

const hasScript = spawnSync('script', ['--version'], { stdio: 'ignore' }).status === 0;
const HOOK = path.join(ROOT, 'test', 'e2e', 'interrupt-hook.mjs');

/** Runs dvk with a Ctrl-C in the middle of rendering the document after the first `after` ones. */
async function interrupted(args: string[], after: number) {
  const r = await execa(NODE, ['--import', HOOK, BIN, ...args], {
    cwd: EXAMPLE,
    env: { NO_COLOR: '1', DVK_LANG: '', INTERRUPT_AFTER: String(after) },
    reject: false,
    timeout: 120_000,
  });
  return { exitCode: r.exitCode, stderr: String(r.stderr) };
}

/** The files of a folder (none when it does not exist), each a whole .docx. */
function documents(dir: string): string[] {
  const files = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
  for (const f of files) {
    expect(f.endsWith('.docx'), f).toBe(true);
    expect(Object.keys(unzipSync(new Uint8Array(fs.readFileSync(path.join(dir, f)))))).toContain('word/document.xml');
  }
  return files;
}

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
    const out = path.join(tempDir(), 'by-unit');
    const r = await interrupted(['report', '--by', 'unit', '--no-number', '-o', out], 2);
    expect(r.exitCode, r.stderr).toBe(130);
    expect(r.stderr).toContain('Đã dừng giữa chừng');
    expect(documents(out)).toHaveLength(2);
  }, 120_000);

  it('a Ctrl-C while the last document of a batch renders keeps it from being written (issue 9, defect 10)', async () => {
    const out = path.join(tempDir(), 'by-unit');
    const r = await interrupted(['decide', '--by', 'unit', '--no-number', '-o', out], 7);
    expect(r.exitCode, r.stderr).toBe(130);
    expect(documents(out)).toHaveLength(7);
  }, 120_000);

  it('a Ctrl-C while a single decision renders: exit 130 and no file (issue 9, defect 10)', async () => {
    const out = path.join(tempDir(), 'qd.docx');
    const r = await interrupted(['decide', '-o', out], 0);
    expect(r.exitCode, r.stderr).toBe(130);
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(path.dirname(out))).toEqual([]);
  }, 120_000);
});

describe('temporary files (issue 9, defect 10)', () => {
  it('a temporary file left by a killed dvk is removed by the next write there; one of a running dvk is kept', async () => {
    const dir = workspaceFrom(EXAMPLE);
    const out = path.join(dir, 'out');
    fs.mkdirSync(out, { recursive: true });
    // A process that has ended: its pid names no process any more.
    const gone = spawnSync('node', ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    const stale = `.quyet-dinh-2023-huyen.docx.${gone}.1700000000000.tmp`;
    const live = `.bao-cao-2023-huyen.docx.${process.pid}.1700000000000.tmp`;
    const other = '.ghi-chu.tmp';
    for (const f of [stale, live, other]) fs.writeFileSync(path.join(out, f), 'x');
    const r = await execa('node', [BIN, 'decide'], { cwd: dir, reject: false, env: { NO_COLOR: '1' } });
    expect(r.exitCode, String(r.stderr)).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual([live, other, 'quyet-dinh-2023-huyen.docx'].sort());
  });
});
