import path from 'node:path';
import type { Command } from 'commander';
import type { Row } from '../../core/results.js';
import { reportStats } from '../../core/stats.js';
import { DvkError, InputError } from '../../errors.js';
import { messages } from '../../i18n/index.js';
import type { Ctx } from '../context.js';
import { addDocOptions, documentDateOf, documentNumber, documentScope, groupRows, writeDocuments, type DocOptions } from '../documents.js';
import { scoreScope } from '../scope.js';

export function registerReport(program: Command, ctx: Ctx): void {
  const { m } = ctx;
  const t = m.cli.report;
  const cmd = program.command('report').description(t.description).argument('[paths...]', m.cli.validate.paths);
  addDocOptions(cmd, ctx)
    .option('--number <n>', t.number)
    .addHelpText('after', t.examples)
    .action(async (paths: string[], opts: DocOptions) => {
      const { loaded, ws, rows, year, level } = documentScope(ctx, paths, opts);
      if (rows.length === 0) throw new InputError(t.nothing(year));
      // Last year's figures, for comparison, when its data is in the workspace and sound.
      let previous: Row[] = [];
      try {
        previous = scoreScope(m, loaded, { paths, year: year - 1, level: level.id, words: messages('vi') });
      } catch (e) {
        if (!(e instanceof DvkError)) throw e;
        ctx.err(`${t.noPrevious(year - 1)}\n`);
      }
      const date = documentDateOf(ctx, opts.date, ws.config.report?.date);
      const number = documentNumber(opts.number, ws.config.report?.number);
      const [{ reportDocument }, { pack, documentTimestamp }] = await Promise.all([import('../../render/report.js'), import('../../render/pack.js')]);
      const stamp = documentTimestamp(date, ctx.io.env);
      const before = opts.by ? new Map(groupRows(previous, opts.by, ws.levels).map((g) => [g.key, g.rows])) : undefined;
      await writeDocuments(
        ctx,
        opts,
        { ws, outDir: path.resolve(ws.root, ws.paths.out), base: `bao-cao-${year}-${level.id}`, rows, levels: ws.levels },
        (group) => async () => {
          const stats = reportStats(year, group?.rows ?? rows, ws.levels.map((l) => l.id), group ? (before?.get(group.key) ?? []) : previous);
          return pack(reportDocument({ config: ws.config, stats, level, levels: ws.levels, number, date, scope: group?.label }), stamp);
        },
        (written) => t.done(written),
      );
    });
}
