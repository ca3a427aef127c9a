// The parts every official document shares: the two-column header block, the title, body
// paragraphs, tables with absolute widths, the recipients and signature block, page numbers.
import {
  AlignmentType,
  BorderStyle,
  Header,
  LineRuleType,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IParagraphOptions,
  type IRunOptions,
} from 'docx';
import type { Config } from '../../core/types.js';
import { documentDate } from '../../core/words.js';
import { escapeXml, RawXml } from '../xml.js';
import { numberLine, textWidth, type DocFormat } from './format.js';

export interface RunSpec {
  text: string;
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  size?: number;
  allCaps?: boolean;
  /** Hex RGB, e.g. C00000. */
  color?: string;
}

/** A paragraph of runs (or one text) with the document's spacing. */
export function para(
  f: DocFormat,
  content: string | RunSpec[],
  opts: { align?: 'left' | 'center' | 'right' | 'both'; size?: number; bold?: boolean; italics?: boolean; indent?: boolean; after?: number; before?: number; keepNext?: boolean; line?: number } = {},
): Paragraph {
  const runs = (typeof content === 'string' ? [{ text: content }] : content).map(
    (r) =>
      new TextRun({
        text: r.text,
        bold: r.bold ?? opts.bold,
        italics: r.italics ?? opts.italics,
        underline: r.underline ? {} : undefined,
        size: r.size ?? opts.size,
        allCaps: r.allCaps,
        color: r.color,
      } satisfies IRunOptions),
  );
  const align = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, both: AlignmentType.JUSTIFIED }[opts.align ?? 'both'];
  const options: IParagraphOptions = {
    children: runs,
    alignment: align,
    spacing: { after: opts.after ?? f.after, before: opts.before ?? 0, line: opts.line ?? f.line, lineRule: LineRuleType.AUTO },
    indent: opts.indent ? { firstLine: 567 } : undefined,
    keepNext: opts.keepNext,
  };
  return new Paragraph(options);
}

const NONE = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

/** The paragraph style of table text: the table's font size, single spacing, nothing after. */
export const TABLE_TEXT_STYLE = 'TableText';

export function tableTextStyle(f: DocFormat) {
  return {
    id: TABLE_TEXT_STYLE,
    name: 'Chữ trong bảng',
    basedOn: 'Normal',
    quickFormat: true,
    run: { size: f.sizes.table },
    paragraph: { spacing: { after: 0, before: 0, line: 240, lineRule: LineRuleType.AUTO } },
  };
}

export interface TableRowSpec {
  /** Each cell: its text, or its paragraphs, each a list of runs. */
  cells: (string | RunSpec[][])[];
  header?: boolean;
  bold?: boolean;
  /** One cell across every column (a group heading). */
  span?: boolean;
  /** Alignment of each cell, by column (header cells are centred). */
  align?: ('left' | 'center' | 'right')[];
}

const xmlBorder = (side: string, b: { style: string; size: number; color: string }) => `<w:${side} w:val="${b.style}" w:color="${b.color}" w:sz="${b.size}"/>`;

/** A run as docx writes it; `bold` and `size` apply where the run gives none. */
function runXml(r: RunSpec, bold: boolean | undefined, size: number | undefined): string {
  const sz = r.size ?? size;
  const pr =
    ((r.bold ?? bold) ? '<w:b/><w:bCs/>' : '') +
    (r.italics ? '<w:i/><w:iCs/>' : '') +
    (r.allCaps ? '<w:caps/>' : '') +
    (sz !== undefined ? `<w:sz w:val="${sz}"/><w:szCs w:val="${sz}"/>` : '') +
    (r.underline ? '<w:u w:val="single"/>' : '');
  return `<w:r>${pr && `<w:rPr>${pr}</w:rPr>`}<w:t xml:space="preserve">${escapeXml(r.text)}</w:t></w:r>`;
}

/**
 * A table with absolute column widths and the same width on each cell (LibreOffice and Google
 * Docs ignore percentages); cell margins are the table's, text takes the TableText paragraph
 * style (the document's styles must include tableTextStyle(f), as defaultStyles does). Written as
 * XML text, not docx objects, so that a table of thousands of rows stays cheap: byte for byte
 * what docx writes for the same table (test/unit/table-xml.test.ts compares them).
 */
