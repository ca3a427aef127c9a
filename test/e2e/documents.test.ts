import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { execa } from 'execa';
import { BIN, dvk, EXAMPLE, tempDir, workspaceFrom } from '../helpers.js';
import { hasLibreOffice, paragraphs, parts, viaLibreOffice } from '../docx.js';

const RECOGNISED = ['DT-2023-CA-01', 'DT-2023-HM-01', 'DT-2023-YB-01', 'DT-2023-DV-01', 'DT-2023-PN-01', 'DT-2023-DTN-01', 'DT-2023-CN-01', 'DT-2023-TS-01', 'DT-2023-CA-02', 'DT-2023-HM-02', 'DT-2023-PN-02'];

async function decide(ws: string, ...args: string[]) {
  const out = path.join(tempDir(), 'qd.docx');
  const r = await dvk(['decide', '-o', out, ...args], { cwd: ws });
  return { r, out };
}

describe('dvk decide', () => {
  it('writes the decision in the Party format, from the workspace alone', async () => {
    const { r, out } = await decide(EXAMPLE);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stderr).toContain('Đã ghi 1 quyết định, công nhận 11 mô hình.');
    const xml = parts(out);
    const text = paragraphs(xml['word/document.xml']!);
    // Header block: superior and issuing body upper-cased, the star, the Party heading.
    expect(text.slice(0, 6)).toEqual([
      'THỊ ỦY DUY TIÊN',
      'BAN CHỈ ĐẠO THỰC HIỆN QUY CHẾ DÂN CHỦ Ở CƠ SỞ VÀ PHONG TRÀO THI ĐUA “DÂN VẬN KHÉO”',
      '*',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Số 15-QĐ/BCĐ',
      'Duy Tiên, ngày 20 tháng 12 năm 2023',
    ]);
    expect(text).toContain('QUYẾT ĐỊNH');
    expect(text).toContain('QUYẾT ĐỊNH:');
    const article1 = text.find((t) => t.startsWith('Điều 1.'))!;
    expect(article1).toContain('Công nhận 11 (mười một) mô hình, điển hình “Dân vận khéo” năm 2023 (có danh sách kèm theo), trong đó có 3 (ba) mô hình, điển hình tiêu biểu');
    expect(text.some((t) => t.startsWith('Điều 2.'))).toBe(true);
    expect(text.some((t) => t.startsWith('Điều 3.') && t.endsWith('chịu trách nhiệm thi hành Quyết định này.'))).toBe(true);
    expect(text).toContain('Nơi nhận:');
    expect(text).toContain('- Lưu Văn phòng Thị ủy.');
    expect(text).toContain('TRƯỞNG BAN');
    expect(text).toContain('Nguyễn Văn Thành');
    // The "Nơi nhận" heading is underlined in the Party format.
    expect(xml['word/document.xml']).toMatch(/<w:u w:val="single"\/>(?:(?!<\/w:r>)[\s\S])*<w:t[^>]*>Nơi nhận:<\/w:t>/);
  });

  it('lists exactly the recognised models in the annex, with scores and classes', async () => {
    const { out } = await decide(EXAMPLE);
    const doc = parts(out)['word/document.xml']!;
    const annex = doc.slice(doc.indexOf('DANH SÁCH'));
    const rows = [...annex.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((row) => paragraphs(row[0]));
    const numbered = rows.filter((cells) => /^\d+$/.test(cells[0] ?? ''));
    expect(numbered.map((c) => c[0])).toEqual(RECOGNISED.map((_, i) => String(i + 1)));
    const all = numbered.map((c) => c.join(' | '));
    expect(all[0]).toContain('94,50');
    expect(all[0]).toContain('Xuất sắc');
    expect(all.filter((r) => r.endsWith('| x'))).toHaveLength(3);
    expect(all.join('\n')).not.toContain('Mộc Nam'); // DT-2023-MN-01 fails a gate
    expect(annex).toContain('(Kèm theo Quyết định số 15-QĐ/BCĐ, ngày 20 tháng 12 năm 2023 của Ban Chỉ đạo');
  });

  it('sets A4, the margins, the font and the language once, page numbers from page 2, a landscape annex', async () => {
    const { out } = await decide(EXAMPLE);
    const x = parts(out);
    const doc = x['word/document.xml']!;
    const sections = [...doc.matchAll(/<w:sectPr[\s\S]*?<\/w:sectPr>/g)].map((s) => s[0]);
    expect(sections).toHaveLength(2);
    expect(sections[0]).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(sections[0]).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    expect(sections[0]).toContain('<w:titlePg/>');
    expect(sections[0]).toMatch(/w:type="first"/);
    expect(sections[1]).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/);
    const styles = x['word/styles.xml']!;
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"\/>/);
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*<w:sz w:val="28"\/>/);
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*<w:lang w:val="vi-VN"\/>/);
    const header = Object.entries(x).find(([n, v]) => n.startsWith('word/header') && v.includes('PAGE'));
    expect(header).toBeDefined();
    // Tables have absolute widths on every cell.
    expect(doc).not.toMatch(/w:type="pct"/);
    expect(doc).toMatch(/<w:tblLayout w:type="fixed"\/>/);
  });

  it('the state format: national heading, motto, "Số:" and TM./KT. signatures', async () => {
    const ws = workspaceFrom(EXAMPLE);
    const file = path.join(ws, 'dvk.config.yaml');
    fs.writeFileSync(
      file,
      fs
        .readFileSync(file, 'utf8')
        .replace('format: party', 'format: state')
        .replace('superior: Thị ủy Duy Tiên', 'superior: Ủy ban nhân dân tỉnh Hà Nam')
        .replace('short: BCĐ', 'short: UBND')
        .replace('signer: # trưởng ban chỉ đạo ký trực tiếp nên không có dòng thẩm quyền ký', 'signer:\n  authority: TM. Ủy ban nhân dân')
        .replace('title: TRƯỞNG BAN', 'title: CHỦ TỊCH'),
    );
    const { r, out } = await decide(ws);
    expect(r.exitCode, r.stderr).toBe(0);
    const text = paragraphs(parts(out)['word/document.xml']!);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('Số: 15/QĐ-UBND');
    expect(text).not.toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(text).toContain('TM. ỦY BAN NHÂN DÂN');
    expect(text).toContain('CHỦ TỊCH');
    // "Căn cứ" lines are italic in the state format.
    expect(parts(out)['word/document.xml']).toMatch(/<w:i\/>(?:(?!<\/w:r>)[\s\S])*<w:t[^>]*>Căn cứ Quy chế/);
  });

  it('--number and --date override the config; a blank number leaves room to write it in', async () => {
    const { out } = await decide(EXAMPLE, '--number', '7', '--date', '2024-01-05');
    const text = paragraphs(parts(out)['word/document.xml']!);
    expect(text).toContain('Số 7-QĐ/BCĐ');
    expect(text).toContain('Duy Tiên, ngày 05 tháng 01 năm 2024');
    // Day/month/year, as dates are written by hand (and read by dvk import).
    const { out: dayFirst } = await decide(EXAMPLE, '--date', '24/12/2023');
    expect(paragraphs(parts(dayFirst)['word/document.xml']!)).toContain('Duy Tiên, ngày 24 tháng 12 năm 2023');
    expect((await dvk(['decide', '--date', '30/2/2024'], { cwd: EXAMPLE })).exitCode).toBe(2);
    const ws = workspaceFrom(EXAMPLE);
    const file = path.join(ws, 'dvk.config.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('  number: 15 # số quyết định\n', ''));
    const blank = await decide(ws);
    expect(paragraphs(parts(blank.out)['word/document.xml']!)).toContain('Số \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0-QĐ/BCĐ');
  });

  it('refuses to print template text left in the config (exit 2) or in a recognised model (exit 1), writing nothing', async () => {
    const dir = tempDir();
    const ws = workspaceFrom(EXAMPLE);
    const config = path.join(ws, 'dvk.config.yaml');
    const original = fs.readFileSync(config, 'utf8');
    fs.writeFileSync(config, original.replace('name: Nguyễn Văn Thành', 'name: (họ và tên)'));
    const r = await dvk(['decide', '-o', path.join(dir, 'qd.docx')], { cwd: ws });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^ {2}\d+:\d+ +lỗi +Chữ mẫu "\(họ và tên\)" chưa được thay bằng nội dung thật\. +placeholder$/m);
    expect(r.stderr).toContain('Lỗi: Không xuất văn bản vì dvk.config.yaml còn chữ mẫu');
    fs.writeFileSync(config, original);
    const model = path.join(ws, 'models/2023/HM/phan-loai-rac-tai-nguon.yaml');
    fs.writeFileSync(model, fs.readFileSync(model, 'utf8').replace(/^name: .*$/m, 'name: Tên mô hình'));
    const m = await dvk(['report', '-o', path.join(dir, 'bc.docx')], { cwd: ws });
    expect(m.exitCode).toBe(1);
    expect(m.stderr).toContain('models/2023/HM/phan-loai-rac-tai-nguon.yaml');
    expect(fs.readdirSync(dir)).toEqual([]);
    // validate warns, without failing.
    const v = await dvk(['validate'], { cwd: ws });
    expect(v.exitCode).toBe(0);
    expect(v.stdout).toContain('Chữ mẫu "Tên mô hình" chưa được thay bằng nội dung thật.');
  });

  it('the same inputs give the same bytes; SOURCE_DATE_EPOCH sets the document dates', async () => {
    const a = await decide(EXAMPLE);
    const b = await decide(EXAMPLE);
    expect(Buffer.compare(fs.readFileSync(a.out), fs.readFileSync(b.out))).toBe(0);
    expect(parts(a.out)['docProps/core.xml']).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2023-12-20T00:00:00Z</dcterms:created>');
    const out = path.join(tempDir(), 'qd.docx');
    await dvk(['decide', '-o', out], { cwd: EXAMPLE, env: { SOURCE_DATE_EPOCH: '1703030400' } });
    expect(parts(out)['docProps/core.xml']).toContain('2023-12-20T00:00:00Z');
  });

  it('refuses when nothing is recognised, or when the inputs have errors, and writes nothing', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'qd.docx');
    const none = await dvk(['decide', '--year', '2021', '-o', out], { cwd: EXAMPLE });
    expect(none.exitCode).toBe(1);
    expect(none.stderr).toContain('Không có mô hình nào được công nhận ở cấp huyện năm 2021');
    const ws = workspaceFrom(EXAMPLE);
    const sheet = path.join(ws, 'assessments/2023/huyen/DT-2023-HM-01.yaml');
    fs.writeFileSync(sheet, fs.readFileSync(sheet, 'utf8').replace('framework: vd-100-diem', 'framework: vd-100'));
    const broken = await dvk(['decide', '-o', out], { cwd: ws });
    expect(broken.exitCode).toBe(1);
    expect(broken.stderr).toContain('Không có bộ tiêu chí nào mang mã "vd-100"');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('--by unit writes one decision per unit, with safe file names, numbered from --number-from in the listed order', async () => {
    const dir = path.join(tempDir(), 'theo-don-vi');
    const r = await dvk(['decide', '--by', 'unit', '--number-from', '16', '-o', dir], { cwd: EXAMPLE });
    expect(r.exitCode, r.stderr).toBe(0);
    const listed = r.stdout.trim().split('\n').map((l) => path.basename(l));
    expect(listed).toEqual(fs.readdirSync(dir).sort((a, b) => listed.indexOf(a) - listed.indexOf(b)));
    expect(listed).toContain('cong-an-thi-xa-duy-tien.docx');
    expect(listed).toContain('uy-ban-mttq-phuong-hoa-mac.docx');
    expect(listed.every((f) => /^[a-z0-9-]+\.docx$/.test(f))).toBe(true);
    expect(r.stderr).toContain(`Đã ghi ${listed.length} quyết định, công nhận 11 mô hình.`);
    expect(r.stderr).toContain(`Đánh số từ 16 đến ${15 + listed.length}, theo thứ tự danh sách trên.`);
    expect(r.stderr).not.toContain('█'); // no progress bar when not on a terminal
    listed.forEach((f, i) => expect(paragraphs(parts(path.join(dir, f))['word/document.xml']!), f).toContain(`Số ${16 + i}-QĐ/BCĐ`));
    // Worded as a decision for that unit would be, not a generic title with the unit in brackets.
    const ca = paragraphs(parts(path.join(dir, 'cong-an-thi-xa-duy-tien.docx'))['word/document.xml']!);
    expect(ca).toContain('Về việc công nhận mô hình, điển hình “Dân vận khéo” năm 2023 của Công an thị xã Duy Tiên');
    const article1 = ca.find((t) => t.startsWith('Điều 1.'))!;
    expect(article1).toContain('Công nhận 2 (hai) mô hình, điển hình “Dân vận khéo” năm 2023 của Công an thị xã Duy Tiên (có danh sách kèm theo), trong đó có 1 (một) mô hình, điển hình tiêu biểu: “');
    expect(article1).not.toContain('(Công an thị xã Duy Tiên)');
    expect(ca).toContain('MÔ HÌNH, ĐIỂN HÌNH “DÂN VẬN KHÉO” ĐƯỢC CÔNG NHẬN NĂM 2023 CỦA CÔNG AN THỊ XÃ DUY TIÊN');
  });

  it('a batch refuses one number for several documents; without a number it leaves the number blank', async () => {
    const dir = path.join(tempDir(), 'batch');
    for (const args of [[], ['--number', '15']]) {
      const r = await dvk(['decide', '--by', 'unit', '-o', dir, ...args], { cwd: EXAMPLE });
      expect(r.exitCode, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/là một số, nhưng lệnh này xuất 8 văn bản/);
      expect(r.stderr).toContain('--number-from 15');
    }
    expect((await dvk(['decide', '--by', 'unit', '--number', '1', '--number-from', '2', '-o', dir], { cwd: EXAMPLE })).exitCode).toBe(2);
    expect(fs.existsSync(dir)).toBe(false);
    const r = await dvk(['decide', '--by', 'field', '--no-number', '-o', dir], { cwd: EXAMPLE });
    expect(r.exitCode, r.stderr).toBe(0);
    const kt = paragraphs(parts(path.join(dir, 'kinh-te.docx'))['word/document.xml']!);
    expect(kt).toContain('Số \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0-QĐ/BCĐ');
    expect(kt).toContain('Về việc công nhận mô hình, điển hình “Dân vận khéo” năm 2023 thuộc lĩnh vực kinh tế');
  });
});

