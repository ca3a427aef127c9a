import path from 'node:path';
import type { Command } from 'commander';
import { nearest } from '../../core/hints.js';
import { UsageError } from '../../errors.js';
import { writeFileAtomic } from '../../workspace/atomic.js';
import { relative } from '../batch.js';
import { readAsset } from '../../assets.js';
import type { Ctx } from '../context.js';

/** Schema names as users type them, and their files under schemas/. */
export const SCHEMAS: Record<string, string> = {
  model: 'model.schema.json',
  assessment: 'assessment.schema.json',
  criteria: 'criteria.schema.json',
  config: 'config.schema.json',
  common: 'common.schema.json',
  'steps/register': 'steps/register.schema.json',
  'steps/implement': 'steps/implement.schema.json',
  'steps/inspect': 'steps/inspect.schema.json',
  'steps/review': 'steps/review.schema.json',
};

/** The text of a shipped schema, by its name as users type it. */
export const schemaText = (name: string) => readAsset(`schemas/${SCHEMAS[name]!}`);

export function registerSchema(program: Command, ctx: Ctx): void {
  const { m } = ctx;
  program
    .command('schema')
    .description(m.cli.schema.description)
    .argument('[name]', m.cli.schema.name)
    .option('--all', m.cli.schema.all)
    .option('--out <dir>', m.cli.schema.out)
    .addHelpText('after', m.cli.schema.examples)
    .action((name: string | undefined, opts: { all?: boolean; out?: string }) => {
      if (opts.all || opts.out) {
        // Every schema, as files: the relative $ids and $refs resolve between them.
        if (!opts.out) throw new UsageError(m.cli.schema.needOut);
        const dir = path.resolve(ctx.cwd, opts.out);
        const names = opts.all || name === undefined ? Object.keys(SCHEMAS) : [name];
        for (const key of names) {
          if (!SCHEMAS[key]) throw new UsageError(m.cli.schema.unknown(key, Object.keys(SCHEMAS), nearest(key, Object.keys(SCHEMAS))));
          writeFileAtomic(path.join(dir, SCHEMAS[key]), schemaText(key));
        }
        if (!ctx.quiet) ctx.out(`${m.cli.schema.written(names.length, relative(ctx, dir))}\n`);
        return;
      }
      if (name === undefined) {
        const width = Math.max(...Object.keys(SCHEMAS).map((k) => k.length));
        for (const key of Object.keys(SCHEMAS)) {
          const title = (JSON.parse(schemaText(key)) as { title: string }).title;
          ctx.out(`${key.padEnd(width)}  ${title}\n`);
        }
        return;
      }
      const key = SCHEMAS[name] ? name : SCHEMAS[`steps/${name}`] ? `steps/${name}` : undefined;
      if (!key) throw new UsageError(m.cli.schema.unknown(name, Object.keys(SCHEMAS), nearest(name, Object.keys(SCHEMAS))));
      ctx.out(schemaText(key));
    });
}
