import { Option, type Command } from 'commander';
import { diffSnapshots, diffTotals, snapshot } from '../../core/diff.js';
import { validate } from '../../core/validate.js';
import { assertConfig } from '../../workspace/checked.js';
import { gitRoot, resolveRev, upstreamOrHead } from '../../workspace/git.js';
import { openWorkspace, openWorkspaceAt } from '../../workspace/workspace.js';
import type { Ctx } from '../context.js';
import { diffJson, diffMarkdown, diffText } from '../reporters/diff.js';

export function registerDiff(program: Command, ctx: Ctx): void {
  const { m } = ctx;
  const t = m.cli.diff;
  program
    .command('diff')
    .description(t.description)
    .argument('[rev]', t.rev)
    .addOption(new Option('-f, --format <format>', m.cli.options.format).choices(['text', 'markdown', 'json']).default('text'))
    .addHelpText('after', t.examples)
    .action((given: string | undefined, opts: { format: 'text' | 'markdown' | 'json' }) => {
      const ws = openWorkspace({ cwd: ctx.cwd, m });
      assertConfig(ws, m);
      const top = gitRoot(ws.root, m);
      const rev = given ?? upstreamOrHead(top);
      const commit = resolveRev(top, rev, m);
      const old = openWorkspaceAt(ws, top, commit, m);
      // Each side is scored as it stands; files with errors are left out of their side's scores.
      const side = (w: typeof ws) => snapshot(w.files, validate(w.files, { m, levels: w.levels }), w.levels, m);
      const before = side(old);
      const after = side(ws);
      const levelName = (id: string) => ws.levels.find((l) => l.id === id)?.label ?? id;
      const input = { rev, commit, changes: diffSnapshots(before, after), totals: diffTotals(before, after), m, levelName };
      ctx.out(opts.format === 'json' ? diffJson(input) : opts.format === 'markdown' ? diffMarkdown(input) : diffText(input));
    });
}
