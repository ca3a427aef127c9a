// Finds the workspace (dvk.config.yaml, found by walking up like .editorconfig), its YAML files,
// and loads them. All file-system reading of the workspace happens here.
import fs from 'node:fs';
import path from 'node:path';
import type { Messages } from '../i18n/index.js';
import { levelsOf, pathsOf, type PathName } from '../core/config.js';
import { loadFile, type LoadedFile } from '../core/load.js';
import { validateAgainst } from '../core/schema.js';
import type { Config, LevelDef } from '../core/types.js';
import { UsageError } from '../errors.js';
import { loadChecked, type CheckedFiles, type EngineOptions } from './engine.js';
import { filesAt, readAt, repoPath } from './git.js';
import { CONFIG_NAME, findConfig } from './find-config.js';
import type { FileJob } from './process.js';

export { CONFIG_NAME, findConfig };

export interface Workspace {
  root: string;
  /** The folder paths are shown relative to. */
  cwd: string;
  config: Config;
  configFile?: LoadedFile;
  /** Whether the config file has errors (then the defaults are used). */
  configInvalid: boolean;
  /** Every dvk file of the workspace, the config first. */
  files: LoadedFile[];
  levels: LevelDef[];
  paths: Record<PathName, string>;
  /** The files named on the command line (all files when none were named). */
  named: Set<LoadedFile>;
  /** Keeps what this run learnt in the cache (a workspace opened with `engine` and the cache on). */
  save(): void;
}

/** A path with `/` between its parts, whatever the system. */
export const slash = (p: string) => p.split(path.sep).join('/');
const isYaml = (name: string) => /\.ya?ml$/i.test(name);

function walk(dir: string, skip: Set<string>, out: string[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!skip.has(full)) walk(full, skip, out);
    } else if (e.isFile() && isYaml(e.name)) {
      out.push(full);
    }
  }
}

