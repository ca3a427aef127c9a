import { InvalidArgumentError, Option, type Command } from 'commander';
import type { Row } from '../../core/results.js';
import { Ratio } from '../../core/decimal.js';
import { FIELDS, type Field } from '../../core/types.js';
import { UsageError } from '../../errors.js';
import { checkedWorkspace } from '../../workspace/checked.js';
import { checkLevel, scoreScope } from '../scope.js';
import { terminalWidth, type Ctx } from '../context.js';
import { explain, explainJson, scoreCsv, scoreJsonParts, scoreMarkdown, scoreTable } from '../reporters/score.js';
import { parseCount } from '../args.js';

export interface ScopeOptions {
  year?: number;
  level?: string;
  unit?: string;
  field?: Field;
}

function parseTotal(ctx: Ctx) {
  return (value: string): Ratio => {
    try {
      return Ratio.of(value.replace(',', '.'));
    } catch {
      throw new InvalidArgumentError(ctx.m.cli.score.badTotal(value));
    }
  };
}

export function registerScore(program: Command, ctx: Ctx): void {
  const { m } = ctx;
  const t = m.cli.score;
  program
    .command('score')
    .description(t.description)
    .argument('[paths...]', m.cli.validate.paths)
    .addOption(new Option('-f, --format <format>', m.cli.options.format).choices(['table', 'json', 'csv', 'markdown']).default('table'))
    .option('--explain <model-id>', t.explain)
    .addOption(new Option('--year <year>', t.year).argParser(parseCount(ctx)))
    .option('--level <level>', t.level)
    .option('--unit <unit>', t.unit)
    .addOption(new Option('--field <field>', t.field).choices(FIELDS))
    .addOption(new Option('--fail-under <total>', t.failUnder).argParser(parseTotal(ctx)))
    .addHelpText('after', t.examples)
    .action(async (paths: string[], opts: ScopeOptions & { format: string; explain?: string; failUnder?: Ratio }) => {
      const loaded = checkedWorkspace(ctx, paths);
      const { ws } = loaded;
      // The workspace's own level by default, like decide and report: score sheets of other levels
      // (those a proposal bundle brings in from the level below) are history, shown with --level.
      const level = opts.level ?? ws.config.level;
      checkLevel(m, loaded, level);
      const rows = scoreScope(m, loaded, { ...opts, year: opts.year ?? ws.config.year, level, paths, explain: opts.explain, words: m });
      const o = { m, levels: ws.levels, color: ctx.color, width: terminalWidth(ctx) };
      if (opts.explain) {
        if (opts.format === 'csv' || opts.format === 'markdown') throw new UsageError(t.explainFormat);
        ctx.out(opts.format === 'json' ? explainJson(rows) : explain(rows, o));
      } else if (rows.length === 0) {
        ctx.err(`${t.empty}\n`);
      } else if (opts.format === 'json') {
        // A piece at a time: the whole text of 100,000 models is over 100 MB.
        await ctx.outParts(scoreJsonParts(rows));
      } else {
        ctx.out(
          opts.format === 'csv' ? scoreCsv(rows, o)
          : opts.format === 'markdown' ? scoreMarkdown(rows, o)
          : scoreTable(rows, o),
        );
      }
      if (opts.failUnder) {
        const under = rows.filter((r: Row) => r.result && r.result.total.lt(opts.failUnder!));
        if (under.length) {
          ctx.err(`${t.under(opts.failUnder.toString(), under.map((r) => `${r.model.id} (${m.number(r.result!.total.toString())})`))}\n`);
          ctx.exitCode = 1;
        }
      }
    });
}
