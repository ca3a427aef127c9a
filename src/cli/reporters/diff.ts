// Output of `dvk diff`: text for the terminal, Markdown for a pull-request comment, JSON.
import type { Messages } from '../../i18n/index.js';
import type { DiffTotals, ModelChange, Outcome } from '../../core/diff.js';
import { markdownText, terminalText } from './escape.js';

export interface DiffInput {
  rev: string;
  commit: string;
  changes: ModelChange[];
  totals: DiffTotals;
  m: Messages;
  /** A level's label: "Cấp huyện" for `huyen`. */
  levelName: (id: string) => string;
}

const score = (m: Messages, o: Outcome | undefined) => (o ? m.number(Number(o.total).toFixed(o.places)) : '—');
const mark = (m: Messages, o: Outcome | undefined) =>
  !o ? '—' : o.exemplary ? m.score.marks.exemplary : o.recognized ? m.score.marks.recognized : m.score.marks.no;
const arrow = (a: string, b: string) => (a === b ? a : `${a} → ${b}`);

/**
 * What happened to a model, in words: "đổi tên từ …; sửa name, steps.review; đến bước 3 → 4;
 * hoàn thành bước 4; phiếu chấm cấp huyện thay đổi".
 */
function what(m: Messages, c: ModelChange, levelName: (id: string) => string): string {
  const t = m.cli.diff;
  // A model whose file did not change but whose score did: the sheet says why, if it changed.
  const status = c.status === 'scored' && c.sheets.length ? '' : c.from ? t.renamed(c.from) : c.status === 'changed' ? '' : t.status[c.status];
  const parts: string[] = [status];
  if (c.keys.length) parts.push(t.edited(c.keys));
  if (c.reached) parts.push(t.reached(...([c.reached.before, c.reached.after].map((s) => (s ? m.cli.status.stepShort[s] : m.cli.status.noStep)) as [string, string])));
  if (c.stepsCompleted.length) parts.push(t.completed(c.stepsCompleted.map((s) => m.stepName(s))));
  if (c.stepsUncompleted.length) parts.push(t.uncompleted(c.stepsUncompleted.map((s) => m.stepName(s))));
  if (c.sheets.length) parts.push(t.sheets(c.sheets.map(levelName)));
  return parts.filter(Boolean).join('; ');
}

export function diffText({ rev, commit, changes, totals, m, levelName }: DiffInput): string {
  const t = m.cli.diff;
  const out = [t.heading(rev, commit.slice(0, 7), changes.length), t.totals(totals), ''];
  const sign = { added: '+', removed: '-', renamed: '~', changed: '~', scored: '~' };
  for (const c of changes) {
    out.push(`${sign[c.status]} ${c.id}  ${c.name}`);
    out.push(`    ${what(m, c, levelName)}`);
    for (const s of c.scores) {
      out.push(`    ${levelName(s.level)}: ${arrow(score(m, s.before), score(m, s.after))} · ${arrow(s.before?.class ?? '—', s.after?.class ?? '—')} · ${arrow(mark(m, s.before), mark(m, s.after))}`);
    }
  }
  if (changes.length === 0) out.push(t.none);
  return `${out.map(terminalText).join('\n')}\n`;
}

const cell = markdownText;

export function diffMarkdown({ rev, commit, changes, totals, m, levelName }: DiffInput): string {
  const t = m.cli.diff;
  const out = [`### ${t.heading(rev, commit.slice(0, 7), changes.length)}`, '', t.totals(totals), ''];
  if (changes.length === 0) return `${[...out, t.none].join('\n')}\n`;
  const c = t.columns;
  out.push(`| ${c.id} | ${c.model} | ${c.change} | ${c.level} | ${c.total} | ${c.class} | ${c.recognized} |`, '|---|---|---|---|---:|---|---|');
  for (const ch of changes) {
    const rows = ch.scores.length ? ch.scores : [{ level: '', before: undefined, after: undefined }];
    rows.forEach((s, i) => {
      const first = i === 0;
      out.push(
        `| ${[
          // The id in a code span, where nothing is escaped: without the characters that end it.
          first ? `\`${terminalText(ch.id).replace(/[`|]/g, '')}\`` : '',
          ...[
            first ? ch.name : '',
            first ? what(m, ch, levelName) : '',
            s.level ? levelName(s.level) : '',
            s.level ? arrow(score(m, s.before), score(m, s.after)) : '',
            s.level ? arrow(s.before?.class ?? '—', s.after?.class ?? '—') : '',
            s.level ? arrow(mark(m, s.before), mark(m, s.after)) : '',
          ].map(cell),
        ].join(' | ')} |`,
      );
    });
  }
  return `${out.join('\n')}\n`;
}

export function diffJson({ rev, commit, changes, totals }: DiffInput): string {
  const outcome = (o: Outcome | undefined) => (o ? { total: Number(o.total), max: Number(o.max), class: o.class ?? null, recognized: o.recognized, exemplary: o.exemplary } : null);
  return `${JSON.stringify(
    {
      base: { rev, commit },
      totals: { recognized: { before: totals.recognized[0], after: totals.recognized[1] }, exemplary: { before: totals.exemplary[0], after: totals.exemplary[1] } },
      models: changes.map((c) => ({
        id: c.id,
        name: c.name,
        file: c.file,
        status: c.status,
        from: c.from ?? null,
        keys: c.keys,
        reached: c.reached ?? null,
        stepsCompleted: c.stepsCompleted,
        stepsUncompleted: c.stepsUncompleted,
        sheets: c.sheets,
        scores: c.scores.map((s) => ({ level: s.level, before: outcome(s.before), after: outcome(s.after) })),
      })),
    },
    null,
    2,
  )}\n`;
}
