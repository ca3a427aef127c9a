import fs from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { DEFAULT_ID_PATTERN, nextModelId, notReserved, takenIds, unitCode } from '../../core/ids.js';
import { slugify } from '../../core/hints.js';
import { yaml } from '../../core/parse.js';
import { schemaFindings, validateAgainst } from '../../core/schema.js';
import { FIELDS, MODEL_TYPES } from '../../core/types.js';
import { UsageError } from '../../errors.js';
import { writeFileAtomic } from '../../workspace/atomic.js';
import { assertConfig } from '../../workspace/checked.js';
import { openWorkspace, slash } from '../../workspace/workspace.js';
import { PACKAGE_DIR, type Ctx } from '../context.js';
import { readSchemas } from './fmt.js';
import { parseCount } from '../args.js';

interface NewModelOptions {
  id?: string;
  name?: string;
  type: string;
  field: string;
  year?: number;
  unit?: string;
  unitCode?: string;
  level?: string;
}

/** A YAML scalar as it should be written: plain where YAML allows, quoted where it must. */
const scalar = (v: string | number) => yaml().stringify(v, { lineWidth: 0 }).trimEnd();


/** The `$schema=` path from a file to a schema: the workspace's own copy if it has one, else dvk's. */
export function schemaRef(file: string, root: string, name: string): string {
  const own = path.join(root, 'schemas', `${name}.schema.json`);
  const target = fs.existsSync(own) ? own : path.join(PACKAGE_DIR, 'schemas', `${name}.schema.json`);
  return slash(path.relative(path.dirname(file), target));
}

export function registerNew(program: Command, ctx: Ctx): void {
  const { m } = ctx;
  const t = m.cli.newModel;
  const cmd = program.command('new').description(m.cli.newCommand);
  cmd
    .command('model')
    .description(t.description)
    .argument('[file]', t.file)
    .option('--name <name>', t.name)
    .addOption(new Option('--type <type>', t.type).choices(MODEL_TYPES).default('collective'))
    .addOption(new Option('--field <field>', t.field).choices(FIELDS).default('kinh-te'))
    .option('--unit <name>', t.unit)
    .option('--unit-code <code>', t.unitCode)
    .option('--level <level>', t.level)
    .addOption(new Option('--year <year>', t.year).argParser(parseCount(ctx)))
    .option('--id <id>', t.id)
    .addHelpText('after', t.examples)
    .action(async (file: string | undefined, opts: NewModelOptions) => {
      const ws = openWorkspace({ cwd: ctx.cwd, m });
      assertConfig(ws, m);
      const year = opts.year ?? ws.config.year ?? new Date().getFullYear();
      const unit = { name: opts.unit ?? t.placeholderUnit, code: opts.unitCode };
      const code = unitCode(unit);
      const level = opts.level ?? ws.levels[0]!.id;
      if (!ws.levels.some((l) => l.id === level)) throw new UsageError(m.unknownLevel(level, ws.levels.map((l) => l.id)));
      const taken = takenIds(ws.files);
      const id = opts.id ?? nextModelId(ws.config.id_pattern ?? DEFAULT_ID_PATTERN, { year, unit: code }, taken);
      if (!/^[A-Z0-9]+(-[A-Z0-9]+)*$/.test(id)) throw new UsageError(t.badId(id));
      if (taken.has(id)) throw new UsageError(t.idTaken(id));
      const name = opts.name ?? t.placeholderName;
      const target = file
        ? path.resolve(ctx.cwd, file)
        : path.join(ws.root, ws.paths.models, String(year), notReserved(code), `${notReserved((opts.name && slugify(opts.name).slice(0, 60)) || id.toLowerCase())}.yaml`);
      if (fs.existsSync(target)) throw new UsageError(t.exists(slash(path.relative(ctx.cwd, target))));

      // Today, for a model of this year; the first of January for a model of another year.
      const now = new Date().toISOString().slice(0, 10);
      const today = now.startsWith(`${year}-`) ? now : `${year}-01-01`;
      const values: Record<string, string> = {
        schema: schemaRef(target, ws.root, 'model'),
        file: slash(path.relative(ctx.cwd, target)),
        id,
        name: scalar(name),
        type: opts.type,
        field: opts.field,
        year: String(year),
        unitName: scalar(unit.name),
        unitCode: scalar(code),
        level,
        levels: ws.levels.map((l) => l.id).join(', '),
        today,
      };
      const template = fs.readFileSync(path.join(PACKAGE_DIR, 'templates', 'model.yaml'), 'utf8');
      // Written in fmt's canonical form, so that `dvk fmt --check` passes on a new file.
      const { formatYaml } = await import('../../core/fmt.js');
      const text = formatYaml(template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k] ?? ''), 'model', readSchemas()).text;
      // A file dvk writes passes dvk validate: a value out of range (--year 0) is refused here.
      const data = yaml().parse(text) as unknown;
      const problem = schemaFindings(validateAgainst('model', data), data, m, () => undefined)[0];
      if (problem) throw new UsageError(problem);
      try {
        writeFileAtomic(target, text, { overwrite: false });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(t.exists(values.file!));
        throw e;
      }
      if (!ctx.quiet) ctx.out(`${t.created(values.file!, id)}\n`);
    });
}
