// Registration spreadsheets -> model data (`dvk import`). Pure functions: matching column
// headers, turning one row into a model with its `register` step, splitting lists and reading
// money, workdays and dates out of free text. No I/O; the command reads the file and writes.
import type { Messages } from '../i18n/index.js';
import { isValidDate, slugify, stripDiacritics } from './hints.js';
import { unitCode } from './ids.js';
import { FIELDS, type Field, type Model, type ModelType, type RegisterStep } from './types.js';

/** What a column can hold. `--map "Header=key"` names one of these. */
export const IMPORT_KEYS = [
  'name', 'problem', 'goals', 'content', 'area', 'forces', 'resources', 'outputs', 'sustainability',
  'unit', 'unit_code', 'level', 'field', 'type', 'date', 'time', 'start', 'end', 'funds', 'workdays', 'person', 'notes',
] as const;
export type ImportKey = (typeof IMPORT_KEYS)[number];

/**
 * Header synonyms of each key, the preferred first. Matched loosely (see `normalizeHeader`):
 * case, diacritics, punctuation, spacing, a leading number ("1.") and a trailing "(*)" do not
 * count; a header may also add words after a synonym of 8 letters or more
 * ("Tên mô hình đăng ký năm 2023").
 */
export const HEADER_SYNONYMS: Record<ImportKey, readonly string[]> = {
  name: ['Tên mô hình', 'Tên mô hình, điển hình', 'Tên mô hình/điển hình', 'Tên điển hình', 'Tên mô hình Dân vận khéo', 'Mô hình', 'Tên'],
  problem: ['Thực trạng, lý do', 'Thực trạng và lý do', 'Lý do', 'Thực trạng', 'Lý do xây dựng mô hình', 'Sự cần thiết'],
  goals: ['Mục tiêu, tiêu chí', 'Mục tiêu và tiêu chí', 'Mục tiêu', 'Tiêu chí'],
  content: ['Nội dung, cách thức', 'Nội dung, phương pháp', 'Nội dung, cách thức thực hiện', 'Nội dung và cách thức', 'Nội dung và phương pháp', 'Nội dung', 'Cách thức', 'Phương pháp', 'Cách làm'],
  area: ['Địa bàn, đối tượng', 'Địa bàn và đối tượng', 'Địa bàn', 'Đối tượng', 'Phạm vi, đối tượng'],
  forces: ['Lực lượng tham gia', 'Lực lượng', 'Lực lượng thực hiện', 'Lực lượng chủ trì, phối hợp', 'Lực lượng nòng cốt'],
  resources: ['Nguồn lực, tiến độ', 'Nguồn lực và thời gian', 'Nguồn lực, thời gian', 'Nguồn lực và tiến độ', 'Nguồn lực', 'Nguồn lực, thời gian, tiến độ'],
  outputs: ['Sản phẩm đầu ra', 'Sản phẩm', 'Kết quả đầu ra', 'Sản phẩm cụ thể', 'Sản phẩm, kết quả'],
  sustainability: ['Khả năng duy trì, nhân rộng', 'Khả năng duy trì và nhân rộng', 'Duy trì, nhân rộng', 'Khả năng duy trì', 'Khả năng nhân rộng', 'Tính bền vững'],
  unit: ['Đơn vị đăng ký', 'Đơn vị', 'Tên đơn vị', 'Đơn vị thực hiện', 'Đơn vị chủ trì', 'Cơ quan, đơn vị', 'Tên cơ quan, đơn vị'],
  unit_code: ['Mã đơn vị', 'Mã ĐV', 'Ký hiệu đơn vị'],
  level: ['Cấp', 'Cấp đơn vị', 'Cấp của đơn vị'],
  field: ['Lĩnh vực', 'Lĩnh vực thực hiện'],
  type: ['Loại', 'Loại mô hình', 'Tập thể/cá nhân', 'Mô hình tập thể/điển hình cá nhân', 'Loại hình'],
  date: ['Ngày đăng ký', 'Thời gian đăng ký', 'Ngày', 'Dấu thời gian', 'Timestamp'],
  time: ['Thời gian thực hiện', 'Thời gian', 'Tiến độ', 'Tiến độ thực hiện'],
  start: ['Ngày bắt đầu', 'Thời gian bắt đầu', 'Bắt đầu'],
  end: ['Ngày kết thúc', 'Thời gian kết thúc', 'Kết thúc', 'Ngày kết thúc dự kiến'],
  funds: ['Kinh phí', 'Kinh phí dự kiến', 'Kinh phí (đồng)'],
  workdays: ['Ngày công', 'Số ngày công'],
  person: ['Họ và tên', 'Họ tên', 'Cá nhân điển hình', 'Họ và tên cá nhân'],
  notes: ['Ghi chú'],
};

/** Headers that are never data (row numbers): not matched and not reported as unused. */
const IGNORED_HEADERS = new Set(['stt', 'tt', 'sott', 'sothutu']);

/** Loose form of a header: no case, diacritics, punctuation, spacing, numbering or "(*)". */
export function normalizeHeader(header: string, dropParentheses = false): string {
  let s = stripDiacritics(header.normalize('NFC')).toLowerCase();
  s = s.replace(/^\s*(?:\d{1,2}|[ivx]{1,4}|[a-z])\s*[.):/-]\s+/, '');
  if (dropParentheses) s = s.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ');
  return s.replace(/[^a-z0-9]+/g, '');
}

