// What every command gets: the catalogue, the streams, the folder, colour and verbosity.
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Lang, Messages } from '../i18n/index.js';

export interface Io {
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
  err(text: string): void;
  /** Set by a command; 0 when it never sets one. */
  exitCode: number;
}

const require = createRequire(import.meta.url);
export const VERSION: string = (require('../../package.json') as { version: string }).version;
/** The package's own folder (schemas/, templates/). */
export const PACKAGE_DIR = path.resolve(path.dirname(require.resolve('../../package.json')));

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

/** "Lỗi: …" and "Gợi ý: …" on stderr: how every command reports what stops it. */
export function printError(ctx: Ctx, e: { message: string; hint?: string }, color: boolean): void {
  const prefix = `${ctx.m.cli.errorPrefix}:`;
  ctx.err(`${color ? `\u001b[31m${prefix}\u001b[39m` : prefix} ${e.message}\n`);
  if (e.hint) ctx.err(`${ctx.m.cli.hintPrefix}: ${e.hint}\n`);
}
