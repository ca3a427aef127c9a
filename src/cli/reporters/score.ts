// Output formats of `dvk score`: pure functions from rows to text. Every format takes its
// numbers from the same exact values, so they agree to the last digit.
import { Chalk } from 'chalk';
import type { Messages } from '../../i18n/index.js';
import type { Ratio } from '../../core/decimal.js';
import { tally, type Row } from '../../core/results.js';
import type { LevelDef } from '../../core/types.js';
import { table, wrap } from '../table.js';
import { csvCell, markdownText, terminalText } from './escape.js';

export interface ScoreFormatOptions {
  m: Messages;
  levels: LevelDef[];
  color: boolean;
  /** Terminal width, to shorten names; undefined when not a terminal. */
  width?: number;
}

const num = (m: Messages, r: Ratio | undefined) => (r === undefined ? '' : m.number(r.toString()));
/** A score as the framework rounds it, with a fixed number of decimals so columns line up. */
const fixed = (m: Messages, r: Ratio | undefined, places: number) => (r === undefined ? '' : m.number(r.toFixed(places)));
const totalText = (m: Messages, r: Row) => (r.result ? `${fixed(m, r.result.total, r.result.places)}/${num(m, r.result.max)}` : m.score.notAssessed);

const levelName = (o: ScoreFormatOptions, id: string) => o.levels.find((l) => l.id === id)?.label ?? id;

/** Ranks within each level: 1, 2, 2, 4 for equal totals. */
export function ranks(rows: Row[]): (number | undefined)[] {
  const out: (number | undefined)[] = [];
  // Where the current level's rows begin (rows come grouped by level, best first).
  let start = 0;
  rows.forEach((r, i) => {
    if (!r.result) return out.push(undefined);
    const prev = rows[i - 1];
    const sameLevel = prev?.result && prev.level === r.level;
    if (!sameLevel) start = i;
    if (sameLevel && prev.result!.total.eq(r.result.total)) out.push(out[i - 1]);
    else out.push(i - start + 1);
  });
  return out;
}

/** The cells a table and a Markdown table share: rank, id, name, unit, level, total, class, mark. */
function cells(m: Messages, rows: Row[], o: ScoreFormatOptions): string[][] {
  const rank = ranks(rows);
  return rows.map((r, i) => [
    rank[i] === undefined ? '' : String(rank[i]),
    r.model.id,
    r.model.name,
    r.model.unit.name,
    r.level ? levelName(o, r.level) : '',
    totalText(m, r),
    r.recognition?.class?.label ?? '',
    mark(m, r),
  ]);
}

function mark(m: Messages, r: Row): string {
  if (!r.recognition) return '';
  return r.recognition.exemplary ? m.score.marks.exemplary : r.recognition.recognized ? m.score.marks.recognized : m.score.marks.no;
}

export function scoreTable(rows: Row[], o: ScoreFormatOptions): string {
  const { m } = o;
  const c = new Chalk({ level: o.color ? 1 : 0 });
  const t = m.score.columns;
  // On a narrow terminal the names narrow first, then the level and the unit columns go.
  const body = table(
    [
      { header: t.rank, align: 'right' }, { header: t.id }, { header: t.name, max: o.width ? 60 : 48, min: 20 }, { header: t.unit, max: 30, min: 16, drop: 2 },
      { header: t.level, drop: 1 }, { header: t.total, align: 'right' }, { header: t.class }, { header: t.recognized },
    ],
    cells(m, rows, o),
    { bold: c.bold, width: o.width },
  );
  const out = [body];
  const refused = rows.filter((r) => r.recognition && !r.recognition.recognized);
  if (refused.length) {
    out.push(c.bold(m.score.reasonsTitle));
    for (const r of refused) out.push(wrap(terminalText(`  ${r.model.id}${r.level ? ` (${levelName(o, r.level).toLowerCase()})` : ''}: ${r.recognition!.reasons.map((x) => x.message).join('; ')}`), o.width, '    '));
    out.push('');
  }
  out.push(wrap(m.score.legend, o.width));
  out.push(c.bold(wrap(m.score.summary(tally(rows)), o.width)));
  return `${out.join('\n')}\n`;
}

/** Models per piece of the JSON: about 40 KB of text, below what V8 keeps as a large object. */
const JSON_CHUNK = 32;

/**
 * The stable JSON of DESIGN.md §3, numbers as JSON numbers, in pieces of a few models: exactly
 * `JSON.stringify({ models }, null, 2)`, without 100,000 models' objects and text in memory at once.
 */
