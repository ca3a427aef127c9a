import fs from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { DEFAULT_ID_PATTERN, nextModelId, notReserved, takenIds, unitCode } from '../../core/ids.js';
import { slugify } from '../../core/hints.js';
import { yaml } from '../../core/parse.js';
import { schemaFindings, validateAgainst } from '../../core/schema.js';
import { FIELDS, MODEL_TYPES } from '../../core/types.js';
import { DvkError, UsageError } from '../../errors.js';
import { matchField, matchLevel, matchType } from '../../core/import.js';
import type { LevelDef } from '../../core/types.js';
import { interactive, prompter, PromptClosed } from '../prompt.js';
import { writeFileAtomic } from '../../workspace/atomic.js';
import { assertConfig } from '../../workspace/checked.js';
import { openWorkspace, slash } from '../../workspace/workspace.js';
import { assetPath, readAsset } from '../../assets.js';
import type { Ctx } from '../context.js';
import { readSchemas } from './fmt.js';
import { parseCount } from '../args.js';

interface NewModelOptions {
  id?: string;
  name?: string;
  type?: string;
  field?: string;
  year?: number;
  unit?: string;
  unitCode?: string;
  level?: string;
}

/** What a model cannot do without, and the flag that gives each. */
const REQUIRED = { name: '--name', unit: '--unit', field: '--field' } as const;

/** A YAML scalar as it should be written: plain where YAML allows, quoted where it must. */
const scalar = (v: string | number) => yaml().stringify(v, { lineWidth: 0 }).trimEnd();


/**
 * The `$schema=` path from a file to a schema: the workspace's own copy if it has one, else
 * dvk's; the standalone executable has no file to point at, so there it is the workspace's
 * (`dvk schema --all --out schemas` writes it).
 */
export function schemaRef(file: string, root: string, name: string): string {
  const own = path.join(root, 'schemas', `${name}.schema.json`);
  const target = (!fs.existsSync(own) && assetPath(`schemas/${name}.schema.json`)) || own;
  return slash(path.relative(path.dirname(file), target));
}

export function registerNew(program: Command, ctx: Ctx): void {
  const { m } = ctx;
  const t = m.cli.newModel;
  const cmd = program.command('new').description(m.cli.newCommand);
  const model = cmd
    .command('model')
    .description(t.description)
    .argument('[file]', t.file)
    .option('--name <name>', t.name)
    .addOption(new Option('--type <type>', t.type).choices(MODEL_TYPES).default('collective'))
    .addOption(new Option('--field <field>', t.field).choices(FIELDS))
    .option('--unit <name>', t.unit)
    .option('--unit-code <code>', t.unitCode)
    .option('--level <level>', t.level)
    .addOption(new Option('--year <year>', t.year).argParser(parseCount(ctx)))
    .option('--id <id>', t.id)
    .addHelpText('after', t.examples)
    .action(async (file: string | undefined, flags: NewModelOptions, command: Command) => {
      const ws = openWorkspace({ cwd: ctx.cwd, m });
      assertConfig(ws, m);
      const missing = (Object.keys(REQUIRED) as (keyof typeof REQUIRED)[]).filter((k) => flags[k] === undefined);
      let opts = flags;
      if (missing.length && interactive(ctx.io)) {
        // On a terminal, ask for everything not given, with the defaults shown.
        const given = (k: string) => command.getOptionValueSource(k) === 'cli';
        opts = await askModel(ctx, flags, given, { levels: ws.levels, year: ws.config.year ?? new Date().getFullYear() });
      } else if (missing.length) {
        throw new UsageError(t.missingFlags(missing.map((k) => REQUIRED[k])));
      }
      const year = opts.year ?? ws.config.year ?? new Date().getFullYear();
      const unit = { name: opts.unit!, code: opts.unitCode };
      const code = unitCode(unit);
      const level = opts.level ?? ws.levels[0]!.id;
      if (!ws.levels.some((l) => l.id === level)) throw new UsageError(m.unknownLevel(level, ws.levels.map((l) => l.id)));
      const taken = takenIds(ws.files);
      const id = opts.id ?? nextModelId(ws.config.id_pattern ?? DEFAULT_ID_PATTERN, { year, unit: code }, taken);
      if (!/^[A-Z0-9]+(-[A-Z0-9]+)*$/.test(id)) throw new UsageError(t.badId(id));
      if (taken.has(id)) throw new UsageError(t.idTaken(id));
      const name = opts.name!;
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
        type: opts.type!,
        field: opts.field!,
        year: String(year),
        unitName: scalar(unit.name),
        unitCode: scalar(code),
        level,
        levels: ws.levels.map((l) => l.id).join(', '),
        today,
      };
      const template = readAsset('templates/model.yaml');
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
  // `dvk new --help` shows what `dvk new model` takes, its only kind of file.
  cmd.addHelpText('after', () => `\n${model.helpInformation()}`);
}

/** Asks for each value of a new model not given as a flag, until each answer is usable. */
async function askModel(ctx: Ctx, flags: NewModelOptions, given: (key: string) => boolean, defaults: { levels: LevelDef[]; year: number }): Promise<NewModelOptions> {
  const t = ctx.m.cli.prompts;
  const ask = prompter(ctx.io);
  const text = (a: string) => a || undefined;
  const or = <T>(fallback: T, parse: (a: string) => T | undefined) => (a: string) => (a ? parse(a) : fallback);
  const out = { ...flags };
  ctx.out(`${t.intro}\n`);
  try {
    if (!given('name')) out.name = await ask.ask(t.name, text, t.again);
    if (!given('unit')) out.unit = await ask.ask(t.unit, text, t.again);
    if (!given('unitCode')) {
      const initials = unitCode({ name: out.unit! });
      out.unitCode = await ask.ask(t.unitCode(initials), or(initials, (a) => unitCode({ name: out.unit!, code: a })), t.again);
    }
    const numbered = <T>(list: readonly T[], a: string) => (/^\d$/.test(a) ? list[Number(a) - 1] : undefined);
    if (!given('field')) out.field = await ask.ask(t.field, (a) => numbered(FIELDS, a) ?? matchField(a), t.again);
    if (!given('type')) out.type = await ask.ask(t.type, or<string>('collective', (a) => numbered(MODEL_TYPES, a) ?? matchType(a)), t.again);
    const level = defaults.levels[0]!.id;
    if (!given('level')) out.level = await ask.ask(t.level(defaults.levels.map((l) => l.id), level), or(level, (a) => matchLevel(a, defaults.levels)), t.again);
    if (!given('year')) out.year = await ask.ask(t.year(defaults.year), or(defaults.year, (a) => (/^\d{4}$/.test(a) && Number(a) >= 2000 && Number(a) <= 2100 ? Number(a) : undefined)), t.again);
  } catch (e) {
    if (!(e instanceof PromptClosed)) throw e;
    if (e.interrupted) throw new DvkError(t.cancelled.message, 130);
    const missing = (Object.keys(REQUIRED) as (keyof typeof REQUIRED)[]).filter((k) => out[k] === undefined);
    throw new UsageError(ctx.m.cli.newModel.missingFlags(missing.map((k) => REQUIRED[k])));
  } finally {
    ask.close();
  }
  return out;
}
