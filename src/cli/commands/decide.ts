import path from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import type { Ctx } from '../context.js';
import { addDocOptions, documentDateOf, documentNumber, documentScope, writeDocuments, type DocOptions } from '../documents.js';

export function registerDecide(program: Command, ctx: Ctx): void {
  const { m } = ctx;
  const t = m.cli.decide;
  const cmd = program.command('decide').description(t.description).argument('[paths...]', m.cli.validate.paths);
  addDocOptions(cmd, ctx)
    .option('--number <n>', t.number)
    .addHelpText('after', t.examples)
    .action(async (paths: string[], opts: DocOptions) => {
      const { ws, rows, year, level } = documentScope(ctx, paths, opts);
      // The annex lists collective models first, then individuals, each by total.
      const recognized = rows
        .filter((r) => r.recognition?.recognized)
        .sort((a, b) => (a.model.type === b.model.type ? b.result!.total.cmp(a.result!.total) || (a.model.id < b.model.id ? -1 : 1) : a.model.type === 'collective' ? -1 : 1));
      if (recognized.length === 0) throw new InputError(t.nothing(year, level.label ?? level.id));
      const date = documentDateOf(ctx, opts.date, ws.config.decision?.date);
      const number = documentNumber(opts.number, ws.config.decision?.number);
      const [{ decisionDocument }, { pack, documentTimestamp }] = await Promise.all([import('../../render/decision.js'), import('../../render/pack.js')]);
      const stamp = documentTimestamp(date, ctx.io.env);
      await writeDocuments(
        ctx,
        opts,
        { ws, outDir: path.resolve(ws.root, ws.paths.out), base: `quyet-dinh-${year}-${level.id}`, rows: recognized, levels: ws.levels },
        (group) => () => pack(decisionDocument({ config: ws.config, year, level, number, date, recognized: group?.rows ?? recognized, scope: group?.label }), stamp),
        (written) => t.done(written, recognized.length),
      );
    });
}