const SYNONYMS_NORMALIZED: { key: ImportKey; norm: string; rank: number }[] = IMPORT_KEYS.flatMap((key) =>
  HEADER_SYNONYMS[key].map((s, rank) => ({ key, norm: normalizeHeader(s), rank })),
);

/** A `--map` key written loosely: "unit-code", "unit.code", "UnitCode" -> "unit_code"; "ignore" or "-" -> null. */
export function mapKey(key: string): ImportKey | null | undefined {
  const k = key.trim().toLowerCase();
  if (k === '-' || k === 'ignore' || k === 'skip') return null;
  const flat = k.replace(/[^a-z]/g, '');
  return IMPORT_KEYS.find((x) => x.replace(/_/g, '') === flat);
}

export type MapOption =
  | { map: Map<string, ImportKey | null> }
  | { error: 'syntax' | 'key'; value: string };

/** `--map "Tên sáng kiến=name"` values, by the loose form of their header. */
export function parseMap(values: readonly string[]): MapOption {
  const map = new Map<string, ImportKey | null>();
  for (const value of values) {
    const at = value.lastIndexOf('=');
    const header = at > 0 ? normalizeHeader(value.slice(0, at)) : '';
    if (!header) return { error: 'syntax', value };
    const key = mapKey(value.slice(at + 1));
    if (key === undefined) return { error: 'key', value: value.slice(at + 1).trim() };
    map.set(header, key);
  }
  return { map };
}

export interface HeaderMatch {
  /** Column index (from 0) -> key. */
  columns: Map<number, ImportKey>;
  /** Headers that hold data but match no key (or a key another column already holds). */
  unmatched: string[];
  /** `--map` headers found in no column (their loose form). */
  unknownMapped: string[];
}

/**
 * Which key each column holds. `--map` wins; then the best synonym (exact, exact without
 * parentheses, then the longest synonym the header starts with); when two columns match one key,
 * the better match (then the leftmost) wins and the other is listed as unmatched.
 */
export function matchHeaders(headers: readonly string[], map: ReadonlyMap<string, ImportKey | null> = new Map()): HeaderMatch {
  const candidates: { column: number; key: ImportKey; score: number }[] = [];
  const unmatched: string[] = [];
  const usedMap = new Set<string>();
  headers.forEach((header, column) => {
    const full = normalizeHeader(header);
    if (!full) return;
    const loose = normalizeHeader(header, true);
    const mapped = map.has(full) ? full : map.has(loose) ? loose : undefined;
    if (mapped !== undefined) {
      usedMap.add(mapped);
      const key = map.get(mapped);
      if (key) candidates.push({ column, key, score: -1 });
      return;
    }
    if (IGNORED_HEADERS.has(full)) return;
    let best: { key: ImportKey; score: number } | undefined;
    for (const s of SYNONYMS_NORMALIZED) {
      let score: number | undefined;
      if (s.norm === full) score = s.rank;
      else if (s.norm === loose) score = 100 + s.rank;
      else if (s.norm.length >= 8 && (full.startsWith(s.norm) || loose.startsWith(s.norm))) score = 1000 - s.norm.length;
      if (score !== undefined && (!best || score < best.score)) best = { key: s.key, score };
    }
    if (best) candidates.push({ column, ...best });
    else unmatched.push(header.trim());
  });
  const columns = new Map<number, ImportKey>();
  const taken = new Set<ImportKey>();
  for (const c of [...candidates].sort((a, b) => a.score - b.score || a.column - b.column)) {
    if (taken.has(c.key)) continue;
    taken.add(c.key);
    columns.set(c.column, c.key);
  }
  for (const c of candidates) if (!columns.has(c.column)) unmatched.push(headers[c.column]!.trim());
  const unknownMapped = [...map.keys()].filter((k) => !usedMap.has(k));
  return { columns: new Map([...columns].sort((a, b) => a[0] - b[0])), unmatched, unknownMapped };
}

/**
 * The header row: the first of the first ten non-empty rows in which at least two columns name a
 * key (a title row above the table is skipped); else the first non-empty row.
 */
export function findHeaderRow(rows: readonly (readonly string[])[], map: ReadonlyMap<string, ImportKey | null> = new Map()): number {
  let first = -1;
  let seen = 0;
  for (let i = 0; i < rows.length && seen < 10; i++) {
    if (!rows[i]!.some((c) => c.trim())) continue;
    if (first < 0) first = i;
    seen++;
    if (matchHeaders(rows[i]!, map).columns.size >= 2) return i;
  }
  return first;
}

// ---- Text ----

/** A cell's text: NFC, line breaks as \n, each line trimmed, runs of spaces and blank lines collapsed. */
export function cleanText(s: string): string {
  return s
    .normalize('NFC')
    .replace(/\r\n?|\u2028|\u2029/g, '\n')
    .replace(/[\t\u00a0\u2007\u202f ]+/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Text that belongs on one line (a name): line breaks become spaces. */
export function oneLine(s: string): string {
  return cleanText(s).replace(/\s*\n+\s*/g, ' ');
}

const BULLET_ANYWHERE = /\s*[•·●▪◦■□➢➤►✓✔]\s*/u;
const LEADING_MARK = /^(?:[-–—+*•·●▪◦■□➢➤►✓✔]+\s*|\d{1,2}[.)]\s+|[a-zđ]\)\s+)/u;