export function fixedTable(widths: number[], rows: TableRowSpec[], f: DocFormat, opts: { borders?: boolean; size?: number } = {}): RawXml {
  const borders = opts.borders !== false;
  // Runs carry a size only when it is not the style's.
  const size = opts.size !== undefined && opts.size !== f.sizes.table ? opts.size : undefined;
  const total = widths.reduce((a, b) => a + b, 0);
  const sides = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'];
  const margins = borders
    ? '<w:top w:type="dxa" w:w="20"/><w:left w:type="dxa" w:w="80"/><w:bottom w:type="dxa" w:w="20"/><w:right w:type="dxa" w:w="80"/>'
    : '<w:left w:type="dxa" w:w="0"/><w:right w:type="dxa" w:w="0"/>';
  const cellStart = (width: number, span: number | undefined) =>
    `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${width}"/>${span ? `<w:gridSpan w:val="${span}"/>` : ''}<w:vAlign w:val="center"/></w:tcPr>`;
  const paraStart = (align: string) => `<w:p><w:pPr><w:pStyle w:val="${TABLE_TEXT_STYLE}"/><w:jc w:val="${align}"/></w:pPr>`;
  // What starts each cell of a row of one column per cell, by column.
  const cellStarts = widths.map((w) => cellStart(w, undefined));
  let xml =
    `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${total}"/><w:tblBorders>${sides.map((side) => xmlBorder(side, borders ? LINE : NONE)).join('')}</w:tblBorders>` +
    `<w:tblLayout w:type="fixed"/><w:tblCellMar>${margins}</w:tblCellMar></w:tblPr>` +
    `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`;
  for (const row of rows) {
    const bold = row.header || row.bold;
    xml += `<w:tr><w:trPr><w:cantSplit/>${row.header ? '<w:tblHeader/>' : ''}</w:trPr>`;
    for (let i = 0; i < row.cells.length; i++) {
      const cell = row.cells[i]!;
      xml += row.span ? cellStart(total, widths.length) : cellStarts[i]!;
      const start = paraStart(row.header ? 'center' : (row.align?.[i] ?? 'left'));
      if (typeof cell === 'string') xml += `${start}${runXml({ text: cell }, bold, size)}</w:p>`;
      else for (const runs of cell) xml += `${start}${runs.map((r) => runXml(r, bold, size)).join('')}</w:p>`;
      xml += '</w:tc>';
    }
    xml += '</w:tr>';
  }
  return new RawXml(`${xml}</w:tbl>`);
}

/** A cell paragraph: centred, no spacing after. */
const cellPara = (f: DocFormat, runs: RunSpec[], align: 'center' | 'right' | 'left' = 'center') => para(f, runs, { align, after: 0 });

/** A short centred rule under the issuing body (state format) or the national motto. */
function shortRule(f: DocFormat, cellWidth: number, ruleWidth: number): Paragraph {
  const side = Math.max(0, Math.round((cellWidth - ruleWidth) / 2));
  return new Paragraph({
    children: [],
    border: { top: LINE },
    indent: { left: side, right: side },
    spacing: { after: 0, before: 100, line: 240, lineRule: LineRuleType.AUTO },
  });
}

export interface HeaderInfo {
  config: Config;
  /** The pattern of the number, e.g. "{number}-QĐ/{short}". */
  pattern: string;
  number?: string;
  date: string;
}

/** The widths of the header's two columns in a text area of the given width. */
function headerWidths(f: DocFormat, width: number): [number, number] {
  // The state format's national heading is long; the Party heading is short.
  const left = Math.round(width * (f.kind === 'party' ? 0.44 : 0.38));
  return [left, width - left];
}

/**
 * The header block: issuing body (with its superior), the number on the left; the Party or
 * national heading and the place and date on the right.
 */
export function headerBlock(f: DocFormat, h: HeaderInfo): Table {
  const issuer = h.config.issuer ?? {};
  const [left, right] = headerWidths(f, textWidth(f));
  const s = f.sizes;
  const number = cellPara(f, [{ text: numberLine(f, h.pattern, h.number, issuer.short ?? ''), size: s.number }]);
  const date = cellPara(f, [{ text: placeAndDate(h.config, h.date), italics: true, size: s.date }], f.kind === 'party' ? 'right' : 'center');
  return columns([left, right], [headingCells(f, h.config, left, right), [[number], [date]]]);
}

/** "Duy Tiên, ngày 20 tháng 12 năm 2023". */
export function placeAndDate(config: Config, date: string): string {
  const place = config.issuer?.place ? `${config.issuer.place}, ` : '';
  return `${place}${documentDate(date)}`;
}

/** The header's first row alone (issuing body; Party or national heading) across a text area of the given width. */
export function headingBlock(f: DocFormat, config: Config, width: number): Table {
  const [left, right] = headerWidths(f, width);
  return columns([left, right], [headingCells(f, config, left, right)]);
}

