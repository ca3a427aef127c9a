// Output paths: a document never replaces an input, a device, a FIFO or a file of another format.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dvk, EXAMPLE, workspaceFrom } from '../helpers.js';
import { expectNoStackTrace } from './support.js';

const DECIDE = ['decide', '--level', 'huyen', '--year', '2023'];

/** Every file of a folder with its bytes, to show that nothing changed. */
/** Every file of the workspace but dvk's own cache (`.dvk-cache/`, kept out of git by `dvk init`). */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (f.isFile() && !path.relative(dir, f.parentPath).split(path.sep).includes('.dvk-cache')) out.set(path.join(f.parentPath, f.name), fs.readFileSync(path.join(f.parentPath, f.name)).toString('base64'));
  }
  return out;
}

describe('-o (issue 9, defect 6)', () => {
  it('refuses an input of the workspace, a file of another format, a device and a FIFO (exit 2), and changes nothing', async () => {
    const dir = workspaceFrom(EXAMPLE);
    fs.rmSync(path.join(dir, 'out'), { recursive: true, force: true });
    execFileSync('mkfifo', [path.join(dir, 'ong.docx')]);
    const before = snapshot(dir);
    const cases: [string[], RegExp][] = [
      [[...DECIDE, '-o', 'dvk.config.yaml'], /dvk ghi tệp \.docx hoặc \.pdf/],
      [[...DECIDE, '-o', 'models/2023/CA/camera-an-ninh.yaml'], /dvk ghi tệp \.docx hoặc \.pdf/],
      [[...DECIDE, '-o', 'models/2023/CA/quyet-dinh.docx'], /dữ liệu đầu vào/],
      [[...DECIDE, '-o', 'evidence/qd.docx'], /dữ liệu đầu vào/],
      [[...DECIDE, '-o', 'out/quyet-dinh.txt'], /dvk ghi tệp \.docx hoặc \.pdf/],
      [[...DECIDE, '-o', 'ong.docx'], /không phải tệp thường/],
      [['report', '--year', '2023', '--by', 'unit', '-o', 'criteria'], /dữ liệu đầu vào/],
      [['report', '--year', '2023', '--by', 'unit', '-o', 'README.md'], /không phải thư mục/],
    ];
    const runs = await Promise.all(cases.map(([args]) => dvk(args, { cwd: dir })));
    for (const [i, [args, message]] of cases.entries()) {
      const r = runs[i]!;
      expect(r.exitCode, `${args.join(' ')}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toMatch(message);
      expectNoStackTrace(r.stderr);
    }
    expect(snapshot(dir)).toEqual(before);
    expect(fs.statSync(path.join(dir, 'ong.docx')).isFIFO()).toBe(true);
  });

  it('refuses /dev/null: as root, the rename would have replaced the device with a file', async () => {
    const dev = await dvk([...DECIDE, '-o', '/dev/null'], { cwd: workspaceFrom(EXAMPLE) });
    expect(dev.exitCode).toBe(2);
    expect(fs.statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('still writes where it should: the default out/, and a new file or folder named by -o', async () => {
    const dir = workspaceFrom(EXAMPLE);
    const r = await dvk([...DECIDE, '-o', 'ban-in/qd.DOCX'], { cwd: dir });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(fs.existsSync(path.join(dir, 'ban-in/qd.DOCX'))).toBe(true);
  });
});

describe('file-system errors (issue 9, defect 13)', () => {
  it('a folder that cannot be made is the user\'s to fix: exit 2 with the path, not 1 or 70', async () => {
    const dir = workspaceFrom(EXAMPLE);
    fs.writeFileSync(path.join(dir, 'la-tep'), 'x');
    const r = await dvk([...DECIDE, '-o', 'la-tep/qd.docx'], { cwd: dir });
    expect(r.exitCode, r.stderr).toBe(2);
    expect(r.stderr).toContain('Không đọc hoặc ghi được "la-tep"');
    expectNoStackTrace(r.stderr);
  });
});
