// `dvk form register|review`: fillable Word forms for units (design: core/forms/fields.ts).
// `dvk import <form>.docx` reads them back (cli/form-import.ts).
import path from 'node:path';
import { Option, type Command } from 'commander';
import { FIELD_CHOICES, registerSpec, reviewSpec, TYPE_CHOICES, type FormSpec } from '../../core/forms/fields.js';
import { valuesOf } from '../../core/forms/model.js';
import { knownUnits, unitKey } from '../../core/import.js';
import { fileSlug } from '../../core/ids.js';
import { nearest } from '../../core/hints.js';
import { UsageError } from '../../errors.js';
import type { FieldValue } from '../../core/forms/read.js';
import { writeFileAtomic } from '../../workspace/atomic.js';
import { checkOutputFile } from '../../workspace/output.js';
import { assertConfig } from '../../workspace/checked.js';
import { openWorkspace, type Workspace } from '../../workspace/workspace.js';
import { relative } from '../batch.js';
import type { Ctx } from '../context.js';
import { parseCount } from '../args.js';
import { readSchemas } from './fmt.js';

interface FormOptions {
  output?: string;
  unit?: string;
  year?: number;
}

/** Choice ids -> the labels a form prints. */
const choiceLabels = (ws: Workspace): Record<string, string> => ({
  ...FIELD_CHOICES,
  ...TYPE_CHOICES,
  ...Object.fromEntries(ws.levels.map((l) => [l.id, l.label ?? l.id])),
});

async function write(ctx: Ctx, ws: Workspace, output: string | undefined, base: string, spec: FormSpec, values: Map<string, FieldValue>, extra: { about?: string[]; model?: string } = {}) {
  const file = output ? path.resolve(ctx.cwd, output) : path.join(ws.root, ws.paths.out, `${base}.docx`);
  if (path.extname(file).toLowerCase() !== '.docx') throw new UsageError(ctx.m.cli.forms.badOutput(output ?? file));
  // Never over an input of the workspace, a folder or a device.
  checkOutputFile(ws, file, '.docx', ctx.m);
  const { formDocx } = await import('../../render/form.js');
  writeFileAtomic(file, formDocx({ spec, values, labels: choiceLabels(ws), ...extra }));
  ctx.out(`${relative(ctx, file)}\n`);
  if (!ctx.quiet) ctx.err(`${ctx.m.cli.forms.next}\n`);
}

export function registerForm(program: Command, ctx: Ctx): void {
  const { m } = ctx;
  const t = m.cli.forms;
  const cmd = program.command('form').description(t.description).addHelpText('after', t.examples);
  cmd
    .command('register')
    .description(t.register)
    .option('-o, --output <file>', t.output)
    .option('--unit <name>', t.unit)
    .addOption(new Option('--year <year>', t.year).argParser(parseCount(ctx)))
    .addHelpText('after', t.examples)
    .action(async (opts: FormOptions) => {
      const ws = openWorkspace({ cwd: ctx.cwd, m });
      assertConfig(ws, m);
      const values = new Map<string, FieldValue>();
      const unit = opts.unit?.normalize('NFC').replace(/\s+/g, ' ').trim();
      const year = opts.year ?? ws.config.year;
      if (unit) {
        values.set('unit.name', unit);
        const models = ws.files.filter((f) => f.kind === 'model' && f.data).map((f) => f.data);
        const level = knownUnits(models, ws.levels).get(unitKey(unit))?.level;
        if (level) values.set('unit.level', level);
      }
      if (year !== undefined) values.set('model.year', year);
      const base = ['phieu-dang-ky', year, unit && fileSlug(unit)].filter(Boolean).join('-');
      await write(ctx, ws, opts.output, base, registerSpec(readSchemas(), ws.levels), values);
    });
  cmd
    .command('review')
    .description(t.review)
    .argument('<id>', t.id)
    .option('-o, --output <file>', t.output)
    .addHelpText('after', t.examples)
    .action(async (id: string, opts: FormOptions) => {
      const ws = openWorkspace({ cwd: ctx.cwd, m });
      assertConfig(ws, m);
      const models = ws.files.filter((f) => f.kind === 'model' && f.data && typeof f.data.id === 'string');
      const file = models.find((f) => f.data!.id === id);
      if (!file || file.findings.some((x) => x.severity === 'error')) throw new UsageError(t.noModel(id, nearest(id.toUpperCase(), models.map((f) => String(f.data!.id)))));
      const spec = reviewSpec(readSchemas());
      const { reviewAbout } = await import('../../render/form.js');
      await write(ctx, ws, opts.output, `phieu-tong-ket-${id.toLowerCase()}`, spec, valuesOf(spec, file.data), { about: reviewAbout(file.data!), model: id });
    });
}
