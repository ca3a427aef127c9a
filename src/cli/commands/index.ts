// Every command, loaded only when it runs: `dvk --version` and `dvk validate` do not pay for
// docx, exceljs or the other commands' modules. `dvk --help` lists each by its description.
import type { Command } from 'commander';
import type { Messages } from '../../i18n/index.js';
import type { Ctx } from '../context.js';

type Register = (program: Command, ctx: Ctx) => void;

export interface CommandEntry {
  name: string;
  description(m: Messages): string;
  load(): Promise<Register>;
  /** Rewrites the arguments before parsing, for what commander cannot express. */
  args?(argv: string[]): string[];
}

export const COMMANDS: readonly CommandEntry[] = [
  { name: 'init', description: (m) => m.cli.init.description, load: async () => (await import('./init.js')).registerInit },
  {
    name: 'validate',
    description: (m) => m.cli.validate.description,
    load: async () => (await import('./validate.js')).registerValidate,
    // `--changed` takes its revision only as `--changed=REV`: a path after it stays a path.
    args: (argv) => argv.map((a) => (a === '--changed' ? '--changed=' : a)),
  },
  { name: 'status', description: (m) => m.cli.status.description, load: async () => (await import('./status.js')).registerStatus },
  { name: 'score', description: (m) => m.cli.score.description, load: async () => (await import('./score.js')).registerScore },
  { name: 'decide', description: (m) => m.cli.decide.description, load: async () => (await import('./decide.js')).registerDecide },
  { name: 'report', description: (m) => m.cli.report.description, load: async () => (await import('./report.js')).registerReport },
  { name: 'diff', description: (m) => m.cli.diff.description, load: async () => (await import('./diff.js')).registerDiff },
  { name: 'fmt', description: (m) => m.cli.fmt.description, load: async () => (await import('./fmt.js')).registerFmt },
  { name: 'schema', description: (m) => m.cli.schema.description, load: async () => (await import('./schema.js')).registerSchema },
  { name: 'new', description: (m) => m.cli.newCommand, load: async () => (await import('./new.js')).registerNew },
  { name: 'certificate', description: (m) => m.cli.certificate.description, load: async () => (await import('./certificate.js')).registerCertificate },
  { name: 'propose', description: (m) => m.cli.propose.description, load: async () => (await import('./propose.js')).registerPropose },
  { name: 'import', description: (m) => m.cli.import.description, load: async () => (await import('./import.js')).registerImport },
  { name: 'form', description: (m) => m.cli.forms.description, load: async () => (await import('./form.js')).registerForm },
  { name: 'completion', description: (m) => m.cli.completion.description, load: async () => (await import('./completion.js')).registerCompletion },
];

/** Global options that take a value: their value is not a command name. */
const VALUED = new Set(['-C', '--cwd', '--lang']);

/**
 * The command an argument list runs (`dvk -C x validate …` → validate; `dvk help score` →
 * score), or undefined for none (`dvk`, `dvk --help`, `dvk --version`).
 */
export function commandOf(argv: readonly string[]): string | undefined {
  const words: string[] = [];
  for (let i = 0; i < argv.length && words.length < 2; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (VALUED.has(a)) i++;
    else if (!a.startsWith('-')) words.push(a);
  }
  return words[0] === 'help' ? words[1] : words[0];
}
