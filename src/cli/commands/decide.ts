import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import type { Ctx } from '../context.js';
import { addDocOptions, documentDateOf, documentScope, recognizedRows, writeDocuments, type DocOptions } from '../documents.js';

export function registerDecide(program: Command, ctx: Ctx): void {
  const { m } = ctx;
  const t = m.cli.decide;
  const cmd = program.command('decide').description(t.description).argument('[paths...]', m.cli.validate.paths);
  addDocOptions(cmd, ctx, t.number)
    .addHelpText('after', t.examples)
    .action(async (paths: string[], opts: DocOptions) => {
      const { ws, rows, year, level } = documentScope(ctx, paths, opts);
      const recognized = recognizedRows(rows);
      if (recognized.length === 0) throw new InputError(t.nothing(year, level.label ?? level.id));
      const date = documentDateOf(ctx, opts.date, ws.config.decision?.date);
      const [{ decisionDocument }, { pack, documentTimestamp }] = await Promise.all([import('../../render/decision.js'), import('../../render/pack.js')]);
      const stamp = documentTimestamp(date, ctx.io.env);
      await writeDocuments(
        ctx,
        opts,
        { ws, base: `quyet-dinh-${year}-${level.id}`, rows: recognized, number: ws.config.decision?.number },
        (group, number) => () =>
          pack(decisionDocument({ config: ws.config, year, level, number, date, recognized: group?.rows ?? recognized, scope: group && { by: opts.by!, label: group.label } }), stamp),
        (written) => t.done(written, recognized.length),
      );
    });
}
