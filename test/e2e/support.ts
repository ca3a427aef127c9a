// Shared pieces of the end-to-end tests: fixture workspaces and output checks.
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { expect } from 'vitest';
import { execa } from 'execa';
import { run } from '../../src/cli/main.js';
import { BIN, FIXTURES, NODE, ROOT, workspaceFrom, type JsonReport } from '../helpers.js';

export const BASE = path.join(FIXTURES, 'base');
export const CASES = path.join(FIXTURES, 'cases');

/** Files in a case folder that describe the case and are not part of its workspace. */
export const CASE_META = ['case.json', 'generate.mjs'];

export interface ExpectedDiagnostic {
  file: string;
  line: number;
  column: number;
  rule: string;
  severity: 'error' | 'warning';
  endLine?: number;
  endColumn?: number;
  /** Substring the diagnostic's hint must contain. */
  hintIncludes?: string;
  /** Substring the diagnostic's message must contain. */
  messageIncludes?: string;
}

export interface CaseSpec {
  note?: string;
  args: string[];
  exit: number;
  diagnostics: ExpectedDiagnostic[];
}

/** Case folder names, sorted so that runs do not depend on the file system's order. */
export function caseNames(): string[] {
  return fs
    .readdirSync(CASES, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

export function readCase(name: string): CaseSpec {
  return JSON.parse(fs.readFileSync(path.join(CASES, name, 'case.json'), 'utf8')) as CaseSpec;
}

/**
 * The workspace of a case: base, overlaid with the case folder; a case's `generate.mjs` (for
 * bytes that must not pass through git: legacy encodings, BOM + CRLF, huge files) then writes
 * its files. The case's own description files are removed from the copy.
 */
export async function caseWorkspace(name: string): Promise<string> {
  const dir = path.join(CASES, name);
  const ws = workspaceFrom(BASE, dir);
  const generator = path.join(dir, 'generate.mjs');
  if (fs.existsSync(generator)) {
    const mod = (await import(pathToFileURL(generator).href)) as { default: (dir: string) => void };
    mod.default(ws);
  }
  for (const meta of CASE_META) fs.rmSync(path.join(ws, meta), { force: true });
  return ws;
}

/** A fresh copy of the base workspace. */
export function baseWorkspace(): string {
  return workspaceFrom(BASE);
}

/** `file:line:column severity rule`, the identity of a diagnostic in these tests. */
export function key(d: { file: string; line: number; column: number; severity: string; rule: string }): string {
  return `${d.file}:${d.line}:${d.column} ${d.severity} ${d.rule}`;
}

export function parseReport(stdout: string): JsonReport {
  return JSON.parse(stdout) as JsonReport;
}

/**
 * Output must never show a Node stack trace or a raw Node error for anything the user did.
 * (`Error:` is allowed only as dvk's own English prefix at the start of a line, so English runs
 * pass `allowErrorPrefix`.)
 */
export function expectNoStackTrace(text: string, opts: { allowErrorPrefix?: boolean } = {}): void {
  expect(text, 'stack frame in output').not.toMatch(/^\s+at\s+\S.*(?::\d+:\d+\)?|\(native\)|<anonymous>\)?)$/m);
  expect(text, 'node internals in output').not.toMatch(/node:internal|node:events|Node\.js v\d+/);
  expect(text, 'raw JS error in output').not.toMatch(/\b(?:TypeError|RangeError|ReferenceError|SyntaxError|AggregateError)\b:/);
  expect(text, 'unhandled error').not.toMatch(/Unhandled|EPIPE|ERR_[A-Z_]+/);
  if (!opts.allowErrorPrefix) expect(text, 'raw "Error:" in output').not.toMatch(/(^|[^\p{L}])Error:/mu);
}

/**
 * Runs dvk like `dvk()` in helpers.ts, but with the listed variables removed from the
 * environment altogether (an empty value is not the same: FORCE_COLOR= still forces colour).
 */
export async function dvkWithout(unset: string[], args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}) {
  const env: Record<string, string | undefined> = { ...process.env, DVK_LANG: '', ...opts.env };
  for (const name of unset) delete env[name];
  return execa(NODE, [BIN, ...args], { cwd: opts.cwd ?? ROOT, env, extendEnv: false, reject: false, stripFinalNewline: false });
}

/** The example's typo: `field:` misspelt `feild:` in one model of a copy of the example. Where it is, from the workspace. */
export const TYPO = { file: 'models/2023/HM/phan-loai-rac-tai-nguon.yaml', line: 7, column: 1, message: 'Khóa "feild" không hợp lệ ở gốc tệp.' };

export function misspell(ws: string): typeof TYPO {
  const file = path.join(ws, TYPO.file);
  const text = fs.readFileSync(file, 'utf8');
  expect(text.split('\n')[TYPO.line - 1]).toMatch(/^field: /);
  fs.writeFileSync(file, text.replace(/^field: /m, 'feild: '));
  return TYPO;
}

/**
 * Runs dvk in this process with standard input and output that say they are a terminal of
 * `columns` characters, typing `answers` ahead.
 */
export async function runOnTerminal(argv: string[], { answers = [], columns = 100 }: { answers?: string[]; columns?: number } = {}): Promise<{ code: number; out: string; err: string }> {
  const stdin = Object.assign(new PassThrough(), { isTTY: true });
  const stdout = Object.assign(new PassThrough(), { isTTY: true, columns });
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  stdin.end(answers.map((a) => `${a}\n`).join(''));
  const code = await run(argv, { stdin, stdout, stderr, env: { NO_COLOR: '1' }, cwd: ROOT });
  return { code, out, err };
}