/**
 * A list written in one cell: items on separate lines, after bullets (-, •, +) or separated by
 * semicolons. A dash or plus between two items on one line splits only when the line itself
 * starts with that bullet and the next item starts with a capital ("- Giảm rác - Tăng thu gom"),
 * so "Văn hóa - xã hội" stays whole. Numbering ("1.", "a)") and trailing punctuation go.
 */
export function splitList(text: string): string[] {
  const out: string[] = [];
  for (const line of cleanText(text).split(/\n|;/)) {
    let parts = line.split(BULLET_ANYWHERE);
    parts = parts.flatMap((p) => {
      const bullet = /^\s*([-–+])\s+/.exec(p)?.[1];
      if (!bullet) return [p];
      const sep = bullet === '+' ? /\s+\+\s+(?=\p{Lu})/u : /\s+[-–]\s+(?=\p{Lu})/u;
      return p.split(sep);
    });
    for (const part of parts) {
      const item = part.trim().replace(LEADING_MARK, '').replace(/[\s.;,:]+$/u, '').trim();
      if (item) out.push(item);
    }
  }
  return out;
}

/** Roles a force can have, as the registration forms write them. */
const ROLES = ['chủ trì', 'phối hợp', 'tham gia', 'lãnh đạo', 'chỉ đạo', 'thực hiện', 'tổ chức thực hiện', 'hỗ trợ', 'nòng cốt', 'thường trực', 'giám sát', 'tuyên truyền', 'vận động', 'tham mưu', 'điều phối'];
const ROLES_LOOSE = ROLES.map((r) => ({ role: r, loose: slugify(r) }));

/** "Chủ trì" -> "chủ trì"; "phối hợp thực hiện" -> "phối hợp thực hiện"; "Hội Phụ nữ" -> undefined. */
export function roleOf(text: string): string | undefined {
  const s = text.trim().replace(/[.;,:]+$/, '').trim();
  if (!s || s.length > 40) return undefined;
  const loose = slugify(s).replace(/^(?:luc-luong|don-vi|co-quan)-/, '');
  const exact = ROLES_LOOSE.find((r) => r.loose === loose);
  if (exact) return exact.role;
  return ROLES_LOOSE.some((r) => loose.startsWith(`${r.loose}-`)) ? s.toLocaleLowerCase('vi') : undefined;
}

/**
 * Forces, one a line (or after bullets, or between semicolons), each with its role when the
 * form gives one: "Hội LHPN phường (chủ trì)", "Đoàn Thanh niên - phối hợp", or a list after a
 * role ("Phối hợp: Hội Nông dân, Hội Cựu chiến binh", where commas separate the forces).
 */
export function parseForces(text: string): { name: string; role?: string }[] {
  const out: { name: string; role?: string }[] = [];
  for (const item of splitList(text)) {
    const lead = /^([^:()]{2,40}):\s*(.+)$/u.exec(item);
    const leadRole = lead && roleOf(lead[1]!);
    if (lead && leadRole) {
      for (const name of lead[2]!.split(/\s*,\s*/)) {
        const n = name.replace(/[.;]+$/, '').trim();
        if (n) out.push({ name: n, role: leadRole });
      }
      continue;
    }
    const paren = /^(.+?)\s*\(([^()]+)\)$/u.exec(item);
    const parenRole = paren && roleOf(paren[2]!);
    if (paren && parenRole) {
      out.push({ name: paren[1]!.trim(), role: parenRole });
      continue;
    }
    const tail = /^(.+?)\s*(?:\s[-–—]|:)\s*([^-–—:]+)$/u.exec(item);
    const tailRole = tail && roleOf(tail[2]!);
    if (tail && tailRole) {
      out.push({ name: tail[1]!.trim(), role: tailRole });
      continue;
    }
    out.push({ name: item });
  }
  return out.filter((f) => f.name);
}

// ---- Numbers, money, workdays ----

/**
 * A number as Vietnamese writes it: "50.000.000" and "50,000,000" and "50 000 000" (groups of
 * three), "1,5" and "1.5" (a decimal). Undefined when ambiguous: a single comma before exactly
 * three digits with a multiplier ("2,500 triệu": 2.5 or 2,500 million?).
 */
export function parseNumber(raw: string, withMultiplier = false): number | undefined {
  const s = raw.replace(/[\u00a0\u202f ]/g, ' ').trim();
  if (/^\d+$/.test(s)) return Number(s);
  if (/^\d{1,3}( \d{3})+$/.test(s)) return Number(s.replace(/ /g, ''));
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) return Number(s.replace(/\./g, '').replace(',', '.'));
  if (/^\d{1,3}(,\d{3}){2,}(\.\d+)?$/.test(s)) return Number(s.replace(/,/g, ''));
  if (/^\d{1,3},\d{3}$/.test(s)) return withMultiplier ? undefined : Number(s.replace(',', ''));
  if (/^\d+[.,]\d+$/.test(s)) return Number(s.replace(',', '.'));
  return undefined;
}