export function* scoreJsonParts(rows: Row[]): Generator<string> {
  if (rows.length === 0) {
    yield `${JSON.stringify({ models: [] }, null, 2)}\n`;
    return;
  }
  // Each piece is the document of its own models, less its first and last lines: its models are
  // then at the depth they have in the whole (one JSON.stringify, not one per model and a
  // re-indenting of its text: a third of the time).
  const [head, tail] = ['{\n  "models": [\n', '\n  ]\n}'];
  yield head;
  for (let i = 0; i < rows.length; i += JSON_CHUNK) {
    const piece = JSON.stringify({ models: rows.slice(i, i + JSON_CHUNK).map(scoreJsonModel) }, null, 2);
    yield `${i ? ',\n' : ''}${piece.slice(head.length, -tail.length)}`;
  }
  yield `${tail}\n`;
}

function scoreJsonModel(r: Row) {
  return {
    id: r.model.id,
    name: r.model.name,
    year: r.model.year,
    type: r.model.type,
    field: r.model.field,
    unit: { name: r.model.unit.name, code: r.model.unit.code ?? null, level: r.model.unit.level },
    level: r.level ?? null,
    framework: r.result?.framework.id ?? null,
    assessed: r.result !== undefined,
    total: r.result?.total.toNumber() ?? null,
    max: r.result?.max.toNumber() ?? null,
    groups: r.result?.groups.map((g) => ({ id: g.id, score: g.score.toNumber(), max: g.max.toNumber() })) ?? [],
    class: r.recognition?.class ? { id: r.recognition.class.id, label: r.recognition.class.label } : null,
    recognized: r.recognition?.recognized ?? false,
    exemplary: r.recognition?.exemplary ?? false,
    reasons: r.recognition?.reasons ?? [],
    file: r.file,
    assessment: r.assessment?.file ?? null,
  };
}


/**
 * CSV for Excel: UTF-8 with a BOM, CRLF line ends. In Vietnamese, decimals take a comma, so the
 * fields are separated by semicolons, as Excel expects in a Vietnamese locale; in English,
 * decimal points and commas. A cell that Excel would read as a formula is written as text.
 */
export function scoreCsv(rows: Row[], o: ScoreFormatOptions): string {
  const { m } = o;
  const t = m.score.csv;
  const rank = ranks(rows);
  // A number column per group, so that a spreadsheet can sum them; groups of every framework in
  // scope, in the order they first appear.
  const groups = [...new Set(rows.flatMap((r) => r.result?.groups.map((g) => g.id) ?? []))];
  // The groups stand after the maximum, before the class, recognition and reasons (the last four).
  const at = t.headers.length - 4;
  const lines = [[...t.headers.slice(0, at), ...groups.map(t.group), ...t.headers.slice(at)]];
  rows.forEach((r, i) => {
    const scores = new Map(r.result?.groups.map((g) => [g.id, fixed(m, g.score, r.result!.places)]));
    lines.push([
      rank[i] === undefined ? '' : String(rank[i]),
      r.model.id,
      r.model.name,
      r.model.unit.name,
      r.model.unit.code ?? '',
      levelName(o, r.model.unit.level),
      String(r.model.year),
      m.score.fieldLabel(r.model.field),
      m.score.typeLabel(r.model.type),
      r.level ? levelName(o, r.level) : '',
      r.result?.framework.id ?? '',
      fixed(m, r.result?.total, r.result?.places ?? 0),
      num(m, r.result?.max),
      ...groups.map((g) => scores.get(g) ?? ''),
      r.recognition?.class?.label ?? '',
      r.recognition ? (r.recognition.recognized ? t.yes : t.no) : '',
      r.recognition ? (r.recognition.exemplary ? t.yes : t.no) : '',
      r.result ? r.recognition!.reasons.map((x) => x.message).join('; ') : m.score.notAssessed,
    ]);
  });
  const sep = m.lang === 'vi' ? ';' : ',';
  return `\uFEFF${lines.map((l) => l.map(csvCell).join(sep)).join('\r\n')}\r\n`;
}

const md = markdownText;

export function scoreMarkdown(rows: Row[], o: ScoreFormatOptions): string {
  const { m } = o;
  const t = m.score.columns;
  const out = [
    `| ${t.rank} | ${t.id} | ${t.name} | ${t.unit} | ${t.level} | ${t.total} | ${t.class} | ${t.recognized} | ${t.reasons} |`,
    '|---:|---|---|---|---|---:|---|---|---|',
  ];
  cells(m, rows, o).forEach((row, i) => {
    const reasons = rows[i]!.recognition?.reasons.map((x) => x.message).join('; ') ?? '';
    out.push(`| ${[...row, reasons].map(md).join(' | ')} |`);
  });
  out.push('', m.score.legend, '', `**${m.score.summary(tally(rows))}**`);
  return `${out.join('\n')}\n`;
}

