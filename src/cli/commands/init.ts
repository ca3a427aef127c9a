import fs from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { PACKAGE, listAssets, readAsset } from '../../assets.js';
import { DEFAULT_LEVELS } from '../../core/config.js';
import { UsageError } from '../../errors.js';
import { writeFileAtomic } from '../../workspace/atomic.js';
import { gitTop } from '../../workspace/git.js';
import { slash } from '../../workspace/workspace.js';
import { relative } from '../batch.js';
import type { Ctx } from '../context.js';
import type { Kind } from '../../core/types.js';
import { readSchemas } from './fmt.js';
import { SCHEMAS } from './schema.js';
import { parseCount } from '../args.js';

const FRAMEWORKS = 'examples/duy-tien-2023/criteria';

/** Files that GitHub and pre-commit read only at the top of the git repository. */
const REPO_FILES = ['.github/workflows/dvk.yml', '.github/CODEOWNERS', '.pre-commit-config.yaml'] as const;

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Every file of a new workspace: its path (relative, with `/`) and content. `dir` is the
 * workspace's folder from the top of its git repository (`.` when it is the top): the files of
 * REPO_FILES name their paths from there.
 */
export function scaffold(year: number, level: string, dir: string, format: (text: string, kind: Kind) => string): Map<string, string> {
  const files = new Map<string, string>();
  const fill = (text: string, vars: Record<string, string>) => text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => vars[k] ?? '');
  const template = (name: string) => readAsset(`templates/init/${name}`);
  const prefix = dir === '.' ? '' : `${dir}/`;
  // Where the workflow and pre-commit get dvk: the repository at the tag of the version that runs.
  const { version, repository } = PACKAGE;
  const vars = {
    year: String(year),
    level,
    version,
    package: `${repository.url}#v${version}`,
    repo: repository.url.replace(/^git\+/, ''),
    rev: `v${version}`,
    dir: quote(dir),
    files: quote(`^${escapeRegExp(prefix)}((models|assessments|criteria)/.*\\.ya?ml|dvk\\.config\\.yaml)$`),
    owned: prefix.replace(/ /g, '\\ '),
  };
  files.set('dvk.config.yaml', format(fill(template('dvk.config.yaml'), vars), 'config'));
  for (const name of listAssets(FRAMEWORKS)) {
    // The example's frameworks, with the schema line pointing at the workspace's own copy.
    const text = readAsset(`${FRAMEWORKS}/${name}`).replace(/^# yaml-language-server: \$schema=.*$/m, '# yaml-language-server: $schema=../schemas/criteria.schema.json');
    files.set(`criteria/${name}`, format(text, 'criteria'));
  }
  files.set(`models/${year}/MAU/mau.yaml`, format(fill(template('models/mau.yaml'), { ...vars, schema: '../../../schemas/model.schema.json' }), 'model'));
  files.set('assessments/.gitkeep', '');
  files.set('evidence/.gitkeep', '');
  files.set('.gitignore', template('gitignore'));
  files.set('.gitattributes', template('gitattributes'));
  files.set('.github/workflows/dvk.yml', fill(template('github/dvk.yml'), vars));
  files.set('.github/CODEOWNERS', fill(template('github/CODEOWNERS'), vars));
  files.set('.vscode/settings.json', template('vscode-settings.json'));
  files.set('.pre-commit-config.yaml', fill(template('pre-commit-config.yaml'), vars));
  for (const file of Object.values(SCHEMAS)) files.set(`schemas/${file}`, readAsset(`schemas/${file}`));
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
      // GitHub and pre-commit read their files at the top of the repository only: inside an
      // existing repository they go there, with paths from there.
      const top = gitTop(root);
      fs.mkdirSync(root, { recursive: true });
      const sub = top ? slash(path.relative(top, fs.realpathSync(root))) || '.' : '.';
      // Every dvk file in fmt's canonical form, so that the pre-commit hook passes from the start.
      const { formatYaml } = await import('../../core/fmt.js');
      const schemas = readSchemas();
      const files = scaffold(opts.year ?? new Date().getFullYear(), opts.level, sub, (text, kind) => formatYaml(text, kind, schemas).text);
      const atTop = new Map<string, string>();
      if (top && sub !== '.') {
        for (const f of REPO_FILES) {
          atTop.set(f, files.get(f)!);
          files.delete(f);
        }
      }
      const existing = [...files.keys()].filter((f) => fs.existsSync(path.join(root, f)));
      if (existing.length && !opts.force) throw new UsageError(t.exists(existing));
      for (const [rel, text] of files) writeFileAtomic(path.join(root, rel), text);
      // A file at the top belongs to the whole repository: never replaced, even with --force.
      const kept = [...atTop.keys()].filter((f) => fs.existsSync(path.join(top!, f)));
      const placed = [...atTop.keys()].filter((f) => !kept.includes(f));
      for (const rel of placed) writeFileAtomic(path.join(top!, rel), atTop.get(rel)!);
      if (ctx.quiet) return;
      const shown = relative(ctx, root);
      ctx.out(`${t.done(shown, files.size + placed.length)}\n`);
      if (placed.length) ctx.out(`${m.cli.places.placed(relative(ctx, top!), sub, placed)}\n`);
      for (const f of kept) ctx.out(`${m.cli.places.kept(f, mergeable(f, atTop.get(f)!))}\n`);
      ctx.out(`${t.next(shown)}\n`);
    });
}

/** The part of a repository file that another one of the same name needs: its rules or hooks, without comments. */
function mergeable(file: string, text: string): string {
  if (file === '.github/workflows/dvk.yml') return text;
  const lines = text.split('\n').filter((l) => l.trim() && !l.trimStart().startsWith('#'));
  return (file === '.pre-commit-config.yaml' ? lines.filter((l) => l !== 'repos:') : lines).join('\n');
}
