// `dvk import`: registration spreadsheets (.xlsx, .csv with "," or ";") into model files that
// `dvk validate` accepts; ids from the config's pattern; no overwriting; problem rows reported.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { dvk, EXAMPLE, FIXTURES, workspaceFrom, writeFile, type JsonReport } from '../helpers.js';
import { baseWorkspace, expectNoStackTrace, parseReport } from './support.js';

const IMPORT = path.join(FIXTURES, 'import');
const XLSX = path.join(IMPORT, 'dang-ky-hoa-mac-2023.xlsx');
const FORMS_CSV = path.join(IMPORT, 'dang-ky-bieu-mau-truc-tuyen.csv');
const EXCEL_CSV = path.join(IMPORT, 'dang-ky-excel-cham-phay.csv');
const PROBLEMS_CSV = path.join(IMPORT, 'dang-ky-co-loi.csv');
const OWN_HEADERS = path.join(IMPORT, 'bieu-mau-rieng.xlsx');
const OWN_MAP = [
  '--map', 'Tên sáng kiến=name',
  '--map', 'Cơ quan đề xuất=unit',
  '--map', 'Vấn đề cần giải quyết=problem',
  '--map', 'Giải pháp thực hiện=content',
  '--map', 'Phạm vi áp dụng=area',
  '--map', 'Người thực hiện=forces',
  '--map', 'Kết quả mong đợi=outputs',
  '--map', 'Người lập biểu=ignore',
];

/** The example workspace without its generated documents. */
function example(): string {
  const ws = workspaceFrom(EXAMPLE);
  fs.rmSync(path.join(ws, 'out'), { recursive: true, force: true });
  return ws;
}

/** Every file under a folder, relative, with its bytes. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out.set(path.relative(dir, full).split(path.sep).join('/'), fs.readFileSync(full, 'latin1'));
    }
  };
  walk(dir);
  return out;
}

/** The files `dvk import` says it created (or would create), with their ids and rows. */
function created(stdout: string): { file: string; id: string; row: number }[] {
  return [...stdout.matchAll(/^(?:Đã tạo|Sẽ tạo|Created|Would create) (\S+\.yaml) \((?:mã|id) ([A-Z0-9-]+)\) (?:từ dòng|from row) (\d+)\.$/gm)].map((m) => ({
    file: m[1]!,
    id: m[2]!,
    row: Number(m[3]),
  }));
}

async function validateJson(ws: string): Promise<JsonReport> {
  const r = await dvk(['validate', '--format', 'json'], { cwd: ws });
  return parseReport(r.stdout);
}

/** Models of the workspace by id, read back from disk. */
function models(ws: string): Map<string, { file: string; data: Record<string, unknown> }> {
  const out = new Map<string, { file: string; data: Record<string, unknown> }>();
  for (const [rel] of snapshot(path.join(ws, 'models'))) {
    const data = parse(fs.readFileSync(path.join(ws, 'models', rel), 'utf8')) as Record<string, unknown>;
    out.set(String(data.id), { file: `models/${rel}`, data });
  }
  return out;
}

function errorsOf(report: JsonReport) {
  return report.diagnostics.filter((d) => d.severity === 'error');
}