/** The issuing body with its superior (left), the Party or national heading (right). */
function headingCells(f: DocFormat, config: Config, left: number, right: number): [Paragraph[], Paragraph[]] {
  const issuer = config.issuer ?? {};
  const s = f.sizes;
  const leftTop: Paragraph[] = [];
  if (issuer.superior) leftTop.push(cellPara(f, [{ text: issuer.superior.toUpperCase(), size: s.agency }]));
  leftTop.push(cellPara(f, [{ text: (issuer.name ?? '').toUpperCase(), bold: true, size: s.agency }]));
  if (f.kind === 'party') leftTop.push(cellPara(f, [{ text: '*', size: s.agency }]));
  else leftTop.push(shortRule(f, left, Math.round(left / 3)));

  const rightTop: Paragraph[] =
    f.kind === 'party'
      ? [cellPara(f, [{ text: 'ĐẢNG CỘNG SẢN VIỆT NAM', bold: true, underline: true, size: s.national }])]
      : [
          cellPara(f, [{ text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true, size: s.national }]),
          cellPara(f, [{ text: 'Độc lập - Tự do - Hạnh phúc', bold: true, size: s.motto }]),
          shortRule(f, right, Math.round(right * 0.5)),
        ];
  return [leftTop, rightTop];
}

/** Two borderless columns of absolute widths, row by row: the header and signature blocks. */
export function columns(widths: [number, number], rows: [Paragraph[], Paragraph[]][], keepRows = false): Table {
  return new Table({
    width: { size: widths[0] + widths[1], type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: rows.map(
      (cells) =>
        new TableRow({
          cantSplit: keepRows,
          children: cells.map((children, i) => new TableCell({ width: { size: widths[i]!, type: WidthType.DXA }, children, verticalAlign: VerticalAlign.TOP, margins: { left: 0, right: 0 } })),
        }),
    ),
  });
}

/** The document type and its summary, centred and bold: "QUYẾT ĐỊNH" / "Công nhận …". */
export function titleBlock(f: DocFormat, type: string, summary: string): Paragraph[] {
  return [
    para(f, [{ text: type, bold: true, size: f.sizes.title }], { align: 'center', before: 360, after: 0, keepNext: true }),
    para(f, [{ text: summary, bold: true, size: f.sizes.summary }], { align: 'center', after: 0, keepNext: true }),
    shortRuleParagraph(f),
  ];
}

/** The short rule under a title. */
function shortRuleParagraph(f: DocFormat): Paragraph {
  return shortRule(f, textWidth(f), 1700);
}

export interface SignatureInfo {
  config: Config;
  recipients: string[];
}

/** Recipients on the left, the signature block on the right. */
export function signatureBlock(f: DocFormat, info: SignatureInfo): Table {
  const width = textWidth(f);
  const left = Math.round(width * 0.45);
  const right = width - left;
  const s = f.sizes;
  const heading =
    f.kind === 'party'
      ? cellPara(f, [{ text: 'Nơi nhận:', underline: true, size: s.recipients_heading }], 'left')
      : cellPara(f, [{ text: 'Nơi nhận:', bold: true, italics: true, size: s.recipients_heading }], 'left');
  const recipients = [heading, ...info.recipients.map((r) => cellPara(f, [{ text: `- ${r}`, size: s.recipients }], 'left'))];
  return columns([left, right], [[recipients, signerParagraphs(f, info.config)]], true);
}

/** The signature block's lines: authority, title, room to sign, the signer's name. */
export function signerLines(config: Config): { text: string; bold: boolean }[] {
  const signer = config.signer ?? {};
  const lines = signer.authority ? [{ text: signer.authority.toUpperCase(), bold: true }] : [];
  lines.push({ text: (signer.title ?? '').toUpperCase(), bold: true });
  for (let i = 0; i < 4; i++) lines.push({ text: '', bold: false });
  lines.push({ text: signer.name ?? '', bold: true });
  return lines;
}

/** The signature block, one centred paragraph a line. */
export function signerParagraphs(f: DocFormat, config: Config): Paragraph[] {
  return signerLines(config).map((l) => cellPara(f, [{ text: l.text, bold: l.bold, size: f.sizes.signature }]));
}

/** Page numbers at the top centre, from page 2 (the first page's header is empty). */
export function pageNumberHeaders(f: DocFormat): { default: Header; first: Header } {
  return {
    default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: f.sizes.body })] })] }),
    first: new Header({ children: [new Paragraph({ children: [] })] }),
  };
}

/** Fills {year}, {count} and friends in texts from the configuration. */
export function fill(text: string, vars: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (Object.hasOwn(vars, k) ? String(vars[k]) : m));
}
