import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { dvk, EXAMPLE, tempDir, workspaceFrom, writeFile } from '../helpers.js';
import { paragraphs, parts } from '../docx.js';

interface Manifest {
  format: string;
  version: number;
  source: { name: string; place?: string; commit?: string };
  level: string;
  to: string;
  year: number;
  date: string;
  models: { id: string; file: string; assessment: string; framework: string; evidence: string[]; exemplary: boolean }[];
  frameworks: { id: string; file: string }[];
  files: { path: string; size: number; sha256: string }[];
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Every file under a folder, relative, with its bytes. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const abs = path.join(dir, f);
    if (fs.statSync(abs).isFile()) out.set(f, sha(fs.readFileSync(abs)));
  }
  return out;
}

/** A fresh province workspace made by `dvk init`. */
async function province(): Promise<string> {
  const dir = path.join(tempDir(), 'tinh');
  const r = await dvk(['init', dir, '--level', 'tinh', '--year', '2023']);
  expect(r.exitCode, r.stderr).toBe(0);
  return dir;
}

let docx: string;
let zip: string;
let manifest: Manifest;

beforeAll(async () => {
  docx = path.join(tempDir(), 'de-nghi.docx');
  zip = docx.replace(/\.docx$/, '.zip');
  const r = await dvk(['propose', '--to', 'tinh', '-o', docx], { cwd: EXAMPLE });
  expect(r.exitCode, r.stderr).toBe(0);
  expect(r.stderr).toContain('Đã ghi tờ trình đề nghị cấp tỉnh công nhận 3 mô hình và gói hồ sơ 16 tệp.');
  manifest = JSON.parse(strFromU8(unzipSync(new Uint8Array(fs.readFileSync(zip)))['manifest.json']!)) as Manifest;
});

