import path from 'node:path';
import type { Command } from 'commander';
import { fileSlug } from '../../core/ids.js';
import type { Row } from '../../core/results.js';
import { reportStats } from '../../core/stats.js';
import { DvkError } from '../../errors.js';
import { messages } from '../../i18n/index.js';
import type { Ctx } from '../context.js';
import { relative, runJobs, type Job } from '../batch.js';
import { scoreScope } from '../scope.js';
import { addDocOptions, documentDateOf, documentScope, groupOf, groupRows, type DocOptions } from './decide.js';

export function registerReport(program: Command, ctx: Ctx): void {
  const { m } = ctx;
  const t = m.cli.report;
  const cmd = program.command('report').description(t.description).argument('[paths...]', m.cli.validate.paths);
  addDocOptions(cmd, ctx)
    .option('--number <n>', t.number)
    .addHelpText('after', t.examples)
    .action(async (paths: string[], opts: DocOptions) => {
      const { loaded, ws, rows, year, level } = documentScope(ctx, paths, opts);
      if (rows.length === 0) throw new DvkError(t.nothing(year).message, 1, t.nothing(year).hint);
      // Last year's figures, for comparison, when its data is in the workspace and sound.
      let previous: Row[] = [];
      try {
        previous = scoreScope(m, loaded, { paths, year: year - 1, level: level.id, words: messages('vi') });
      } catch (e) {
        if (!(e instanceof DvkError)) throw e;
        ctx.err(`${t.noPrevious(year - 1)}\n`);
      }
      const date = documentDateOf(ctx, opts.date, ws.config.report?.date);
      const number = opts.number ?? (ws.config.report?.number !== undefined ? String(ws.config.report.number) : undefined);
      const [{ reportDocument }, { pack, documentTimestamp }, { barChartSvg, svgToPng }, { fieldLabel }] = await Promise.all([
        import('../../render/report.js'),
        import('../../render/pack.js'),
        import('../../render/chart.js'),
        import('../../render/labels.js'),
      ]);
      const stamp = documentTimestamp(date, ctx.io.env);
      const levelIds = ws.levels.map((l) => l.id);
      const levelLabel = (id: string) => ws.levels.find((l) => l.id === id)?.label ?? id;
      const render = (list: Row[], before: Row[], scope?: string) => async () => {
        const stats = reportStats(year, list, levelIds, before);
        const chart = await svgToPng(
          barChartSvg(
            stats.byField.map((b) => ({ label: fieldLabel(b.key), recognized: b.counts.recognized, other: b.counts.registered - b.counts.recognized })),
            { recognized: 'Được công nhận', other: 'Chưa được công nhận' },
          ),
        );
        return pack(reportDocument({ config: ws.config, stats, level, levels: ws.levels, number, date, chart, scope }), stamp);
      };
      const out = path.resolve(ws.root, ws.paths.out);
      const base = `bao-cao-${year}-${level.id}`;
      let jobs: Job[];
      if (opts.by) {
        const dir = opts.output ? path.resolve(ctx.cwd, opts.output) : path.join(out, base);
        const taken = new Set<string>();
        const key = (r: Row) => groupOf(r, opts.by!, levelLabel, fieldLabel);
        const before = new Map(groupRows(previous, key).map((g) => [g.key, g.rows]));
        jobs = groupRows(rows, key).map((g) => ({
          file: path.join(dir, `${fileSlug(g.label, taken)}.docx`),
          label: g.label,
          render: render(g.rows, before.get(g.key) ?? [], g.label),
        }));
      } else {
        jobs = [{ file: opts.output ? path.resolve(ctx.cwd, opts.output) : path.join(out, `${base}.docx`), label: base, render: render(rows, previous) }];
      }
      const { written, interrupted } = await runJobs(ctx, jobs);
      if (!ctx.quiet) {
        for (const f of written) ctx.out(`${relative(ctx, f)}\n`);
        ctx.err(`${t.done(written.length)}\n`);
      }
      if (interrupted) {
        ctx.err(`${m.cli.docs.interrupted(written.length, jobs.length)}\n`);
        ctx.exitCode = 130;
      }
    });
}
