// `dvk completion bash|zsh|fish|powershell`: a completion script generated from the definitions
// of every command (each is loaded for this; no other run loads them all).
import { Argument, Command } from 'commander';
import { completionScript, SHELLS, specOf, type Shell } from '../completion.js';
import type { Ctx } from '../context.js';
import { COMMANDS } from './index.js';

export function registerCompletion(program: Command, ctx: Ctx): void {
  const t = ctx.m.cli.completion;
  program
    .command('completion')
    .description(t.description)
    .addArgument(new Argument('<shell>', t.shell).choices(SHELLS))
    .addHelpText('after', t.examples)
    .action(async (shell: Shell) => {
      // A program like dvk's, with every command registered.
      const full = new Command('dvk');
      for (const option of program.options) full.addOption(option);
      for (const c of COMMANDS) {
        if (c.name === 'completion') full.command('completion').description(t.description).addArgument(new Argument('<shell>').choices(SHELLS));
        else (await c.load())(full, ctx);
      }
      ctx.out(completionScript(shell, { ...specOf(full), name: 'dvk' }));
    });
}