describe('dvk propose', () => {
  it('writes the proposal in the Party format: grounds, the exemplary models with their scores, the bundle, the annex', () => {
    const text = paragraphs(parts(docx)['word/document.xml']!);
    expect(text).toContain('Số 21-TTr/BCĐ');
    expect(text).toContain('Duy Tiên, ngày 26 tháng 12 năm 2023');
    expect(text).toContain('TỜ TRÌNH');
    expect(text).toContain('Về việc đề nghị công nhận mô hình, điển hình “Dân vận khéo” cấp tỉnh năm 2023');
    expect(text).toContain('Kính gửi: Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở và phong trào thi đua “Dân vận khéo” tỉnh Hà Nam');
    const all = text.join('\n');
    expect(all).toContain('đã đánh giá, công nhận 11 (mười một) mô hình, điển hình “Dân vận khéo” cấp huyện (Quyết định số 15-QĐ/BCĐ, ngày 20 tháng 12 năm 2023');
    expect(all).toContain('trong đó có 3 (ba) mô hình, điển hình tiêu biểu.');
    expect(all).toContain('xem xét, công nhận 3 (ba) mô hình, điển hình “Dân vận khéo” cấp tỉnh năm 2023 (có danh sách kèm theo), gồm:');
    expect(all).toContain('1. Mô hình “Dân vận khéo trong xây dựng mô hình “Camera an ninh” bảo đảm an ninh, trật tự khu dân cư” của Công an thị xã Duy Tiên (94,50 điểm, xếp loại Xuất sắc, tiêu biểu cấp huyện);');
    expect(all).toContain(`Hồ sơ kèm theo: tệp de-nghi.zip gồm 3 tệp mô hình, 3 phiếu chấm cấp huyện, bộ tiêu chí vd-100-diem, 9 tệp minh chứng; mã kiểm tra SHA-256 của tệp: ${sha(fs.readFileSync(zip))}.`);
    expect(text).toContain('MÔ HÌNH, ĐIỂN HÌNH “DÂN VẬN KHÉO” ĐỀ NGHỊ CÔNG NHẬN CẤP TỈNH NĂM 2023');
    expect(text).toContain('(Kèm theo Tờ trình số 21-TTr/BCĐ, ngày 26 tháng 12 năm 2023 của Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở và phong trào thi đua “Dân vận khéo”)');
    expect(text).toContain('TRƯỞNG BAN');
  });

  it('the bundle: a manifest with source, levels, date and a SHA-256 for every file; the same bytes twice', async () => {
    expect(manifest).toMatchObject({ format: 'dvk-proposal', version: 1, level: 'huyen', to: 'tinh', year: 2023, date: '2023-12-26' });
    expect(manifest.source).toMatchObject({ name: 'Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở và phong trào thi đua “Dân vận khéo”', place: 'Duy Tiên' });
    expect(manifest.source.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(manifest.models.map((m) => m.id)).toEqual(['DT-2023-CA-01', 'DT-2023-HM-01', 'DT-2023-YB-01']);
    expect(manifest.models.every((m) => m.exemplary && m.framework === 'vd-100-diem')).toBe(true);
    expect(manifest.frameworks).toEqual([{ id: 'vd-100-diem', file: 'criteria/vd-100-diem.yaml' }]);
    const entries = unzipSync(new Uint8Array(fs.readFileSync(zip)));
    expect(Object.keys(entries).sort()).toEqual(['manifest.json', ...manifest.files.map((f) => f.path)].sort());
    for (const f of manifest.files) {
      expect(sha(entries[f.path]!), f.path).toBe(f.sha256);
      expect(Buffer.compare(entries[f.path]!, fs.readFileSync(path.join(EXAMPLE, f.path))), f.path).toBe(0);
    }
    const again = path.join(tempDir(), 'de-nghi.docx');
    await dvk(['propose', '--to', 'tinh', '-o', again], { cwd: EXAMPLE });
    expect(Buffer.compare(fs.readFileSync(zip), fs.readFileSync(again.replace(/\.docx$/, '.zip')))).toBe(0);
    expect(Buffer.compare(fs.readFileSync(docx), fs.readFileSync(again))).toBe(0);
  });

  it('--select recognized, --select IDs; refuses a model that is not recognised, an unknown id, no level to propose to', async () => {
    const dir = tempDir();
    const all = await dvk(['propose', '--to', 'tinh', '--select', 'recognized', '-o', path.join(dir, 'a.docx')], { cwd: EXAMPLE });
    expect(all.exitCode, all.stderr).toBe(0);
    expect(all.stderr).toContain('công nhận 11 mô hình');
    const two = await dvk(['propose', '--to', 'tinh', '--select', 'DT-2023-PN-02,DT-2023-CA-01', '-o', path.join(dir, 'b.docx')], { cwd: EXAMPLE });
    expect(two.exitCode, two.stderr).toBe(0);
    const listed = JSON.parse(strFromU8(unzipSync(new Uint8Array(fs.readFileSync(path.join(dir, 'b.zip'))))['manifest.json']!)) as Manifest;
    expect(listed.models.map((m) => m.id)).toEqual(['DT-2023-CA-01', 'DT-2023-PN-02']);
    const notRecognised = await dvk(['propose', '--to', 'tinh', '--select', 'DT-2023-MN-01', '-o', path.join(dir, 'c.docx')], { cwd: EXAMPLE });
    expect(notRecognised.exitCode).toBe(1);
    expect(notRecognised.stderr).toContain('Mô hình DT-2023-MN-01 chưa được công nhận ở cấp huyện nên không đề nghị lên được');
    const unknown = await dvk(['propose', '--to', 'tinh', '--select', 'DT-2023-CA-1', '-o', path.join(dir, 'd.docx')], { cwd: EXAMPLE });
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain('Có phải ý bạn là "DT-2023-CA-01"?');
    const same = await dvk(['propose', '--to', 'huyen', '-o', path.join(dir, 'e.docx')], { cwd: EXAMPLE });
    expect(same.exitCode).toBe(2);
    expect(fs.readdirSync(dir).sort()).toEqual(['a.docx', 'a.zip', 'b.docx', 'b.zip']);
  });
});

describe('dvk import <bundle>.zip', () => {
  it('refuses to print template text left in the config, and writes nothing', async () => {
    const ws = workspaceFrom(EXAMPLE);
    const config = path.join(ws, 'dvk.config.yaml');
    fs.writeFileSync(config, fs.readFileSync(config, 'utf8').replace(/^(\s*recipient:).*$/m, '$1 Ban Chỉ đạo tỉnh (tên tỉnh)'));
    const out = path.join(tempDir(), 'de-nghi.docx');
    const r = await dvk(['propose', '--to', 'tinh', '-o', out], { cwd: ws });
    expect(r.exitCode, r.stderr).toBe(2);
    expect(r.stderr).toContain('(tên tỉnh)');
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.existsSync(out.replace(/\.docx$/, '.zip'))).toBe(false);
  });

  it('a district proposal taken into a new province workspace validates, shows its source, and scores with a province sheet', async () => {
    const ws = await province();
    const r = await dvk(['import', zip], { cwd: ws });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toContain('cấp huyện đề nghị cấp tỉnh, năm 2023, ngày 26/12/2023, 3 mô hình; commit');
    expect(r.stdout).toContain('Đã thêm DT-2023-CA-01: models/2023/CA/camera-an-ninh.yaml');
    expect(r.stdout).toContain('Bộ tiêu chí vd-100-diem: trùng với criteria/vd-100-diem.yaml đã có, dùng chung.');
    expect(r.stdout).toContain('Đã thêm 3 mô hình.');
    const model = fs.readFileSync(path.join(ws, 'models/2023/CA/camera-an-ninh.yaml'), 'utf8');
    expect(model).toMatch(/\nsource:\n {2}name: Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở và phong trào thi đua “Dân vận khéo”\n {2}place: Duy Tiên\n {2}level: huyen\n {2}date: 2023-12-26\n {2}commit: [0-9a-f]{40}\n {2}file: models\/2023\/CA\/camera-an-ninh.yaml\n$/);
    expect(model).toContain('file: evidence/2023/CA/ca-01-kiem-tra.pdf');
    expect(fs.existsSync(path.join(ws, 'evidence/2023/CA/ca-01-kiem-tra.pdf'))).toBe(true);
    expect(fs.readFileSync(path.join(ws, 'assessments/2023/huyen/DT-2023-CA-01.yaml'), 'utf8')).toContain('# Phiếu chấm cấp huyện của Duy Tiên, nhập từ gói đề nghị (dvk import), giữ làm lịch sử.');

    const valid = await dvk(['validate'], { cwd: ws });
    expect(valid.exitCode, valid.stdout).toBe(0);
    // The fresh config's fill-ins are warnings; the imported files have no problem.
    expect(valid.stdout).toContain('0 lỗi');
    expect(valid.stdout).not.toMatch(/^(models|assessments|criteria)\//m);
    expect((await dvk(['fmt', '--check'], { cwd: ws })).exitCode).toBe(0);
    const status = await dvk(['status'], { cwd: ws });
    expect(status.stdout).toMatch(/DT-2023-CA-01 .* Duy Tiên \(cấp huyện\)/);
    const json = JSON.parse((await dvk(['status', '--format', 'json'], { cwd: ws })).stdout) as { models: { id: string; source?: { place?: string; level: string } }[] };
    expect(json.models.find((m) => m.id === 'DT-2023-HM-01')!.source).toMatchObject({ place: 'Duy Tiên', level: 'huyen' });

    // The province's own score: nothing scored yet; the district's sheets are history at their level.
    const before = await dvk(['score'], { cwd: ws });
    expect(before.stdout).toContain('0 đã chấm');
    expect((await dvk(['score', '--level', 'huyen'], { cwd: ws })).stdout).toContain('3 được công nhận (3 tiêu biểu)');
    const district = fs.readFileSync(path.join(ws, 'assessments/2023/huyen/DT-2023-CA-01.yaml'), 'utf8');
    writeFile(ws, 'assessments/2023/tinh/DT-2023-CA-01.yaml', district.replace(/^# Phiếu chấm.*\n/m, '').replace('level: huyen', 'level: tinh').replace('../../../schemas', '../../../schemas'));
    expect((await dvk(['validate'], { cwd: ws })).exitCode).toBe(0);
    const scored = JSON.parse((await dvk(['score', '--format', 'json'], { cwd: ws })).stdout) as { models: { id: string; level: string; recognized: boolean; total: number }[] };
    expect(scored.models.find((m) => m.id === 'DT-2023-CA-01')).toMatchObject({ level: 'tinh', recognized: true, total: 94.5 });

    // The same bundle again: every model skipped, nothing written, not an error.
    const files = snapshot(ws);
    const again = await dvk(['import', zip], { cwd: ws });
    expect(again.exitCode, again.stderr).toBe(0);
    expect(again.stderr).toContain('Bỏ qua DT-2023-CA-01: đã nhập trước đây (models/2023/CA/camera-an-ninh.yaml).');
    expect(again.stdout).toContain('Đã thêm 0 mô hình; bỏ qua 3.');
    expect(snapshot(ws)).toEqual(files);
  });

  it('refuses a bundle with one byte changed, naming the file, and writes nothing', async () => {
    const ws = await province();
    const files = snapshot(ws);
    const entries = unzipSync(new Uint8Array(fs.readFileSync(zip)));
    const target = 'models/2023/HM/phan-loai-rac-tai-nguon.yaml';
    const bytes = entries[target]!;
    bytes[200] = bytes[200]! ^ 0x01;
    const tampered = path.join(tempDir(), 'sua.zip');
    fs.writeFileSync(tampered, zipSync(entries));
    const r = await dvk(['import', tampered], { cwd: ws });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(`tệp ${target} có mã kiểm tra SHA-256 khác với manifest.json. Không nhập tệp nào.`);
    expect(snapshot(ws)).toEqual(files);

    // A byte changed in the zip itself, and a manifest that lists a file the bundle lacks.
    const raw = fs.readFileSync(zip);
    const flipped = Buffer.from(raw);
    const at = raw.indexOf('models/2023/YB') + 300;
    flipped[at] = flipped[at]! ^ 0xff;
    fs.writeFileSync(tampered, flipped);
    const damaged = await dvk(['import', tampered], { cwd: ws });
    expect(damaged.exitCode).toBe(1);
    expect(damaged.stderr).toMatch(/Gói .*sua\.zip không khớp với manifest\.json: tệp \S+/);
    const intact = unzipSync(new Uint8Array(raw));
    const m = JSON.parse(strFromU8(intact['manifest.json']!)) as Manifest;
    m.files.push({ path: 'models/2023/XX/them.yaml', size: 1, sha256: '0'.repeat(64) });
    fs.writeFileSync(tampered, zipSync({ ...intact, 'manifest.json': strToU8(JSON.stringify(m)) }));
    expect((await dvk(['import', tampered], { cwd: ws })).stderr).toContain('tệp models/2023/XX/them.yaml có trong danh sách nhưng không có trong gói');
    expect(snapshot(ws)).toEqual(files);
  });

  it('carries in a framework that clashes with one of the same id; skips a model whose id is taken, never overwriting', async () => {
    const ws = await province();
    const own = path.join(ws, 'criteria/vd-100-diem.yaml');
    fs.writeFileSync(own, fs.readFileSync(own, 'utf8').replace(/^title: .*$/m, 'title: Bộ tiêu chí cấp tỉnh'));
    writeFile(ws, 'models/2023/YB/giai-phong-mat-bang.yaml', 'kind: model\nversion: 1\nid: DT-2023-YB-01\nname: Một mô hình khác của tỉnh\ntype: collective\nfield: kinh-te\nyear: 2023\nunit: { name: Sở Nội vụ, level: tinh }\nsteps: {}\n');
    const taken = fs.readFileSync(path.join(ws, 'models/2023/YB/giai-phong-mat-bang.yaml'));
    const r = await dvk(['import', zip], { cwd: ws });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('Bộ tiêu chí vd-100-diem: lưu thành vd-100-diem-duy-tien (criteria/vd-100-diem-duy-tien.yaml).');
    expect(r.stderr).toContain('Bỏ qua DT-2023-YB-01: kho này đã có mô hình khác cùng mã (models/2023/YB/giai-phong-mat-bang.yaml).');
    expect(r.stdout).toContain('Đã thêm 2 mô hình; bỏ qua 1.');
    expect(Buffer.compare(fs.readFileSync(path.join(ws, 'models/2023/YB/giai-phong-mat-bang.yaml')), taken)).toBe(0);
    expect(fs.readFileSync(path.join(ws, 'criteria/vd-100-diem-duy-tien.yaml'), 'utf8')).toMatch(/\nid: vd-100-diem-duy-tien\n/);
    expect(fs.readFileSync(path.join(ws, 'assessments/2023/huyen/DT-2023-CA-01.yaml'), 'utf8')).toMatch(/\nframework: vd-100-diem-duy-tien\n/);
    expect(fs.existsSync(path.join(ws, 'assessments/2023/huyen/DT-2023-YB-01.yaml'))).toBe(false);
    const valid = await dvk(['validate', '--format', 'json'], { cwd: ws });
    expect(JSON.parse(valid.stdout).summary.errors).toBe(0);
    const history = JSON.parse((await dvk(['score', '--level', 'huyen', '--format', 'json'], { cwd: ws })).stdout) as { models: { id: string; framework: string; total: number }[] };
    expect(history.models.find((m) => m.id === 'DT-2023-CA-01')).toMatchObject({ framework: 'vd-100-diem-duy-tien', total: 94.5 });
  });

  it('refuses a bundle from a level this workspace does not have, and bundles mixed with other files', async () => {
    const ws = workspaceFrom(EXAMPLE);
    const config = path.join(ws, 'dvk.config.yaml');
    fs.writeFileSync(config, fs.readFileSync(config, 'utf8').replace('level: huyen # cấp', 'levels: [xa, tinh]\nlevel: tinh # cấp'));
    const r = await dvk(['import', zip, '--dry-run'], { cwd: ws });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('Gói đề nghị từ cấp "huyen", nhưng kho này không có cấp đó');
    const mixed = await dvk(['import', zip, 'dang-ky.csv'], { cwd: ws });
    expect(mixed.exitCode).toBe(2);
    expect(mixed.stderr).toContain('dang-ky.csv không phải gói đề nghị (.zip)');
  });
});
