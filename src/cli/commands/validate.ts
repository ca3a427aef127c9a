import { Option, type Command } from 'commander';
import { parseCount, parseSteps } from '../args.js';
import { evidenceCandidates } from '../../core/rules/evidence.js';
import type { StepName } from '../../core/types.js';
import { validate } from '../../core/validate.js';
import { changedSince, defaultBase, gitRoot, gitTop, repoPath, resolveRev } from '../../workspace/git.js';
import { existingEvidence, openWorkspace } from '../../workspace/workspace.js';
import type { Ctx } from '../context.js';
import { github } from '../reporters/github.js';
import { json } from '../reporters/json.js';
import { junit } from '../reporters/junit.js';
import { sarif } from '../reporters/sarif.js';
import { stylish } from '../reporters/stylish.js';
import { summarize } from '../reporters/types.js';
import { addStdinOption, stdinInput } from '../stdin.js';

export const FORMATS = ['stylish', 'json', 'github', 'sarif', 'junit'] as const;
/** Formats read by code hosts and CI, which place findings by the path from the repository's top. */
const FROM_REPO_TOP = new Set<string>(['github', 'sarif', 'junit']);

export function registerValidate(program: Command, ctx: Ctx): void {
  const { m } = ctx;
  const cmd = program
    .command('validate')
    .description(m.cli.validate.description)
    .argument('[paths...]', m.cli.validate.paths)
    .addOption(new Option('-f, --format <format>', m.cli.options.format).choices(FORMATS).default('stylish'))
    .addOption(new Option('--require <steps>', m.cli.validate.require).argParser(parseSteps(ctx)))
    .addOption(new Option('--max-warnings <n>', m.cli.validate.maxWarnings).argParser(parseCount(ctx)))
    .option('--changed [rev]', m.cli.validate.changed)
    .addOption(new Option('--since <rev>', m.cli.validate.since).conflicts('changed'))
    .addHelpText('after', m.cli.validate.examples);
  addStdinOption(cmd, ctx).action(
    async (args: string[], opts: { format: (typeof FORMATS)[number]; require?: StepName[]; maxWarnings?: number; changed?: string | true; since?: string; stdinFilename?: string }) => {
      const { paths, stdin } = await stdinInput(ctx, args, opts.stdinFilename);
      const ws = openWorkspace({ cwd: ctx.cwd, m, named: paths, stdin, engine: { m, cache: ctx.cache, need: 'index' } });
      let reported = ws.named;
      const since = opts.since ?? (typeof opts.changed === 'string' && opts.changed ? opts.changed : undefined);
      if (opts.changed !== undefined || since !== undefined) {
        // Only files changed since the base are reported; every file still takes part in the rules.
        const top = gitRoot(ws.root, m);
        const base = since === undefined ? defaultBase(top, m) : resolveRev(top, since, m);
        const changed = changedSince(top, base);
        reported = new Set([...ws.named].filter((f) => changed.has(repoPath(top, ws.root, f.rel))));
      }
      const result = validate(ws.files, {
        m,
        levels: ws.levels,
        require: opts.require,
        evidence: existingEvidence(ws, evidenceCandidates(ws.files)),
        severities: ws.config.rules,
        report: (f) => reported.has(f),
      });
      ws.save();
      const top = FROM_REPO_TOP.has(opts.format) ? gitTop(ctx.cwd) : undefined;
      const where = (file: string) => (top ? repoPath(top, ctx.cwd, file) : file);
      const summary = summarize(result.diagnostics, reported.size);
      const tooManyWarnings = opts.maxWarnings !== undefined && summary.warnings > opts.maxWarnings;
      // --quiet hides warnings, except those that fail the run (--max-warnings).
      const shown = (ctx.quiet && !tooManyWarnings ? result.diagnostics.filter((d) => d.severity === 'error') : result.diagnostics).map((d) => (top ? { ...d, file: where(d.file) } : d));
      const input = { diagnostics: shown, summary, m, version: ctx.version };
      const text =
        opts.format === 'json' ? json(input)
        : opts.format === 'github' ? github(input)
        : opts.format === 'sarif' ? sarif(input)
        : opts.format === 'junit' ? junit(input, [...reported].map((f) => where(f.path)))
        : stylish(input, { color: ctx.color });
      ctx.out(text);
      if (ws.files.length === 0 && !ctx.quiet) ctx.err(`${m.cli.validate.nothing(ws.root)}\n`);
      if (tooManyWarnings) ctx.err(`${m.cli.validate.tooManyWarnings(summary.warnings, opts.maxWarnings!)}\n`);
      // A broken dvk.config.yaml is a configuration error, whatever else is found.
      ctx.exitCode = ws.configInvalid ? 2 : summary.errors > 0 || tooManyWarnings ? 1 : 0;
    },
  );
}
