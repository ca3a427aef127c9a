// The smaller defects of issue 9 (item 11): names Windows cannot hold, a year out of range,
// paths.out among the inputs, and what fmt --write does to a file's mode, links and names.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dvk, EXAMPLE, tempDir, workspaceFrom, writeFile } from '../helpers.js';
import { parseReport } from './support.js';

describe('names and values dvk writes (issue 9, defect 11)', () => {
  it('new model and import make no Windows-reserved file or folder name (CON, NUL, AUX…)', async () => {
    const dir = workspaceFrom(EXAMPLE);
    const r = await dvk(['new', 'model', '--name', 'Con', '--unit', 'Đơn vị', '--field', 'kinh-te', '--unit-code', 'NUL'], { cwd: dir });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(fs.existsSync(path.join(dir, 'models/2023/NUL-1/con-1.yaml'))).toBe(true);
    const sheet = path.join(tempDir(), 'dang-ky.csv');
    fs.writeFileSync(sheet, 'Tên mô hình,Đơn vị,Mã đơn vị,Lĩnh vực\nAux,Xã A,COM1,Kinh tế\n');
    const i = await dvk(['import', sheet], { cwd: dir });
    expect(i.exitCode, i.stderr).toBe(0);
    expect(fs.readdirSync(path.join(dir, 'models/2023/COM1-1'))).toEqual(['aux-1.yaml']);
    expect((await dvk(['validate', 'models/2023/NUL-1', 'models/2023/COM1-1'], { cwd: dir })).exitCode).toBe(0);
  });

  it('new model --year 0 is refused (exit 2) instead of writing a file that fails validation', async () => {
    const dir = workspaceFrom(EXAMPLE);
    const r = await dvk(['new', 'model', '--year', '0', '--name', 'Mô hình', '--unit', 'Đơn vị', '--field', 'kinh-te', '--unit-code', 'AB'], { cwd: dir });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('year');
    expect(fs.existsSync(path.join(dir, 'models/0'))).toBe(false);
  });

  it('paths.out outside the workspace or among the data folders is a configuration error', async () => {
    for (const out of ['../ngoai', '/tmp/x', 'models', 'evidence/2023', '.']) {
      const dir = workspaceFrom(EXAMPLE);
      fs.appendFileSync(path.join(dir, 'dvk.config.yaml'), '');
      const config = path.join(dir, 'dvk.config.yaml');
      const text = fs.readFileSync(config, 'utf8');
      fs.writeFileSync(config, /^paths:/m.test(text) ? text.replace(/^ {2}out: .*$/m, `  out: ${out}`) : `${text}\npaths:\n  out: ${out}\n`);
      const v = await dvk(['validate', '--format', 'json', 'dvk.config.yaml'], { cwd: dir });
      expect(v.exitCode, out).toBe(2);
      expect(parseReport(v.stdout).diagnostics.map((d) => d.rule), out).toContain('config-paths');
    }
  });
});

describe('fmt --write on files with modes and links (issue 9, defect 11)', () => {
  it('keeps the mode, the hard links and a named symbolic link', async () => {
    const dir = workspaceFrom(EXAMPLE);
    const messy = 'kind: model\nversion: 1\nid: DT-2023-XX-01\nname:    Mô hình\ntype: collective\nfield: kinh-te\nyear: 2023\nunit: { name: Xã X, level: xa }\nsteps: {}\n';
    const a = writeFile(dir, 'models/2023/XX/a.yaml', messy);
    fs.chmodSync(a, 0o640);
    const b = writeFile(dir, 'models/2023/XX/b.yaml', messy.replace('XX-01', 'XX-02'));
    const twin = path.join(tempDir(), 'b-twin.yaml');
    fs.linkSync(b, twin);
    const c = writeFile(dir, 'shared/c.yaml', messy.replace('XX-01', 'XX-03'));
    const link = path.join(dir, 'models/2023/XX/c.yaml');
    fs.symlinkSync('../../../shared/c.yaml', link);
    const r = await dvk(['fmt', '--write', 'models/2023/XX/a.yaml', 'models/2023/XX/b.yaml', 'models/2023/XX/c.yaml'], { cwd: dir });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(fs.readFileSync(a, 'utf8')).toContain('\nname: Mô hình\n');
    expect(fs.statSync(a).mode & 0o777).toBe(0o640);
    expect(fs.readFileSync(twin, 'utf8')).toBe(fs.readFileSync(b, 'utf8'));
    expect(fs.readFileSync(twin, 'utf8')).toContain('\nname: Mô hình\n');
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(c, 'utf8')).toContain('\nname: Mô hình\n');
  });
});
