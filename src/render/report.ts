// The year's summary report (Báo cáo tổng kết): part one, results with tables by field, type,
// level and unit, a chart, the totals of the review results, the exemplary models and what is
// still incomplete; part two, directions for next year from the config.
import { Document, PageOrientation, type FileChild, type Paragraph } from 'docx';
import type { Breakdown, Counts, ReportStats } from '../core/stats.js';
import { STEPS, type Config, type LevelDef, type StepName } from '../core/types.js';
import { formatNumber } from '../i18n/format.js';
import { curlyQuotes, moneyWords } from '../core/words.js';
import { defaultStyles } from './decision.js';
import { barChartXml, chartParagraph } from './chart.js';
import { fieldLabel, quote, scopeWords, typeLabel, type Scope } from './labels.js';

import { A4, textWidth, formatFor, type DocFormat } from './official/format.js';
import { fill, fixedTable, headerBlock, pageNumberHeaders, para, signatureBlock, titleBlock } from './official/parts.js';

export interface ReportInput {
  config: Config;
  stats: ReportStats;
  level: LevelDef;
  levels: LevelDef[];
  number?: string;
  date: string;
  /** For a batch: the group this report covers. */
  scope?: Scope;
}

const n = (x: number | string) => formatNumber(x, 'vi');

function heading(f: DocFormat, text: string): Paragraph {
  return para(f, [{ text, bold: true }], { indent: true, keepNext: true, before: 120 });
}

function countsTable(f: DocFormat, first: string, rows: Breakdown[], label: (key: string) => string, total: Counts): FileChild {
  const width = textWidth(f);
  const numeric = Math.round(width * 0.11);
  const widths = [width - numeric * 5, numeric, numeric, numeric, numeric, numeric];
  const cells = (c: Counts) => [n(c.registered), n(c.complete), n(c.assessed), n(c.recognized), n(c.exemplary)];
  const align: ('left' | 'right')[] = ['left', 'right', 'right', 'right', 'right', 'right'];
  return fixedTable(
    widths,
    [
      { header: true, cells: [first, 'Đăng ký', 'Đủ 4 bước', 'Được chấm', 'Công nhận', 'Tiêu biểu'] },
      ...rows.map((b) => ({ align, cells: [label(b.key), ...cells(b.counts)] })),
      { bold: true, align, cells: ['Tổng số', ...cells(total)] },
    ],
    f,
  );
}

