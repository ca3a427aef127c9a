// `dvk form register|review` and `dvk import <form>.docx`: the loop a unit and the committee run
// (form -> Word or LibreOffice -> import -> validate), on copies of the example workspace.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { dvk, EXAMPLE, tempDir, workspaceFrom, writeFile } from '../helpers.js';
import { hasLibreOffice } from '../docx.js';
import { editPart, filledForm, REGISTERED, REGISTRATION, REVIEW, REVIEWED } from '../forms.js';
import { expectNoStackTrace, parseReport } from './support.js';

const FORMS = path.join(EXAMPLE, 'forms');
const NEW_MODEL = 'models/2023/HM/dan-van-kheo-trong-van-dong-nhan-dan-hien-dat-mo-rong-ngo.yaml';
const QS = 'models/2023/QS/van-dong-nghia-vu-quan-su.yaml';
const CA = 'models/2023/CA/camera-an-ninh.yaml';

/** The example workspace without its generated documents. */
function example(): string {
  const ws = workspaceFrom(EXAMPLE);
  fs.rmSync(path.join(ws, 'out'), { recursive: true, force: true });
  return ws;
}

const read = (ws: string, rel: string) => fs.readFileSync(path.join(ws, rel), 'utf8');
const data = (ws: string, rel: string) => parse(read(ws, rel)) as Record<string, unknown>;