const MULTIPLIERS: Record<string, number> = { ty: 1e9, ti: 1e9, trieu: 1e6, tr: 1e6, trd: 1e6, nghin: 1e3, ngan: 1e3, k: 1e3 };
const NUMBER = String.raw`\d{1,3}(?:[.,\u00a0 ]\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?`;
const MONEY = new RegExp(
  String.raw`(?<![\p{L}\d.,/])(${NUMBER})\s*(tỷ|tỉ|triệu|trđ|tr|nghìn|ngàn|k)?\.?\s*(đồng|đ|vnđ|vnd)?(?![\p{L}\d])`,
  'giu',
);

export interface Amount {
  value: number;
  start: number;
  end: number;
  /** Words between the previous amount (or the start of the clause) and this one, loose. */
  context: string;
}

/** Sums of money in a text: "50 triệu đồng", "50.000.000 đ", "1,5 tỷ", "Kinh phí: 50.000.000". */
export function findMoney(text: string): Amount[] {
  const out: Amount[] = [];
  let last = 0;
  for (const m of text.matchAll(MONEY)) {
    const [whole, num, mult, currency] = m;
    const start = m.index;
    const context = slugify(text.slice(last, start).split(/[;\n]/).pop() ?? '');
    const labelled = /(?:^|-)kinh-phi(?:-du-kien)?$/.test(context);
    if (!mult && !currency && !labelled) continue;
    const factor = mult ? MULTIPLIERS[slugify(mult)] ?? 1 : 1;
    const n = parseNumber(num!, Boolean(mult));
    if (n === undefined) continue;
    const value = Math.round(n * factor);
    // Without a currency or a multiplier only a sizable, grouped number counts ("Kinh phí: 50.000.000").
    if (!mult && !currency && value < 1000) continue;
    out.push({ value, start, end: start + whole!.trimEnd().length, context });
    last = start + whole!.length;
  }
  return out;
}

/** A funds cell that says there are none. */
const NO_FUNDS = /^(?:0+(?:[.,]0+)*\s*(?:đồng|đ|vnđ|vnd)?|không(?:\s+có)?(?:\s+kinh\s+phí)?|khong(?:\s+co)?)\.?$/iu;

const SOCIALIZED = /xa-hoi-hoa|(?:^|-)xhh(?:-|$)|dong-gop|nhan-dan-ung-ho|tai-tro/;
const BUDGET = /ngan-sach|nha-nuoc|kinh-phi-cap/;
const TOTAL = /(?:^|-)tong(?:-|$)|(?:^|-)kinh-phi(?:-|$)/;

/**
 * Funds and the socialised part from the amounts of a text, where that is unambiguous: one
 * amount is the funds; an amount after "xã hội hóa" / "đóng góp" / "tài trợ" is the socialised
 * part; with a total ("Tổng kinh phí 50 triệu, trong đó xã hội hóa 30 triệu") the total is the
 * funds; a budget part plus a socialised part ("ngân sách 20 triệu, xã hội hóa 30 triệu") add up.
 */
export function fundsOf(amounts: readonly Amount[]): { funds_vnd?: number; socialized_vnd?: number } {
  const social = amounts.filter((a) => SOCIALIZED.test(a.context));
  const plain = amounts.filter((a) => !SOCIALIZED.test(a.context));
  const socialized = social.length === 1 ? social[0]!.value : undefined;
  const out: { funds_vnd?: number; socialized_vnd?: number } = {};
  if (socialized !== undefined) out.socialized_vnd = socialized;
  const totals = plain.filter((a) => TOTAL.test(a.context) && !BUDGET.test(a.context));
  let funds: number | undefined;
  if (totals.length === 1) funds = totals[0]!.value;
  else if (plain.length === 1) {
    const p = plain[0]!;
    funds = socialized !== undefined && (BUDGET.test(p.context) || p.value < socialized) ? p.value + socialized : p.value;
  }
  if (funds !== undefined && (socialized === undefined || funds >= socialized)) out.funds_vnd = funds;
  return out;
}

const WORKDAYS = new RegExp(String.raw`(?<![\p{L}\d.,/])(${NUMBER})\s*(?:ngày công|ngày lao động|công lao động)(?![\p{L}])`, 'giu');
const WORKDAYS_AFTER = new RegExp(String.raw`(?:ngày công|số ngày công)\s*(?:dự kiến)?\s*:\s*(${NUMBER})(?![\p{L}\d])`, 'giu');

/** "200 ngày công", "1.500 ngày công lao động", "Ngày công: 200" (one figure only). */
export function findWorkdays(text: string): { value: number; start: number; end: number }[] {
  const out: { value: number; start: number; end: number }[] = [];
  for (const re of [WORKDAYS, WORKDAYS_AFTER]) {
    for (const m of text.matchAll(re)) {
      const n = parseNumber(m[1]!);
      if (n !== undefined && Number.isInteger(n)) out.push({ value: n, start: m.index, end: m.index + m[0].length });
    }
  }
  return out;
}

// ---- Dates ----

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * A date cell: "2023-03-15", "15/3/2023", "15-03-2023", "15.03.2023", "ngày 15 tháng 3 năm
 * 2023", also with a time after it ("15/03/2023 10:22:31", as online forms export). Returns the
 * ISO date, `null` for a date that does not exist or cannot be read, undefined for empty.
 */
