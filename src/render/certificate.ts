// Certificates (Giấy chứng nhận) for the recognised models: one A4 page each, with a decorative
// page border; the same texts alone, each in a frame at a position given in millimetres, for
// printing onto pre-printed blanks; and a calibration page (a millimetre grid and the boxes).
import {
  AlignmentType,
  BorderStyle,
  Document,
  FrameAnchorType,
  FrameWrap,
  HeightRule,
  LineRuleType,
  PageBorderDisplay,
  PageBorderOffsetFrom,
  PageBorderZOrder,
  PageOrientation,
  Paragraph,
  SectionType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type FileChild,
  type ISectionOptions,
} from 'docx';
import type { Row } from '../core/results.js';
import { CERTIFICATE_ITEMS, type CertificateItem, type Config, type LayoutBox, type LevelDef } from '../core/types.js';
import { documentDate } from '../core/words.js';
import { defaultStyles } from './decision.js';
import { quote } from './labels.js';
import { A4, formatFor, mm, numberLine, numberText, textWidth, type DocFormat } from './official/format.js';
import { columns, headingBlock, para, placeAndDate, signerLines } from './official/parts.js';

export interface CertificateInput {
  config: Config;
  year: number;
  /** The level of the committee that recognised the models. */
  level: LevelDef;
  /** ISO date of signing. */
  date: string;
  /** The recognition decision the certificates rest on. */
  decision: { number?: string; date?: string };
  /** The recognised models, one certificate each, in print order. */
  rows: Row[];
  /** The register number of each certificate, by index in `rows`; none leaves room to write it in. */
  numbers: (string | undefined)[];
}

/** The variable texts of one certificate, shared by the full page and the blank form. */
export interface CertificateTexts {
  issuer: string[];
  number: string;
  name: string;
  person: string[];
  unit: string;
  recognition: string;
  decision: string;
  date: string;
  signer: { text: string; bold: boolean }[];
}

const RED = 'C00000';

/** "cấp huyện" from "Cấp huyện"; "cấp Trung ương" from "Trung ương". */
export function levelPhrase(level: LevelDef): string {
  const label = level.label ?? level.id;
  return /^cấp /i.test(label) ? `cấp ${label.slice(4)}` : `cấp ${label}`;
}

/** "ngày 20 tháng 12 năm 2023", or room to write a date that is not known. */
const dateOrBlank = (iso: string | undefined) => (iso ? documentDate(iso) : `ngày ${'\u00a0'.repeat(5)} tháng ${'\u00a0'.repeat(5)} năm ${'\u00a0'.repeat(8)}`);

export function certificateTexts(input: CertificateInput, f: DocFormat, row: Row, number: string | undefined): CertificateTexts {
  const { config, year } = input;
  const issuer = config.issuer ?? {};
  const { model } = row;
  const kind = model.type === 'individual' ? 'điển hình' : 'mô hình';
  const exemplary = row.recognition?.exemplary ? ' tiêu biểu' : '';
  const reference = numberText(f.numbering.decision, input.decision.number, issuer.short ?? '');
  return {
    issuer: [issuer.superior, issuer.name].filter((x): x is string => Boolean(x)).map((x) => x.toUpperCase()),
    number: numberLine(f, f.numbering.certificate, number, issuer.short ?? ''),
    name: quote(model.name),
    person: model.person ? [model.person.name, ...(model.person.position ? [model.person.position] : [])] : [],
    unit: model.unit.name,
    recognition: `Đạt ${kind} “Dân vận khéo”${exemplary} ${levelPhrase(input.level)} năm ${year}`,
    decision: `(Theo Quyết định số ${reference}, ${dateOrBlank(input.decision.date)} của ${issuer.name ?? ''})`,
    date: placeAndDate(config, input.date),
    signer: signerLines(config),
  };
}

function pageSize(config: Config) {
  const landscape = (config.certificate?.orientation ?? 'landscape') === 'landscape';
  // docx swaps width and height itself for a landscape page.
  return { landscape, size: { width: A4.width, height: A4.height, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT } };
}

/** A thick-thin line 8 mm inside the edge of the page: a frame that every client draws. */
function pageBorders() {
  const line = { style: BorderStyle.THICK_THIN_MEDIUM_GAP, size: 36, color: RED, space: 24 };
  return {
    pageBorders: { display: PageBorderDisplay.ALL_PAGES, offsetFrom: PageBorderOffsetFrom.PAGE, zOrder: PageBorderZOrder.BACK },
    pageBorderTop: line,
    pageBorderBottom: line,
    pageBorderLeft: line,
    pageBorderRight: line,
  };
}

