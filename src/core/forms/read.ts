// Reading a filled form (design: fields.ts). Which form it is, then each field's text, from its
// control or else from its label, then the typed value, with a located diagnostic for each field
// that is empty or cannot be read. Dates, amounts and lists are read by the spreadsheet import's
// parsers (core/import.ts), so a form and a sheet read "15/3/2023" or "50 triệu" the same way.
import type { Messages, Msg } from '../../i18n/index.js';
import { cleanText, matchField, matchLevel, matchType, oneLine, parseForces, parseNumber, readDate, readFunds, readWorkdays, roleOf, splitList } from '../import.js';
import type { Diagnostic, Severity } from '../types.js';
import { paraText, type Para, type WordDocument } from './docx.js';
import { FIELD_CHOICES, fieldsOf, FORM_KINDS, formId, isField, loose, parseFormId, SIGNATURE, TYPE_CHOICES, type FormField, type FormKind, type FormSpec } from './fields.js';

export type Problems = Messages['cli']['forms']['problem'];

export type Force = { name: string; role?: string };
export type OtherResult = { label: string; value: number; unit?: string };
export type Funds = { funds_vnd?: number; socialized_vnd?: number };
export type FieldValue = string | number | string[] | Force[] | OtherResult[] | Funds;

/** Which form a document is: its kind and version, or why that cannot be told. */
export type Identity = { kind: string; version: number } | { problem: 'not-form' } | { problem: 'conflict'; ids: string[] };

export function identify(doc: WordDocument): Identity {
  const found: { kind: string; version: number }[] = [];
  const property = doc.properties['dvk-form'];
  const fromProperty = property === undefined ? undefined : parseFormId(property, true);
  if (fromProperty) found.push(fromProperty);
  for (const p of doc.paras) {
    const id = parseFormId(paraText(p));
    if (id) found.push(id);
  }
  const ids = [...new Set(found.map((f) => formId(f.kind, f.version)))];
  if (!ids.length) return { problem: 'not-form' };
  if (ids.length > 1) return { problem: 'conflict', ids };
  return found[0]!;
}

export const isFormKind = (kind: string): kind is FormKind => (FORM_KINDS as readonly string[]).includes(kind);

/** The text a field holds, paragraph by paragraph, or its table's rows; where it stands. */
interface FieldText {
  lines: { n: number; text: string }[];
  rows: { n: number; cells: string[] }[];
  /** The paragraph of the field's label or control (0 when neither was found). */
  at: number;
}

/** Dot leaders, rows of dots and underscores: room to write, not an answer. */
const FILLER = /…{2,}|\.{4,}|_{3,}/g;
const clean = (s: string) => s.replace(/\t/g, ' ').replace(FILLER, ' ').replace(/[ \u00a0]+/g, ' ').trim();

const NUMBERED = /^\s*(\d{1,2}|[IVXivx]{1,4})\s*[.)]\s*/;

/**
 * Whether a paragraph is the field's label: "N. Label", "Label" alone, or "Label: value" for a
 * field without a number; returns the text after the label (possibly empty), else undefined.
 */
function afterLabel(text: string, field: FormField): string | undefined {
  const num = NUMBERED.exec(text);
  if (num && field.number && num[1] !== field.number) return undefined;
  const rest = num ? text.slice(num[0].length) : text;
  const colon = rest.indexOf(':');
  const head = colon >= 0 ? rest.slice(0, colon) : rest;
  if (loose(head) !== loose(field.label)) return undefined;
  // "Ghi chú: …" inside an answer is not the label of field 10: a numbered field needs its number,
  // unless the paragraph is the bare label.
  if (field.number && !num && colon >= 0 && clean(rest.slice(colon + 1))) return undefined;
  return colon >= 0 ? rest.slice(colon + 1) : '';
}

