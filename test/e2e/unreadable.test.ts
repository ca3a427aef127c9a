// No model is silently left out: a file in scope that cannot be read or parsed makes score,
// decide and report refuse (exit 1, the located errors), as a schema error does.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dvk, EXAMPLE, workspaceFrom, writeFile } from '../helpers.js';
import { expectNoStackTrace, parseReport } from './support.js';

const MODEL = 'models/2023/CA/camera-an-ninh.yaml';
const SHEET = 'assessments/2023/huyen/DT-2023-CA-01.yaml';

/** A copy of the example with one change; the decision and report go to a folder of the test. */
function example(change: (dir: string) => void): { dir: string; out: string } {
  const dir = workspaceFrom(EXAMPLE);
  fs.rmSync(path.join(dir, 'out'), { recursive: true, force: true });
  change(dir);
  return { dir, out: path.join(dir, 'out') };
}

const DOCUMENTS = [['decide', '--level', 'huyen', '--year', '2023'], ['report', '--year', '2023']];

async function expectRefused(dir: string, file: string, rule: string, commands = [['score']]) {
  for (const args of commands) {
    const r = await dvk(args, { cwd: dir });
    expect(r.exitCode, `${args[0]}: ${r.stderr}`).toBe(1);
    expect(r.stderr).toContain(file);
    expect(r.stderr).toMatch(new RegExp(`^  \\d+:\\d+ .*${rule}$`, 'm'));
    expectNoStackTrace(r.stderr);
  }
  expect(fs.existsSync(path.join(dir, 'out')), 'a document was written').toBe(false);
}