/** One page a model: header, title, the model and its unit, the recognition, the decision, place, date and signer. */
export function certificateDocument(input: CertificateInput, border: boolean): Document {
  const { config } = input;
  const base = formatFor(config);
  const f: DocFormat = { ...base, margins: { top: mm(16), bottom: mm(12), left: mm(25), right: mm(25) } };
  const { landscape, size } = pageSize(config);
  const width = textWidth(f, landscape);
  const title = config.certificate?.title ?? 'GIẤY CHỨNG NHẬN';
  const sections: ISectionOptions[] = input.rows.map((row, i) => {
    const t = certificateTexts(input, f, row, input.numbers[i]);
    const body: FileChild[] = [
      headingBlock(f, config, width),
      para(f, [{ text: title, bold: true, size: 60, color: RED }], { align: 'center', before: landscape ? 480 : 1200, after: 240 }),
    ];
    if (t.person.length) {
      body.push(para(f, [{ text: t.person[0]!, bold: true, size: 36 }], { align: 'center', after: 0 }));
      if (t.person[1]) body.push(para(f, [{ text: t.person[1], size: 30 }], { align: 'center', after: 0 }));
      body.push(para(f, [{ text: t.unit, size: 30 }], { align: 'center', after: 60 }));
      body.push(para(f, [{ text: 'với điển hình ', italics: true, size: 30 }, { text: t.name, bold: true, italics: true, size: 30 }], { align: 'center', after: 120 }));
    } else {
      body.push(para(f, [{ text: 'Mô hình ', size: 30 }, { text: t.name, bold: true, size: 36 }], { align: 'center', after: 60 }));
      body.push(para(f, [{ text: 'của ', size: 30 }, { text: t.unit, bold: true, size: 30 }], { align: 'center', after: 120 }));
    }
    body.push(para(f, [{ text: t.recognition, bold: true, size: 32, color: RED }], { align: 'center', after: 60 }));
    body.push(para(f, [{ text: t.decision, italics: true, size: 26 }], { align: 'center', after: landscape ? 360 : 720 }));
    const left = Math.round(width * 0.45);
    const cell = (text: string, opts: { bold?: boolean; italics?: boolean; size: number }) => para(f, [{ text, ...opts }], { align: 'center', after: 0 });
    body.push(
      columns(
        [left, width - left],
        [[[cell(t.number, { size: f.sizes.number })], [cell(t.date, { italics: true, size: f.sizes.date }), ...t.signer.map((l) => cell(l.text, { bold: l.bold, size: f.sizes.signature }))]]],
        true,
      ),
    );
    return {
      properties: {
        type: i === 0 ? undefined : SectionType.NEXT_PAGE,
        page: { size, margin: f.margins, borders: border ? pageBorders() : undefined },
      },
      children: body,
    };
  });
  return new Document({ creator: 'dvk', lastModifiedBy: 'dvk', title: `Giấy chứng nhận mô hình, điển hình “Dân vận khéo” năm ${input.year}`, styles: defaultStyles(f), sections });
}

// ---- Pre-printed blanks ----

/** Where each text goes on a landscape blank when `certificate.layout` does not say. */
export const DEFAULT_LAYOUT: Record<CertificateItem, LayoutBox> = {
  issuer: { x: 15, y: 15, width: 120, height: 18, size: 13, bold: true },
  number: { x: 25, y: 180, width: 100, height: 8, size: 13 },
  person: { x: 30, y: 68, width: 237, height: 10, size: 16, bold: true },
  name: { x: 30, y: 80, width: 237, height: 18, size: 18, bold: true },
  unit: { x: 30, y: 100, width: 237, height: 9, size: 15 },
  recognition: { x: 30, y: 113, width: 237, height: 10, size: 16, bold: true },
  decision: { x: 30, y: 125, width: 237, height: 8, size: 13, italic: true },
  date: { x: 160, y: 140, width: 120, height: 8, size: 14, italic: true },
  signer: { x: 160, y: 149, width: 120, height: 45, size: 14 },
};

/** The layout in force: the defaults, then `certificate.layout`; `false` leaves an item out. */
export function layoutOf(config: Config): [CertificateItem, LayoutBox][] {
  const own = config.certificate?.layout ?? {};
  return CERTIFICATE_ITEMS.flatMap((item) => {
    const box = own[item] === undefined ? DEFAULT_LAYOUT[item] : own[item];
    return box ? [[item, box] as [CertificateItem, LayoutBox]] : [];
  });
}

/** The size of the sheet in millimetres. */
export function sheetMm(config: Config): { width: number; height: number } {
  return pageSize(config).landscape ? { width: 297, height: 210 } : { width: 210, height: 297 };
}

