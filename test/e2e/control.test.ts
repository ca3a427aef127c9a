// Control characters in the data: flagged by validate (a located error), and never sent raw to a
// terminal, a CI log or a Markdown comment even when the rule is turned off.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dvk, EXAMPLE, workspaceFrom } from '../helpers.js';
import { parseReport } from './support.js';

const MODEL = 'models/2023/CA/camera-an-ninh.yaml';
const HOSTILE = String.raw`"\e]0;pwned\a\e[2J\u202Eabc"`;

function hostile(): string {
  const dir = workspaceFrom(EXAMPLE);
  const file = path.join(dir, MODEL);
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^name: .*$/m, `name: ${HOSTILE}`).replace(/unit: \{ name: [^,]*,/, 'unit: { name: "Công an\\u202E thị xã", '));
  return dir;
}

/** Escape sequences, bidi overrides and other controls a terminal would act on (SGR colour aside). */
const RAW = /\u001b(?!\[[0-9;]*m)|[\u0000-\u0008\u000b\u000c\u000e-\u001a\u001c-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

describe('control characters (issue 9, defect 9)', () => {
  it('validate reports them where they are, as an error with a hint; score refuses', async () => {
    const dir = hostile();
    const v = await dvk(['validate', '--format', 'json'], { cwd: dir });
    expect(v.exitCode).toBe(1);
    const found = parseReport(v.stdout).diagnostics.filter((d) => d.rule === 'control-character');
    expect(found.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity}`)).toEqual([`${MODEL}:5:7 error`, `${MODEL}:9:15 error`]);
    expect(found[0]!.message).toContain('U+001B');
    expect(found[0]!.hint).toBeTruthy();
    expect((await dvk(['score'], { cwd: dir })).exitCode).toBe(1);
  });

  it('status prints a unit name with an override escaped, never raw', async () => {
    const r = await dvk(['status'], { cwd: hostile() });
    expect(r.stdout + r.stderr).not.toMatch(RAW);
    expect(r.stdout).toContain('Công an\\u{202e} thị xã');
  });

  it('a line break in a value cannot start a workflow command line in a CI log', async () => {
    const dir = workspaceFrom(EXAMPLE);
    fs.appendFileSync(path.join(dir, MODEL), '"x\\n::warning file=README.md,line=1::forged": 1\n');
    for (const format of ['stylish', 'github']) {
      const r = await dvk(['validate', '--format', format, MODEL], { cwd: dir });
      expect(r.exitCode).toBe(1);
      const lines = r.stdout.split('\n');
      expect(lines.filter((l) => l.includes('forged')).every((l) => !l.startsWith('::warning file=README.md'))).toBe(true);
      expect(lines.some((l) => l.includes('forged'))).toBe(true);
    }
  });

  it('the error that names a broken file prints its name escaped, as the list above it does', async () => {
    const dir = workspaceFrom(EXAMPLE);
    const name = 'models/2023/CA/x\u001b]0;pwned\u0007\u001b[2J.yaml';
    fs.writeFileSync(path.join(dir, name), 'kind: model\nyear: 2023\nname: "chưa đóng\n');
    const r = await dvk(['score'], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).not.toMatch(RAW);
    expect(r.stderr).toMatch(/^Lỗi: .*x\\u\{1b\}\]0;pwned\\u\{7\}\\u\{1b\}\[2J\.yaml/m);
  });
});