export function parseDate(raw: string): string | null | undefined {
  const s = cleanText(raw).toLocaleLowerCase('vi').replace(/\s+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*(?:sa|ch|am|pm))?$/, '').replace(/t\d{2}:\d{2}.*$/, '');
  if (!s) return undefined;
  let y: number, mo: number, d: number;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s))) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(s))) [y, mo, d] = [Number(m[3]), Number(m[2]), Number(m[1])];
  else if ((m = /^(?:ngày\s*)?(\d{1,2})\s*tháng\s*(\d{1,2})\s*(?:năm\s*|[/.-]\s*)(\d{4})$/u.exec(s))) [y, mo, d] = [Number(m[3]), Number(m[2]), Number(m[1])];
  else return null;
  const iso = `${y}-${pad(mo)}-${pad(d)}`;
  return isValidDate(iso) ? iso : null;
}

interface DateToken {
  start: number;
  end: number;
  /** A day, or a whole month (then the period runs from its first to its last day). */
  day?: number;
  month: number;
  year?: number;
  raw: string;
}

const DAY_TOKEN = /(?<![\d/.-])(?:ngày\s*)?(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?![\d/])|(?:ngày\s*)?(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})/giu;
const DAY_MONTH_TOKEN = /(?<![\d/.-])(?:ngày\s*)?(\d{1,2})\s*\/\s*(\d{1,2})(?![\d/.])/giu;
const MONTH_TOKEN = /(?<![\d/.-])(?:tháng\s*)?(\d{1,2})\s*[/.-]\s*(\d{4})(?![\d/])|tháng\s*(\d{1,2})(?:\s*năm\s*(\d{4}))?(?![\d/])/giu;

function dateTokens(text: string): DateToken[] {
  const tokens: DateToken[] = [];
  const overlaps = (s: number, e: number) => tokens.some((t) => s < t.end && e > t.start);
  for (const m of text.matchAll(DAY_TOKEN)) {
    const [d, mo, y] = m[1] ? [m[1], m[2], m[3]] : [m[4], m[5], m[6]];
    tokens.push({ start: m.index, end: m.index + m[0].length, day: Number(d), month: Number(mo), year: Number(y), raw: m[0] });
  }
  for (const m of text.matchAll(MONTH_TOKEN)) {
    if (overlaps(m.index, m.index + m[0].length)) continue;
    const [mo, y] = m[1] ? [m[1], m[2]] : [m[3], m[4]];
    tokens.push({ start: m.index, end: m.index + m[0].length, month: Number(mo), year: y ? Number(y) : undefined, raw: m[0] });
  }
  // "01/4" without a year: only ever read as one end of a range whose other end has the year.
  for (const m of text.matchAll(DAY_MONTH_TOKEN)) {
    if (overlaps(m.index, m.index + m[0].length)) continue;
    tokens.push({ start: m.index, end: m.index + m[0].length, day: Number(m[1]), month: Number(m[2]), raw: m[0] });
  }
  return tokens.sort((a, b) => a.start - b.start);
}

const RANGE_JOIN = /^(?:-|–|—|~|đến|tới|den|toi|cho đến|đến hết|tới hết)$/iu;
const START_LABEL = /(?:bắt đầu|khởi động|triển khai|từ)\s*(?:từ)?\s*(?:ngày)?\s*:?\s*$/iu;
const END_LABEL = /(?:kết thúc|hoàn thành|tổng kết|đánh giá|đến|tới)\s*(?:vào)?\s*(?:ngày)?\s*:?\s*$/iu;

export interface Period {
  start?: string;
  end?: string;
  /** The start names a month, not a day ("tháng 4/2023"), so it is that month's first day. */
  startIsMonth?: boolean;
  /** Date-like text that names no real date ("31/4/2023"). */
  invalid: string[];
  /** Where the dates read were, to tell what else the text says. */
  spans: [number, number][];
}

/**
 * Start and end from a timeline: "từ 01/4/2023 đến 30/11/2023", "01/4/2023 - 30/11/2023",
 * "tháng 4/2023 - tháng 11/2023" (a month runs from its first to its last day), "từ tháng 4 đến
 * tháng 11/2023" (the year from the other end), or labelled dates ("bắt đầu 01/4/2023",
 * "kết thúc 30/11/2023"). Several ranges give the earliest start and the latest end; anything
 * else is left unread.
 */
