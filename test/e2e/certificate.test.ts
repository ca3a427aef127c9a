import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { BIN, dvk, EXAMPLE, tempDir, workspaceFrom } from '../helpers.js';
import { hasLibreOffice, paragraphs, parts } from '../docx.js';
import { curlyQuotes } from '../../src/core/words.js';

interface Scored {
  id: string;
  name: string;
  recognized: boolean;
  exemplary: boolean;
  unit: { name: string };
}

/** The recognised models of the example, as `dvk score --format json` gives them. */
async function recognised(): Promise<Scored[]> {
  const r = await dvk(['score', '--format', 'json'], { cwd: EXAMPLE });
  return (JSON.parse(r.stdout) as { models: Scored[] }).models.filter((x) => x.recognized);
}

async function certificate(ws: string, ...args: string[]) {
  const out = path.join(tempDir(), 'gcn.docx');
  const r = await dvk(['certificate', '-o', out, ...args], { cwd: ws });
  return { r, out };
}

/** The body of each section (one certificate each), as paragraph texts, and its section properties. */
function pages(docx: string): { text: string[]; sectPr: string; xml: string }[] {
  const body = parts(docx)['word/document.xml']!;
  const out: { text: string[]; sectPr: string; xml: string }[] = [];
  let rest = body.slice(body.indexOf('<w:body>'));
  for (let m = /<w:sectPr[\s\S]*?<\/w:sectPr>/.exec(rest); m; m = /<w:sectPr[\s\S]*?<\/w:sectPr>/.exec(rest)) {
    const xml = rest.slice(0, m.index);
    out.push({ text: paragraphs(xml), sectPr: m[0], xml });
    rest = rest.slice(m.index + m[0].length);
  }
  return out;
}