describe('a file that cannot be loaded is never left out', () => {
  it('a tab before register: in a model (the exemplary DT-2023-CA-01) stops score, decide and report', async () => {
    const { dir } = example((d) => {
      const file = path.join(d, MODEL);
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^ {2}register:/m, '\tregister:'));
    });
    await expectRefused(dir, MODEL, 'yaml-syntax', [['score'], ...DOCUMENTS]);
    // Nor is its id given again to a new model.
    const r = await dvk(['new', 'model', '--unit-code', 'CA', '--year', '2023', '--name', 'Mô hình mới', '--unit', 'Công an thị xã Duy Tiên', '--field', 'quoc-phong-an-ninh'], { cwd: dir });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toContain('DT-2023-CA-03');
  });

  it('a score sheet with a syntax error stops them too', async () => {
    const { dir } = example((d) => fs.appendFileSync(path.join(d, SHEET), 'date: [2023-12-10\n'));
    await expectRefused(dir, SHEET, 'yaml-syntax', DOCUMENTS.slice(0, 1));
  });

  it('a score sheet overwritten with a broken framework whose id names none stops them too (fuzz seed 20261129, case 2163)', async () => {
    const { dir } = example((d) => writeFile(d, SHEET, 'kind: criteria\nversion: 1\nid:\n  - model\n'));
    await expectRefused(dir, SHEET, 'schema-type', DOCUMENTS.slice(0, 1));
  });

  it('a score sheet overwritten with a broken document of another kind that names something else stops them too (fuzz seed 20261129, case 7012)', async () => {
    // What a broken file says of its kind is not believed where that kind does not belong: it may be the sheet it replaced.
    const { dir } = example((d) => writeFile(d, SHEET, 'kind: criteria\nversion: 1\nid: name\nlevel:\n  model:\n    - x\nmodel: version\n  bad: indent\n'));
    await expectRefused(dir, SHEET, 'yaml-syntax', DOCUMENTS.slice(0, 1));
    const { dir: dir2 } = example((d) => writeFile(d, SHEET, 'kind: model\nversion: 1\nyear: 2022\nid: DT-2022-XX-01\n  bad: indent\n'));
    await expectRefused(dir2, SHEET, 'yaml-syntax');
  });

  it('a model overwritten with binary, and a kind misspelt', async () => {
    const { dir } = example((d) => writeFile(d, MODEL, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe, 0x00, 0x01])));
    await expectRefused(dir, MODEL, 'file-encoding');
    const kind = example((d) => {
      const file = path.join(d, MODEL);
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('kind: model', 'kind: modle'));
    });
    await expectRefused(kind.dir, MODEL, 'file-unknown-kind');
  });

  it('a FIFO with a YAML name is reported without waiting for a writer', async () => {
    const { dir } = example((d) => execFileSync('mkfifo', [path.join(d, 'models/2023/CA/treo.yaml')]));
    const v = await dvk(['validate', '--format', 'json'], { cwd: dir });
    expect(v.exitCode).toBe(1);
    expect(parseReport(v.stdout).diagnostics).toContainEqual(expect.objectContaining({ file: 'models/2023/CA/treo.yaml', line: 1, rule: 'file-unreadable' }));
    await expectRefused(dir, 'models/2023/CA/treo.yaml', 'file-unreadable');
  });

  it('symbolic links: one to a file dvk reads anyway is passed over; one that leads out or nowhere is reported', async () => {
    const inside = example((d) => fs.symlinkSync('../CA/camera-an-ninh.yaml', path.join(d, 'models/2023/HM/camera.yaml')));
    const ok = await dvk(['score', '--format', 'json'], { cwd: inside.dir });
    expect(ok.exitCode, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout).models.filter((x: { id: string }) => x.id === 'DT-2023-CA-01')).toHaveLength(1);

    const outside = example((d) => {
      const elsewhere = workspaceFrom();
      fs.renameSync(path.join(d, MODEL), path.join(elsewhere, 'camera.yaml'));
      fs.symlinkSync(path.join(elsewhere, 'camera.yaml'), path.join(d, MODEL));
      fs.symlinkSync(path.join(d, 'nowhere.yaml'), path.join(d, 'models/2023/CA/gay.yaml'));
      fs.mkdirSync(path.join(d, '.nhap'));
      fs.symlinkSync('../../.nhap', path.join(d, 'models/2023/nhap'));
      fs.symlinkSync('../../khong-co', path.join(d, 'models/2023/khong-co'));
    });
    const v = await dvk(['validate', '--format', 'json'], { cwd: outside.dir });
    const found = parseReport(v.stdout).diagnostics.map((x) => `${x.file} ${x.rule}`);
    expect(found).toEqual(expect.arrayContaining([`${MODEL} file-link`, 'models/2023/CA/gay.yaml file-unreadable', 'models/2023/nhap file-link', 'models/2023/khong-co file-unreadable']));
    await expectRefused(outside.dir, MODEL, 'file-link');
  });

  it('a model whose year is a slip (2203, not a valid year) is in every year\'s scope, so it stops them', async () => {
    const { dir } = example((d) => {
      const file = path.join(d, MODEL);
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^year: 2023$/m, 'year: 2203'));
    });
    await expectRefused(dir, MODEL, 'schema-(?:maximum|range|type)', [['score', '--year', '2023'], ...DOCUMENTS]);
  });

  it('a broken score sheet whose model id names no model (a slip for one in scope) stops them', async () => {
    const { dir } = example((d) => {
      const file = path.join(d, SHEET);
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^model: DT-2023-CA-01$/m, 'model: DT-2023-CA-1'));
    });
    await expectRefused(dir, SHEET, 'unknown-model', [['score', '--year', '2023'], ...DOCUMENTS]);
  });

  it('a broken file of another year, or not among the named files, does not stop a run', async () => {
    const { dir } = example((d) => {
      const file = path.join(d, 'models/2022/x.yaml');
      writeFile(d, 'models/2022/x.yaml', 'kind: model\nyear: 2022\nsteps:\n\tregister: {}\n');
      expect(fs.existsSync(file)).toBe(true);
    });
    const other = await dvk(['score', '--year', '2023', '--format', 'json'], { cwd: dir });
    expect(other.exitCode, other.stderr).toBe(0);
    const named = await dvk(['score', MODEL, '--year', '2022'], { cwd: dir });
    expect(named.exitCode, named.stderr).toBe(0);
    const its = await dvk(['score', '--year', '2022'], { cwd: dir });
    expect(its.exitCode).toBe(1);
    expect(its.stderr).toContain('models/2022/x.yaml');
  });

  it('a model outside the data folders that says kind: model is in scope even when it does not parse', async () => {
    const { dir } = example((d) => writeFile(d, 'lac-cho.yaml', 'kind: model\nid: DT-2023-XX-01\nyear: 2023\nname: "chưa đóng nháy\n'));
    const r = await dvk(['score'], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('lac-cho.yaml');
    // Any other YAML outside the data folders is not dvk's and is left alone.
    const other = example((d) => writeFile(d, 'docker-compose.yaml', 'services:\n\tweb: {}\n'));
    expect((await dvk(['score'], { cwd: other.dir })).exitCode).toBe(0);
  });
});