export function findPeriod(text: string): Period {
  const tokens = dateTokens(text);
  const invalid: string[] = [];
  const spans: [number, number][] = [];
  const iso = (t: DateToken, year: number | undefined, edge: 'start' | 'end'): string | undefined => {
    if (year === undefined || t.month < 1 || t.month > 12) return undefined;
    const day = t.day ?? (edge === 'start' ? 1 : lastDay(year, t.month));
    const s = `${year}-${pad(t.month)}-${pad(day)}`;
    return isValidDate(s) ? s : undefined;
  };
  for (const t of tokens) {
    if (t.year !== undefined && !iso(t, t.year, 'start')) invalid.push(t.raw.trim());
  }
  const starts: string[] = [];
  const ends: string[] = [];
  const monthStarts = new Set<string>();
  const used = new Set<DateToken>();
  for (let i = 0; i + 1 < tokens.length; i++) {
    const a = tokens[i]!;
    const b = tokens[i + 1]!;
    if (!RANGE_JOIN.test(text.slice(a.end, b.start).trim())) continue;
    let ya = a.year;
    let yb = b.year;
    if (ya === undefined && yb !== undefined) ya = a.month > b.month ? yb - 1 : yb;
    if (yb === undefined && ya !== undefined) yb = b.month < a.month ? ya + 1 : ya;
    const s = iso(a, ya, 'start');
    const e = iso(b, yb, 'end');
    if (!s && a.year === undefined && ya !== undefined) invalid.push(a.raw.trim());
    if (!e && b.year === undefined && yb !== undefined) invalid.push(b.raw.trim());
    if (!s || !e) continue;
    starts.push(s);
    if (a.day === undefined) monthStarts.add(s);
    ends.push(e);
    used.add(a).add(b);
    spans.push([a.start, b.end]);
    i++;
  }
  if (!starts.length) {
    for (const t of tokens) {
      if (used.has(t) || t.year === undefined) continue;
      const before = text.slice(Math.max(0, t.start - 30), t.start);
      if (END_LABEL.test(before)) {
        const e = iso(t, t.year, 'end');
        if (e) {
          ends.push(e);
          spans.push([t.start, t.end]);
        }
      } else if (START_LABEL.test(before)) {
        const s = iso(t, t.year, 'start');
        if (s) {
          starts.push(s);
          if (t.day === undefined) monthStarts.add(s);
          spans.push([t.start, t.end]);
        }
      }
    }
  }
  const sorted = (xs: string[]) => [...xs].sort();
  const start = starts.length ? sorted(starts)[0] : undefined;
  return {
    start,
    end: ends.length ? sorted(ends).at(-1) : undefined,
    startIsMonth: start !== undefined && monthStarts.has(start),
    invalid,
    spans,
  };
}

/** Filler words of a resources text: what is left when they and the figures are gone is worth keeping. */
const FILLER = new Set(
  'kinh phi du kien tong trong do ngan sach nha nuoc xa hoi hoa xhh ngay cong lao dong thoi gian thuc hien tu den toi tien do nguon luc khoang hon gom bat dau ket thuc nam thang ngay va cua la dong d vnd trieu ty nghin ngan tr von cap'.split(' '),
);

export interface Resources {
  funds_vnd?: number;
  socialized_vnd?: number;
  workdays?: number;
  facilities?: string;
  start?: string;
  end?: string;
  startIsMonth?: boolean;
  invalid: string[];
}

/**
 * What a "Nguồn lực, tiến độ" cell says: money, workdays and the period where each is
 * unambiguous. The text itself goes to `facilities` unless the figures read were all it said.
 */
export function parseResources(text: string): Resources {
  const t = cleanText(text);
  const out: Resources = { invalid: [] };
  if (!t) return out;
  const money = findMoney(t);
  Object.assign(out, fundsOf(money));
  const workdays = findWorkdays(t);
  const distinct = [...new Set(workdays.map((w) => w.value))];
  if (distinct.length === 1) out.workdays = distinct[0];
  const period = findPeriod(t);
  out.start = period.start;
  out.end = period.end;
  out.startIsMonth = period.startIsMonth;
  out.invalid = period.invalid;
  const spans: [number, number][] = [...money.map((a): [number, number] => [a.start, a.end]), ...workdays.map((w): [number, number] => [w.start, w.end]), ...period.spans];
  let rest = t;
  for (const [s, e] of spans.sort((a, b) => b[0] - a[0])) rest = rest.slice(0, s) + ' ' + rest.slice(e);
  const words = slugify(rest).split('-').filter((w) => w && !FILLER.has(w) && !/^\d+$/.test(w));
  const extracted = out.funds_vnd !== undefined || out.socialized_vnd !== undefined || out.workdays !== undefined || out.start !== undefined || out.end !== undefined;
  if (!extracted || words.length >= 2) out.facilities = t;
  return out;
}

// ---- Cells ----

/**
 * A date cell as `parseDate` reads it; a start or an end may also name a month ("4/2023": its
 * first or last day, `month` set). Undefined when the text names no real date.
 */
export function readDate(text: string, edge?: 'start' | 'end'): { date: string; month?: boolean } | undefined {
  const d = parseDate(text);
  if (d) return { date: d };
  if (!edge || d === undefined) return undefined;
  const p = findPeriod(`${edge === 'start' ? 'bắt đầu' : 'kết thúc'} ${text}`);
  const x = edge === 'start' ? p.start : p.end;
  return x && !p.invalid.length ? { date: x, month: edge === 'start' && Boolean(p.startIsMonth) } : undefined;
}

/**
 * A funds cell: amounts with their words ("50 triệu đồng", "tổng 50 triệu, xã hội hóa 30 triệu"),
 * a plain number of at least 1,000 đồng, or none ("0", "không"). Undefined when no amount can be
 * read.
 */
export function readFunds(text: string): { funds_vnd?: number; socialized_vnd?: number } | undefined {
  // "0", "0 đồng", "không", "không có": no funds, which is a figure, not a problem.
  if (NO_FUNDS.test(text.trim())) return { funds_vnd: 0 };
  const amounts = findMoney(text);
  const plainNumber = parseNumber(text);
  const f = amounts.length ? fundsOf(amounts) : plainNumber !== undefined && plainNumber >= 1000 && Number.isInteger(plainNumber) ? { funds_vnd: plainNumber } : {};
  return f.funds_vnd === undefined && f.socialized_vnd === undefined ? undefined : f;
}

/** A count of workdays: "200", "1.500", "200 ngày công". Undefined when not a whole number. */
export function readWorkdays(text: string): number | undefined {
  const w = parseNumber(text.replace(/\s*(?:ngày công|ngày|công)\s*$/iu, ''));
  return w !== undefined && Number.isInteger(w) ? w : undefined;
}

