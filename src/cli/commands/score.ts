import { InvalidArgumentError, Option, type Command } from 'commander';
import { results, type Filters, type Row } from '../../core/results.js';
import { Ratio } from '../../core/decimal.js';
import { FIELDS, type Assessment, type Field, type Framework, type Model } from '../../core/types.js';
import { InputError, UsageError } from '../../errors.js';
import { checkedWorkspace } from '../../workspace/checked.js';
import type { Ctx } from '../context.js';
import { explain, explainJson, scoreCsv, scoreJson, scoreMarkdown, scoreTable } from '../reporters/score.js';
import { parseCount } from './validate.js';

export interface ScopeOptions {
  year?: number;
  level?: string;
  unit?: string;
  field?: Field;
}

/**
 * Loads, validates and scores the workspace; refuses when a file it needs has errors.
 * For documents (`documents`), the level defaults to the config's, and a year and level are needed.
 */
export function scoredRows(ctx: Ctx, paths: string[], opts: ScopeOptions, extra: { explain?: string; documents?: boolean } = {}) {
  const { m } = ctx;
  const { ws, validation } = checkedWorkspace(ctx, paths);
  const year = opts.year ?? ws.config.year;
  const level = opts.level ?? (extra.documents ? ws.config.level : undefined);
  if (level !== undefined && !ws.levels.some((l) => l.id === level)) {
    throw new UsageError(m.unknownLevel(level, ws.levels.map((l) => l.id)));
  }
  if (extra.documents && (year === undefined || level === undefined)) return { ws, rows: [] as Row[], year, level };
  const filters: Filters = { year, level, unit: opts.unit, field: opts.field };
  let modelFiles = ws.files.filter((f) => f.kind === 'model');
  let assessmentFiles = ws.files.filter((f) => f.kind === 'assessment');
  // Named files narrow the scope: the named models, and the models of named score sheets.
  if (paths.length) {
    const namedSheets = assessmentFiles.filter((f) => ws.named.has(f));
    const ids = new Set([...modelFiles.filter((f) => ws.named.has(f)).map((f) => f.data?.id), ...namedSheets.map((f) => f.data?.model)]);
    if (namedSheets.length) assessmentFiles = namedSheets;
    modelFiles = modelFiles.filter((f) => ids.has(f.data?.id));
  }
  const inScope = modelFiles.filter((f) => f.data && (extra.explain ? f.data.id === extra.explain : true));
  if (extra.explain && inScope.length === 0) throw new UsageError(m.cli.score.noSuchModel(extra.explain));
  const scopeIds = new Set(inScope.map((f) => f.data!.id));
  const sheets = assessmentFiles.filter((f) => scopeIds.has(f.data?.model) && (filters.level === undefined || f.data?.level === filters.level));
  const frameworkIds = new Set(sheets.map((f) => f.data?.framework));
  const frameworkFiles = ws.files.filter((f) => f.kind === 'criteria' && frameworkIds.has(f.data?.id));

  // Files whose errors would make a number wrong: refuse, and say which.
  const needed = [...inScope.filter((f) => extra.explain || filters.year === undefined || f.data?.year === filters.year), ...sheets, ...frameworkFiles];
  const broken = needed.filter((f) => validation.failed.has(f));
  if (broken.length) {
    const files = new Set(broken.map((f) => f.path));
    throw new InputError(
      m.cli.score.refused([...files]),
      validation.diagnostics.filter((d) => files.has(d.file) && d.severity === 'error'),
    );
  }
  const frameworks = new Map<string, Framework>(frameworkFiles.map((f) => [f.data!.id as string, f.data as unknown as Framework]));
  const rows = results(
    {
      models: inScope.map((f) => ({ data: f.data as unknown as Model, file: f.path })),
      assessments: sheets.map((f) => ({ data: f.data as unknown as Assessment, file: f.path })),
      frameworks,
      levels: ws.levels,
    },
    extra.explain ? { level: filters.level } : filters,
    m,
  );
  return { ws, rows, year, level };
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
    .action((paths: string[], opts: ScopeOptions & { format: string; explain?: string; failUnder?: Ratio }) => {
      const { ws, rows } = scoredRows(ctx, paths, opts, { explain: opts.explain });
      const o = { m, levels: ws.levels, color: ctx.color, width: ctx.io.stdout.isTTY ? ctx.io.stdout.columns : undefined };
      if (opts.explain) {
        ctx.out(opts.format === 'json' ? explainJson(rows) : explain(rows, o));
      } else if (rows.length === 0) {
        ctx.err(`${t.empty}\n`);
      } else {
        ctx.out(
          opts.format === 'json' ? scoreJson(rows)
          : opts.format === 'csv' ? scoreCsv(rows, o)
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