/** Every model file with its text, to show that a run changed nothing. */
function models(ws: string): Record<string, string> {
  const dir = path.join(ws, 'models');
  return Object.fromEntries((fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => f.endsWith('.yaml')).sort().map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
}

/** The stylish lines of the diagnostics on stderr: `line severity message`. */
const located = (stderr: string) => [...stderr.matchAll(/^ {2}(\d+):1 +(lỗi|cảnh báo) +(.+?) {2}(form-[a-z-]+)$/gm)].map((m) => ({ line: Number(m[1]), severity: m[2]!, message: m[3]!, rule: m[4]! }));

describe('dvk form', () => {
  it('register writes the blank form, the same bytes each time, with the unit and year filled in', async () => {
    const ws = example();
    const r = await dvk(['form', 'register', '--unit', 'Ủy ban MTTQ phường Hòa Mạc'], { cwd: ws });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toBe('out/phieu-dang-ky-2023-uy-ban-mttq-phuong-hoa-mac.docx\n');
    const first = fs.readFileSync(path.join(ws, 'out/phieu-dang-ky-2023-uy-ban-mttq-phuong-hoa-mac.docx'));
    await dvk(['form', 'register', '--unit', 'Ủy ban MTTQ phường Hòa Mạc', '-o', 'again.docx'], { cwd: ws });
    expect(Buffer.compare(first, fs.readFileSync(path.join(ws, 'again.docx')))).toBe(0);
    // Filled in: the unit, its level (known from the workspace) and the config's year.
    const text = strFromU8(unzipSync(new Uint8Array(first))['word/document.xml']!);
    for (const s of ['Ủy ban MTTQ phường Hòa Mạc</w:t>', 'Cấp xã</w:t>', '2023</w:t>', 'dvk-form register/1']) expect(text).toContain(s);
  });

  it('refuses an output that is not .docx, and a model that does not exist', async () => {
    const ws = example();
    const bad = await dvk(['form', 'register', '-o', 'phieu.pdf'], { cwd: ws });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('không có đuôi .docx');
    expect(fs.existsSync(path.join(ws, 'phieu.pdf'))).toBe(false);
    const none = await dvk(['form', 'review', 'DT-2023-QS-1'], { cwd: ws });
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toContain('Có phải ý bạn là DT-2023-QS-01?');
    expectNoStackTrace(none.stderr);
  });

  it('review is pre-filled from the model: imported back unchanged, it changes nothing', async () => {
    const ws = example();
    const r = await dvk(['form', 'review', 'DT-2023-CA-01', '-o', 'ca.docx'], { cwd: ws });
    expect(r.exitCode, r.stderr).toBe(0);
    const before = models(ws);
    const again = await dvk(['import', 'ca.docx'], { cwd: ws });
    expect(again.exitCode, again.stderr).toBe(0);
    expect(again.stdout).toBe('1 phiếu: tạo 0 tệp, cập nhật 0 tệp, 1 phiếu không có gì mới, bỏ qua 0 phiếu.\n');
    expect(again.stderr).toBe('');
    expect(models(ws)).toEqual(before);
  });
});

describe('dvk import <form>.docx', () => {
  it("imports the example's two forms: a new model that validates, and a review step added to QS-01 (only added lines)", async () => {
    const ws = example();
    const qsBefore = read(ws, QS);
    const r = await dvk(['import', 'forms'], { cwd: ws });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(`Đã tạo ${NEW_MODEL} (mã DT-2023-HM-03) từ phiếu forms/dang-ky-hoa-mac-hien-dat.docx.`);
    expect(r.stdout).toContain(`Đã cập nhật ${QS} (mã DT-2023-QS-01: steps.review) từ phiếu forms/tong-ket-qs-01.docx.`);

    // The registration, re-saved by LibreOffice (its controls' tags gone), reads as typed; the
    // unit's code comes from the workspace's other models of that unit.
    expect(data(ws, NEW_MODEL)).toEqual({ ...REGISTERED, id: 'DT-2023-HM-03', unit: { ...REGISTERED.unit, code: 'HM' } });
    expect(read(ws, NEW_MODEL)).toMatch(/^# yaml-language-server: \$schema=\S+\/schemas\/model\.schema\.json\n# Nhập từ phiếu dang-ky-hoa-mac-hien-dat\.docx \(dvk import\)\.\nkind: model\n/);
    // The review: every old line kept, in order; the new lines are the review step.
    const after = read(ws, QS);
    expect((data(ws, QS).steps as { review: unknown }).review).toEqual(REVIEWED);
    const added = after.split('\n').filter((l, i, all) => all.indexOf(l) === i && !qsBefore.split('\n').includes(l));
    expect(after.split('\n').filter((l) => !added.includes(l))).toEqual(qsBefore.split('\n'));
    expect(added[0]).toBe('  review:');

    const v = parseReport((await dvk(['validate', '--format', 'json'], { cwd: ws })).stdout);
    expect(v.diagnostics.filter((d) => d.file === NEW_MODEL || d.file === QS)).toEqual([]);
    expect(v.summary.errors).toBe(0);

    // Again: nothing changes, exit 0, one line.
    const before = models(ws);
    const again = await dvk(['import', 'forms/dang-ky-hoa-mac-hien-dat.docx', 'forms/tong-ket-qs-01.docx'], { cwd: ws });
    expect(again.exitCode, again.stderr).toBe(0);
    expect(again.stdout).toBe('2 phiếu: tạo 0 tệp, cập nhật 0 tệp, 2 phiếu không có gì mới, bỏ qua 0 phiếu.\n');
    expect(models(ws)).toEqual(before);
  });

  it('replaces what a model holds only with --update, and then only the lines that differ', async () => {
    const ws = example();
    const before = read(ws, CA);
    const r = await dvk(['form', 'review', 'DT-2023-CA-01', '-o', 'ca.docx'], { cwd: ws });
    expect(r.exitCode).toBe(0);
    const changed = editPart(new Uint8Array(fs.readFileSync(path.join(ws, 'ca.docx'))), (xml) => xml.replace('>5.200<', '>5.320<'));
    writeFile(ws, 'ca-sua.docx', changed);
    const refused = await dvk(['import', 'ca-sua.docx'], { cwd: ws });
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain(`Lỗi: Bỏ qua phiếu ca-sua.docx: phiếu sẽ thay nội dung đã có của ${CA} (steps.review.results.participants); thêm --update nếu đúng là muốn thay.`);
    expect(read(ws, CA)).toBe(before);
    const dry = await dvk(['import', 'ca-sua.docx', '--update', '--dry-run'], { cwd: ws });
    expect(dry.stdout).toContain('Sẽ cập nhật');
    expect(read(ws, CA)).toBe(before);
    const updated = await dvk(['import', 'ca-sua.docx', '--update'], { cwd: ws });
    expect(updated.exitCode, updated.stderr).toBe(0);
    expect(read(ws, CA)).toBe(before.replace('participants: 5200,', 'participants: 5320,'));
  });

  it('a form with fields left empty imports, with a located warning per empty field', async () => {
    const ws = example();
    const keep = ['unit.name', 'model.name', 'model.field', 'register.date'];
    writeFile(ws, 'nhap.docx', filledForm('register', Object.fromEntries(keep.map((k) => [k, REGISTRATION[k]!] as const))));
    const r = await dvk(['import', 'nhap.docx'], { cwd: ws });
    expect(r.exitCode, r.stderr).toBe(0);
    const warnings = located(r.stderr);
    expect(warnings.map((w) => /"([^"]+)"/.exec(w.message)?.[1])).toEqual([
      'Thực trạng, lý do', 'Mục tiêu, tiêu chí', 'Nội dung, cách thức thực hiện', 'Địa bàn, đối tượng', 'Lực lượng tham gia', 'Ngày bắt đầu', 'Ngày kết thúc, đánh giá dự kiến', 'Sản phẩm đầu ra',
    ]);
    for (const w of warnings) expect(w).toMatchObject({ severity: 'cảnh báo', rule: 'form-field-empty' });
    // Lines are the form's paragraph numbers, in the order of the form.
    expect(warnings.map((w) => w.line)).toEqual([...warnings.map((w) => w.line)].sort((a, b) => a - b));
    expect(r.stderr).toMatch(/^nhap\.docx$/m);
    expect(r.stdout).toContain('(mã DT-2023-HM-03)');
    const v = parseReport((await dvk(['validate', '--format', 'json'], { cwd: ws })).stdout);
    expect(v.summary.errors).toBe(0);
  });

  it('refuses what is not a dvk form, a form of another version and an old .doc, naming the file (exit 1)', async () => {
    const ws = example();
    await dvk(['decide', '-o', 'quyet-dinh.docx'], { cwd: ws });
    writeFile(ws, 'phieu-v2.docx', editPart(editPart(filledForm('register', REGISTRATION), (x) => x.replace('register/1', 'register/2'), 'docProps/custom.xml'), (x) => x.replace('dvk-form register/1', 'dvk-form register/2')));
    writeFile(ws, 'cu.docx', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    const before = models(ws);
    for (const [file, text] of [
      ['quyet-dinh.docx', 'Lỗi: Bỏ qua phiếu quyet-dinh.docx: Tệp quyet-dinh.docx không phải phiếu của dvk'],
      ['phieu-v2.docx', 'Phiếu phieu-v2.docx theo mẫu register phiên bản 2; phiên bản dvk này chỉ đọc mẫu phiên bản 1'],
      ['cu.docx', 'là văn bản Word đời cũ (.doc)'],
    ] as const) {
      const r = await dvk(['import', file], { cwd: ws });
      expect(r.exitCode, file).toBe(1);
      expect(r.stderr, file).toContain(text);
      expect(r.stderr, file).toContain('Gợi ý:');
      expectNoStackTrace(r.stderr);
    }
    expect(models(ws)).toEqual(before);
  });

  it('reads a folder (Word lock files left out); forms and a spreadsheet together are a usage error', async () => {
    const ws = example();
    const dir = path.join(ws, 'phieu');
    fs.cpSync(FORMS, dir, { recursive: true });
    writeFile(dir, '~$ng-ky-hoa-mac-hien-dat.docx', 'lock');
    const r = await dvk(['import', 'phieu', '--dry-run'], { cwd: ws });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toContain('Chạy thử, không ghi tệp nào: 2 phiếu: sẽ tạo 1 tệp, sẽ cập nhật 1 tệp');
    expect(fs.existsSync(path.join(ws, NEW_MODEL))).toBe(false);
    const mixed = await dvk(['import', 'phieu', 'bang.xlsx'], { cwd: ws });
    expect(mixed.exitCode).toBe(2);
  });
});

const requireLibreOffice = process.env.DVK_REQUIRE_LIBREOFFICE === '1';
const lo = hasLibreOffice();

describe.skipIf(!lo && !requireLibreOffice)('forms saved again by LibreOffice', () => {
  it('read the same: a filled registration, a review form and a blank form', { timeout: 180_000 }, async () => {
    expect(lo, 'DVK_REQUIRE_LIBREOFFICE=1 but soffice is missing').toBe(true);
    const ws = example();
    const dir = tempDir();
    writeFile(dir, 'dang-ky.docx', filledForm('register', REGISTRATION));
    writeFile(dir, 'tong-ket.docx', filledForm('review', REVIEW, 'DT-2023-QS-01'));
    writeFile(dir, 'trong.docx', filledForm('register', { 'unit.name': 'Đoàn Thanh niên phường Yên Bắc', 'model.name': 'Thanh niên tình nguyện', 'model.field': 'Kinh tế', 'model.year': '2023' }));
    const saved = path.join(ws, 'da-luu');
    // One start of LibreOffice for the three files.
    execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${path.join(dir, '.lo-profile')}`, '--convert-to', 'docx', '--outdir', saved, ...['dang-ky', 'tong-ket', 'trong'].map((f) => path.join(dir, `${f}.docx`))], { stdio: 'ignore', timeout: 180_000 });
    const r = await dvk(['import', 'da-luu'], { cwd: ws });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(data(ws, NEW_MODEL)).toEqual({ ...REGISTERED, id: 'DT-2023-HM-03', unit: { ...REGISTERED.unit, code: 'HM' } });
    expect((data(ws, QS).steps as { review: unknown }).review).toEqual(REVIEWED);
    // The blank form's placeholders (dotted lines) are read as empty, not as text.
    const blank = data(ws, 'models/2023/DTNPYB/thanh-nien-tinh-nguyen.yaml') as { steps: { register: object } };
    expect(blank.steps.register).toEqual({});
    expect(located(r.stderr).filter((d) => d.severity === 'cảnh báo').length).toBeGreaterThanOrEqual(9);
  });
});
