// Reading a workspace as it was at a git revision, without checking it out: `git ls-tree` for
// the file list and one `git cat-file --batch` for the contents. Also: files changed since a
// revision, and the default base for a pull request.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import type { Messages } from '../i18n/index.js';

function git(cwd: string, args: string[], input?: string): Buffer {
  return execFileSync('git', args, { cwd, input, maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'pipe'] });
}

function ok(cwd: string, args: string[]): string | undefined {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/** The top folder of the repository holding `dir` (or its nearest existing parent); undefined outside git. */
export function gitTop(dir: string): string | undefined {
  while (!fs.existsSync(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  const top = ok(dir, ['rev-parse', '--show-toplevel']);
  return top ? fs.realpathSync(path.resolve(top)) : undefined;
}

/** The repository's top folder; a usage error outside git. */
export function gitRoot(cwd: string, m: Messages): string {
  const top = gitTop(cwd);
  if (top === undefined) throw new UsageError(m.cli.git.notRepo(cwd));
  return top;
}

/** The commit a revision names; a usage error when it names none. */
export function resolveRev(root: string, rev: string, m: Messages): string {
  const sha = ok(root, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
  if (!sha) throw new UsageError(m.cli.git.unknownRev(rev));
  return sha;
}

/** The base of a pull request: the merge base with the default branch (origin's HEAD, main or master). */
export function defaultBase(root: string, m: Messages): string {
  const candidates = [ok(root, ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD']), 'origin/main', 'origin/master', 'main', 'master'];
  for (const branch of candidates) {
    if (!branch || !ok(root, ['rev-parse', '--verify', '--quiet', `${branch}^{commit}`])) continue;
    const base = ok(root, ['merge-base', 'HEAD', branch]);
    if (base) return base;
  }
  throw new UsageError(m.cli.git.noBase);
}

/** The branch the current one tracks (`origin/main`), or HEAD when it tracks none: what `dvk diff` compares with by default. */
export function upstreamOrHead(root: string): string {
  return ok(root, ['rev-parse', '--abbrev-ref', '--symbolic-full-name', '@{upstream}']) || 'HEAD';
}

/** Files under `dir` (relative to the repository) at `rev`, as repository-relative paths. */
export function filesAt(root: string, rev: string, dir: string): string[] {
  const out = git(root, ['ls-tree', '-r', '-z', '--name-only', rev, '--', dir || '.']).toString('utf8');
  return out.split('\0').filter(Boolean);
}

/** The contents of files at `rev`, by repository-relative path (one git process for all). */
export function readAt(root: string, rev: string, files: string[]): Map<string, Uint8Array> {
  const result = new Map<string, Uint8Array>();
  if (files.length === 0) return result;
  const out = git(root, ['cat-file', '--batch'], files.map((f) => `${rev}:${f}`).join('\n') + '\n');
  let pos = 0;
  for (const f of files) {
    const eol = out.indexOf(0x0a, pos);
    const header = out.subarray(pos, eol).toString('utf8');
    pos = eol + 1;
    const m = /^\S+ (\S+) (\d+)$/.exec(header);
    if (!m) continue; // "missing"
    const size = Number(m[2]);
    if (m[1] === 'blob') result.set(f, new Uint8Array(out.subarray(pos, pos + size)));
    pos += size + 1;
  }
  return result;
}

/** Repository-relative paths changed in the working tree since `rev`, untracked files included. */
export function changedSince(root: string, rev: string): Set<string> {
  const diff = git(root, ['diff', '--name-only', '-z', rev, '--']).toString('utf8').split('\0');
  const untracked = git(root, ['ls-files', '--others', '--exclude-standard', '-z']).toString('utf8').split('\0');
  return new Set([...diff, ...untracked].filter(Boolean));
}

/** A workspace path as git names it: relative to the repository's top folder, with `/`. */
export function repoPath(top: string, root: string, rel = ''): string {
  // git reports the top folder with symbolic links resolved; so must the workspace's.
  const real = path.join(fs.realpathSync(root), rel);
  return path.relative(top, real).split(path.sep).join('/');
}

/**
 * The commit checked out in the repository holding `root`, and whether any of `files` (relative
 * to `root`) differs from it; undefined outside git or before the first commit.
 */
export function headCommit(root: string, files: string[]): { commit: string; dirty: boolean } | undefined {
  const commit = ok(root, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  if (!commit) return undefined;
  const status = ok(root, ['status', '--porcelain', '--untracked-files=all', '--', ...files]);
  return { commit, dirty: status !== '' };
}