/** Reads each field's text: from its control when that holds text, else from its label. */
function fieldTexts(doc: WordDocument, spec: FormSpec): Map<string, FieldText> {
  const fields = fieldsOf(spec);
  const free = (p: Para) => p.segments.filter((s) => s.key === undefined).map((s) => s.text).join('');
  const fixed = new Set<string>();
  const guidance = new Set<string>();
  for (const t of [spec.title, spec.intro, ...SIGNATURE.left, ...SIGNATURE.right]) fixed.add(loose(t));
  for (const item of spec.items) {
    if (isField(item)) {
      if (item.guidance) guidance.add(loose(item.guidance));
    } else {
      fixed.add(loose(item.heading));
      if (item.guidance) guidance.add(loose(item.guidance));
    }
  }
  // What each body paragraph is when read by its labels.
  const roles = doc.paras.map((p) => {
    const text = free(p);
    if (p.cell) return { kind: 'cell' as const };
    if (!clean(text)) return { kind: p.segments.some((s) => s.key !== undefined) ? ('control' as const) : ('blank' as const) };
    if (parseFormId(text)) return { kind: 'stop' as const };
    for (const f of fields) {
      const rest = afterLabel(text, f);
      if (rest !== undefined) return { kind: 'label' as const, field: f.key, rest };
    }
    const l = loose(text);
    if (fixed.has(l)) return { kind: 'stop' as const };
    if (guidance.has(l)) return { kind: 'guidance' as const };
    return { kind: 'text' as const, text };
  });

  const out = new Map<string, FieldText>();
  for (const f of fields) {
    const ft: FieldText = { lines: [], rows: [], at: doc.controls.get(f.key) ?? 0 };
    // From the control.
    const rows: Rows = new Map();
    for (const p of doc.paras) {
      if (!p.segments.some((s) => s.key === f.key)) continue;
      const text = p.segments.filter((s) => s.key === f.key).map((s) => s.text).join('');
      if (p.cell && f.layout === 'table') addCell(rows, p, text);
      else if (clean(text)) ft.lines.push({ n: p.n, text });
    }
    ft.rows = [...rows.values()];
    if (hasContent(ft)) {
      out.set(f.key, ft);
      continue;
    }
    // From the label: the rest of its paragraph, then what follows up to the next label or heading.
    const start = roles.findIndex((r) => r.kind === 'label' && r.field === f.key);
    if (start >= 0) {
      const label = roles[start] as { rest: string };
      ft.at = doc.paras[start]!.n;
      ft.lines = [];
      ft.rows = [];
      if (clean(label.rest)) ft.lines.push({ n: ft.at, text: label.rest });
      for (let i = start + 1; i < doc.paras.length && !(f.layout === 'inline' && ft.lines.length); i++) {
        const role = roles[i]!;
        if (role.kind === 'cell') {
          if (f.layout === 'table' && !ft.rows.length) ft.rows = tableRows(doc.paras, i);
          break;
        }
        // Blank and dotted lines, guidance, and the field's own (empty) control are passed over.
        if (role.kind === 'blank' || role.kind === 'guidance') continue;
        if (role.kind === 'control' && doc.paras[i]!.segments.every((x) => x.key === f.key || !clean(x.text))) continue;
        if (role.kind !== 'text') break;
        ft.lines.push({ n: doc.paras[i]!.n, text: role.text });
      }
    }
    out.set(f.key, ft);
  }
  return out;
}

/** Table rows by their row number: the paragraph where each starts, the text of each cell. */
type Rows = Map<number, { n: number; cells: string[] }>;

/** A cell's paragraph into its row; a cell of several paragraphs has them on several lines. */
function addCell(rows: Rows, p: Para, text: string): void {
  const { row: r, index } = p.cell!;
  const row = rows.get(r) ?? { n: p.n, cells: [] };
  row.cells[index] = row.cells[index] === undefined ? text : `${row.cells[index]}\n${text}`;
  rows.set(r, row);
}

/** The rows of the table that starts at paragraph index `i`. */
function tableRows(paras: Para[], i: number): { n: number; cells: string[] }[] {
  const table = paras[i]!.cell!.table;
  const rows: Rows = new Map();
  for (let j = i; j < paras.length && paras[j]!.cell?.table === table; j++) addCell(rows, paras[j]!, paraText(paras[j]!));
  return [...rows.values()];
}

const hasContent = (ft: FieldText) => ft.lines.length > 0 || ft.rows.some((r) => r.cells.some((c) => c !== undefined && clean(c)));

export interface FormRead {
  kind: FormKind;
  spec: FormSpec;
  /** Readable, non-empty values by field key. */
  values: Map<string, FieldValue>;
  /** Where each field stands (its first paragraph), for later diagnostics; 1 when it was not found. */
  lines: Map<string, number>;
  diagnostics: Diagnostic[];
}

export interface ReadContext {
  file: string;
  t: Problems;
  levels: readonly { id: string; label?: string }[];
}

export const diagnostic = (file: string, line: number, severity: Severity, rule: string, msg: Msg): Diagnostic => ({
  file,
  line,
  column: 1,
  endLine: line,
  endColumn: 1,
  severity,
  rule,
  message: msg.message,
  ...(msg.hint ? { hint: msg.hint } : {}),
});

/** A count of people or households: "1.200", "1200 người". */
function readCount(text: string): number | undefined {
  const n = parseNumber(text.replace(/\s*\p{L}[\p{L}\s.]*$/u, ''));
  return n !== undefined && Number.isInteger(n) ? n : undefined;
}

