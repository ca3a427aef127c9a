// The one entry point: parses arguments, runs a command, and is the single place that turns
// errors into messages and exit codes. Returns the exit code; never calls process.exit().
import fs from 'node:fs';
import path from 'node:path';
import { Command, CommanderError, Help, Option } from 'commander';
import { DvkError, UsageError } from '../errors.js';
import type { Lang, Messages } from '../i18n/index.js';
import { LANGS, loadMessages, pickLang } from '../i18n/lang.js';
import { summarize } from './reporters/types.js';
import { printError, useColor, VERSION, writeParts, type Ctx, type GlobalOptions, type Io } from './context.js';
import { COMMANDS, commandOf } from './commands/index.js';
import { nearest } from '../core/hints.js';
import { findConfig } from '../workspace/find-config.js';

const FILE_ERRORS = new Set(['EISDIR', 'ENOTDIR', 'ENOENT', 'EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EEXIST', 'ENAMETOOLONG', 'EBUSY', 'ENOTREG']);

/** `--lang` read ahead of parsing, so that help and parse errors are in the right language. */
function langFromArgv(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === '--lang') return argv[i + 1];
    if (a.startsWith('--lang=')) return a.slice('--lang='.length);
  }
  return undefined;
}

/** `-C`/`--cwd` read ahead of parsing, to find the config before the program is built. */
function cwdFromArgv(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === '-C' || a === '--cwd') return argv[i + 1];
    if (a.startsWith('--cwd=')) return a.slice('--cwd='.length);
    if (/^-C./.test(a)) return a.slice(2);
  }
  return undefined;
}

/** `lang:` in the dvk.config.yaml that applies; a config that cannot be read says nothing here. */
async function configLang(io: Io, argv: string[]): Promise<Lang | undefined> {
  const file = findConfig(path.resolve(io.cwd, cwdFromArgv(argv) ?? '.'));
  if (!file) return undefined;
  try {
    const text = fs.readFileSync(file, 'utf8');
    // The parser only when there is a config to read.
    const { fastParse, yaml } = await import('../core/parse.js');
    const data = (fastParse(text)?.data ?? yaml().parse(text)) as { lang?: unknown } | null;
    return typeof data?.lang === 'string' ? pickLang(data.lang, undefined) : undefined;
  } catch {
    return undefined;
  }
}

async function buildProgram(ctx: Ctx, argv: string[]): Promise<Command> {
  const { m } = ctx;
  const words = (usage: string) => usage.replace(/\[options\]/g, `[${m.cli.help.words.options}]`).replace(/\[command\]/g, `[${m.cli.help.words.command}]`);
  const program = new Command('dvk');
  program
    .description(m.cli.description)
    .configureHelp({
      styleTitle: (title) => m.cli.help.titles[title as keyof typeof m.cli.help.titles] ?? title,
      optionDescription: (option) => {
        const extra: string[] = [];
        if (option.argChoices) extra.push(m.cli.help.choices(option.argChoices));
        if (option.defaultValue !== undefined && !option.negate && typeof option.defaultValue !== 'boolean') {
          extra.push(m.cli.help.default(String(option.defaultValueDescription ?? option.defaultValue)));
        }
        return extra.length ? `${option.description} (${extra.join(', ')})` : option.description;
      },
      // Commander's own words in usage lines ("[options] [command]"), in the user's language.
      commandUsage: (cmd) => words(new Help().commandUsage(cmd)),
      subcommandTerm: (cmd) => words(new Help().subcommandTerm(cmd)),
      argumentDescription: (argument) =>
        argument.defaultValue !== undefined ? `${argument.description} (${m.cli.help.default(String(argument.defaultValueDescription ?? argument.defaultValue))})` : argument.description,
      showGlobalOptions: true,
    })
    .configureOutput({
      writeOut: (s) => ctx.out(s),
      writeErr: (s) => ctx.err(s),
      outputError: () => {
        // Parse errors are worded by run() from the catalogue.
      },
    })
    .exitOverride()
    .showSuggestionAfterError(true)
    .helpOption('-h, --help', m.cli.help.helpOption)
    .helpCommand('help [command]', m.cli.help.helpCommand)
    .version(VERSION, '-v, --version', m.cli.help.version)
    // -V, as earlier versions had it.
    .addOption(new Option('-V').hideHelp())
    .addOption(new Option('-C, --cwd <dir>', m.cli.options.cwd))
    .addOption(new Option('--lang <lang>', m.cli.options.lang).choices(LANGS as string[]))
    .addOption(new Option('--no-color', m.cli.options.noColor))
    .addOption(new Option('-q, --quiet', m.cli.options.quiet))
    .addOption(new Option('--no-cache', m.cli.cache.option))
    .addHelpText('after', m.cli.help.footer);

  program.on('option:V', () => {
    ctx.out(`${VERSION}\n`);
    throw new CommanderError(0, 'commander.version', VERSION);
  });

  // Global options apply before any command runs.
  program.hook('preAction', (_root, command) => {
    const g = command.optsWithGlobals<GlobalOptions>();
    ctx.cwd = path.resolve(ctx.io.cwd, g.cwd ?? '.');
    // A mistyped -C must not pass as an empty workspace (CI would go green on nothing).
    const stat = fs.statSync(ctx.cwd, { throwIfNoEntry: false });
    if (!stat) throw new UsageError(m.cli.pathNotFound(g.cwd ?? '.'));
    if (!stat.isDirectory()) throw new UsageError(m.cli.places.notFolder(g.cwd ?? '.'));
    ctx.color = useColor(ctx.io.stdout, ctx.io.env, g.color);
    ctx.quiet = Boolean(g.quiet);
    ctx.cache = g.cache !== false;
  });

  // Only the command that runs is loaded; the others are listed for --help by name and description.
  const wanted = commandOf(argv);
  for (const c of COMMANDS) {
    if (c.name === wanted) (await c.load())(program, ctx);
    else program.command(c.name).description(c.description(m));
  }
  return program;
}