/** A paragraph in a frame anchored to the page at the box's position and size. */
function framed(f: DocFormat, box: LayoutBox, lines: { text: string; bold?: boolean }[], opts: { border?: boolean; wrap?: (typeof FrameWrap)[keyof typeof FrameWrap] } = {}): Paragraph {
  const size = Math.round((box.size ?? 14) * 2);
  const line = { style: BorderStyle.SINGLE, size: 6, color: RED, space: 0 };
  return new Paragraph({
    frame: {
      type: 'absolute',
      position: { x: mm(box.x), y: mm(box.y) },
      width: mm(box.width),
      height: mm(box.height ?? (box.size ?? 14) * 0.55),
      rule: HeightRule.ATLEAST,
      anchor: { horizontal: FrameAnchorType.PAGE, vertical: FrameAnchorType.PAGE },
      wrap: opts.wrap ?? FrameWrap.AROUND,
      space: { horizontal: 0, vertical: 0 },
    },
    alignment: { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT }[box.align ?? 'center'],
    spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
    border: opts.border ? { top: line, bottom: line, left: line, right: line } : undefined,
    children: lines.flatMap((l, i) => [
      ...(i > 0 ? [new TextRun({ break: 1 })] : []),
      new TextRun({ text: l.text, bold: l.bold ?? box.bold, italics: box.italic, size, font: f.font }),
    ]),
  });
}

/** The texts alone, each in its frame, one page a model: for printing onto blanks. */
export function blankFormDocument(input: CertificateInput): Document {
  const f = formatFor(input.config);
  const { size } = pageSize(input.config);
  const layout = layoutOf(input.config);
  const sections: ISectionOptions[] = input.rows.map((row, i) => {
    const t = certificateTexts(input, f, row, input.numbers[i]);
    const lines: Record<CertificateItem, { text: string; bold?: boolean }[]> = {
      issuer: t.issuer.map((text, j) => ({ text, bold: j === t.issuer.length - 1 })),
      number: [{ text: t.number }],
      name: [{ text: t.name }],
      person: t.person.map((text, j) => ({ text, bold: j === 0 })),
      unit: [{ text: t.unit }],
      recognition: [{ text: t.recognition }],
      decision: [{ text: t.decision }],
      date: [{ text: t.date }],
      signer: t.signer,
    };
    return {
      properties: { type: i === 0 ? undefined : SectionType.NEXT_PAGE, page: { size, margin: { top: 0, bottom: 0, left: 0, right: 0 } } },
      children: layout.filter(([item]) => lines[item].length).map(([item, box]) => framed(f, box, lines[item])),
    };
  });
  return new Document({ creator: 'dvk', lastModifiedBy: 'dvk', title: `Giấy chứng nhận (in lên phôi) năm ${input.year}`, styles: defaultStyles(f), sections });
}

/** Column (or row) sizes in twips whose running sums fall on whole millimetres. */
function steps(count: number, stepMm: number): number[] {
  return Array.from({ length: count }, (_, i) => mm((i + 1) * stepMm) - mm(i * stepMm));
}

/**
 * One page: a grid of 5 mm squares (a solid line every centimetre, labelled), and each item of
 * the layout as a red box with its name and position, to hold against a blank to the light.
 */
export function calibrationDocument(config: Config): Document {
  const f = formatFor(config);
  const { size } = pageSize(config);
  const sheet = sheetMm(config);
  const cols = Math.floor(sheet.width / 5) - 1;
  // Room below the grid for the paragraph the boxes hang on, so that all stays on one page.
  const rows = Math.floor(sheet.height / 5) - 2;
  const widths = steps(cols, 5);
  const heights = steps(rows, 5);
  const solid = { style: BorderStyle.SINGLE, size: 4, color: '7F7F7F' } as const;
  const dotted = { style: BorderStyle.DOTTED, size: 2, color: 'BFBFBF' } as const;
  const label = (text: string) => new Paragraph({ spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO }, children: [new TextRun({ text, size: 10, color: '595959' })] });
  const grid = new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: heights.map(
      (h, r) =>
        new TableRow({
          height: { value: h, rule: HeightRule.EXACT },
          children: widths.map(
            (w, c) =>
              new TableCell({
                width: { size: w, type: WidthType.DXA },
                margins: { top: 0, bottom: 0, left: 20, right: 0 },
                verticalAlign: VerticalAlign.TOP,
                borders: {
                  top: r % 2 === 0 ? solid : dotted,
                  bottom: r % 2 === 1 ? solid : dotted,
                  left: c % 2 === 0 ? solid : dotted,
                  right: c % 2 === 1 ? solid : dotted,
                },
                children: [label(r === 0 && c === 0 ? 'mm' : r === 0 && c % 2 === 0 ? String(c * 5) : c === 0 && r % 2 === 0 ? String(r * 5) : '')],
              }),
          ),
        }),
    ),
  });
  const boxes = layoutOf(config).map(([item, box]) =>
    framed(f, { ...box, size: 9, bold: false, italic: false, align: 'left' }, [{ text: `${item} (x ${box.x}, y ${box.y}, ${box.width} × ${box.height ?? '…'} mm)`, bold: true }], { border: true, wrap: FrameWrap.THROUGH }),
  );
  return new Document({
    creator: 'dvk',
    lastModifiedBy: 'dvk',
    title: 'Trang căn chỉnh phôi giấy chứng nhận',
    styles: defaultStyles(f),
    sections: [{ properties: { page: { size, margin: { top: 0, bottom: 0, left: 0, right: 0 } } }, children: [grid, ...boxes] }],
  });
}