function inside(file: string, dir: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

interface Source {
  root: string;
  cwd: string;
  m: Messages;
  /** The config file's bytes, if there is one. */
  config?: Uint8Array;
  /** Lists the workspace's YAML files (absolute paths), given the folders to leave out. */
  list(skip: Set<string>): string[];
  read(abs: string): Uint8Array;
  /** Files named on the command line (absolute); empty for all. */
  named?: Set<string>;
  /** The bytes read from standard input, for the file they stand for. */
  stdin?(abs: string): Uint8Array | undefined;
  /** Loads the files (every file but the config); by default, one by one as they are. `criteria`: the criteria folder. */
  load?(jobs: FileJob[], criteria: string): CheckedFiles;
}

/** Loads the config and the files of a workspace, from disk or from a git revision alike. */
function assemble(src: Source): Workspace {
  const { root, cwd, m } = src;
  const show = (abs: string) => slash(path.relative(cwd, abs)) || '.';
  const configPath = path.join(root, CONFIG_NAME);
  let config: Config = {};
  let configFile: LoadedFile | undefined;
  let configInvalid = false;
  if (src.config) {
    configFile = loadFile(show(configPath), CONFIG_NAME, src.config, { m, requireKind: false, defaultKind: 'config' });
    if (configFile.data && configFile.findings.length === 0 && validateAgainst('config', configFile.data).length === 0) {
      config = configFile.data as Config;
    } else {
      configInvalid = true;
    }
  }
  const paths = pathsOf(config);
  const dataDirs = (['models', 'assessments', 'criteria'] as const).map((k) => path.resolve(root, paths[k]));
  const skip = new Set([path.resolve(root, paths.out), path.resolve(root, paths.evidence)]);
  const namedAbs = src.named ?? new Set<string>();
  const found = new Set(src.list(skip));
  for (const f of namedAbs) found.add(f);

  const files: LoadedFile[] = configFile ? [configFile] : [];
  const named = new Set<LoadedFile>();
  if (configFile && (namedAbs.size === 0 || namedAbs.has(configPath))) named.add(configFile);
  const jobs: FileJob[] = [];
  for (const abs of found) {
    if (abs === configPath) continue;
    const requireKind = namedAbs.has(abs) || dataDirs.some((d) => inside(abs, d));
    jobs.push({ abs, show: show(abs), rel: slash(path.relative(root, abs)), requireKind, bytes: src.stdin?.(abs) });
  }
  const loaded = src.load
    ? src.load(jobs, dataDirs[2]!)
    : { files: jobs.map((j) => loadFile(j.show, j.rel, src.read(j.abs), { m, requireKind: j.requireKind, reread: () => src.read(j.abs) })), save: () => {} };
  jobs.forEach((job, i) => {
    const file = loaded.files[i]!;
    // A YAML file outside the data folders without `kind` is not ours (e.g. a CI workflow).
    if (!file.kind && !job.requireKind) return;
    files.push(file);
    if (namedAbs.size === 0 || namedAbs.has(job.abs)) named.add(file);
  });
  return { root, cwd, config, configFile, configInvalid, files, levels: levelsOf(config), paths, named, save: loaded.save };
}

/** A file read from standard input (`-`), with the path it stands for. */
export interface StdinFile {
  /** As given by --stdin-filename, relative to the current folder; `<stdin>` without one. */
  path: string;
  bytes: Uint8Array;
}

/**
 * Opens the workspace in the current folder (or above it). With `engine`, the files come checked
 * (check.ts), from the cache where they have not changed, and keep only what dvk needs of them;
 * without it, they come as they are, data whole (fmt, import, new, diff).
 */
export function openWorkspace(opts: { cwd: string; m: Messages; named?: string[]; stdin?: StdinFile; engine?: EngineOptions }): Workspace {
  const { m } = opts;
  const cwd = path.resolve(opts.cwd);
  const configPath = findConfig(cwd);
  const root = configPath ? path.dirname(configPath) : cwd;
  const named = new Set<string>();
  // Standard input stands in for the file it names (or is a file of its own), and is named.
  const stdinAbs = opts.stdin && path.resolve(cwd, opts.stdin.path);
  if (stdinAbs) named.add(stdinAbs);
  for (const p of opts.named ?? []) {
    const abs = path.resolve(cwd, p);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch {
      throw new UsageError(m.cli.pathNotFound(p));
    }
    if (stat.isDirectory()) {
      const under: string[] = [];
      walk(abs, new Set(), under);
      under.forEach((f) => named.add(f));
    } else {
      named.add(abs);
    }
  }
  return assemble({
    root,
    cwd,
    m,
    config: configPath && configPath === stdinAbs ? opts.stdin!.bytes : configPath ? fs.readFileSync(configPath) : undefined,
    list: (skip) => {
      const out: string[] = [];
      walk(root, skip, out);
      return out;
    },
    read: (abs) => (abs === stdinAbs ? opts.stdin!.bytes : fs.readFileSync(abs)),
    stdin: (abs) => (abs === stdinAbs ? opts.stdin!.bytes : undefined),
    named,
    load: opts.engine && ((jobs, criteria) => loadChecked(root, jobs, opts.engine!, (job) => inside(job.abs, criteria))),
  });
}

/**
 * The same workspace as it was at a git revision (read with git, never checked out). `top` is
 * the repository's top folder; paths are shown as they are in the working tree.
 */
export function openWorkspaceAt(ws: Workspace, top: string, rev: string, m: Messages): Workspace {
  const prefix = repoPath(top, ws.root);
  const rel = (abs: string) => repoPath(top, ws.root, path.relative(ws.root, abs));
  const listed = filesAt(top, rev, prefix);
  const configRel = prefix ? `${prefix}/${CONFIG_NAME}` : CONFIG_NAME;
  const wanted = listed.filter((f) => isYaml(f) && !f.split('/').some((seg) => seg.startsWith('.') || seg === 'node_modules'));
  const contents = readAt(top, rev, wanted);
  return assemble({
    root: ws.root,
    cwd: ws.cwd,
    m,
    config: contents.get(configRel),
    list: (skip) =>
      wanted
        .map((f) => path.join(ws.root, path.relative(prefix, f)))
        .filter((abs) => ![...skip].some((dir) => abs === dir || inside(abs, dir))),
    read: (abs) => contents.get(rel(abs)) ?? new Uint8Array(),
  });
}

/** Which evidence paths named by models exist on disk (for the evidence-missing rule). */
export function existingEvidence(ws: Workspace, candidates: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const rel of candidates) {
    try {
      if (fs.statSync(path.join(ws.root, rel)).isFile()) out.add(rel);
    } catch {
      // missing: reported by the rule
    }
  }
  return out;
}
