// `-` among the paths of validate and fmt: the file comes on standard input, as editors'
// format-on-save and other tools send it; --stdin-filename says which file it stands for, so
// that messages name it and its place in the workspace tells what it is.
import { Option, type Command } from 'commander';
import type { StdinFile } from '../workspace/workspace.js';
import type { Ctx } from './context.js';

export const STDIN_NAME = '<stdin>';

export function addStdinOption(cmd: Command, ctx: Ctx): Command {
  return cmd.addOption(new Option('--stdin-filename <path>', ctx.m.cli.stdin.filename));
}

/** The paths without `-`, and the file read from standard input when `-` is among them. */
export async function stdinInput(ctx: Ctx, paths: string[], filename: string | undefined): Promise<{ paths: string[]; stdin?: StdinFile }> {
  if (!paths.includes('-')) return { paths };
  const chunks: Buffer[] = [];
  for await (const chunk of ctx.io.stdin!) chunks.push(Buffer.from(chunk as Uint8Array));
  return { paths: paths.filter((p) => p !== '-'), stdin: { path: filename ?? STDIN_NAME, bytes: new Uint8Array(Buffer.concat(chunks)) } };
}
