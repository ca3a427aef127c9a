import { Option, type Command } from 'commander';
import { Chalk } from 'chalk';
import { statusReport, type StatusReport } from '../../core/status.js';
import type { LevelDef, ModelInfo } from '../../core/types.js';
import { checkedWorkspace } from '../../workspace/checked.js';
import { terminalWidth, type Ctx } from '../context.js';
import { table, wrap } from '../table.js';
import { parseCount } from '../args.js';

export function registerStatus(program: Command, ctx: Ctx): void {
  const { m } = ctx;
  program
    .command('status')
    .description(m.cli.status.description)
    .argument('[paths...]', m.cli.validate.paths)
    .addOption(new Option('-f, --format <format>', m.cli.options.format).choices(['table', 'json']).default('table'))
    .addOption(new Option('--year <year>', m.cli.options.year).argParser(parseCount(ctx)))
    .addHelpText('after', m.cli.status.examples)
    .action((paths: string[], opts: { format: 'table' | 'json'; year?: number }) => {
      const { ws, validation } = checkedWorkspace(ctx, paths);
      const year = opts.year ?? ws.config.year;
      // Model files, and files that could not be read far enough to know their kind.
      const candidates = ws.files
        .filter((f) => ws.named.has(f) && (f.kind === 'model' || f.kind === undefined))
        .filter((f) => year === undefined || f.data?.year === undefined || f.data.year === year);
      const usable = candidates.filter((f) => validation.valid.has(f)).map((f) => ({ model: f.data as unknown as ModelInfo, file: f.path }));
      const invalid = candidates.length - usable.length;
      const report = statusReport(usable);
      ctx.out(opts.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderStatus(report, ctx, ws.levels));
      if (invalid > 0) ctx.err(`${m.cli.status.invalid(invalid)}\n`);
      ctx.exitCode = invalid > 0 ? 1 : 0;
    });
}

function renderStatus(report: StatusReport, ctx: Ctx, levels: LevelDef[]): string {
  const { m } = ctx;
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const t = m.cli.status;
  if (report.models.length === 0) return `${t.none}\n`;
  // Models taken in from a proposal bundle say where they came from.
  const sourced = report.models.some((s) => s.source);
  const levelLabel = (id: string) => levels.find((l) => l.id === id)?.label ?? id;
  const width = terminalWidth(ctx);
  const models = table(
    [
      { header: t.id },
      { header: t.unit, max: 34, min: 16 },
      { header: t.reached },
      { header: t.missing, max: 60, min: 14 },
      ...(sourced ? [{ header: m.cli.bundle.sourceColumn, max: 30, min: 12 }] : []),
    ],
    report.models.map((s) => [
      s.id,
      s.unit.name,
      s.reached ? `${t.stepShort[s.reached]}${s.complete ? ' ✓' : ''}` : t.noStep,
      s.complete ? '—' : t.missingList(s.missing),
      ...(sourced ? [s.source ? `${s.source.place ?? s.source.name} (${levelLabel(s.source.level).toLowerCase()})` : '—'] : []),
    ]),
    { bold: c.bold, width },
  );
  const n = (x: number) => m.number(x);
  const units = table(
    [
      { header: t.unit, max: 40, min: 16 }, { header: t.level },
      { header: t.models, align: 'right' }, { header: t.col.none, align: 'right' },
      { header: t.col.register, align: 'right' }, { header: t.col.implement, align: 'right' },
      { header: t.col.inspect, align: 'right' }, { header: t.col.review, align: 'right' },
      { header: t.complete, align: 'right' },
    ],
    report.units.map((u) => [
      u.unit, u.level, n(u.models), n(u.reached.none), n(u.reached.register), n(u.reached.implement),
      n(u.reached.inspect), n(u.reached.review), n(u.complete),
    ]),
    {
      bold: c.bold,
      width,
      footer: [t.total, '', n(report.total.models), n(report.total.reached.none), n(report.total.reached.register),
        n(report.total.reached.implement), n(report.total.reached.inspect), n(report.total.reached.review), n(report.total.complete)],
    },
  );
  return `${c.bold(t.modelsTitle(report.models.length))}\n${models}\n${c.bold(t.unitsTitle(report.units.length))}\n${units}\n${wrap(t.legend, width)}\n`;
}
