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
import { numberLine, textWidth, type DocFormat } from './format.js';

export interface RunSpec {
  text: string;
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  size?: number;
  allCaps?: boolean;
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

/** A table with absolute column widths, the same width on every cell (LibreOffice and Google Docs ignore percentages). */
export interface TableRowSpec {
  cells: (Paragraph[] | string)[];
  header?: boolean;
  bold?: boolean;
  /** One cell across every column (a group heading). */
  span?: boolean;
  /** Alignment of each text cell, by column. */
  align?: ('left' | 'center' | 'right')[];
}

export function fixedTable(widths: number[], rows: TableRowSpec[], f: DocFormat, opts: { borders?: boolean; size?: number } = {}): Table {
  const size = opts.size ?? f.sizes.table;
  const total = widths.reduce((a, b) => a + b, 0);
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: opts.borders === false ? NO_BORDERS : { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE },
    rows: rows.map(
      (row) =>
        new TableRow({
          tableHeader: row.header,
          cantSplit: true,
          children: row.cells.map(
            (cell, i) =>
              new TableCell({
                width: { size: row.span ? total : widths[i]!, type: WidthType.DXA },
                columnSpan: row.span ? widths.length : undefined,
                verticalAlign: VerticalAlign.CENTER,
                margins: opts.borders === false ? { left: 0, right: 0 } : { left: 80, right: 80, top: 20, bottom: 20 },
                children:
                  typeof cell === 'string'
                    ? [para(f, cell, { size, bold: row.header || row.bold, align: row.header ? 'center' : (row.align?.[i] ?? 'left'), after: 0, line: 240 })]
                    : cell,
              }),
          ),
        }),
    ),
  });
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

/**
 * The header block: issuing body (with its superior), the number on the left; the Party or
 * national heading and the place and date on the right.
 */
export function headerBlock(f: DocFormat, h: HeaderInfo): Table {
  const issuer = h.config.issuer ?? {};
  const width = textWidth(f);
  // The state format's national heading is long; the Party heading is short.
  const left = Math.round(width * (f.kind === 'party' ? 0.44 : 0.38));
  const right = width - left;
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
  const number = cellPara(f, [{ text: numberLine(f, h.pattern, h.number, issuer.short ?? ''), size: s.number }]);
  const place = issuer.place ? `${issuer.place}, ` : '';
  const date = cellPara(f, [{ text: `${place}${documentDate(h.date)}`, italics: true, size: s.date }], f.kind === 'party' ? 'right' : 'center');

  return columns([left, right], [[leftTop, rightTop], [[number], [date]]]);
}

/** Two borderless columns of absolute widths, row by row: the header and signature blocks. */
function columns(widths: [number, number], rows: [Paragraph[], Paragraph[]][], keepRows = false): Table {
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
  const signer = info.config.signer ?? {};
  const heading =
    f.kind === 'party'
      ? cellPara(f, [{ text: 'Nơi nhận:', underline: true, size: s.recipients_heading }], 'left')
      : cellPara(f, [{ text: 'Nơi nhận:', bold: true, italics: true, size: s.recipients_heading }], 'left');
  const recipients = [heading, ...info.recipients.map((r) => cellPara(f, [{ text: `- ${r}`, size: s.recipients }], 'left'))];
  const sign: Paragraph[] = [];
  if (signer.authority) sign.push(cellPara(f, [{ text: signer.authority.toUpperCase(), bold: true, size: s.signature }]));
  sign.push(cellPara(f, [{ text: (signer.title ?? '').toUpperCase(), bold: true, size: s.signature }]));
  for (let i = 0; i < 4; i++) sign.push(cellPara(f, [{ text: '', size: s.signature }]));
  sign.push(cellPara(f, [{ text: signer.name ?? '', bold: true, size: s.signature }]));
  return columns([left, right], [[recipients, sign]], true);
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
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}