/** Every number behind one model's result: marks, aggregates, rounding, sums, conditions. */
export function explain(rows: Row[], o: ScoreFormatOptions): string {
  const { m } = o;
  const c = new Chalk({ level: o.color ? 1 : 0 });
  const e = m.score.explain;
  const model = rows[0]!.model;
  const out: string[] = [
    c.bold(terminalText(`${model.id}: ${model.name}`)),
    terminalText(e.modelLine(model.unit.name, levelName(o, model.unit.level), m.score.fieldLabel(model.field), m.score.typeLabel(model.type), model.year)),
    '',
  ];
  for (const r of rows) {
    if (!r.result || !r.recognition) {
      out.push(m.score.notAssessedLong, '');
      continue;
    }
    const res = r.result;
    out.push(c.bold(terminalText(e.sheetLine(levelName(o, r.level!), res.framework.id, r.assessment!.file))));
    out.push(e.method(res.aggregation, res.applied, res.assessors.length, num(m, res.rounding)));
    const people = res.assessors.map((name, i) => `${e.assessorShort(i + 1)}: ${name || e.unnamed}`);
    if (res.assessors.length > 1 || res.assessors[0]) out.push(terminalText(`${e.assessors}: ${people.join('; ')}`));
    out.push('');
    const columns = [
      { header: e.criterion }, { header: e.max, align: 'right' as const },
      ...res.assessors.map((_, i) => ({ header: e.assessorShort(i + 1), align: 'right' as const })),
      { header: e.exact(res.applied), align: 'right' as const }, { header: e.rounded, align: 'right' as const },
    ];
    const lines: string[][] = [];
    for (const g of res.groups) {
      for (const cr of g.criteria) {
        const exact = cr.exact.isDecimal() ? num(m, cr.exact) : `≈ ${m.number(cr.exact.toFixed(4))}`;
        lines.push([cr.id, num(m, cr.max), ...cr.marks.map((x) => num(m, x)), exact, fixed(m, cr.score, res.places)]);
      }
      lines.push([e.groupTotal(g.id), num(m, g.max), ...res.assessors.map(() => ''), '', fixed(m, g.score, res.places)]);
    }
    out.push(table(columns, lines, { bold: c.bold, footer: [e.total, num(m, res.max), ...res.assessors.map(() => ''), '', fixed(m, res.total, res.places)] }));
    const cls = r.recognition.class;
    out.push(cls ? terminalText(e.classLine(cls.label, m.number(cls.min))) : e.noClassLine);
    out.push(e.conditions);
    for (const ch of r.recognition.checks) out.push(`  ${ch.passed ? c.green('✓') : c.red('✗')} ${terminalText(ch.message)}`);
    out.push(e.conclusion(r.recognition.recognized, r.recognition.exemplary), '');
  }
  return `${out.join('\n')}`;
}

/** The same detail as `explain`, as JSON: exact aggregates as decimal text, rounded ones as numbers. */
export function explainJson(rows: Row[]): string {
  const out = rows.map((r) => ({
    id: r.model.id,
    level: r.level ?? null,
    assessment: r.assessment?.file ?? null,
    framework: r.result?.framework.id ?? null,
    aggregation: r.result?.aggregation ?? null,
    applied: r.result?.applied ?? null,
    rounding: r.result?.rounding.toNumber() ?? null,
    assessors: r.result?.assessors ?? [],
    groups:
      r.result?.groups.map((g) => ({
        id: g.id,
        title: g.title,
        score: g.score.toNumber(),
        max: g.max.toNumber(),
        criteria: g.criteria.map((c) => ({
          id: c.id,
          title: c.title,
          max: c.max.toNumber(),
          marks: c.marks.map((x) => x.toNumber()),
          exact: c.exact.isDecimal() ? c.exact.toString() : `${c.exact.n}/${c.exact.d}`,
          score: c.score.toNumber(),
        })),
      })) ?? [],
    total: r.result?.total.toNumber() ?? null,
    max: r.result?.max.toNumber() ?? null,
    class: r.recognition?.class ? { id: r.recognition.class.id, label: r.recognition.class.label, min: r.recognition.class.min } : null,
    checks: r.recognition?.checks ?? [],
    recognized: r.recognition?.recognized ?? false,
    exemplary: r.recognition?.exemplary ?? false,
  }));
  return `${JSON.stringify({ models: out }, null, 2)}\n`;
}
