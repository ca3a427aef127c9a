// Shared test helpers: run the built CLI, make temporary workspaces from fixtures.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { afterAll } from 'vitest';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = path.join(ROOT, 'bin', 'dvk.js');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');
export const EXAMPLE = path.join(ROOT, 'examples', 'duy-tien-2023');
/** The Node.js that runs bin/dvk.js: DVK_TEST_NODE (CI runs the end-to-end tests on each LTS line), else the one on PATH. */
export const NODE = process.env.DVK_TEST_NODE || 'node';

export interface Run {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs `dvk` with the given arguments; never throws on a non-zero exit. */
export async function dvk(args: string[], opts: { cwd?: string; env?: Record<string, string>; input?: string } = {}): Promise<Run> {
  const r = await execa(NODE, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { NO_COLOR: '1', DVK_LANG: '', ...opts.env },
    input: opts.input,
    reject: false,
    stripFinalNewline: false,
  });
  return { exitCode: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/** Runs `dvk` and returns its standard output as bytes (to check encodings and BOMs). */
export async function dvkBytes(args: string[], opts: { cwd?: string } = {}): Promise<{ exitCode?: number; stdout: Uint8Array }> {
  const r = await execa(NODE, [BIN, ...args], { cwd: opts.cwd ?? ROOT, env: { NO_COLOR: '1', DVK_LANG: '' }, reject: false, encoding: 'buffer', stripFinalNewline: false });
  return { exitCode: r.exitCode, stdout: r.stdout };
}

// Removed after each test file (vitest's worker processes may not see 'exit').
const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary folder, removed when the process exits. */
export function tempDir(prefix = 'dvk-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

/** Copies folders into a new temporary workspace, later ones over earlier ones. */
export function workspaceFrom(...dirs: string[]): string {
  const dir = tempDir();
  for (const d of dirs) fs.cpSync(d, dir, { recursive: true });
  return dir;
}

export function writeFile(dir: string, rel: string, content: string | Uint8Array): string {
  const file = path.join(dir, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

export interface JsonReport {
  summary: { files: number; errors: number; warnings: number };
  diagnostics: {
    file: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    severity: 'error' | 'warning';
    rule: string;
    message: string;
    hint: string | null;
  }[];
}