describe('dvk import: the xlsx of a ward', () => {
  it('writes one model per row, which dvk validate accepts, with ids of the config pattern', async () => {
    const ws = example();
    const before = new Set(models(ws).keys());
    const r = await dvk(['import', XLSX], { cwd: ws });
    expect(r.exitCode, r.stderr).toBe(0);
    expectNoStackTrace(r.stderr);
    const files = created(r.stdout);
    // Six registrations; the empty row 6 is absent.
    expect(files.map((f) => f.row)).toEqual([2, 3, 4, 5, 7, 8]);
    expect(r.stdout).toContain('Đã tạo 6 tệp.');
    expect(r.stderr).toBe('');

    // Ids follow DT-{year}-{unit}-{nn}; HM already has 01 and 02 in the example.
    expect(files.map((f) => f.id)).toEqual(['DT-2023-HM-03', 'DT-2023-HM-PN-01', 'DT-2023-HM-DTN-01', 'DT-2023-HM-CA-01', 'DT-2023-HM-CCB-01', 'DT-2023-HM-ND-01']);
    for (const f of files) expect(before.has(f.id)).toBe(false);
    expect(files[0]!.file).toBe('models/2023/HM/dan-van-kheo-trong-xay-dung-tuyen-pho-van-minh-to-dan-pho.yaml');

    const report = await validateJson(ws);
    expect(errorsOf(report)).toEqual([]);
    // The xlsx fills every required field of the register step: no warning for the new files.
    expect(report.diagnostics.filter((d) => files.some((f) => f.file === d.file))).toEqual([]);

    const all = models(ws);
    const hm = all.get('DT-2023-HM-03')!.data as { unit: unknown; field: string; steps: { register: Record<string, unknown> } };
    expect(hm.unit).toEqual({ name: 'Ủy ban MTTQ phường Hòa Mạc', code: 'HM', level: 'xa' });
    expect(hm.field).toBe('van-hoa-xa-hoi');
    expect(hm.steps.register).toMatchObject({
      date: '2023-03-15',
      resources: { funds_vnd: 120000000, socialized_vnd: 80000000, workdays: 350 },
      start: '2023-04-01',
      end: '2023-11-30',
      forces: [
        { name: 'Ủy ban MTTQ phường', role: 'chủ trì' },
        { name: 'Hội Liên hiệp Phụ nữ phường', role: 'phối hợp' },
        { name: 'Đoàn Thanh niên phường', role: 'phối hợp' },
        { name: 'Ban công tác Mặt trận tổ dân phố Bến', role: 'tham gia' },
      ],
    });
    const ccb = all.get('DT-2023-HM-CCB-01')!.data as { type: string; steps: { register: Record<string, unknown> } };
    expect(ccb.type).toBe('individual');
    expect(ccb.steps.register).toMatchObject({ start: '2023-03-01', end: '2023-09-30', resources: { workdays: 300 } });
    const nd = all.get('DT-2023-HM-ND-01')!.data as { steps: { register: Record<string, unknown> } };
    expect(nd.steps.register).toMatchObject({ resources: { funds_vnd: 1200000000, socialized_vnd: 900000000 }, start: '2023-02-01', end: '2023-11-30' });
  });

  it('writes YAML in the canonical form of dvk fmt: schema line first, two-space indent, folded long text', async () => {
    const ws = example();
    const r = await dvk(['import', XLSX], { cwd: ws });
    const [first] = created(r.stdout);
    const text = fs.readFileSync(path.join(ws, first!.file), 'utf8');
    const lines = text.split('\n');
    // The schema as `dvk new model` refers to it: the workspace's copy, else dvk's own.
    expect(lines[0]).toMatch(/^# yaml-language-server: \$schema=(\.\.\/)+\S*schemas\/model\.schema\.json$/);
    expect(fs.existsSync(path.resolve(path.dirname(path.join(ws, first!.file)), lines[0]!.split('$schema=')[1]!))).toBe(true);
    expect(lines[1]).toBe('# Nhập từ dang-ky-hoa-mac-2023.xlsx, dòng 2 (dvk import).');
    expect(text).toContain('\nkind: model\nversion: 1\nid: DT-2023-HM-03\n');
    expect(text).toContain('unit:\n  name: Ủy ban MTTQ phường Hòa Mạc\n  code: HM\n  level: xa\n');
    // Written in the canonical form: dvk fmt finds nothing to change.
    expect((await dvk(['fmt', '--check', first!.file], { cwd: ws })).exitCode).toBe(0);
    expect(text).toMatch(/^ {4}problem: >-\n {6}Tổ dân phố Bến có 286 hộ/m);
    expect(text).toMatch(/^ {4}goals:\n {6}- 100% hộ gia đình ký cam kết không lấn chiếm vỉa hè$/m);
    expect(text).toBe(text.normalize('NFC'));
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(100);
  });
});

describe('dvk import: csv files', () => {
  it('reads an online form export: BOM, commas, numbered headers, a timestamp column', async () => {
    const raw = fs.readFileSync(FORMS_CSV);
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const ws = example();
    const r = await dvk(['import', FORMS_CSV], { cwd: ws });
    expect(r.exitCode, r.stderr).toBe(0);
    const files = created(r.stdout);
    expect(files.map((f) => f.row)).toEqual([2, 3, 5, 6, 7]);
    // The ward's MTTQ is a unit the workspace knows: its code HM, next number 03.
    expect(files[0]!.id).toBe('DT-2023-HM-03');
    // The email column is reported, not imported.
    expect(r.stderr).toContain('"Địa chỉ email"');
    expect(errorsOf(await validateJson(ws))).toEqual([]);
    const m = models(ws).get('DT-2023-HM-03')!.data as { name: string; steps: { register: Record<string, unknown> } };
    expect(m.name).toBe('Dân vận khéo trong vận động xây dựng quỹ "Vì người nghèo" phường Hòa Mạc');
    expect(m.steps.register).toMatchObject({ date: '2023-03-15', start: '2023-04-01', end: '2023-12-31', resources: { socialized_vnd: 150000000 } });
  });

  it('reads an Excel export with ";" separators and CRLF line ends', async () => {
    const text = fs.readFileSync(EXCEL_CSV, 'utf8');
    expect(text.split('\r\n')[0]).toMatch(/^STT;Tên mô hình;/);
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    const ws = example();
    const r = await dvk(['import', EXCEL_CSV], { cwd: ws });
    expect(r.exitCode, r.stderr).toBe(0);
    const files = created(r.stdout);
    expect(files.map((f) => f.id)).toEqual(['DT-2023-THCS-HM-01', 'DT-2023-TYT-HM-01', 'DT-2023-CB-CG-01', 'DT-2023-HM-DTN-01', 'DT-2023-QS-HM-01']);
    expect(errorsOf(await validateJson(ws))).toEqual([]);
    const cg = models(ws).get('DT-2023-CB-CG-01')!.data as { type: string; steps: { register: Record<string, unknown> } };
    expect(cg.type).toBe('individual');
    expect(cg.steps.register).toMatchObject({ resources: { funds_vnd: 850000000, socialized_vnd: 600000000, workdays: 500 } });
    // A multi-line cell stays one cell.
    const yt = models(ws).get('DT-2023-TYT-HM-01')!.data as { steps: { register: { goals: string[] } } };
    expect(yt.steps.register.goals).toEqual(['80% người trên 40 tuổi được khám sàng lọc', 'Lập hồ sơ quản lý 100% người mắc bệnh']);
  });

  it('imports all three sheets into one workspace without an id clash', async () => {
    const ws = example();
    const ids: string[] = [];
    for (const sheet of [XLSX, FORMS_CSV, EXCEL_CSV]) {
      const r = await dvk(['import', sheet], { cwd: ws });
      expect(r.exitCode, r.stderr).toBe(0);
      ids.push(...created(r.stdout).map((f) => f.id));
    }
    expect(ids).toHaveLength(16);
    expect(new Set(ids).size).toBe(16);
    // Ids of the same import and of earlier imports are taken: HM-03 then HM-04, HM-DTN-01 then -02.
    expect(ids).toContain('DT-2023-HM-04');
    expect(ids).toContain('DT-2023-HM-DTN-02');
    const report = await validateJson(ws);
    expect(errorsOf(report)).toEqual([]);
    expect(report.diagnostics.filter((d) => d.rule === 'duplicate-id')).toEqual([]);
  });
});

describe('dvk import: what a new user trips over', () => {
  it('takes the year from the row\'s registration date or period, not from the config', async () => {
    const ws = baseWorkspace();
    writeFile(ws, 'dvk.config.yaml', fs.readFileSync(path.join(ws, 'dvk.config.yaml'), 'utf8').replace('year: 2023', 'year: 2026'));
    writeFile(ws, 'dang-ky.csv', [
      'Tên mô hình;Đơn vị đăng ký;Mã đơn vị;Lĩnh vực;Ngày đăng ký;Thời gian thực hiện',
      'Dân vận khéo trong hiến đất mở đường;Ủy ban MTTQ xã Mộc Nam;MN;Kinh tế;15/3/2023;01/4/2023 - 30/11/2023',
      'Dân vận khéo trong xây dựng tủ sách;Ủy ban MTTQ xã Mộc Nam;MN;Văn hóa - xã hội;;tháng 4/2024 - tháng 10/2024',
      'Dân vận khéo trong giữ gìn vệ sinh;Ủy ban MTTQ xã Mộc Nam;MN;Văn hóa - xã hội;;',
    ].join('\n'));
    const r = await dvk(['import', 'dang-ky.csv'], { cwd: ws });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(created(r.stdout).map((f) => [f.file, f.id])).toEqual([
      ['models/2023/MN/dan-van-kheo-trong-hien-dat-mo-duong.yaml', 'KT-2023-MN-01'],
      ['models/2024/MN/dan-van-kheo-trong-xay-dung-tu-sach.yaml', 'KT-2024-MN-01'],
      // No date at all: the config's year.
      ['models/2026/MN/dan-van-kheo-trong-giu-gin-ve-sinh.yaml', 'KT-2026-MN-01'],
    ]);
    expect((models(ws).get('KT-2023-MN-01')!.data as { year: number }).year).toBe(2023);
    expect((await validateJson(ws)).diagnostics.filter((d) => d.rule === 'year-mismatch')).toEqual([]);
    // --year still decides for every row.
    const forced = await dvk(['import', 'dang-ky.csv', '--year', '2025', '--dry-run'], { cwd: ws });
    expect(created(forced.stdout).map((f) => f.id)).toEqual(['KT-2025-MN-01', 'KT-2025-MN-02', 'KT-2025-MN-03']);
  });

  it('funds of 0 or "không" mean no funds, not an unreadable amount', async () => {
    const ws = baseWorkspace();
    writeFile(ws, 'dang-ky.csv', [
      'Tên mô hình;Đơn vị đăng ký;Mã đơn vị;Lĩnh vực;Ngày đăng ký;Kinh phí',
      'Dân vận khéo trong hiến đất mở đường;Ủy ban MTTQ xã Mộc Nam;MN;Kinh tế;15/3/2023;0',
      'Dân vận khéo trong xây dựng tủ sách;Ủy ban MTTQ xã Mộc Nam;MN;Văn hóa - xã hội;16/3/2023;không',
      'Dân vận khéo trong giữ gìn vệ sinh;Ủy ban MTTQ xã Mộc Nam;MN;Văn hóa - xã hội;17/3/2023;0 đồng',
      'Dân vận khéo trong trồng cây;Ủy ban MTTQ xã Mộc Nam;MN;Văn hóa - xã hội;18/3/2023;Không có',
    ].join('\n'));
    const r = await dvk(['import', 'dang-ky.csv'], { cwd: ws });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    for (const id of ['KT-2023-MN-01', 'KT-2023-MN-02', 'KT-2023-MN-03', 'KT-2023-MN-04']) {
      expect((models(ws).get(id)!.data as { steps: { register: { resources: unknown } } }).steps.register.resources, id).toEqual({ funds_vnd: 0 });
    }
    expect(errorsOf(await validateJson(ws))).toEqual([]);
  });
});

describe('dvk import: what it refuses', () => {
  it('a second import of the same sheet changes nothing and succeeds with a one-line summary', async () => {
    const ws = example();
    expect((await dvk(['import', XLSX], { cwd: ws })).exitCode).toBe(0);
    const before = snapshot(ws);
    const r = await dvk(['import', XLSX], { cwd: ws });
    expect(r.exitCode, r.stderr).toBe(0);
    expectNoStackTrace(r.stderr);
    expect(r.stdout).toBe('Không có gì mới: cả 6 dòng đã được nhập từ trước (mô hình đã có trong kho).\n');
    expect(r.stderr).not.toContain('Bỏ qua');
    expect(snapshot(ws)).toEqual(before);
    // A row added to the sheet since: only it is new.
    const csv = writeFile(ws, 'them.csv', [
      'Tên mô hình;Đơn vị đăng ký;Lĩnh vực;Ngày đăng ký',
      'Dân vận khéo trong thu gom, phân loại rác thải tại nguồn;Ủy ban MTTQ phường Hòa Mạc;Văn hóa - xã hội;15/03/2023',
      'Dân vận khéo trong trồng cây xanh;Ủy ban MTTQ phường Hòa Mạc;Văn hóa - xã hội;20/03/2023',
    ].join('\n'));
    const more = await dvk(['import', csv], { cwd: ws });
    expect(more.exitCode, more.stderr).toBe(0);
    expect(created(more.stdout).map((f) => f.row)).toEqual([3]);
    expect(more.stdout).toContain('Đã tạo 1 tệp; 1 dòng đã được nhập từ trước.');
  });

  it('a file in the way that holds another model is not overwritten: the row is skipped, exit 1', async () => {
    const ws = baseWorkspace();
    writeFile(ws, 'models/2023/MN/dan-van-kheo-trong-trong-cay.yaml', fs.readFileSync(path.join(ws, 'models/2023/AA/thap-sang-duong-que.yaml')).toString().replace('KT-2023-AA-01', 'KT-2023-MN-09'));
    writeFile(ws, 'dang-ky.csv', ['Tên mô hình;Đơn vị đăng ký;Mã đơn vị;Lĩnh vực;Ngày đăng ký', 'Dân vận khéo trong trồng cây;Ủy ban MTTQ xã Mộc Nam;MN;Kinh tế;15/3/2023'].join('\n'));
    const before = snapshot(ws);
    const r = await dvk(['import', 'dang-ky.csv'], { cwd: ws });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('Bỏ qua dòng 2: tệp models/2023/MN/dan-van-kheo-trong-trong-cay.yaml đã có, dvk không ghi đè.');
    expect(snapshot(ws)).toEqual(before);
  });

  it('reports the rows it cannot map, with their row numbers, and imports the others', async () => {
    const ws = example();
    const r = await dvk(['import', PROBLEMS_CSV], { cwd: ws });
    expect(r.exitCode).toBe(1);
    expectNoStackTrace(r.stderr);
    expect(created(r.stdout).map((f) => f.row)).toEqual([2, 9]);
    expect(r.stdout).toContain('Đã tạo 2 tệp; bỏ qua 5 dòng: 3, 5, 6, 7, 8.');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toEqual([
      'Bỏ qua dòng 3: thiếu tên mô hình.',
      'Bỏ qua dòng 5: thiếu đơn vị đăng ký.',
      'Bỏ qua dòng 6: ngày "31/4/2023" ở cột "Ngày đăng ký" không có thật hoặc không đọc được (ghi ngày/tháng/năm, ví dụ 15/3/2023).',
      'Bỏ qua dòng 7: lĩnh vực "Môi trường" không rõ (ghi Kinh tế, Văn hóa - xã hội, Quốc phòng - an ninh hoặc Xây dựng hệ thống chính trị).',
      'Bỏ qua dòng 8: ngày kết thúc 2023-04-30 sớm hơn ngày bắt đầu 2023-10-01.',
    ]);
    // The empty row 4 is absent, not a problem.
    expect(r.stderr).not.toContain('dòng 4');
    expect(errorsOf(await validateJson(ws))).toEqual([]);
    // Row 9: "tháng 3/2023" registered on 10/3/2023 starts on the registration day.
    const row9 = models(ws).get('DT-2023-HM-KH-01')!.data as { steps: { register: Record<string, unknown> } };
    expect(row9.steps.register).toMatchObject({ date: '2023-03-10', start: '2023-03-10', end: '2023-12-31', resources: { socialized_vnd: 40000000 } });
  });

  it('--dry-run writes nothing and lists what it would write', async () => {
    const ws = example();
    const before = snapshot(ws);
    const r = await dvk(['import', XLSX, '--dry-run'], { cwd: ws });
    expect(r.exitCode).toBe(0);
    const files = created(r.stdout);
    expect(files).toHaveLength(6);
    expect(r.stdout).toMatch(/^Sẽ tạo models\/2023\/HM\/\S+\.yaml \(mã DT-2023-HM-03\) từ dòng 2\.$/m);
    expect(r.stdout).toContain('Chạy thử, không ghi tệp nào: sẽ tạo 6 tệp.');
    expect(snapshot(ws)).toEqual(before);
    // The same plan is what a real run then writes.
    const real = await dvk(['import', XLSX], { cwd: ws });
    expect(created(real.stdout).map((f) => [f.file, f.id])).toEqual(files.map((f) => [f.file, f.id]));
  });

  it('a legacy-encoded csv gives a clear error asking for UTF-8, without a stack trace', async () => {
    const ws = example();
    // "Tên mô hình;Đơn vị đăng ký…" as an old Vietnamese Windows code page stores it: one byte a letter.
    writeFile(ws, 'cu.csv', Buffer.from('Tên mô hình;Đơn vị đăng ký;Lĩnh vực\r\nMô hình A;Hội Phụ nữ phường;Kinh tế\r\n', 'latin1'));
    const before = snapshot(ws);
    const r = await dvk(['import', 'cu.csv'], { cwd: ws });
    expect([1, 2]).toContain(r.exitCode);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('không phải văn bản mã UTF-8');
    expect(r.stderr).toContain('CSV UTF-8');
    expectNoStackTrace(r.stderr);
    expect(snapshot(ws)).toEqual(before);
    const en = await dvk(['import', 'cu.csv', '--lang', 'en'], { cwd: ws });
    expect(en.stderr).toMatch(/^Error: cu\.csv is not UTF-8 text/m);
    expectNoStackTrace(en.stderr, { allowErrorPrefix: true });
  });

  it('other unreadable files: UTF-16, old .xls, a broken .xlsx, an unclosed quote, a missing file', async () => {
    const ws = example();
    writeFile(ws, 'u16.csv', Buffer.from('\ufeffTên mô hình', 'utf16le'));
    writeFile(ws, 'cu.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    writeFile(ws, 'hong.xlsx', fs.readFileSync(XLSX).subarray(0, 2000));
    writeFile(ws, 'nhay.csv', 'Tên mô hình,Đơn vị,Lĩnh vực\n"Mô hình A,Hội Phụ nữ,Kinh tế\n');
    const cases: [string, number, string][] = [
      ['u16.csv', 1, 'UTF-16'],
      ['cu.xls', 1, '.xls'],
      ['hong.xlsx', 1, 'Không đọc được tệp hong.xlsx'],
      ['nhay.csv', 1, 'lỗi cú pháp CSV ở dòng'],
      ['khong-co.csv', 2, 'Không tìm thấy "khong-co.csv"'],
    ];
    for (const [file, code, text] of cases) {
      const r = await dvk(['import', file], { cwd: ws });
      expect(r.exitCode, file).toBe(code);
      expect(r.stderr, file).toContain(text);
      expectNoStackTrace(r.stderr);
    }
  });
});

describe('dvk import: headers and options', () => {
  it('a sheet with its own headers needs --map; the instructions sheet before it is passed over', async () => {
    const ws = example();
    const without = await dvk(['import', OWN_HEADERS], { cwd: ws });
    expect(without.exitCode).toBe(2);
    expect(without.stderr).toContain('Không tìm thấy cột tên mô hình.');
    expect(without.stderr).toContain('"Tên sáng kiến"');
    expectNoStackTrace(without.stderr);

    const r = await dvk(['import', OWN_HEADERS, ...OWN_MAP], { cwd: ws });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    // A title row above the headers: the data start on row 3.
    const files = created(r.stdout);
    expect(files.map((f) => f.row)).toEqual([3, 4]);
    expect(errorsOf(await validateJson(ws))).toEqual([]);
    const bhyt = models(ws).get(files[0]!.id)!.data as { field: string; unit: { name: string }; steps: { register: Record<string, unknown> } };
    expect(bhyt.field).toBe('van-hoa-xa-hoi');
    expect(bhyt.unit.name).toBe('Trạm Y tế phường Hòa Mạc');
    expect(bhyt.steps.register).toMatchObject({
      problem: 'Tỷ lệ người dân tham gia bảo hiểm y tế của phường mới đạt 89,6%, thấp hơn chỉ tiêu thị xã giao.',
      forces: [{ name: 'Trạm Y tế phường', role: 'chủ trì' }, { name: 'Bảo hiểm xã hội thị xã', role: 'phối hợp' }, { name: 'Các chi hội phụ nữ', role: 'tham gia' }],
      resources: { funds_vnd: 30000000 },
      start: '2023-04-01',
      end: '2023-10-31',
      outputs: ['Tỷ lệ tham gia bảo hiểm y tế 95%', 'Danh sách hộ được hỗ trợ mua thẻ'],
    });
  });

  it('--sheet picks a worksheet by name or number', async () => {
    const ws = example();
    const byName = await dvk(['import', OWN_HEADERS, ...OWN_MAP, '--sheet', 'danh sach', '--dry-run'], { cwd: ws });
    expect(byName.exitCode, byName.stderr).toBe(0);
    expect(created(byName.stdout)).toHaveLength(2);
    const byNumber = await dvk(['import', OWN_HEADERS, ...OWN_MAP, '--sheet', '1'], { cwd: ws });
    expect(byNumber.exitCode).toBe(2);
    const none = await dvk(['import', OWN_HEADERS, '--sheet', 'Khác'], { cwd: ws });
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toContain('Các trang tính: "Hướng dẫn" và "Danh sách".');
  });

  it('bad --map values are usage errors', async () => {
    const ws = example();
    const cases: [string, string][] = [
      ['Tên sáng kiến', '--map "Tên sáng kiến" không đúng dạng.'],
      ['Tên sáng kiến=ten', 'Không có khóa "ten" để dùng với --map.'],
      ['Không có cột này=name', 'Bảng không có cột "Không có cột này" nêu trong --map.'],
    ];
    for (const [value, text] of cases) {
      const r = await dvk(['import', OWN_HEADERS, '--map', value], { cwd: ws });
      expect(r.exitCode, value).toBe(2);
      expect(r.stderr, value).toContain(text);
      expectNoStackTrace(r.stderr);
    }
  });

  it('unit and field from the options for a sheet without those columns, in a workspace with another pattern', async () => {
    const ws = baseWorkspace();
    writeFile(ws, 'dang-ky.csv', [
      'Tên mô hình,"Mục tiêu, tiêu chí",Ngày đăng ký',
      'Dân vận khéo trong thắp sáng đường quê,"Lắp 120 bóng đèn; 100% ngõ xóm có đèn",01/03/2023',
      'Dân vận khéo trong xây dựng tủ sách cộng đồng,Mỗi thôn một tủ sách,05/03/2023',
      '',
    ].join('\n'));
    const noUnit = await dvk(['import', 'dang-ky.csv'], { cwd: ws });
    expect(noUnit.exitCode).toBe(2);
    expect(noUnit.stderr).toContain('Bảng không có cột đơn vị đăng ký.');
    const noField = await dvk(['import', 'dang-ky.csv', '--unit', 'Ủy ban MTTQ xã Mộc Nam'], { cwd: ws });
    expect(noField.exitCode).toBe(2);
    expect(noField.stderr).toContain('Bảng không có cột lĩnh vực.');
    const badLevel = await dvk(['import', 'dang-ky.csv', '--unit', 'Ủy ban MTTQ xã Mộc Nam', '--field', 'kinh-te', '--level', 'thon'], { cwd: ws });
    expect(badLevel.exitCode).toBe(2);

    const r = await dvk(['import', 'dang-ky.csv', '--unit', 'Ủy ban MTTQ xã Mộc Nam', '--unit-code', 'MN', '--field', 'van-hoa-xa-hoi', '--level', 'xa'], { cwd: ws });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(created(r.stdout).map((f) => [f.file, f.id])).toEqual([
      ['models/2023/MN/dan-van-kheo-trong-thap-sang-duong-que.yaml', 'KT-2023-MN-01'],
      ['models/2023/MN/dan-van-kheo-trong-xay-dung-tu-sach-cong-dong.yaml', 'KT-2023-MN-02'],
    ]);
    const report = await validateJson(ws);
    expect(errorsOf(report)).toEqual([]);
    // Incomplete register steps are warnings only.
    expect(report.diagnostics.some((d) => d.rule === 'step-incomplete' && d.file.startsWith('models/2023/MN/'))).toBe(true);
    const m = models(ws).get('KT-2023-MN-01')!.data as { unit: unknown; field: string; steps: unknown };
    expect(m.unit).toEqual({ name: 'Ủy ban MTTQ xã Mộc Nam', code: 'MN', level: 'xa' });
    expect(m.steps).toEqual({ register: { date: '2023-03-01', goals: ['Lắp 120 bóng đèn', '100% ngõ xóm có đèn'] } });
  });

  it('gives later rows of a unit the code an earlier row gave it, and refuses a pattern that repeats ids', async () => {
    const ws = baseWorkspace();
    writeFile(ws, 'dang-ky.csv', [
      'Tên mô hình;Đơn vị đăng ký;Mã đơn vị;Lĩnh vực;Ngày đăng ký',
      'Dân vận khéo trong vận động hiến máu;Hội Chữ thập đỏ phường Hòa Mạc;CTD;Văn hóa - xã hội;20/04/2023',
      'Dân vận khéo trong sơ cấp cứu cộng đồng;Hội Chữ thập đỏ phường Hòa Mạc;;Văn hóa - xã hội;25/04/2023',
    ].join('\r\n'));
    const r = await dvk(['import', 'dang-ky.csv'], { cwd: ws });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(created(r.stdout).map((f) => f.id)).toEqual(['KT-2023-CTD-01', 'KT-2023-CTD-02']);

    const fixed = baseWorkspace();
    const config = fs.readFileSync(path.join(fixed, 'dvk.config.yaml'), 'utf8').replace('id_pattern: KT-{year}-{unit}-{nn}', 'id_pattern: KT-{year}-{unit}');
    writeFile(fixed, 'dvk.config.yaml', config);
    writeFile(fixed, 'dang-ky.csv', fs.readFileSync(path.join(ws, 'dang-ky.csv')));
    const twice = await dvk(['import', 'dang-ky.csv'], { cwd: fixed });
    expect(twice.exitCode).toBe(1);
    expect(created(twice.stdout).map((f) => f.id)).toEqual(['KT-2023-CTD']);
    expect(twice.stderr).toContain('Bỏ qua dòng 3: mã KT-2023-CTD đã có mô hình dùng.');
  });

  it('speaks English with --lang en', async () => {
    const ws = example();
    const r = await dvk(['import', PROBLEMS_CSV, '--lang', 'en'], { cwd: ws });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('Created 2 files; skipped 5 rows: 3, 5, 6, 7, 8.');
    expect(r.stderr).toContain('Skipped row 3: no model name.');
  });

  it('has help with examples and the recognised headers', async () => {
    const r = await dvk(['import', '--help']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('--map <header=key>');
    expect(r.stdout).toContain('--dry-run');
    expect(r.stdout).toContain('Ví dụ:');
    expect(r.stdout).toContain('Nguồn lực, tiến độ');
  });
});
