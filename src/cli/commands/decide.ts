import path from 'node:path';
import { Option, type Command } from 'commander';
import { fileSlug } from '../../core/ids.js';
import type { Row } from '../../core/results.js';
import { isValidDate } from '../../core/hints.js';
import { InputError, UsageError } from '../../errors.js';
import type { Ctx } from '../context.js';
import { relative, runJobs, type Job } from '../batch.js';
import { messages } from '../../i18n/index.js';
import { checkedWorkspace } from '../../workspace/checked.js';
import { checkLevel, scoreScope } from '../scope.js';
import { parseCount } from './validate.js';

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

/** The key and printed label of a model's group in a batch. */
export function groupOf(r: Row, by: GroupBy, levelLabel: (id: string) => string, fieldLabel: (f: string) => string): { key: string; label: string } {
  if (by === 'unit') return { key: r.model.unit.name, label: r.model.unit.name };
  if (by === 'level') return { key: r.model.unit.level, label: levelLabel(r.model.unit.level) };
  return { key: r.model.field, label: fieldLabel(r.model.field) };
}

export function groupRows(rows: Row[], label: (r: Row) => { key: string; label: string }): { key: string; label: string; rows: Row[] }[] {
  const map = new Map<string, { key: string; label: string; rows: Row[] }>();
  for (const r of rows) {
    const g = label(r);
    if (!map.has(g.key)) map.set(g.key, { ...g, rows: [] });
    map.get(g.key)!.rows.push(r);
  }
  return [...map.values()].sort((a, b) => a.label.localeCompare(b.label, 'vi'));
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

export function registerDecide(program: Command, ctx: Ctx): void {
  const { m } = ctx;
  const t = m.cli.decide;
  const cmd = program.command('decide').description(t.description).argument('[paths...]', m.cli.validate.paths);
  addDocOptions(cmd, ctx)
    .option('--number <n>', t.number)
    .addHelpText('after', t.examples)
    .action(async (paths: string[], opts: DocOptions) => {
      const { ws, rows, year, level } = documentScope(ctx, paths, opts);
      const recognized = rows
        .filter((r) => r.recognition?.recognized)
        .sort((a, b) => (a.model.type === b.model.type ? b.result!.total.cmp(a.result!.total) || (a.model.id < b.model.id ? -1 : 1) : a.model.type === 'collective' ? -1 : 1));
      if (recognized.length === 0) throw new InputError(t.nothing(year, level.label ?? level.id));
      const date = documentDateOf(ctx, opts.date, ws.config.decision?.date);
      const number = opts.number ?? (ws.config.decision?.number !== undefined ? String(ws.config.decision.number) : undefined);
      const { decisionDocument } = await import('../../render/decision.js');
      const { pack, documentTimestamp } = await import('../../render/pack.js');
      const { fieldLabel } = await import('../../render/labels.js');
      const stamp = documentTimestamp(date, ctx.io.env);
      const render = (list: Row[], scope?: string) => () => pack(decisionDocument({ config: ws.config, year, level, number, date, recognized: list, scope }), stamp);
      const out = path.resolve(ws.root, ws.paths.out);
      const base = `quyet-dinh-${year}-${level.id}`;
      let jobs: Job[];
      if (opts.by) {
        const dir = opts.output ? path.resolve(ctx.cwd, opts.output) : path.join(out, base);
        const taken = new Set<string>();
        const levelLabel = (id: string) => ws.levels.find((l) => l.id === id)?.label ?? id;
        jobs = groupRows(recognized, (r) => groupOf(r, opts.by!, levelLabel, fieldLabel)).map((g) => ({
          file: path.join(dir, `${fileSlug(g.label, taken)}.docx`),
          label: g.label,
          render: render(g.rows, g.label),
        }));
      } else {
        jobs = [{ file: opts.output ? path.resolve(ctx.cwd, opts.output) : path.join(out, `${base}.docx`), label: base, render: render(recognized) }];
      }
      const { written, interrupted } = await runJobs(ctx, jobs);
      if (!ctx.quiet) {
        for (const f of written) ctx.out(`${relative(ctx, f)}\n`);
        ctx.err(`${t.done(written.length, recognized.length)}\n`);
      }
      if (interrupted) {
        ctx.err(`${m.cli.docs.interrupted(written.length, jobs.length)}\n`);
        ctx.exitCode = 130;
      }
    });
}

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
  const rows = scoreScope(m, loaded, { paths, year, level: levelId, words: messages('vi') });
  return { loaded, ws, rows, year, level };
}