describe('dvk report', () => {
  it('writes the summary report with tables, a chart, last year and directions', async () => {
    const out = path.join(tempDir(), 'bc.docx');
    const r = await dvk(['report', '-o', out], { cwd: EXAMPLE });
    expect(r.exitCode, r.stderr).toBe(0);
    const x = parts(out);
    const text = paragraphs(x['word/document.xml']!);
    expect(text).toContain('Số 32-BC/BCĐ');
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('Phần thứ nhất');
    expect(text).toContain('Phần thứ hai');
    expect(text).toContain('PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024');
    const all = text.join('\n');
    expect(all).toContain('Năm 2023, có 17 mô hình, điển hình đăng ký thực hiện (13 mô hình tập thể, 4 điển hình cá nhân); 16 mô hình đã thực hiện đầy đủ bốn bước; 15 mô hình');
    expect(all).toContain('So với năm 2022 (6 mô hình đăng ký, 5 mô hình được công nhận');
    expect(all).toContain('Bảng 1. Kết quả theo lĩnh vực');
    expect(all).toContain('Biểu đồ 1. Số mô hình theo lĩnh vực năm 2023');
    expect(all).toContain('Xây dựng hệ thống chính trị');
    // Written as a committee secretary would: sentences, curly quotes only, money in words.
    expect(all).toContain('+ “Hỗ trợ hội viên nông dân nghèo nuôi bò sinh sản theo phương thức quay vòng” của Hội Nông dân thị xã Duy Tiên chưa được công nhận vì nhóm tiêu chí C5 chỉ đạt 5,9/15 điểm, chưa đạt 50% số điểm của nhóm.');
    expect(all).toContain('chưa đủ 6 tháng theo điều kiện “Thời gian thực hiện tối thiểu 6 tháng”, cần tổng kết từ ngày 01/01/2024 trở đi.');
    expect(all).toContain('huy động 7,56 tỷ đồng và 7.165 ngày công. Năm 2022: 20.526 lượt người, 3.783 hộ, 96 triệu đồng, 1.580 ngày công.');
    expect(all).toContain('1. “Dân vận khéo trong xây dựng mô hình “Camera an ninh” bảo đảm an ninh, trật tự khu dân cư”');
    expect(all).not.toContain('"');
    expect(all).not.toMatch(/\d{1,3}(\.\d{3}){2,} đồng/);
    expect(all).toContain('2. Mỗi xã, phường, cơ quan, đơn vị đăng ký ít nhất một mô hình “Dân vận khéo” năm 2024');
    // The chart: a native Word chart, its part, relationship and content type, no workbook.
    expect(x['word/document.xml']).toMatch(/<wp:inline[^>]*>[\s\S]*?<wp:docPr id="1" name="Biểu đồ 1"[\s\S]*?<c:chart [^>]*r:id="rIdChart1"\/>/);
    expect(x['word/_rels/document.xml.rels']).toContain('<Relationship Id="rIdChart1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="charts/chart1.xml"/>');
    expect(x['[Content_Types].xml']).toContain('<Override ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml" PartName="/word/charts/chart1.xml"/>');
    expect(Object.keys(x).filter((n) => n.startsWith('word/media/') || n.startsWith('word/embeddings/'))).toEqual([]);
    const chart = x['word/charts/chart1.xml']!;
    expect(chart).toMatch(/<c:barChart><c:barDir val="bar"\/><c:grouping val="stacked"\/>/);
    expect(chart).not.toContain('c:externalData');
    const series = [...chart.matchAll(/<c:ser>[\s\S]*?<\/c:ser>/g)].map((m) => ({
      name: /<c:tx>[\s\S]*?<c:v>([^<]*)<\/c:v>/.exec(m[0])![1],
      categories: [...m[0].slice(m[0].indexOf('<c:cat>'), m[0].indexOf('</c:cat>')).matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((v) => v[1]),
      values: [...m[0].slice(m[0].indexOf('<c:val>')).matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((v) => Number(v[1])),
    }));
    const fields = ['Kinh tế', 'Văn hóa – xã hội', 'Quốc phòng – an ninh', 'Xây dựng hệ thống chính trị'];
    // The same figures as Bảng 1: registered 5, 6, 3, 3; recognised 3, 3, 2, 3.
    expect(series).toEqual([
      { name: 'Được công nhận', categories: fields, values: [3, 3, 2, 3] },
      { name: 'Chưa được công nhận', categories: fields, values: [2, 3, 1, 0] },
    ]);
    // In the document's font.
    expect(chart).toContain('<a:latin typeface="Times New Roman"/>');
  });

  it('takes the level from the score sheets when they are all at one level, and asks when they are not', async () => {
    const ws = workspaceFrom(EXAMPLE);
    const config = path.join(ws, 'dvk.config.yaml');
    fs.writeFileSync(config, fs.readFileSync(config, 'utf8').replace(/^level: huyen.*\n/m, ''));
    const r = await dvk(['report'], { cwd: ws });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe('out/bao-cao-2023-huyen.docx');
    expect((await dvk(['decide', '-o', path.join(ws, 'out', 'qd.docx')], { cwd: ws })).exitCode).toBe(0);
    // A sheet at a second level: the user must say which.
    const sheet = fs.readFileSync(path.join(ws, 'assessments/2023/huyen/DT-2023-HM-01.yaml'), 'utf8').replace('level: huyen', 'level: tinh');
    fs.mkdirSync(path.join(ws, 'assessments/2023/tinh'));
    fs.writeFileSync(path.join(ws, 'assessments/2023/tinh/DT-2023-HM-01.yaml'), sheet);
    const two = await dvk(['report'], { cwd: ws });
    expect(two.exitCode).toBe(2);
    expect(two.stderr).toContain('Phiếu chấm năm 2023 có ở 2 cấp (huyen và tinh)');
    expect(two.stderr).toContain('Thêm --level (một trong huyen và tinh)');
    expect((await dvk(['report', '--level', 'tinh', '-o', path.join(ws, 'out', 'tinh.docx')], { cwd: ws })).exitCode).toBe(0);
  });

  it('the same inputs give the same bytes', async () => {
    const a = path.join(tempDir(), 'a.docx');
    const b = path.join(tempDir(), 'b.docx');
    await dvk(['report', '-o', a], { cwd: EXAMPLE });
    await dvk(['report', '-o', b], { cwd: EXAMPLE });
    expect(Buffer.compare(fs.readFileSync(a), fs.readFileSync(b))).toBe(0);
  });

  it('--by field writes one report per field', async () => {
    const dir = path.join(tempDir(), 'by-field');
    const r = await dvk(['report', '--by', 'field', '--number-from', '40', '-o', dir], { cwd: EXAMPLE });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(fs.readdirSync(dir).sort()).toEqual(['kinh-te.docx', 'quoc-phong-an-ninh.docx', 'van-hoa-xa-hoi.docx', 'xay-dung-he-thong-chinh-tri.docx']);
    const kt = paragraphs(parts(path.join(dir, 'kinh-te.docx'))['word/document.xml']!);
    expect(kt).toContain('Số 40-BC/BCĐ');
    expect(kt).toContain('Tổng kết phong trào thi đua “Dân vận khéo” năm 2023 trong lĩnh vực kinh tế');
    expect(kt.join('\n')).toMatch(/^Năm 2023, trong lĩnh vực kinh tế có \d+ mô hình, điển hình đăng ký/m);
  });
});

describe('PDF output', () => {
  it('without LibreOffice, --pdf and -o *.pdf exit 2 saying how to install it, and write nothing', async () => {
    const dir = tempDir();
    for (const args of [['--pdf'], ['-o', path.join(dir, 'qd.pdf')], ['--by', 'unit', '--no-number', '--pdf', '-o', path.join(dir, 'units')]]) {
      // A PATH that holds no soffice.
      const r = await execa(process.execPath, [BIN, 'decide', ...args], { cwd: workspaceFrom(EXAMPLE), env: { PATH: path.join(dir, 'bin'), NO_COLOR: '1', DVK_LANG: '' }, extendEnv: false, reject: false });
      expect(r.exitCode, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('Cần LibreOffice để xuất PDF');
      expect(r.stderr).toContain('sudo apt-get install -y libreoffice-writer');
    }
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('any other -o extension is refused, as is --pdf with -o *.docx', async () => {
    const dir = tempDir();
    const txt = await dvk(['decide', '-o', path.join(dir, 'qd.txt')], { cwd: EXAMPLE });
    expect(txt.exitCode).toBe(2);
    expect(txt.stderr).toContain('dvk ghi tệp .docx hoặc .pdf');
    expect((await dvk(['report', '-o', path.join(dir, 'bc')], { cwd: EXAMPLE })).exitCode).toBe(2);
    expect((await dvk(['decide', '--pdf', '-o', path.join(dir, 'qd.docx')], { cwd: EXAMPLE })).exitCode).toBe(2);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

const requireLibreOffice = process.env.DVK_REQUIRE_LIBREOFFICE === '1';
const lo = hasLibreOffice();
if (!lo && !requireLibreOffice) {
  console.warn('LibreOffice (soffice, pdftotext) is not installed: the real-client checks of the .docx files are skipped.');
}

describe.skipIf(!lo && !requireLibreOffice)('opened by LibreOffice', () => {
  it('is installed where it must be (CI)', () => {
    expect(lo, 'DVK_REQUIRE_LIBREOFFICE=1 but soffice or pdftotext is missing').toBe(true);
  });

  it('the decision converts to a PDF with the Vietnamese text intact', { timeout: 180_000 }, async () => {
    const out = path.join(tempDir(), 'quyet-dinh.docx');
    await dvk(['decide', '-o', out], { cwd: EXAMPLE });
    const { pages, text } = viaLibreOffice(out);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(4);
    const flat = text.replace(/\s+/g, ' ');
    for (const s of ['ĐẢNG CỘNG SẢN VIỆT NAM', 'QUYẾT ĐỊNH', 'Duy Tiên, ngày 20 tháng 12 năm 2023', 'Số 15-QĐ/BCĐ', 'Nguyễn Văn Thành', 'DANH SÁCH', 'Ủy ban MTTQ phường Hòa Mạc', 'Xuất sắc']) {
      expect(flat, s).toContain(s);
    }
    expect(text.normalize('NFC')).toBe(text);
  });

  it('-o *.pdf writes a PDF with every font embedded and the pages of the .docx', { timeout: 300_000 }, async () => {
    const dir = tempDir();
    const r = await dvk(['decide', '-o', path.join(dir, 'qd.pdf')], { cwd: EXAMPLE });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout.trim()).toMatch(/qd\.pdf$/);
    expect(fs.readFileSync(path.join(dir, 'qd.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    const fonts = execFileSync('pdffonts', [path.join(dir, 'qd.pdf')], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line.split(/\s+/).at(-5), line).toBe('yes'); // the "emb" column
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path.join(dir, 'qd.pdf')], { encoding: 'utf8' }))?.[1]);
    await dvk(['decide', '-o', path.join(dir, 'qd.docx')], { cwd: EXAMPLE });
    expect(pages).toBe(viaLibreOffice(path.join(dir, 'qd.docx')).pages);
    // No temporary file is left beside the output.
    expect(fs.readdirSync(dir).filter((f) => !f.startsWith('.lo-profile')).sort()).toEqual(['qd.docx', 'qd.pdf']);
  });

  it('--pdf with --by writes one PDF per group, in one LibreOffice run', { timeout: 300_000 }, async () => {
    const dir = path.join(tempDir(), 'pdf');
    const r = await dvk(['report', '--by', 'field', '--no-number', '--pdf', '-o', dir], { cwd: EXAMPLE });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(fs.readdirSync(dir).sort()).toEqual(['kinh-te.pdf', 'quoc-phong-an-ninh.pdf', 'van-hoa-xa-hoi.pdf', 'xay-dung-he-thong-chinh-tri.pdf']);
    const text = execFileSync('pdftotext', [path.join(dir, 'kinh-te.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('trong lĩnh vực kinh tế');
  });

  it('the report converts to a PDF with its tables and parts', { timeout: 180_000 }, async () => {
    const out = path.join(tempDir(), 'bao-cao.docx');
    await dvk(['report', '-o', out], { cwd: EXAMPLE });
    const { pages, text } = viaLibreOffice(out);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(pages).toBeLessThanOrEqual(6);
    const flat = text.replace(/\s+/g, ' ');
    for (const s of ['BÁO CÁO', 'Phần thứ nhất', 'Bảng 1. Kết quả theo lĩnh vực', 'Biểu đồ 1', 'Phần thứ hai', 'TRƯỞNG BAN']) {
      expect(flat, s).toContain(s);
    }
    // The chart is drawn: its legend, the field labels and the value axis, between Bảng 1 and its caption.
    const chart = flat.slice(flat.indexOf('Được công nhận Chưa được công nhận'), flat.indexOf('Biểu đồ 1.'));
    for (const s of ['Kinh tế', 'Văn hóa – xã hội', 'Quốc phòng – an ninh', 'Xây dựng hệ thống', '0 1 2 3 4 5 6']) {
      expect(chart, s).toContain(s);
    }
  });
});