// ---- Field, type, level ----

/** "Kinh tế" -> kinh-te, "Văn hoá – xã hội" / "VH-XH" -> van-hoa-xa-hoi, "QP-AN", "XD HTCT"… */
export function matchField(value: string): Field | undefined {
  const s = slugify(value);
  if (!s) return undefined;
  if ((FIELDS as readonly string[]).includes(s)) return s as Field;
  const flat = s.replace(/-/g, '');
  if (/kinhte|^kt$|phattrienkinh/.test(flat)) return 'kinh-te';
  if (/vanhoa|xahoi|^vhxh$/.test(flat)) return 'van-hoa-xa-hoi';
  if (/quocphong|anninh|^qpan$|^anqp$/.test(flat)) return 'quoc-phong-an-ninh';
  if (/hethongchinhtri|xaydungdang|chinhtri|^xdhtct$|^htct$/.test(flat)) return 'xay-dung-he-thong-chinh-tri';
  return undefined;
}

/** "Tập thể" / "Mô hình tập thể" -> collective; "Cá nhân" / "Điển hình cá nhân" -> individual. */
export function matchType(value: string): ModelType | undefined {
  const s = slugify(value);
  if (/tap-the|collective/.test(s)) return 'collective';
  if (/ca-nhan|dien-hinh|individual/.test(s)) return 'individual';
  return undefined;
}

const LEVEL_ALIASES: Record<string, string> = { xa: 'xa', phuong: 'xa', 'thi-tran': 'xa', 'co-so': 'xa', huyen: 'huyen', quan: 'huyen', tinh: 'tinh', 'thanh-pho-truc-thuoc-trung-uong': 'tinh', 'trung-uong': 'trung-uong', tw: 'trung-uong' };

/** A level written as its id, its label or in words ("Cấp xã", "phường"), among the configured ones. */
export function matchLevel(value: string, levels: readonly { id: string; label?: string }[]): string | undefined {
  const s = slugify(value).replace(/^cap-/, '');
  for (const l of levels) if (l.id === s || (l.label && slugify(l.label).replace(/^cap-/, '') === s)) return l.id;
  const alias = LEVEL_ALIASES[s];
  return alias && levels.some((l) => l.id === alias) ? alias : undefined;
}

/** A unit name in loose form, to find the code an existing model gives the same unit. */
export const unitKey = (name: string) => slugify(name);

// ---- Rows ----

export type ImportRow = Partial<Record<ImportKey, string>>;

/** A model as imported: everything but the id, which the command gives from the workspace's pattern. */
export type ImportedModel = Omit<Model, 'id'>;

export interface RowContext {
  /** Catalogue texts for the problems found. */
  t: Messages['cli']['import']['problem'];
  /** The header of the column each key came from, to name it in problems. */
  headers: Partial<Record<ImportKey, string>>;
  /** `--year`: the year of every row. */
  year?: number;
  /** The config's year: for a row whose dates name no year. */
  defaultYear?: number;
  field?: Field;
  type?: ModelType;
  unit?: { name?: string; code?: string; level?: string };
  levels: readonly { id: string; label?: string }[];
  /** Units of the workspace's models, by `unitKey(name)`: their code and level. */
  knownUnits?: ReadonlyMap<string, { code?: string; level?: string }>;
}

/**
 * One spreadsheet row -> a model with its `register` step, or what makes it impossible. The row's
 * cells are already trimmed; an empty cell is absent.
 */