/** Reads every field of an identified form. */
export function readFields(doc: WordDocument, spec: FormSpec, ctx: ReadContext): FormRead {
  const { t } = ctx;
  const texts = fieldTexts(doc, spec);
  const values = new Map<string, FieldValue>();
  const lines = new Map<string, number>();
  const diagnostics: Diagnostic[] = [];
  for (const f of fieldsOf(spec)) {
    const ft = texts.get(f.key)!;
    const line = ft.lines[0]?.n ?? ft.rows.find((r) => r.cells.some((c) => c && clean(c)))?.n ?? (ft.at || 1);
    lines.set(f.key, line);
    const report = (severity: Severity, msg: Msg, at = line) => diagnostics.push(diagnostic(ctx.file, at, severity, severity === 'error' ? 'form-field-invalid' : 'form-field-empty', msg));
    const paragraphs = ft.lines.map((l) => clean(l.text)).filter(Boolean);
    const text = cleanText(paragraphs.join('\n'));
    if (!text && !ft.rows.length) {
      if (!ft.at) diagnostics.push(diagnostic(ctx.file, 1, f.required === 'error' ? 'error' : 'warning', 'form-field-missing', t.missing(f.label)));
      else if (f.required) report(f.required, f.required === 'error' ? t.emptyRequired(f.label) : t.empty(f.label));
      continue;
    }
    const single = oneLine(text);
    const bad = (msg: Msg) => report('error', msg);
    switch (f.kind) {
      case 'line':
      case 'id':
        values.set(f.key, single);
        break;
      case 'text':
        values.set(f.key, text);
        break;
      case 'list': {
        const items = splitList(text);
        if (items.length) values.set(f.key, items);
        break;
      }
      case 'date': {
        const d = readDate(single, f.edge);
        if (d) values.set(f.key, d.date);
        else bad(t.badDate(f.label, single));
        break;
      }
      case 'money': {
        const funds = readFunds(single);
        if (funds) values.set(f.key, funds);
        else bad(t.badMoney(f.label, single));
        break;
      }
      case 'count': {
        const n = f.key.endsWith('workdays') ? readWorkdays(single) : readCount(single);
        if (n !== undefined) values.set(f.key, n);
        else bad(t.badCount(f.label, single));
        break;
      }
      case 'year': {
        const y = /^\d{4}$/.test(single) ? Number(single) : NaN;
        if (y >= 2000 && y <= 2100) values.set(f.key, y);
        else bad(t.badYear(f.label, single));
        break;
      }
      case 'field': {
        const v = matchField(single);
        if (v) values.set(f.key, v);
        else bad(t.badChoice(f.label, single, Object.values(FIELD_CHOICES)));
        break;
      }
      case 'type': {
        const v = matchType(single);
        if (v) values.set(f.key, v);
        else bad(t.badChoice(f.label, single, Object.values(TYPE_CHOICES)));
        break;
      }
      case 'level': {
        const v = matchLevel(single, ctx.levels);
        if (v) values.set(f.key, v);
        else bad(t.badChoice(f.label, single, ctx.levels.map((l) => l.label ?? l.id)));
        break;
      }
      case 'forces':
      case 'results': {
        const header = (f.columns ?? []).map(loose);
        const rows = ft.rows
          .map((r) => ({ n: r.n, cells: [...r.cells].map((c) => (c === undefined ? '' : clean(c))) }))
          .filter((r) => r.cells.some(Boolean) && !r.cells.every((c, i) => loose(c) === header[i]));
        const items: (Force | OtherResult)[] = [];
        for (const [i, r] of rows.entries()) {
          const [first = '', second = '', third = ''] = r.cells.map((c) => oneLine(c));
          if (!first) {
            report('error', t.rowNoName(f.label, i + 1), r.n);
            continue;
          }
          if (f.kind === 'forces') {
            items.push(second ? { name: first, role: roleOf(second) ?? second } : { name: first });
          } else {
            const value = parseNumber(second);
            if (value === undefined) report('error', t.rowBadValue(f.label, i + 1, second), r.n);
            else items.push(third ? { label: first, value, unit: third } : { label: first, value });
          }
        }
        // Forces written as lines rather than in the table.
        if (f.kind === 'forces' && !rows.length && text) items.push(...parseForces(text));
        if (items.length) values.set(f.key, items as Force[] | OtherResult[]);
        else if (!rows.length && text) bad(t.notTable(f.label));
        else if (!rows.length && f.required) report(f.required, t.empty(f.label));
        break;
      }
    }
  }
  return { kind: spec.kind, spec, values, lines, diagnostics };
}