/** What a model lacks of the four steps, in words: "chưa thực hiện bước 3, bước 4; bước 1 chưa đầy đủ". */
function stepsLacking(missing: string[]): string {
  const step = (key: string) => `bước ${STEPS.indexOf(key as StepName) + 1}`;
  const absent = missing.filter((x) => !/[.[]/.test(x)).map(step);
  const partial = [...new Set(missing.filter((x) => /[.[]/.test(x)).map((x) => step(x.split(/[.[]/)[0]!)))];
  return [absent.length ? `chưa thực hiện ${absent.join(', ')}` : '', partial.length ? `${partial.join(', ')} chưa đầy đủ` : ''].filter(Boolean).join('; ');
}

function change(now: number, before: number): string {
  if (now === before) return 'bằng năm trước';
  return `${now > before ? 'tăng' : 'giảm'} ${n(Math.abs(now - before))}`;
}

function caption(f: DocFormat, text: string): Paragraph {
  return para(f, [{ text, italics: true, size: f.sizes.table }], { align: 'center', before: 160, after: 80, keepNext: true });
}

export function reportDocument(input: ReportInput): Document {
  const { config, stats: s, level } = input;
  const f = formatFor(config);
  const r = config.report ?? {};
  const issuer = config.issuer ?? {};
  const year = s.year;
  const vars = { year, level: level.label ?? level.id };
  const words = input.scope ? scopeWords(input.scope) : undefined;
  const c = s.counts;
  const levelLabel = (id: string) => input.levels.find((l) => l.id === id)?.label ?? id;
  let table = 0;
  const tableTitle = (text: string) => caption(f, `Bảng ${++table}. ${text}`);

  const body: FileChild[] = [
    headerBlock(f, { config, pattern: f.numbering.report, number: input.number, date: input.date }),
    ...titleBlock(f, 'BÁO CÁO', fill(r.summary ?? 'Tổng kết phong trào thi đua “Dân vận khéo” năm {year}', vars) + (words ? ` ${words.in}` : '')),
    para(f, fill(r.intro ?? `Thực hiện phong trào thi đua “Dân vận khéo” năm {year}, ${issuer.name ?? 'Ban Chỉ đạo'} báo cáo kết quả như sau:`, vars), { indent: true, before: 240 }),
    para(f, [{ text: 'Phần thứ nhất', bold: true }], { align: 'center', after: 0, before: 120, keepNext: true }),
    para(f, [{ text: `KẾT QUẢ THỰC HIỆN PHONG TRÀO THI ĐUA “DÂN VẬN KHÉO” NĂM ${year}`, bold: true }], { align: 'center', keepNext: true }),
    heading(f, 'I. TÌNH HÌNH ĐĂNG KÝ, TRIỂN KHAI VÀ CÔNG NHẬN MÔ HÌNH'),
  ];
  const types = Object.fromEntries(s.byType.map((b) => [b.key, b.counts.registered]));
  body.push(
    para(
      f,
      `Năm ${year}, ${words ? `${words.subject} ` : ''}có ${n(c.registered)} mô hình, điển hình đăng ký thực hiện (${n(types.collective ?? 0)} mô hình tập thể, ${n(types.individual ?? 0)} điển hình cá nhân); ` +
        `${n(c.complete)} mô hình đã thực hiện đầy đủ bốn bước; ${n(c.assessed)} mô hình được hội đồng thẩm định ${(level.label ?? level.id).toLowerCase()} chấm điểm; ` +
        `${n(c.recognized)} mô hình được công nhận, trong đó ${n(c.exemplary)} mô hình, điển hình tiêu biểu.`,
      { indent: true },
    ),
  );
  if (s.previous) {
    const p = s.previous.counts;
    body.push(
      para(
        f,
        `So với năm ${s.previous.year} (${n(p.registered)} mô hình đăng ký, ${n(p.recognized)} mô hình được công nhận, ${n(p.exemplary)} tiêu biểu), ` +
          `số mô hình đăng ký ${change(c.registered, p.registered)}, số mô hình được công nhận ${change(c.recognized, p.recognized)}, số mô hình tiêu biểu ${change(c.exemplary, p.exemplary)}.`,
        { indent: true },
      ),
    );
  }

  body.push(tableTitle('Kết quả theo lĩnh vực'), countsTable(f, 'Lĩnh vực', s.byField, fieldLabel, c));
  const chartData = s.byField.map((b) => ({ label: fieldLabel(b.key), recognized: b.counts.recognized, other: b.counts.registered - b.counts.recognized }));
  const chartWidth = Math.round(textWidth(f) * 0.95);
  body.push(
    chartParagraph(
      1,
      barChartXml(chartData, { recognized: 'Được công nhận', other: 'Chưa được công nhận' }, { font: f.font, size: f.sizes.table }),
      { width: chartWidth, height: Math.round(chartWidth * 0.45) },
      { name: 'Biểu đồ 1', title: 'Số mô hình theo lĩnh vực', description: 'Số mô hình được công nhận và chưa được công nhận, theo lĩnh vực' },
    ),
    caption(f, `Biểu đồ 1. Số mô hình theo lĩnh vực năm ${year}`),
  );
  body.push(tableTitle('Kết quả theo loại mô hình'), countsTable(f, 'Loại', s.byType, typeLabel, c));
  body.push(tableTitle('Kết quả theo cấp của đơn vị'), countsTable(f, 'Cấp', s.byLevel, levelLabel, c));
  body.push(tableTitle('Kết quả theo đơn vị'), countsTable(f, 'Đơn vị', s.byUnit, (k) => k, c));

  body.push(heading(f, 'II. KẾT QUẢ CỤ THỂ'));
  const t = s.results;
  let results =
    `Các mô hình đã thu hút ${n(t.participants)} lượt người tham gia, ${n(t.households)} hộ gia đình tham gia hoặc được hỗ trợ; ` +
    `huy động ${moneyWords(t.funds_vnd)} và ${n(t.workdays)} ngày công.`;
  if (s.previous) {
    const p = s.previous.results;
    results += ` Năm ${s.previous.year}: ${n(p.participants)} lượt người, ${n(p.households)} hộ, ${moneyWords(p.funds_vnd)}, ${n(p.workdays)} ngày công.`;
  }
  body.push(para(f, results, { indent: true }));

  body.push(heading(f, 'III. MÔ HÌNH, ĐIỂN HÌNH TIÊU BIỂU'));
  if (s.exemplary.length === 0) body.push(para(f, 'Năm nay không có mô hình, điển hình đạt mức tiêu biểu.', { indent: true }));
  s.exemplary.forEach((row, i) => {
    const m = row.model;
    const who = m.person ? `${m.person.name}${m.person.position ? `, ${m.person.position}` : ''} – ` : '';
    body.push(
      para(f, [
        { text: `${i + 1}. ${quote(m.name)}`, bold: true },
        { text: ` (${curlyQuotes(who + m.unit.name)}; ${fieldLabel(m.field).toLowerCase()}; ${n(row.result!.total.toFixed(row.result!.places))}/${n(row.result!.max.toString())} điểm, xếp loại ${row.recognition!.class!.label}).` },
      ], { indent: true }),
    );
    if (m.steps.review?.summary) body.push(para(f, curlyQuotes(m.steps.review.summary), { indent: true }));
  });

  body.push(heading(f, 'IV. HẠN CHẾ, TỒN TẠI'));
  // "- " for a limitation, "+ " for each model it concerns.
  const limits: string[] = [];
  // Each model as a sentence names it: “Tên mô hình” của Đơn vị.
  const of = (m: ReportStats['exemplary'][number]['model']) => `${quote(m.name)} của ${curlyQuotes(m.unit.name)}`;
  if (s.incomplete.length) {
    limits.push(`- Còn ${n(s.incomplete.length)} mô hình chưa thực hiện đầy đủ bốn bước: ${s.incomplete.map((x) => `${of(x.model)} ${stepsLacking(x.missing)}`).join('; ')}.`);
  }
  if (s.notAssessed.length) {
    limits.push(`- Còn ${n(s.notAssessed.length)} mô hình chưa được chấm điểm: ${s.notAssessed.map((x) => of(x.model)).join('; ')}.`);
  }
  if (s.notRecognized.length) {
    limits.push(`- ${n(s.notRecognized.length)} mô hình đã được chấm điểm nhưng chưa được công nhận:`);
    for (const x of s.notRecognized) limits.push(`+ ${of(x.model)} chưa được công nhận vì ${x.recognition!.reasons.map((y) => y.message).join('; ')}.`);
  }
  if (limits.length === 0) limits.push('- Các mô hình đăng ký đều thực hiện đầy đủ bốn bước, được chấm điểm và công nhận.');
  for (const l of limits) body.push(para(f, l, { indent: true }));

  body.push(para(f, [{ text: 'Phần thứ hai', bold: true }], { align: 'center', after: 0, before: 240, keepNext: true }));
  body.push(para(f, [{ text: `PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM ${year + 1}`, bold: true }], { align: 'center', keepNext: true }));
  const directions = r.directions ?? [];
  if (directions.length === 0) body.push(para(f, `(Phương hướng, nhiệm vụ năm ${year + 1}: ghi tại mục report.directions của dvk.config.yaml.)`, { indent: true, italics: true }));
  // The last direction stays on the page of the signature.
  directions.forEach((d, i) => body.push(para(f, `${i + 1}. ${fill(d, { ...vars, next: year + 1 })}`, { indent: true, keepNext: i === directions.length - 1 })));
  body.push(para(f, '', { after: 120, keepNext: true }));
  body.push(signatureBlock(f, { config, recipients: r.recipients ?? ['Như trên,', 'Lưu Văn phòng.'] }));

  return new Document({
    creator: 'dvk',
    lastModifiedBy: 'dvk',
    title: `Báo cáo tổng kết phong trào thi đua “Dân vận khéo” năm ${year}`,
    styles: defaultStyles(f),
    sections: [
      {
        properties: { page: { size: { width: A4.width, height: A4.height, orientation: PageOrientation.PORTRAIT }, margin: f.margins }, titlePage: true },
        headers: pageNumberHeaders(f),
        children: body,
      },
    ],
  });
}