export function rowToModel(row: ImportRow, ctx: RowContext): { model: ImportedModel } | { problems: string[] } {
  const { t } = ctx;
  const problems: string[] = [];
  const cell = (k: ImportKey): string | undefined => {
    const v = row[k] === undefined ? '' : cleanText(row[k]!);
    return v || undefined;
  };
  const column = (k: ImportKey) => ctx.headers[k] ?? k;

  const name = cell('name') && oneLine(cell('name')!);
  if (!name) problems.push(t.missingName);

  // Unit: the row's cells, else the options, else what the workspace knows of the unit.
  const unitName = (cell('unit') && oneLine(cell('unit')!)) ?? ctx.unit?.name;
  if (!unitName) problems.push(t.missingUnit);
  const known = unitName ? ctx.knownUnits?.get(unitKey(unitName)) : undefined;
  const codeText = cell('unit_code') ?? ctx.unit?.code ?? known?.code;
  let level = ctx.unit?.level ?? known?.level ?? ctx.levels[0]?.id;
  const levelText = cell('level');
  if (levelText) {
    const l = matchLevel(levelText, ctx.levels);
    if (l) level = l;
    else problems.push(t.badLevel(levelText, ctx.levels.map((x) => x.id)));
  }

  let field = ctx.field;
  const fieldText = cell('field');
  if (fieldText) {
    const f = matchField(fieldText);
    if (f) field = f;
    else problems.push(t.badField(fieldText));
  } else if (!field) problems.push(t.missingField);

  let type: ModelType = ctx.type ?? 'collective';
  const typeText = cell('type');
  if (typeText) {
    const x = matchType(typeText);
    if (x) type = x;
    else problems.push(t.badType(typeText));
  }

  let startIsMonth = false;
  const date = (k: ImportKey): string | undefined => {
    const v = cell(k);
    if (!v) return undefined;
    const d = readDate(v, k === 'start' || k === 'end' ? k : undefined);
    if (d) {
      if (k === 'start') startIsMonth = Boolean(d.month);
      return d.date;
    }
    problems.push(t.badDate(v, column(k)));
    return undefined;
  };
  const registered = date('date');
  let start = date('start');
  let end = date('end');

  const register: RegisterStep = {};
  if (registered) register.date = registered;
  const text = (k: 'problem' | 'content' | 'area' | 'sustainability') => {
    const v = cell(k);
    if (v) register[k] = v;
  };
  text('problem');
  const goals = cell('goals') ? splitList(cell('goals')!) : [];
  if (goals.length) register.goals = goals;
  text('content');
  text('area');
  const forces = cell('forces') ? parseForces(cell('forces')!) : [];
  if (forces.length) register.forces = forces;

  const resources: NonNullable<RegisterStep['resources']> = {};
  const resourcesText = cell('resources');
  let period: { start?: string; end?: string; startIsMonth?: boolean } = {};
  if (resourcesText) {
    const r = parseResources(resourcesText);
    for (const bad of r.invalid) problems.push(t.badDate(bad, column('resources')));
    if (r.funds_vnd !== undefined) resources.funds_vnd = r.funds_vnd;
    if (r.socialized_vnd !== undefined) resources.socialized_vnd = r.socialized_vnd;
    if (r.workdays !== undefined) resources.workdays = r.workdays;
    if (r.facilities) resources.facilities = r.facilities;
    period = { start: r.start, end: r.end, startIsMonth: r.startIsMonth };
  }
  const timeText = cell('time');
  // A timeline that names no dates ("cả năm 2023") is kept in the notes rather than lost.
  let unreadTime: string | undefined;
  if (timeText) {
    const p = findPeriod(timeText);
    for (const bad of p.invalid) problems.push(t.badDate(bad, column('time')));
    if (p.start || p.end) period = { start: p.start, end: p.end, startIsMonth: p.startIsMonth };
    else if (!p.invalid.length) unreadTime = `${column('time')}: ${oneLine(timeText)}`;
  }
  if (!start && period.start) {
    start = period.start;
    startIsMonth = Boolean(period.startIsMonth);
  }
  end ??= period.end;
  // "tháng 3/2023" registered on 10/3/2023 starts on the day of registration, not before it.
  if (startIsMonth && start && registered && start < registered && start.slice(0, 7) === registered.slice(0, 7)) start = registered;

  const fundsText = cell('funds');
  if (fundsText) {
    const f = readFunds(fundsText);
    if (!f) problems.push(t.badMoney(fundsText, column('funds')));
    else Object.assign(resources, f);
  }
  const workdaysText = cell('workdays');
  if (workdaysText) {
    const w = readWorkdays(workdaysText);
    if (w === undefined) problems.push(t.badCount(workdaysText, column('workdays')));
    else resources.workdays = w;
  }
  if (Object.keys(resources).length) register.resources = resources;
  if (start) register.start = start;
  if (end) register.end = end;
  const outputs = cell('outputs') ? splitList(cell('outputs')!) : [];
  if (outputs.length) register.outputs = outputs;
  text('sustainability');

  if (register.date && register.start && register.start < register.date) problems.push(t.startBeforeDate(register.start, register.date));
  if (register.start && register.end && register.end < register.start) problems.push(t.endBeforeStart(register.end, register.start));

  // The year the row itself gives (its registration, else its period) wins over the config's.
  const dated = registered ?? start ?? end;
  const year = ctx.year ?? (dated ? Number(dated.slice(0, 4)) : ctx.defaultYear);
  if (year === undefined) problems.push(t.noYear);
  else if (year < 2000 || year > 2100) problems.push(t.badYear(year));

  if (problems.length || !name || !unitName || !field || !level || year === undefined) return { problems };

  const unit: Model['unit'] = { name: unitName, code: unitCode({ name: unitName, code: codeText }), level };
  const model: ImportedModel = { kind: 'model', version: 1, name, type, field, year, unit, steps: { register } };
  const person = cell('person') && oneLine(cell('person')!);
  if (person && type === 'individual') model.person = { name: person };
  const notes = [cell('notes'), unreadTime].filter(Boolean).join('\n');
  if (notes) model.notes = notes;
  return { model };
}

// ---- Bytes ----

/** The CSV field separator: `;` (Vietnamese Excel) or `,`, whichever the header line has more of, outside quotes. */
export function detectDelimiter(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of text.replace(/^\uFEFF/, '')) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (commas + semicolons > 0) break;
    } else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/** The code and level the workspace's models give each unit, by `unitKey(name)` (the first model of a unit wins). */
export function knownUnits(models: readonly unknown[], levels: readonly { id: string }[]): Map<string, { code?: string; level?: string }> {
  const out = new Map<string, { code?: string; level?: string }>();
  for (const data of models) {
    const unit = (data as { unit?: { name?: unknown; code?: unknown; level?: unknown } } | undefined)?.unit;
    if (typeof unit?.name !== 'string' || out.has(unitKey(unit.name))) continue;
    out.set(unitKey(unit.name), {
      code: typeof unit.code === 'string' ? unit.code : undefined,
      level: typeof unit.level === 'string' && levels.some((l) => l.id === unit.level) ? unit.level : undefined,
    });
  }
  return out;
}
