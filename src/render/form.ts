// Writes a fillable form (design: core/forms/fields.ts) as a .docx. The docx package writes
// content controls only as check boxes and tables of contents, so the parts are written here as
// XML text, every value escaped, and zipped with fflate: the same inputs give the same bytes.
import { strToU8, zipSync, type Zippable } from 'fflate';
import { FORM_LINE, formId, isField, SIGNATURE, type FormField, type FormItem, type FormSpec } from '../core/forms/fields.js';
import { ZIP_TIME } from '../core/bundle.js';
import type { FieldValue, Force, OtherResult } from '../core/forms/read.js';
import { formatNumber } from '../i18n/format.js';

/** A value to print in a field: text lines, or table rows. */
export type Filled = Map<string, FieldValue>;

export interface FormInput {
  spec: FormSpec;
  values: Filled;
  /** Choice labels for display: field, type and level ids -> their Vietnamese label. */
  labels: Record<string, string>;
  /** Lines printed under the title, not read back (the model's name and unit on a review form). */
  about?: string[];
  /** The model a review form is for (also a document property). */
  model?: string;
}

/** The lines a review form prints under the model's id, to show which model it is (not read back). */
export const reviewAbout = (model: { name?: unknown; unit?: { name?: unknown } }) => [`Tên mô hình: ${String(model.name ?? '')}`, `Đơn vị: ${String(model.unit?.name ?? '')}`];

/** A4 less 30 mm and 15 mm margins, in twentieths of a point. */
const WIDTH = 9355;
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

const INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
export const esc = (s: string) => s.replace(INVALID, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface RunStyle {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
}
const rPr = (s: RunStyle = {}) => {
  const inner = `${s.bold ? '<w:b/>' : ''}${s.italic ? '<w:i/>' : ''}${s.color ? `<w:color w:val="${s.color}"/>` : ''}${s.size ? `<w:sz w:val="${s.size}"/><w:szCs w:val="${s.size}"/>` : ''}`;
  return inner ? `<w:rPr>${inner}</w:rPr>` : '';
};
const run = (text: string, s?: RunStyle) =>
  text
    .split('\n')
    .map((line, i) => `<w:r>${rPr(s)}${i ? '<w:br/>' : ''}<w:t xml:space="preserve">${esc(line)}</w:t></w:r>`)
    .join('');
const DOTS = `<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="${WIDTH}"/></w:tabs>`;
const para = (content: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${content}</w:p>`;
/** An empty line with a dot leader to the margin: room to write by hand. */
const dotted = () => para('<w:r><w:tab/></w:r>', DOTS);
const GUIDANCE: RunStyle = { italic: true, size: 22, color: '404040' };

function sdt(field: FormField, content: string, opts: { placeholder: boolean; locked?: boolean; extra?: string }): string {
  const lock = opts.locked ? 'sdtContentLocked' : 'sdtLocked';
  const pr = `<w:alias w:val="${esc(field.label)}"/><w:tag w:val="dvk:${esc(field.key)}"/><w:lock w:val="${lock}"/>${opts.placeholder ? '<w:showingPlcHdr/>' : ''}${opts.extra ?? ''}`;
  return `<w:sdt><w:sdtPr>${pr}</w:sdtPr><w:sdtContent>${content}</w:sdtContent></w:sdt>`;
}

/** A number as Vietnamese writes it; a decimal with three places gets a fourth (0) so it is not read as thousands. */
function number(x: number): string {
  const s = formatNumber(x, 'vi');
  return /,\d{3}$/.test(s) ? `${s}0` : s;
}

/** The text of a one-line value. */
function shown(field: FormField, value: FieldValue, labels: Record<string, string>): string {
  if (typeof value === 'number') return field.kind === 'year' ? String(value) : number(value);
  if (typeof value !== 'string') return '';
  const iso = field.kind === 'date' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (iso) return `${iso[3]}/${iso[2]}/${iso[1]}`;
  return labels[value] ?? value;
}

function inline(field: FormField, value: FieldValue | undefined, labels: Record<string, string>): string {
  const text = value === undefined ? '' : shown(field, value, labels);
  const extra =
    field.kind === 'date'
      ? '<w:date><w:dateFormat w:val="dd/MM/yyyy"/><w:lid w:val="vi-VN"/><w:storeMappedDataAs w:val="dateTime"/><w:calendar w:val="gregorian"/></w:date>'
      : undefined;
  const control = sdt(field, text ? run(text) : '<w:r><w:tab/></w:r>', { placeholder: !text, locked: field.kind === 'id', extra });
  const out = [para(`${run(`${field.label}: `, { bold: true })}${control}`, `${DOTS}<w:spacing w:before="100"/>`)];
  if (field.guidance) out.push(para(run(field.guidance, GUIDANCE)));
  return out.join('');
}

function label(field: FormField): string {
  const out = [para(run(`${field.number ? `${field.number}. ` : ''}${field.label}`, { bold: true }), '<w:keepNext/><w:spacing w:before="160"/>')];
  if (field.guidance) out.push(para(run(field.guidance, GUIDANCE), '<w:keepNext/>'));
  return out.join('');
}

function block(field: FormField, value: FieldValue | undefined): string {
  const lines = Array.isArray(value) ? (value as string[]).map((item) => `- ${item}`) : typeof value === 'string' ? value.split('\n') : [];
  const content = lines.length ? lines.map((l) => para(run(l))).join('') : Array.from({ length: field.kind === 'list' ? 3 : 4 }, dotted).join('');
  return label(field) + sdt(field, content, { placeholder: !lines.length });
}

const cell = (width: number, content: string, header = false) =>
  `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${header ? '<w:shd w:val="clear" w:color="auto" w:fill="E7E6E6"/>' : ''}<w:vAlign w:val="center"/></w:tcPr>${content}</w:tc>`;
const row = (cells: string[], header = false) => `<w:tr><w:trPr>${header ? '<w:tblHeader/>' : '<w:trHeight w:val="454"/>'}<w:cantSplit/></w:trPr>${cells.join('')}</w:tr>`;

function table(widths: number[], rows: string[], borders = true): string {
  const border = borders ? 'single' : 'nil';
  const tblBorders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((b) => `<w:${b} w:val="${border}" w:sz="4" w:space="0" w:color="auto"/>`).join('');
  return `<w:tbl><w:tblPr><w:tblW w:w="${widths.reduce((a, b) => a + b, 0)}" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblBorders>${tblBorders}</w:tblBorders><w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>${rows.join('')}</w:tbl>`;
}

function tableField(field: FormField, value: FieldValue | undefined): string {
  const columns = field.columns ?? [];
  const widths = columns.length === 2 ? [WIDTH - 3000, 3000] : [WIDTH - 3600, 1800, 1800];
  const rows: string[][] =
    field.kind === 'forces'
      ? ((value as Force[] | undefined) ?? []).map((f) => [f.name, f.role ?? ''])
      : ((value as OtherResult[] | undefined) ?? []).map((r) => [r.label, number(r.value), r.unit ?? '']);
  const blank = Math.max(2, (field.kind === 'forces' ? 5 : 4) - rows.length);
  for (let i = 0; i < blank; i++) rows.push(columns.map(() => ''));
  const head = row(columns.map((h, i) => cell(widths[i]!, para(run(h, { bold: true }), '<w:jc w:val="center"/>'), true)), true);
  const body = rows.map((r) => row(r.map((c, i) => cell(widths[i]!, c.split('\n').map((l) => para(run(l))).join('')))));
  // A table is never a placeholder: Word would replace the whole table with the first key typed.
  // The empty paragraph before the table holds the control where LibreOffice, which has no
  // block-level controls, moves it (else into the first header cell, losing its bold).
  return label(field) + sdt(field, para('', '<w:spacing w:after="0"/>') + table(widths, [head, ...body]) + para(''), { placeholder: false });
}

function item(it: FormItem, input: FormInput): string {
  if (!isField(it)) {
    const heading = para(run(it.heading, { bold: true }), `<w:keepNext/><w:spacing w:before="${it.section ? 240 : 160}"/>`);
    return heading + (it.guidance ? para(run(it.guidance, GUIDANCE), '<w:keepNext/>') : '');
  }
  const value = input.values.get(it.key);
  if (it.layout === 'inline') return inline(it, value, input.labels);
  if (it.layout === 'table') return tableField(it, value);
  return block(it, value);
}

/** Who signs: not read back; on paper, room for two signatures. */
function signature(): string {
  const half = Math.floor(WIDTH / 2);
  const lines = (texts: string[]) => texts.map((t) => para(run(t, /^[(…]/.test(t) ? { italic: true } : { bold: true }), '<w:jc w:val="center"/>')).join('');
  return para('', '<w:spacing w:before="240"/>') + table([half, WIDTH - half], [row([cell(half, lines(SIGNATURE.left)), cell(WIDTH - half, lines(SIGNATURE.right))])], false);
}

function documentXml(input: FormInput): string {
  const { spec } = input;
  const body: string[] = [];
  body.push(para(run(spec.title, { bold: true, size: 28 }), '<w:jc w:val="center"/><w:spacing w:after="60"/>'));
  body.push(para(run(spec.intro, GUIDANCE), '<w:jc w:val="center"/><w:spacing w:after="120"/>'));
  const [first, ...rest] = spec.items;
  // The unit line (or the model's id) first, then what the form says of the model, then the fields.
  if (first) body.push(item(first, input));
  for (const line of input.about ?? []) body.push(para(run(line, { italic: true })));
  for (const it of rest) body.push(item(it, input));
  body.push(signature());
  const formField: FormField = { key: 'form', kind: 'id', layout: 'inline', path: [], label: 'Mẫu phiếu', guidance: '' };
  body.push(
    para(
      `${run('Mẫu phiếu ', { size: 18, color: '595959' })}${sdt(formField, run(FORM_LINE(spec.kind, spec.version), { size: 18, color: '595959' }), { placeholder: false, locked: true })}${run('. Giữ nguyên dòng này để dvk nhận ra phiếu.', { size: 18, color: '595959' })}`,
      '<w:spacing w:before="240"/>',
    ),
  );
  const sect = `<w:sectPr><w:footerReference w:type="default" r:id="rId3"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>`;
  return `${XML}<w:document ${W}><w:body>${body.join('')}${sect}</w:body></w:document>`;
}

const STYLES = `${XML}<w:styles ${W}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="26"/><w:szCs w:val="26"/><w:lang w:val="vi-VN" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:before="0" w:after="60" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style></w:styles>`;

const SETTINGS = `${XML}<w:settings ${W}><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat><w:themeFontLang w:val="vi-VN"/></w:settings>`;

const FOOTER = `${XML}<w:ftr ${W}><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr><w:r><w:t xml:space="preserve">Trang </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:ftr>`;

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const rels = (items: [string, string, string][]) =>
  `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`).join('')}</Relationships>`;

const CONTENT_TYPES = `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/><Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>`;

function customXml(properties: [string, string][]): string {
  const items = properties.map(([name, value], i) => `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${i + 2}" name="${esc(name)}"><vt:lpwstr>${esc(value)}</vt:lpwstr></property>`);
  return `${XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${items.join('')}</Properties>`;
}

/** The form as .docx bytes. */
export function formDocx(input: FormInput): Uint8Array {
  const { spec } = input;
  const properties: [string, string][] = [['dvk-form', formId(spec.kind, spec.version)]];
  if (input.model) properties.push(['dvk-model', input.model]);
  const parts: Record<string, string> = {
    '[Content_Types].xml': CONTENT_TYPES,
    '_rels/.rels': rels([
      ['rId1', `${REL}/officeDocument`, 'word/document.xml'],
      ['rId2', 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', 'docProps/core.xml'],
      ['rId3', `${REL}/extended-properties`, 'docProps/app.xml'],
      ['rId4', `${REL}/custom-properties`, 'docProps/custom.xml'],
    ]),
    'docProps/core.xml': `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${esc(spec.title)}</dc:title><dc:creator>dvk</dc:creator><dc:language>vi-VN</dc:language></cp:coreProperties>`,
    'docProps/app.xml': `${XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>dvk</Application></Properties>`,
    'docProps/custom.xml': customXml(properties),
    'word/_rels/document.xml.rels': rels([
      ['rId1', `${REL}/styles`, 'styles.xml'],
      ['rId2', `${REL}/settings`, 'settings.xml'],
      ['rId3', `${REL}/footer`, 'footer1.xml'],
    ]),
    'word/document.xml': documentXml(input),
    'word/styles.xml': STYLES,
    'word/settings.xml': SETTINGS,
    'word/footer1.xml': FOOTER,
  };
  const zip: Zippable = {};
  for (const [name, text] of Object.entries(parts)) zip[name] = [strToU8(text), { mtime: ZIP_TIME, level: 6 }];
  return zipSync(zip);
}
