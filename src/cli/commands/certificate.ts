// `dvk certificate`: one certificate page per recognised model, onto plain paper (with a border)
// or onto pre-printed blanks (--blank-form); `--calibrate` prints the grid to line the blanks up.
import { Option, type Command } from 'commander';
import type { Row } from '../../core/results.js';
import type { Config } from '../../core/types.js';
import { InputError, UsageError } from '../../errors.js';
import { assertConfig } from '../../workspace/checked.js';
import { openWorkspace } from '../../workspace/workspace.js';
import { parseCount } from '../args.js';
import type { Ctx } from '../context.js';
import { addDocOptions, decisionReference, documentDateOf, documentScope, groupRows, recognizedRows, writeDocuments, type DocOptions } from '../documents.js';

interface CertificateOptions extends DocOptions {
  numberFrom?: number;
  decisionNumber?: string;
  decisionDate?: string;
  border: boolean;
  blankForm?: boolean;
  calibrate?: boolean;
}

/** Refuses a layout box that leaves the sheet: it would print off the paper. */
async function checkLayout(ctx: Ctx, config: Config): Promise<void> {
  const { layoutOf, sheetMm } = await import('../../render/certificate.js');
  const sheet = sheetMm(config);
  for (const [item, box] of layoutOf(config)) {
    const right = box.x + box.width;
    const bottom = box.y + (box.height ?? 0);
    if (right > sheet.width || bottom > sheet.height) throw new UsageError(ctx.m.cli.certificate.outside(item, right, bottom, sheet.width, sheet.height));
  }
}

export function registerCertificate(program: Command, ctx: Ctx): void {
  const { m } = ctx;
  const t = m.cli.certificate;
  const cmd = program.command('certificate').description(t.description).argument('[paths...]', m.cli.validate.paths);
  addDocOptions(cmd, ctx)
    .addOption(new Option('--number-from <n>', t.numberFrom).argParser(parseCount(ctx)))
    .option('--decision-number <n>', t.decisionNumber)
    .option('--decision-date <date>', t.decisionDate)
    .option('--no-border', t.border)
    .option('--blank-form', t.blankForm)
    .option('--calibrate', t.calibrate)
    .addHelpText('after', t.examples)
    .action(async (paths: string[], opts: CertificateOptions) => {
      const [render, { pack, documentTimestamp }] = await Promise.all([import('../../render/certificate.js'), import('../../render/pack.js')]);
      if (opts.calibrate) {
        const ws = openWorkspace({ cwd: ctx.cwd, m });
        assertConfig(ws, m);
        await checkLayout(ctx, ws.config);
        const stamp = documentTimestamp(documentDateOf(ctx, opts.date, ws.config.certificate?.date), ctx.io.env);
        await writeDocuments(
          ctx,
          { ...opts, by: undefined },
          { ws, base: 'can-chinh-phoi-giay-chung-nhan', rows: [], placeholders: false },
          () => () => pack(render.calibrationDocument(ws.config), stamp),
          () => t.calibrated,
        );
        return;
      }
      const { ws, rows, year, level } = documentScope(ctx, paths, opts);
      const recognized = recognizedRows(rows);
      if (recognized.length === 0) throw new InputError(t.nothing(year, level.label ?? level.id));
      if (opts.blankForm) await checkLayout(ctx, ws.config);
      const decision = decisionReference(ctx, opts, ws.config);
      const date = documentDateOf(ctx, opts.date, ws.config.certificate?.date ?? decision.date);
      // Register numbers follow the order the pages come out in: group by group with --by.
      const printed = opts.by ? groupRows(recognized, opts.by, ws.levels).flatMap((g) => g.rows) : recognized;
      const numberOf = new Map<Row, string>(opts.numberFrom === undefined ? [] : printed.map((r, i) => [r, String(opts.numberFrom! + i)]));
      const border = opts.border && ws.config.certificate?.border !== false;
      const stamp = documentTimestamp(date, ctx.io.env);
      await writeDocuments(
        ctx,
        // --number-from numbers the pages here, not the files.
        { ...opts, numberFrom: undefined },
        { ws, base: `giay-chung-nhan${opts.blankForm ? '-phoi' : ''}-${year}-${level.id}`, rows: recognized },
        (group) => () => {
          const pages = group?.rows ?? recognized;
          const input = { config: ws.config, year, level, date, decision, rows: pages, numbers: pages.map((r) => numberOf.get(r)) };
          return pack(opts.blankForm ? render.blankFormDocument(input) : render.certificateDocument(input, border), stamp);
        },
        (written) => t.done(written, recognized.length),
      );
    });
}
