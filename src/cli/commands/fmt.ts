// `dvk fmt`: canonical formatting of the workspace's YAML files (src/core/fmt.ts decides the
// form). Lists the files that would change (--check), rewrites them (--write), or prints one
// file formatted. A file is written only when its data and its comments come through unchanged.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { SchemaSet } from '../../core/fmt.js';
import { toDiagnostic } from '../../core/load.js';
import type { Diagnostic } from '../../core/types.js';
import { UsageError } from '../../errors.js';
import type { Msg } from '../../i18n/index.js';
import { rewriteFile } from '../../workspace/atomic.js';
import { openWorkspace } from '../../workspace/workspace.js';
import { SCHEMAS, schemaText } from './schema.js';
import { printError, useColor, type Ctx, type GlobalOptions } from '../context.js';
import { stylish } from '../reporters/stylish.js';
import { summarize } from '../reporters/types.js';
import { addStdinOption, stdinInput } from '../stdin.js';
import { terminalText } from '../reporters/escape.js';
import { pushAll } from '../../core/arrays.js';

/** Every JSON Schema shipped with dvk, by path relative to schemas/ (`steps/register.schema.json`). */
export function readSchemas(): SchemaSet {
  return Object.fromEntries(Object.keys(SCHEMAS).map((name) => [SCHEMAS[name]!, JSON.parse(schemaText(name)) as unknown]));
}

interface FmtOptions {
  check?: boolean;
  write?: boolean;
  stdinFilename?: string;
}

export function registerFmt(program: Command, ctx: Ctx): void {
  const { m } = ctx;
  const t = m.cli.fmt;
  const cmd = program
    .command('fmt')
    .description(t.description)
    .argument('[paths...]', t.paths)
    .option('--check', t.check)
    .option('--write', t.write)
    .addHelpText('after', t.examples);
  addStdinOption(cmd, ctx).action(async (args: string[], opts: FmtOptions, command: Command) => {
    if (opts.check && opts.write) throw new UsageError(t.checkAndWrite);
    if (opts.write && args.includes('-')) throw new UsageError(t.stdinWrite);
    const { paths, stdin } = await stdinInput(ctx, args, opts.stdinFilename);
    const errColor = useColor(ctx.io.stderr, ctx.io.env, command.optsWithGlobals<GlobalOptions>().color);
    const report = (e: Msg) => printError(ctx, e, errColor);

    const ws = openWorkspace({ cwd: ctx.cwd, m, named: paths, stdin });
    // One file named (or standard input) and nothing asked: print it formatted, like a filter.
    const named = stdin ? [stdin.path, ...paths] : paths;
    const single = !opts.check && !opts.write && named.length === 1 && (stdin !== undefined || fs.statSync(path.resolve(ctx.cwd, paths[0]!)).isFile());
    const mode = opts.write ? 'write' : single ? 'print' : 'check';
    const schemas = readSchemas();
    // The formatter needs the yaml package: loaded only here, not at every start.
    const { formatYaml, unsafeChange } = await import('../../core/fmt.js');

    const files = ws.files.filter((f) => ws.named.has(f));
    const skipped: Diagnostic[] = [];
    let skippedFiles = 0;
    let failed = 0;
    let changed = 0;
    for (const file of files) {
      const errors = file.findings.filter((f) => f.severity === 'error');
      if (!file.kind || errors.length) {
        pushAll(skipped, errors.map((f) => toDiagnostic(file, f)));
        skippedFiles++;
        continue;
      }
      const abs = path.resolve(ws.root, file.rel);
      // The bytes as they are (with a BOM, if any): loading dropped it.
      const original = stdin && abs === path.resolve(ctx.cwd, stdin.path) ? Buffer.from(stdin.bytes).toString('utf8') : fs.readFileSync(abs, 'utf8');
      let text: string;
      try {
        const result = formatYaml(original, file.kind, schemas);
        const why = result.changed ? unsafeChange(original, result.text) : undefined;
        if (why) {
          report(t.unsafe(file.path, why));
          failed++;
          continue;
        }
        text = result.text;
      } catch (e) {
        report(t.failed(file.path, (e as Error).message));
        failed++;
        continue;
      }
      if (mode === 'print') {
        ctx.out(text);
        continue;
      }
      if (text === original) continue;
      changed++;
      if (mode === 'write') rewriteFile(abs, text);
      ctx.out(`${terminalText(file.path)}\n`);
    }

    if (skipped.length) ctx.err(stylish({ diagnostics: skipped, summary: summarize(skipped, skippedFiles), m, version: ctx.version }, { color: errColor }));
    if (!ctx.quiet && mode !== 'print') {
      const total = files.length - skippedFiles - failed;
      // No ✔ when files were skipped: the run fails.
      const clean = skippedFiles === 0 && failed === 0;
      ctx.err(`${mode === 'write' ? t.written(changed, total, clean) : changed ? t.unformatted(changed, total) : t.formatted(total, clean)}\n`);
    }
    // The last line says why the run fails.
    if (skipped.length) ctx.err(`${t.skipped(skippedFiles)}\n`);
    ctx.exitCode = failed ? 70 : skippedFiles || (mode === 'check' && changed) ? 1 : 0;
  });
}
