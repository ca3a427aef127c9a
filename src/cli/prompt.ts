// Questions on a terminal (Node's readline/promises): each answer read from a buffered line
// iterator, so that answers typed (or pasted) ahead are not lost; Ctrl-C or the end of input
// ends the questions.
import readline from 'node:readline/promises';
import type { Io } from './context.js';

export class PromptClosed extends Error {
  constructor(readonly interrupted: boolean) {
    super('prompt closed');
  }
}

export interface Prompter {
  /** Asks until `parse` accepts the answer (it returns undefined to ask again, after `again`). */
  ask<T>(question: string, parse: (answer: string) => T | undefined, again: (answer: string) => string): Promise<T>;
  close(): void;
}

/** Whether dvk may ask: both standard input and output are a terminal. */
export const interactive = (io: Io) => Boolean(io.stdin?.isTTY && io.stdout.isTTY);

export function prompter(io: Io): Prompter {
  const rl = readline.createInterface({ input: io.stdin!, output: io.stdout, terminal: typeof (io.stdin as { setRawMode?: unknown }).setRawMode === 'function' });
  let interrupted = false;
  rl.on('SIGINT', () => {
    interrupted = true;
    rl.close();
  });
  const lines = rl[Symbol.asyncIterator]();
  return {
    async ask(question, parse, again) {
      for (;;) {
        rl.setPrompt(question);
        rl.prompt();
        const next = await lines.next();
        if (next.done) {
          io.stdout.write('\n');
          throw new PromptClosed(interrupted);
        }
        const answer = String(next.value).trim();
        const value = parse(answer);
        if (value !== undefined) return value;
        io.stdout.write(`${again(answer)}\n`);
      }
    },
    close: () => rl.close(),
  };
}
