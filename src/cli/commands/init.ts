import fs from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { DEFAULT_LEVELS } from '../../core/config.js';
import { UsageError } from '../../errors.js';
import { writeFileAtomic } from '../../workspace/atomic.js';
import { relative } from '../batch.js';
import { PACKAGE_DIR, type Ctx } from '../context.js';
import type { Kind } from '../../core/types.js';
import { readSchemas } from './fmt.js';
import { SCHEMAS } from './schema.js';
import { parseCount } from '../args.js';

const TEMPLATES = path.join(PACKAGE_DIR, 'templates', 'init');
const FRAMEWORKS = path.join(PACKAGE_DIR, 'examples', 'duy-tien-2023', 'criteria');

/** Every file of a new workspace: its path (relative, with `/`) and content. */
export function scaffold(year: number, level: string, format: (text: string, kind: Kind) => string): Map<string, string> {
  const files = new Map<string, string>();
  const fill = (text: string, vars: Record<string, string>) => text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => vars[k] ?? '');
  const read = (name: string) => fs.readFileSync(path.join(TEMPLATES, name), 'utf8');
  const vars = { year: String(year), level };
  files.set('dvk.config.yaml', format(fill(read('dvk.config.yaml'), vars), 'config'));
  for (const name of fs.readdirSync(FRAMEWORKS).sort()) {
    // The example's frameworks, with the schema line pointing at the workspace's own copy.
    const text = fs.readFileSync(path.join(FRAMEWORKS, name), 'utf8').replace(/^# yaml-language-server: \$schema=.*$/m, '# yaml-language-server: $schema=../schemas/criteria.schema.json');
    files.set(`criteria/${name}`, format(text, 'criteria'));
  }
  files.set(`models/${year}/MAU/mau.yaml`, format(fill(read('models/mau.yaml'), { ...vars, schema: '../../../schemas/model.schema.json' }), 'model'));
  files.set('assessments/.gitkeep', '');
  files.set('evidence/.gitkeep', '');
  files.set('.gitignore', read('gitignore'));
  files.set('.gitattributes', read('gitattributes'));
  files.set('.github/workflows/dvk.yml', read('github/dvk.yml'));
  files.set('.github/CODEOWNERS', read('github/CODEOWNERS'));
  files.set('.vscode/settings.json', read('vscode-settings.json'));
  files.set('.pre-commit-config.yaml', read('pre-commit-config.yaml'));
  for (const file of Object.values(SCHEMAS)) files.set(`schemas/${file}`, fs.readFileSync(path.join(PACKAGE_DIR, 'schemas', file), 'utf8'));
  return files;
}

export function registerInit(program: Command, ctx: Ctx): void {
  const { m } = ctx;
  const t = m.cli.init;
  program
    .command('init')
    .description(t.description)
    .argument('[dir]', t.dir)
    .option('--force', t.force)
    .addOption(new Option('--year <year>', t.year).argParser(parseCount(ctx)))
    .option('--level <level>', t.level, 'xa')
    .addHelpText('after', t.examples)
    .action(async (dir: string | undefined, opts: { force?: boolean; year?: number; level: string }) => {
      const ids = DEFAULT_LEVELS.map((l) => l.id);
      if (!ids.includes(opts.level)) throw new UsageError(m.unknownLevel(opts.level, ids));
      const root = path.resolve(ctx.cwd, dir ?? '.');
      // Every dvk file in fmt's canonical form, so that the pre-commit hook passes from the start.
      const { formatYaml } = await import('../../core/fmt.js');
      const schemas = readSchemas();
      const files = scaffold(opts.year ?? new Date().getFullYear(), opts.level, (text, kind) => formatYaml(text, kind, schemas).text);
      const existing = [...files.keys()].filter((f) => fs.existsSync(path.join(root, f)));
      if (existing.length && !opts.force) throw new UsageError(t.exists(existing));
      for (const [rel, text] of files) writeFileAtomic(path.join(root, rel), text);
      const shown = relative(ctx, root);
      if (!ctx.quiet) ctx.out(`${t.done(shown, files.size)}\n${t.next(shown)}\n`);
    });
}