/** The message for a commander parse error, in the user's language. */
function parseError(m: Messages, e: CommanderError): { message: string; hint?: string } {
  const quoted = [...e.message.matchAll(/'([^']*)'/g)].map((x) => x[1]!);
  const choices = /Allowed choices are (.*)\.$/m.exec(e.message)?.[1];
  // Commander's own guess for an unknown option or command; ours for a value not in the choices.
  const suggestion = /\(Did you mean ([^)]*)\?\)/.exec(e.message)?.[1] ?? (choices && quoted[1] ? nearest(quoted[1], choices.split(', ')) : undefined);
  return m.cli.parseError(e.code, quoted, suggestion, choices, e.message.replace(/^error: /, ''));
}

export async function run(argv: string[], io: Io): Promise<number> {
  // --lang, then DVK_LANG, then lang: in the config; Vietnamese by default.
  const lang: Lang = pickLang(langFromArgv(argv), io.env.DVK_LANG) ?? (await configLang(io, argv)) ?? 'vi';
  const m = await loadMessages(lang);
  const ctx: Ctx = {
    m,
    lang,
    io,
    cwd: io.cwd,
    color: useColor(io.stdout, io.env, argv.includes('--no-color') ? false : undefined),
    quiet: false,
    cache: true,
    version: VERSION,
    out: (s) => io.stdout.write(s),
    outParts: (parts) => writeParts(io.stdout, parts),
    err: (s) => io.stderr.write(s),
    exitCode: 0,
  };
  const errColor = useColor(io.stderr, io.env, argv.includes('--no-color') ? false : undefined);
  try {
    const program = await buildProgram(ctx, argv);
    const rewrite = COMMANDS.find((c) => c.name === commandOf(argv))?.args;
    await program.parseAsync(rewrite ? rewrite(argv) : argv, { from: 'user' });
    return ctx.exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return 0;
      // `dvk help <command>` ends with exit code 0; `dvk` alone shows help as an error.
      if (e.code === 'commander.help' || e.code === 'commander.executeSubCommandAsync') return e.exitCode === 0 ? 0 : 2;
      printError(ctx, parseError(m, e), errColor);
      return 2;
    }
    if (e instanceof DvkError) {
      if (e.diagnostics.length) {
        // Loaded here, with chalk: only a command that fails on its input writes this report.
        const { stylish } = await import('./reporters/stylish.js');
        ctx.err(stylish({ diagnostics: e.diagnostics, summary: summarize(e.diagnostics, new Set(e.diagnostics.map((d) => d.file)).size), m, version: VERSION }, { color: errColor }));
      }
      printError(ctx, e, errColor);
      return e.exitCode;
    }
    const err = e as NodeJS.ErrnoException;
    if (err?.code === 'EPIPE') return ctx.exitCode;
    // A file or folder the system refuses (a folder given as -o, no permission, a full disk):
    // the user's to fix, not a bug.
    if (err?.code && err.path && FILE_ERRORS.has(err.code)) {
      printError(ctx, m.cli.fileError(path.relative(ctx.cwd, err.path) || err.path, err.code), errColor);
      return 2;
    }
    printError(ctx, m.cli.internalError(err?.message ?? String(e)), errColor);
    if (io.env.DVK_DEBUG) ctx.err(`${err?.stack ?? ''}\n`);
    return 70;
  }
}
