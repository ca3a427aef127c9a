// What `dvk decide` and `dvk report` share: their options, the year, level and date of the
// document, the rows in scope, and the writing of one document or one per group (--by).
import path from 'node:path';
import { Option, type Command } from 'commander';
import { isValidDate } from '../core/hints.js';
import { fileSlug } from '../core/ids.js';
import type { Row } from '../core/results.js';
import type { LevelDef } from '../core/types.js';
import { UsageError } from '../errors.js';
import { messages } from '../i18n/index.js';
import { checkedWorkspace } from '../workspace/checked.js';
import { checkOutputDir, checkOutputFile } from '../workspace/output.js';
import type { Workspace } from '../workspace/workspace.js';
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
  number?: string;
  date?: string;
  output?: string;
  by?: GroupBy;
}

export interface Group {
  key: string;
  label: string;
  rows: Row[];
}

export function addDocOptions(cmd: Command, ctx: Ctx): Command {
  const t = ctx.m.cli.docs;
  return cmd
    .addOption(new Option('--year <year>', t.year).argParser(parseCount(ctx)))
    .option('--level <level>', t.level)
    .option('--date <date>', t.date)
    .option('-o, --output <path>', t.output)
    .addOption(new Option('--by <group>', t.by).choices(GROUP_BY));
}

/** The document date: --date, then the config's, then SOURCE_DATE_EPOCH, then today. */
export function documentDateOf(ctx: Ctx, flag: string | undefined, configured: string | undefined): string {
  if (flag !== undefined) {
    if (!isValidDate(flag)) throw new UsageError(ctx.m.cli.docs.badDate(flag));
    return flag;
  }
  if (configured) return configured;
  const epoch = ctx.io.env.SOURCE_DATE_EPOCH;
  const now = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
  return now.toISOString().slice(0, 10);
}

/** The document's number: --number, then the config's; none leaves room to write it in. */
export const documentNumber = (flag: string | undefined, configured: number | string | undefined) =>
  flag ?? (configured !== undefined ? String(configured) : undefined);

/** Year and level (flags, then the config), checked; the loaded workspace and its rows at that level. */
export function documentScope(ctx: Ctx, paths: string[], opts: DocOptions) {
  const { m } = ctx;
  const loaded = checkedWorkspace(ctx, paths);
  const { ws } = loaded;
  const year = opts.year ?? ws.config.year;
  if (year === undefined) throw new UsageError(m.cli.docs.needYear);
  const levelId = opts.level ?? ws.config.level;
  if (levelId === undefined) throw new UsageError(m.cli.docs.needLevel(ws.levels.map((l) => l.id)));
  checkLevel(m, loaded, levelId);
  const level = ws.levels.find((l) => l.id === levelId)!;
  // Documents are Vietnamese whatever --lang says, and so are the reasons they quote.
  const rows = scoreScope(m, loaded, { paths, year, level: levelId, words: messages('vi') });
  return { loaded, ws, rows, year, level };
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
  target: { ws: Workspace; outDir: string; base: string; rows: Row[]; levels: LevelDef[]; ext?: string },
  render: (group?: Group) => () => Promise<Uint8Array>,
  summary: (written: number) => string,
): Promise<void> {
  const ext = target.ext ?? '.docx';
  let jobs: Job[];
  if (opts.by) {
    const dir = opts.output ? path.resolve(ctx.cwd, opts.output) : path.join(target.outDir, target.base);
    checkOutputDir(target.ws, dir, ctx.m);
    const taken = new Set<string>();
    jobs = groupRows(target.rows, opts.by, target.levels).map((g) => ({ file: path.join(dir, `${fileSlug(g.label, taken)}${ext}`), label: g.label, render: render(g) }));
  } else {
    jobs = [{ file: opts.output ? path.resolve(ctx.cwd, opts.output) : path.join(target.outDir, `${target.base}${ext}`), label: target.base, render: render() }];
  }
  // Every path is checked before anything is rendered: a refused batch writes nothing.
  for (const job of jobs) checkOutputFile(target.ws, job.file, ext, ctx.m);
  const { written, interrupted } = await runJobs(ctx, jobs);
  if (!ctx.quiet) {
    for (const f of written) ctx.out(`${relative(ctx, f)}\n`);
    ctx.err(`${summary(written.length)}\n`);
  }
  if (interrupted) {
    ctx.err(`${ctx.m.cli.docs.interrupted(written.length, jobs.length)}\n`);
    ctx.exitCode = 130;
  }
}
