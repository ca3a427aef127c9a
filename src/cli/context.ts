// What every command gets: the catalogue, the streams, the folder, colour and verbosity.
import { once } from 'node:events';
import type { Lang, Messages } from '../i18n/index.js';
import { terminalText } from './reporters/escape.js';

export interface Io {
  /** Standard input: answers to questions on a terminal, `-` for validate and fmt. */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export interface Ctx {
  m: Messages;
  lang: Lang;
  io: Io;
  /** The folder to work in (`--cwd`), absolute. */
  cwd: string;
  /** Colour on stdout. */
  color: boolean;
  quiet: boolean;
  /** Use the cache between runs (`--no-cache` turns it off). */
  cache: boolean;
  version: string;
  out(text: string): void;
  /** Writes a long output a piece at a time, as fast as the reader takes it. */
  outParts(parts: Iterable<string>): Promise<void>;
  err(text: string): void;
  /** Set by a command; 0 when it never sets one. */
  exitCode: number;
}

export { VERSION } from '../assets.js';

/**
 * Writes `parts` in pieces of about 16,000 characters, waiting whenever the reader is behind.
 * A pipe is written asynchronously on POSIX: without waiting, the whole output would wait in
 * memory (100,000 models' scores: over 100 MB, and more time). Pieces this size stay in the
 * young generation of the heap; pieces of a megabyte were each a large object that only a full
 * collection frees. A reader that stops early (`| head`) ends the writing, not the command: what
 * follows the output (`--fail-under`'s exit code) still happens.
 */
export async function writeParts(stream: NodeJS.WritableStream, parts: Iterable<string>): Promise<void> {
  let text = '';
  for (const part of parts) {
    text += part;
    if (text.length > 16_000) {
      if (!stream.write(text)) {
        try {
          await once(stream, 'drain');
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code === 'EPIPE') return;
          throw e;
        }
      }
      text = '';
    }
  }
  stream.write(text);
}

/** Colour when writing to a terminal, unless NO_COLOR or --no-color; FORCE_COLOR forces it. */
export function useColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv, flag: boolean | undefined): boolean {
  if (flag === false || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}

export interface GlobalOptions {
  cwd?: string;
  lang?: string;
  color?: boolean;
  quiet?: boolean;
  cache?: boolean;
}

/** The width of the terminal standard output goes to; undefined when piped, so that output for scripts does not change. */
export const terminalWidth = (ctx: { io: Io }): number | undefined => (ctx.io.stdout.isTTY ? ctx.io.stdout.columns || 80 : undefined);

/** "Lỗi: …" and "Gợi ý: …" on stderr: how every command reports what stops it. */
export function printError(ctx: Ctx, e: { message: string; hint?: string }, color: boolean): void {
  const prefix = `${ctx.m.cli.errorPrefix}:`;
  ctx.err(`${color ? `\u001b[31m${prefix}\u001b[39m` : prefix} ${terminalText(e.message)}\n`);
  if (e.hint) ctx.err(`${ctx.m.cli.hintPrefix}: ${terminalText(e.hint)}\n`);
}