describe('dvk certificate', () => {
  it('one A4 landscape page per recognised model, with its name, unit, wording, decision and signer', async () => {
    const models = await recognised();
    expect(models).toHaveLength(11);
    const { r, out } = await certificate(EXAMPLE);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stderr).toContain('Đã ghi 11 giấy chứng nhận vào 1 tệp.');
    const list = pages(out);
    expect(list).toHaveLength(models.length);
    const exemplary = new Set(models.filter((x) => x.exemplary).map((x) => x.name));
    expect(exemplary.size).toBe(3);
    for (const m of models) {
      const page = list.find((p) => p.text.join('\n').includes(`“${curlyQuotes(m.name)}”`));
      expect(page, m.name).toBeDefined();
      const text = page!.text.join('\n');
      expect(text).toContain('GIẤY CHỨNG NHẬN');
      expect(text).toContain(m.unit.name);
      expect(text).toContain('(Theo Quyết định số 15-QĐ/BCĐ, ngày 20 tháng 12 năm 2023 của Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở');
      expect(text).toContain('Duy Tiên, ngày 20 tháng 12 năm 2023');
      expect(text).toContain('Nguyễn Văn Thành');
      // "tiêu biểu" only on the exemplary models' pages.
      expect(text.includes('“Dân vận khéo” tiêu biểu cấp huyện năm 2023'), m.name).toBe(exemplary.has(m.name));
    }
    const all = list.map((p) => p.text.join('\n'));
    expect(all.filter((t) => t.includes('Đạt mô hình “Dân vận khéo” tiêu biểu cấp huyện năm 2023'))).toHaveLength(3);
    // An individual exemplar: the person's name and position, then the unit and the model.
    const person = all.find((t) => t.includes('Lê Minh Tuấn'))!;
    expect(person).toContain('Thiếu tá, Trưởng Công an xã Mộc Bắc');
    expect(person).toContain('Đạt điển hình “Dân vận khéo” cấp huyện năm 2023');
    // The issuing body's header as in the decision; a blank register number to write in.
    expect(list[0]!.text.slice(0, 4)).toEqual(['THỊ ỦY DUY TIÊN', 'BAN CHỈ ĐẠO THỰC HIỆN QUY CHẾ DÂN CHỦ Ở CƠ SỞ VÀ PHONG TRÀO THI ĐUA “DÂN VẬN KHÉO”', '*', 'ĐẢNG CỘNG SẢN VIỆT NAM']);
    expect(list[0]!.text).toContain('Số \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0-GCN/BCĐ');
    for (const p of list) {
      expect(p.sectPr).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/);
      expect(p.sectPr).toMatch(/<w:pgBorders w:display="allPages" w:offsetFrom="page"/);
    }
  });

  it('--number-from numbers the pages in print order, across the files of --by; --no-border; same bytes twice', async () => {
    const dir = path.join(tempDir(), 'theo-don-vi');
    const r = await dvk(['certificate', '--by', 'unit', '--number-from', '101', '--no-border', '-o', dir], { cwd: EXAMPLE });
    expect(r.exitCode, r.stderr).toBe(0);
    const files = fs.readdirSync(dir).sort((a, b) => a.localeCompare(b, 'vi'));
    expect(r.stderr).toContain(`Đã ghi 11 giấy chứng nhận vào ${files.length} tệp.`);
    const numbers = files.flatMap((f) => pages(path.join(dir, f)).flatMap((p) => p.text.filter((t) => /^Số \d+-GCN\/BCĐ$/.test(t))));
    expect(numbers.sort()).toEqual(Array.from({ length: 11 }, (_, i) => `Số ${101 + i}-GCN/BCĐ`));
    expect(parts(path.join(dir, files[0]!))['word/document.xml']).not.toContain('<w:pgBorders');
    const again = path.join(tempDir(), 'again');
    await dvk(['certificate', '--by', 'unit', '--number-from', '101', '--no-border', '-o', again], { cwd: EXAMPLE });
    for (const f of files) expect(Buffer.compare(fs.readFileSync(path.join(dir, f)), fs.readFileSync(path.join(again, f))), f).toBe(0);
  });

  it('--decision-number and --decision-date; refused when a file in scope has errors', async () => {
    const { out } = await certificate(EXAMPLE, '--decision-number', '7', '--decision-date', '2024-01-05', '--date', '2024-01-06');
    const text = pages(out)[0]!.text.join('\n');
    expect(text).toContain('(Theo Quyết định số 7-QĐ/BCĐ, ngày 05 tháng 01 năm 2024 của');
    expect(text).toContain('Duy Tiên, ngày 06 tháng 01 năm 2024');
    const ws = workspaceFrom(EXAMPLE);
    const sheet = path.join(ws, 'assessments/2023/huyen/DT-2023-CA-01.yaml');
    fs.writeFileSync(sheet, fs.readFileSync(sheet, 'utf8').replace('framework: vd-100-diem', 'framework: vd-100'));
    const dir = tempDir();
    const broken = await dvk(['certificate', '-o', path.join(dir, 'gcn.docx')], { cwd: ws });
    expect(broken.exitCode).toBe(1);
    expect(broken.stderr).toContain('DT-2023-CA-01.yaml');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('--blank-form puts each text in a frame at the position and size certificate.layout gives', async () => {
    const ws = workspaceFrom(EXAMPLE);
    const config = path.join(ws, 'dvk.config.yaml');
    fs.writeFileSync(
      config,
      fs.readFileSync(config, 'utf8').replace(
        'certificate: # giấy chứng nhận',
        'certificate:\n  layout:\n    name: { x: 40, y: 90.5, width: 210, height: 20, size: 17, bold: true }\n    unit: { x: 50, y: 112, width: 190, align: left }\n    issuer: false\n# ',
      ),
    );
    const { r, out } = await certificate(ws, '--blank-form', '--number-from', '5');
    expect(r.exitCode, r.stderr).toBe(0);
    const list = pages(out);
    expect(list).toHaveLength(11);
    const twips = (mm: number) => Math.round((mm * 1440) / 25.4);
    for (const p of list) {
      const frames = [...p.xml.matchAll(/<w:p>(?:(?!<\/w:p>)[\s\S])*?<w:framePr ([^>]*)\/>[\s\S]*?<\/w:p>/g)].map((x) => ({
        attrs: Object.fromEntries([...x[1]!.matchAll(/w:(\w+)="([^"]*)"/g)].map((a) => [a[1], a[2]])),
        text: paragraphs(x[0]).join(''),
      }));
      // Only frames on a blank: nothing else takes room on the page.
      expect(p.text.filter(Boolean).length).toBe(frames.filter((f) => f.text).length);
      const name = frames.find((f) => f.text.startsWith('“'))!;
      expect(name.attrs).toMatchObject({ x: String(twips(40)), y: String(twips(90.5)), w: String(twips(210)), h: String(twips(20)), hAnchor: 'page', vAnchor: 'page' });
      const unit = frames.find((f) => f.attrs.y === String(twips(112)))!;
      expect(unit.attrs.x).toBe(String(twips(50)));
      expect(unit.attrs.w).toBe(String(twips(190)));
      // The defaults for what the layout does not set; nothing for what it sets to false.
      expect(frames.find((f) => f.text.startsWith('Đạt '))!.attrs).toMatchObject({ x: String(twips(30)), y: String(twips(113)) });
      expect(frames.some((f) => f.text.includes('THỊ ỦY DUY TIÊN'))).toBe(false);
    }
    expect(list.map((p) => p.text.find((t) => /-GCN\/BCĐ$/.test(t)))).toEqual(Array.from({ length: 11 }, (_, i) => `Số ${5 + i}-GCN/BCĐ`));
    expect(parts(out)['word/document.xml']).not.toContain('<w:pgBorders');
  });

  it('--calibrate prints one page with the grid and every box; a box off the sheet is refused', async () => {
    const { r, out } = await certificate(EXAMPLE, '--calibrate');
    expect(r.exitCode, r.stderr).toBe(0);
    const xml = parts(out)['word/document.xml']!;
    const text = paragraphs(xml);
    for (const item of ['issuer', 'number', 'name', 'person', 'unit', 'recognition', 'decision', 'date', 'signer']) expect(text.some((t) => t.startsWith(`${item} (x `))).toBe(true);
    expect(text).toContain('name (x 30, y 80, 237 × 18 mm)');
    expect(text).toEqual(expect.arrayContaining(['mm', '10', '100', '200', '280']));
    expect([...xml.matchAll(/<w:sectPr/g)]).toHaveLength(1);
    const ws = workspaceFrom(EXAMPLE);
    const config = path.join(ws, 'dvk.config.yaml');
    fs.writeFileSync(config, fs.readFileSync(config, 'utf8').replace('certificate: # giấy chứng nhận', 'certificate:\n  layout:\n    date: { x: 200, y: 140, width: 120 }\n# '));
    const off = await dvk(['certificate', '--calibrate', '-o', path.join(tempDir(), 'x.docx')], { cwd: ws });
    expect(off.exitCode).toBe(2);
    expect(off.stderr).toContain('Ô "date" trong certificate.layout ra ngoài tờ giấy 297 × 210 mm (mép phải ở 320 mm');
  });
});

describe('PDF output', () => {
  it('without LibreOffice, --pdf exits 2 saying how to install it, and writes nothing', async () => {
    const dir = tempDir();
    const r = await execa(process.execPath, [BIN, 'certificate', '--pdf', '-o', path.join(dir, 'gcn.pdf')], { cwd: EXAMPLE, env: { PATH: path.join(dir, 'khong-co'), NO_COLOR: '1', DVK_LANG: '' }, extendEnv: false, reject: false });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('Cần LibreOffice để xuất PDF');
    expect(r.stderr).toContain('sudo apt-get install -y libreoffice-writer');
    const docxName = await dvk(['certificate', '--pdf', '-o', path.join(dir, 'gcn.docx')], { cwd: EXAMPLE });
    expect(docxName.exitCode).toBe(2);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

const lo = hasLibreOffice();
describe.skipIf(!lo && process.env.DVK_REQUIRE_LIBREOFFICE !== '1')('certificates opened by LibreOffice', () => {
  it('--pdf: LibreOffice makes one page per recognised model, every unit on it, fonts embedded', { timeout: 180_000 }, async () => {
    const models = await recognised();
    const out = path.join(tempDir(), 'gcn.pdf');
    const r = await dvk(['certificate', '--pdf', '-o', out], { cwd: EXAMPLE });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(execFileSync('pdfinfo', [out], { encoding: 'utf8' })).toMatch(new RegExp(`Pages:\\s+${models.length}\\n`));
    const flat = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const m of models) expect(flat, m.id).toContain(m.unit.name);
    expect(flat.match(/GIẤY CHỨNG NHẬN/g)).toHaveLength(models.length);
    const fonts = execFileSync('pdffonts', [out], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((line) => / yes +yes +yes /.test(line))).toBe(true);
  });
});
