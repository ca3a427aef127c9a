// The recognition decision (Quyết định công nhận): header block, title, legal bases, articles,
// recipients and signature, then the annex listing the recognised models on a landscape page.
import { Document, LineRuleType, PageOrientation, SectionType, type FileChild, type Paragraph } from 'docx';
import type { Row } from '../core/results.js';
import type { Config, LevelDef } from '../core/types.js';
import { curlyQuotes, documentDate, numberToWords } from '../core/words.js';
import { formatNumber } from '../i18n/format.js';
import { fieldLabel, typeLabel, quote, scopeWords, type Scope } from './labels.js';
import { A4, formatFor, numberText, textWidth, type DocFormat } from './official/format.js';
import { fill, fixedTable, headerBlock, pageNumberHeaders, para, signatureBlock, tableTextStyle, titleBlock, type TableRowSpec } from './official/parts.js';

export interface DecisionInput {
  config: Config;
  year: number;
  level: LevelDef;
  number?: string;
  /** ISO date of signing. */
  date: string;
  /** The recognised models, in the order of the annex. */
  recognized: Row[];
  /** For a batch: the group this decision covers (a unit, the units of a level, a field). */
  scope?: Scope;
}

const DEFAULT_SUMMARY = 'Về việc công nhận mô hình, điển hình “Dân vận khéo” năm {year}';

function score(r: Row): string {
  return formatNumber(r.result!.total.toFixed(r.result!.places), 'vi');
}

function article(f: DocFormat, n: number, text: string, keepNext = false): Paragraph {
  return para(f, [{ text: `Điều ${n}. `, bold: true }, { text }], { indent: true, keepNext });
}

export function decisionDocument(input: DecisionInput): Document {
  const { config, year } = input;
  const f = formatFor(config);
  const d = config.decision ?? {};
  const issuer = config.issuer ?? {};
  const count = input.recognized.length;
  const exemplary = input.recognized.filter((r) => r.recognition?.exemplary);
  const vars = { year, count, level: input.level.label ?? input.level.id };
  // A decision of a batch names its group where a decision for that group would: "… năm 2023
  // của Công an thị xã Duy Tiên".
  const scope = input.scope ? ` ${scopeWords(input.scope).of}` : '';
  const byUnit = input.scope?.by === 'unit';

  const body: FileChild[] = [
    headerBlock(f, { config, pattern: f.numbering.decision, number: input.number, date: input.date }),
    ...titleBlock(f, 'QUYẾT ĐỊNH', fill(d.summary ?? DEFAULT_SUMMARY, vars) + scope),
    para(f, [{ text: (d.authority ?? issuer.name ?? '').toUpperCase(), bold: true }], { align: 'center', before: 240, after: 240 }),
  ];
  for (const basis of d.bases ?? []) body.push(para(f, fill(basis, vars), { indent: true, italics: f.kind === 'state' }));
  if (d.proposal) body.push(para(f, fill(d.proposal, vars), { indent: true }));
  body.push(para(f, [{ text: 'QUYẾT ĐỊNH:', bold: true }], { align: 'center', before: 120, after: 240 }));

  let first = `Công nhận ${count} (${numberToWords(count)}) mô hình, điển hình “Dân vận khéo” năm ${year}${scope} (có danh sách kèm theo)`;
  if (exemplary.length) {
    // In a decision for one unit, the unit is already named: only a person is added.
    const who = (r: Row) => [r.model.person?.name, byUnit ? undefined : r.model.unit.name].filter(Boolean).join(', ');
    const names = exemplary.map((r) => (who(r) ? `${quote(r.model.name)} (${who(r)})` : quote(r.model.name)));
    first += `, trong đó có ${exemplary.length} (${numberToWords(exemplary.length)}) mô hình, điển hình tiêu biểu: ${names.join('; ')}.`;
  } else {
    first += '.';
  }
  body.push(article(f, 1, first));
  body.push(article(f, 2, fill(d.effect ?? 'Quyết định này có hiệu lực kể từ ngày ký.', vars)));
  // The last article stays on the page of the signature: a signature never stands alone.
  body.push(
    article(f, 3, `${fill(d.implementers ?? 'Các cơ quan, đơn vị có liên quan và các tập thể, cá nhân có tên tại Điều 1', vars).replace(/\.$/, '')} chịu trách nhiệm thi hành Quyết định này.`, true),
  );
  body.push(para(f, '', { after: 120, keepNext: true }));
  const recipients = d.recipients ?? (f.kind === 'party' ? ['Như Điều 3,', 'Lưu Văn phòng.'] : ['Như Điều 3;', 'Lưu: VT.']);
  body.push(signatureBlock(f, { config, recipients }));

  const reference = numberText(f.numbering.decision, input.number, issuer.short ?? '');
  const annex = annexPart(
    f,
    `MÔ HÌNH, ĐIỂN HÌNH “DÂN VẬN KHÉO” ĐƯỢC CÔNG NHẬN NĂM ${year}${scope.toUpperCase()}`,
    `Kèm theo Quyết định số ${reference}, ${documentDate(input.date)} của ${issuer.name ?? ''}`,
    input.recognized,
  );
  return withAnnex(f, `Quyết định công nhận mô hình, điển hình “Dân vận khéo” năm ${year}`, body, annex);
}

