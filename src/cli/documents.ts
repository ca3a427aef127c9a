// What `dvk decide` and `dvk report` share: their options, the year, level and date of the
// document, the rows in scope, and the writing of one document or one per group (--by).
import path from 'node:path';
import { Option, type Command } from 'commander';
import { isValidDate, suggestDate } from '../core/hints.js';
import { fileSlug } from '../core/ids.js';
import type { Row } from '../core/results.js';
import type { Config, LevelDef } from '../core/types.js';
import { InputError, UsageError } from '../errors.js';
import { toDiagnostic } from '../core/load.js';
import { placeholders, printed } from '../core/placeholders.js';
import type { Workspace } from '../workspace/workspace.js';
import { messages } from '../i18n/index.js';
import { checkedWorkspace } from '../workspace/checked.js';
import { findSoffice, pdfConverter, PdfError } from '../workspace/pdf.js';
import { checkOutputDir, checkOutputFile } from '../workspace/output.js';
import { fieldLabel } from '../render/labels.js';
import { relative, runJobs, type Job } from './batch.js';
import type { Ctx } from './context.js';
import { checkLevel, scoreScope } from './scope.js';
import { parseCount } from './args.js';

export const GROUP_BY = ['unit', 'level', 'field'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

export interface DocOptions {
  year?: number;
  level?: string;
  /** A number for the one document; false (`--no-number`) leaves it blank. */
  number?: string | false;
  /** Number the documents of a batch from this one, in the order they are listed. */
  numberFrom?: number;
  date?: string;
  output?: string;
  by?: GroupBy;
  /** PDF through LibreOffice instead of .docx (also chosen by `-o *.pdf`). */
  pdf?: boolean;
}

export interface Group {
  key: string;
  label: string;
  rows: Row[];
}

/** The options of every document command; `numberHelp` says where its number comes from. */
/** The options of every document command; the numbering ones for a document that has a number. */
export function addDocOptions(cmd: Command, ctx: Ctx, numberHelp?: string): Command {
  const t = ctx.m.cli.docs;
  cmd.addOption(new Option('--year <year>', t.year).argParser(parseCount(ctx))).option('--level <level>', t.level);
  if (numberHelp !== undefined) {
    cmd
      .addOption(new Option('--number <n>', numberHelp).conflicts('numberFrom'))
      .addOption(new Option('--number-from <n>', ctx.m.cli.numbering.from).argParser(parseCount(ctx)))
      .addOption(new Option('--no-number', ctx.m.cli.numbering.none).conflicts('numberFrom'));
  }
  return cmd
    .option('--date <date>', t.date)
    .option('-o, --output <path>', t.output)
    .option('--pdf', ctx.m.cli.pdf.option)
    .addOption(new Option('--by <group>', t.by).choices(GROUP_BY));
}

/**
 * Refuses to print template text ("(họ và tên)", "Tên đơn vị") that the config or a model in
 * the document still holds where a document prints it: exit 2 for the config, 1 for a model.
 */
export function refusePlaceholders(ctx: Ctx, ws: Workspace, rows: Row[]): void {
  const shown = new Set(rows.map((r) => r.file));
  const files = ws.files.filter((f) => f === ws.configFile || (f.kind === 'model' && shown.has(f.path)));
  const found = files.flatMap((f) =>
    placeholders(f.data)
      .filter((p) => printed(f.kind === 'config' ? 'config' : 'model', p.path))
      .map((p) => toDiagnostic(f, { rule: 'placeholder', severity: 'error', path: p.path, ...ctx.m.placeholder(p.text) })),
  );
  if (found.length === 0) return;
  const msg = ctx.m.cli.placeholders.refused([...new Set(found.map((d) => d.file))]);
  throw found.some((d) => ws.configFile && d.file === ws.configFile.path) ? new UsageError(msg, found) : new InputError(msg, found);
}

/** .docx or .pdf: `--pdf`, or the extension of `-o` for one document; any other extension is refused. */
function outputFormat(ctx: Ctx, opts: DocOptions): 'docx' | 'pdf' {
  const ext = opts.output && !opts.by ? path.extname(opts.output).toLowerCase() : undefined;
  if (ext !== undefined && ext !== '.docx' && ext !== '.pdf') throw new UsageError(ctx.m.cli.pdf.badExtension(opts.output!));
  if (opts.pdf && ext === '.docx') throw new UsageError(ctx.m.cli.pdf.docxWithPdf(opts.output!));
  return opts.pdf || ext === '.pdf' ? 'pdf' : 'docx';
}

/** The document date: --date, then the config's, then SOURCE_DATE_EPOCH, then today. */
export function documentDateOf(ctx: Ctx, flag: string | undefined, configured: string | undefined): string {
  if (flag !== undefined) {
    if (isValidDate(flag)) return flag;
    // 24/12/2023, as import reads dates and as they are written by hand.
    const dayFirst = suggestDate(flag);
    if (!dayFirst) throw new UsageError(ctx.m.cli.docs.badDate(flag));
    return dayFirst;
  }
  if (configured) return configured;
  const epoch = ctx.io.env.SOURCE_DATE_EPOCH;
  const now = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
  return now.toISOString().slice(0, 10);
}

/** A document's number: the flag, then the config's. */
export const documentNumber = (flag: string | undefined, configured: number | string | undefined) =>
  flag ?? (configured !== undefined ? String(configured) : undefined);

/** The recognition decision a certificate or a proposal quotes: --decision-number/--decision-date, then the config's. */
export function decisionReference(ctx: Ctx, opts: { decisionNumber?: string; decisionDate?: string }, config: Config): { number?: string; date?: string } {
  return {
    number: documentNumber(opts.decisionNumber, config.decision?.number),
    date: opts.decisionDate !== undefined ? documentDateOf(ctx, opts.decisionDate, undefined) : config.decision?.date,
  };
}

/**
 * The number of each of `count` documents, by its place in the printed list: `--number-from N`
 * gives N, N+1, …; one number (`--number`, else the config's) fits one document only, as a number
 * comes from the office's register; with none (or `--no-number`) the number is left blank for
 * the office to write in.
 */
export function documentNumbers(ctx: Ctx, opts: DocOptions, configured: number | string | undefined, count: number): (i: number) => string | undefined {
  if (opts.numberFrom !== undefined) return (i) => String(opts.numberFrom! + i);
  if (opts.number === false) return () => undefined;
  const one = documentNumber(opts.number, configured);
  if (one !== undefined && count > 1) throw new UsageError(ctx.m.cli.numbering.oneNumber(one, count, opts.number === undefined));
  return () => one;
}

/**
 * The level of the year's score sheets when they are all at one level (or the workspace has only
 * one level); otherwise the user must say which, and is told the levels the sheets are at.
 */
function sheetLevel(ctx: Ctx, { ws }: ReturnType<typeof checkedWorkspace>, year: number): string {
  const years = new Map<unknown, unknown>(ws.files.filter((f) => f.kind === 'model').map((f) => [f.data?.id, f.data?.year]));
  const found = new Set<string>();
  for (const f of ws.files) {
    if (f.kind === 'assessment' && typeof f.data?.level === 'string' && years.get(f.data.model) === year) found.add(f.data.level);
  }
  if (found.size === 1) return [...found][0]!;
  if (found.size === 0 && ws.levels.length === 1) return ws.levels[0]!.id;
  throw new UsageError(ctx.m.cli.docs.needLevel(ws.levels.map((l) => l.id), [...found].sort(), year));
}

/** Year and level (flags, then the config, then the year's score sheets), checked; the loaded workspace and its rows at that level. */
export function documentScope(ctx: Ctx, paths: string[], opts: DocOptions) {
  const { m } = ctx;
  const loaded = checkedWorkspace(ctx, paths);
  const { ws } = loaded;
  const year = opts.year ?? ws.config.year;
  if (year === undefined) throw new UsageError(m.cli.docs.needYear);
  const levelId = opts.level ?? ws.config.level ?? sheetLevel(ctx, loaded, year);
  checkLevel(m, loaded, levelId);
  const level = ws.levels.find((l) => l.id === levelId)!;
  // Documents are Vietnamese whatever --lang says, and so are the reasons they quote.
  const rows = scoreScope(m, loaded, { paths, year, level: levelId, words: messages('vi') });
  return { loaded, ws, rows, year, level };
}

/** The recognised rows in the order of a decision's annex: collective models first, then individuals, each by total. */
export function recognizedRows(rows: Row[]): Row[] {
  return rows
    .filter((r) => r.recognition?.recognized)
    .sort((a, b) => (a.model.type === b.model.type ? b.result!.total.cmp(a.result!.total) || (a.model.id < b.model.id ? -1 : 1) : a.model.type === 'collective' ? -1 : 1));
}

/** Rows grouped for a batch (by the unit, the unit's level or the field), in Vietnamese order. */
export function groupRows(rows: Row[], by: GroupBy, levels: LevelDef[]): Group[] {
  const map = new Map<string, Group>();
  for (const r of rows) {
    const level = r.model.unit.level;
    const [key, label] =
      by === 'unit' ? [r.model.unit.name, r.model.unit.name]
      : by === 'level' ? [level, levels.find((l) => l.id === level)?.label ?? level]
      : [r.model.field, fieldLabel(r.model.field)];
    if (!map.has(key)) map.set(key, { key, label, rows: [] });
    map.get(key)!.rows.push(r);
  }
  return [...map.values()].sort((a, b) => a.label.localeCompare(b.label, 'vi'));
}

/**
 * Writes one document, or one per group with --by (into the folder -o names, default
 * out/<base>/), then prints what was written and the summary; exit 130 when interrupted.
 */
export async function writeDocuments(
  ctx: Ctx,
  opts: DocOptions,
  /** `placeholders: false` for a page that prints nothing from the files (the calibration grid). */
  target: { ws: Workspace; base: string; rows: Row[]; number?: number | string; placeholders?: false },
  render: (group: Group | undefined, number: string | undefined) => () => Promise<Uint8Array>,
  summary: (written: number) => string,
): Promise<void> {
  if (target.placeholders !== false) refusePlaceholders(ctx, target.ws, target.rows);
  const outDir = path.resolve(target.ws.root, target.ws.paths.out);
  const format = outputFormat(ctx, opts);
  const soffice = format === 'pdf' ? findSoffice(ctx.io.env) : undefined;
  if (format === 'pdf' && !soffice) throw new UsageError(ctx.m.cli.pdf.noLibreOffice(process.platform));
  let jobs: Job[];
  if (opts.by) {
    const dir = opts.output ? path.resolve(ctx.cwd, opts.output) : path.join(outDir, target.base);
    checkOutputDir(target.ws, dir, ctx.m);
    const taken = new Set<string>();
    const groups = groupRows(target.rows, opts.by, target.ws.levels);
    const number = documentNumbers(ctx, opts, target.number, groups.length);
    jobs = groups.map((g, i) => ({ file: path.join(dir, `${fileSlug(g.label, taken)}.${format}`), label: g.label, render: render(g, number(i)) }));
  } else {
    const number = documentNumbers(ctx, opts, target.number, 1);
    jobs = [{ file: opts.output ? path.resolve(ctx.cwd, opts.output) : path.join(outDir, `${target.base}.${format}`), label: target.base, render: render(undefined, number(0)) }];
  }
  const numbered = (n: number) => (opts.by && opts.numberFrom !== undefined && n ? `\n${ctx.m.cli.numbering.numbered(opts.numberFrom, opts.numberFrom + n - 1)}` : '');
  await writeJobs(ctx, target.ws, jobs, (n) => `${summary(n)}${numbered(n)}`, soffice);
}

/**
 * Runs the jobs (each document converted to PDF by LibreOffice when `soffice` is given) once
 * their paths are checked (output.ts), then prints what was written and the summary; exit 130
 * when interrupted.
 */
export async function writeJobs(ctx: Ctx, ws: Workspace, jobs: Job[], summary: (written: number) => string, soffice?: string): Promise<void> {
  // Every path is checked before anything is rendered: a refused batch writes nothing.
  for (const job of jobs) checkOutputFile(ws, job.file, path.extname(job.file).toLowerCase(), ctx.m);
  const converter = soffice ? pdfConverter(soffice) : undefined;
  let result: Awaited<ReturnType<typeof runJobs>>;
  try {
    result = await runJobs(ctx, jobs, converter?.convert);
  } catch (e) {
    if (e instanceof PdfError) throw new UsageError(ctx.m.cli.pdf.failed(e.message));
    throw e;
  } finally {
    converter?.dispose();
  }
  const { written, interrupted } = result;
  if (!ctx.quiet) {
    for (const f of written) ctx.out(`${relative(ctx, f)}\n`);
    ctx.err(`${summary(written.length)}\n`);
  }
  if (interrupted) {
    ctx.err(`${ctx.m.cli.docs.interrupted(written.length, jobs.length)}\n`);
    ctx.exitCode = 130;
  }
}