/** The annex: "DANH SÁCH", what it lists, the document it is attached to, and the table of models. */
export function annexPart(f: DocFormat, heading: string, attachedTo: string, rows: Row[]): FileChild[] {
  return [
    para(f, [{ text: 'DANH SÁCH', bold: true, size: f.sizes.title }], { align: 'center', after: 0 }),
    para(f, [{ text: heading, bold: true }], { align: 'center', after: 0 }),
    para(f, [{ text: `(${attachedTo})`, italics: true }], { align: 'center', after: 240 }),
    annexTable(f, rows, f.annexLandscape),
  ];
}

/** A document whose body runs on portrait pages numbered from page 2, then the annex on a page of its own (landscape by default). */
export function withAnnex(f: DocFormat, title: string, body: FileChild[], annex: FileChild[]): Document {
  const headers = pageNumberHeaders(f);
  const portrait = { width: A4.width, height: A4.height, orientation: PageOrientation.PORTRAIT };
  const landscape = f.annexLandscape;
  return new Document({
    creator: 'dvk',
    lastModifiedBy: 'dvk',
    title,
    styles: defaultStyles(f),
    sections: [
      {
        properties: { page: { size: portrait, margin: f.margins }, titlePage: true },
        headers,
        children: body,
      },
      {
        properties: {
          type: SectionType.NEXT_PAGE,
          // docx swaps width and height itself for a landscape page.
          page: { size: landscape ? { ...portrait, orientation: PageOrientation.LANDSCAPE } : portrait, margin: f.margins },
        },
        headers: { default: headers.default },
        children: annex,
      },
    ],
  });
}

function annexTable(f: DocFormat, rows: Row[], landscape: boolean): FileChild {
  const width = textWidth(f, landscape);
  const shares = [5, 32, 20, 12, 10, 7, 9, 5];
  const sum = shares.reduce((a, b) => a + b, 0);
  const widths = shares.map((s) => Math.floor((width * s) / sum));
  widths[1]! += width - widths.reduce((a, b) => a + b, 0);
  const spec: TableRowSpec[] = [
    { header: true, cells: ['STT', 'Tên mô hình, điển hình', 'Đơn vị', 'Lĩnh vực', 'Loại', 'Tổng điểm', 'Xếp loại', 'Tiêu biểu'] },
  ];
  const align: TableRowSpec['align'] = ['center', 'left', 'left', 'left', 'left', 'right', 'center', 'center'];
  let stt = 0;
  const groups = [
    { title: 'I. MÔ HÌNH TẬP THỂ', rows: rows.filter((r) => r.model.type === 'collective') },
    { title: 'II. ĐIỂN HÌNH CÁ NHÂN', rows: rows.filter((r) => r.model.type === 'individual') },
  ].filter((g) => g.rows.length);
  for (const g of groups) {
    if (groups.length > 1) spec.push({ span: true, bold: true, cells: [g.title] });
    for (const r of g.rows) {
      stt++;
      const person = r.model.person;
      // An individual: the person (name in bold, position), then the model on its own line.
      const name = person
        ? [[{ text: person.name, bold: true }, ...(person.position ? [{ text: `, ${person.position}` }] : [])], [{ text: curlyQuotes(r.model.name) }]]
        : curlyQuotes(r.model.name);
      spec.push({
        align,
        cells: [String(stt), name, curlyQuotes(r.model.unit.name), fieldLabel(r.model.field), typeLabel(r.model.type), score(r), r.recognition?.class?.label ?? '', r.recognition?.exemplary ? 'x' : ''],
      });
    }
  }
  return fixedTable(widths, spec, f);
}

/** The font, size and language set once, in the default style. */
export function defaultStyles(f: DocFormat) {
  return {
    default: {
      document: {
        run: { font: f.font, size: f.sizes.body, language: { value: 'vi-VN' } },
        // Without an explicit rule LibreOffice reads the line spacing as exact and clips pictures.
        paragraph: { spacing: { after: f.after, line: f.line, lineRule: LineRuleType.AUTO } },
      },
    },
    paragraphStyles: [tableTextStyle(f)],
  };
}
