// Finds the workspace (dvk.config.yaml, found by walking up like .editorconfig), its YAML files,
// and loads them. All file-system reading of the workspace happens here.
import fs from 'node:fs';
import path from 'node:path';
import type { Messages } from '../i18n/index.js';
import { configPaths, levelsOf, pathsOf, type PathName } from '../core/config.js';
import { declared, failedFile, isDvkKind, loadFile, type LoadedFile, type LoadOptions } from '../core/load.js';
import { validateAgainst } from '../core/schema.js';
import type { Config, LevelDef } from '../core/types.js';
import { UsageError } from '../errors.js';
import { loadChecked, type CheckedFiles, type EngineOptions } from './engine.js';
import { filesAt, readAt, repoPath } from './git.js';
import { CONFIG_NAME, findConfig } from './find-config.js';
import type { FileJob } from './process.js';
import { failureFinding, readLimited, type ReadFailure } from './read.js';
import { pushAll } from '../core/arrays.js';

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
export const slash = path.sep === '/' ? (p: string) => p : (p: string) => p.split(path.sep).join('/');
const isYaml = (name: string) => /\.ya?ml$/i.test(name);

interface Walk {
  /** The workspace root with symbolic links resolved. */
  realRoot: string;
  skip: Set<string>;
  /** Folders where a link to a folder dvk does not read is reported (elsewhere it is not ours). */
  dataDirs: string[];
  files: string[];
  problems: Map<string, ReadFailure>;
}

const realOr = (p: string) => {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
};

/** The YAML files under `dir`, sorted, and what could not be read. */
function walk(dir: string, w: Walk): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    w.problems.set(dir, { rule: 'file-unreadable', reason: (e as NodeJS.ErrnoException).code ?? 'EIO', folder: true });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    // path.join without its normalizing: `dir` is normalized and a name has no separator.
    const full = dir.endsWith(path.sep) ? dir + e.name : dir + path.sep + e.name;
    let isDir = e.isDirectory();
    if (e.isSymbolicLink()) {
      // Never followed: what it points to is read where it lies, if dvk reads that place; if
      // not, or if it points nowhere, the models behind it would be missed, so it is reported.
      let real: string | undefined;
      try {
        real = fs.realpathSync(full);
        isDir = fs.statSync(real).isDirectory();
      } catch {
        real = undefined;
      }
      const inData = w.dataDirs.some((d) => full === d || inside(full, d));
      if (real === undefined) {
        if (isYaml(e.name) || inData) w.problems.set(full, { rule: 'file-unreadable', reason: 'broken-link' });
        continue;
      }
      const rel = path.relative(w.realRoot, real);
      const read = (rel === '' || inside(real, w.realRoot)) && !rel.split(path.sep).some((seg) => seg.startsWith('.') || seg === 'node_modules') && ![...w.skip].some((d) => real === d || inside(real, d));
      if (!read && (isYaml(e.name) || (isDir && inData))) {
        w.problems.set(full, { rule: 'file-link', reason: real, folder: isDir });
      }
      continue;
    }
    if (isDir) {
      if (!w.skip.has(full)) walk(full, w);
    } else if (isYaml(e.name)) {
      // Not only regular files: a FIFO or a device with a YAML name is refused when read.
      w.files.push(full);
    }
  }
}

/**
 * Whether `file` lies inside `dir`, both absolute and normalized (path.resolve, path.join,
 * realpath). A prefix test, for it runs several times for each file; path.relative, which also
 * compares without case on Windows, only where the prefix is not found there.
 */
function inside(file: string, dir: string): boolean {
  // `dir` and a separator begin `file` (with no string built for the prefix).
  const prefix = dir.endsWith(path.sep) ? dir.length : dir.length + 1;
  if (file.startsWith(dir) && (prefix === dir.length || file[dir.length] === path.sep)) return file.length > prefix;
  if (process.platform !== 'win32') return false;
  const rel = path.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** A path relative to `base`, with `/`: a slice where the path lies inside (the usual case), else path.relative. */
function relativeTo(base: string): (abs: string) => string {
  const prefix = base.endsWith(path.sep) ? base : base + path.sep;
  return (abs) => slash(abs.startsWith(prefix) ? abs.slice(prefix.length) : path.relative(base, abs)) || '.';
}

interface Listing {
  files: string[];
  problems: Map<string, ReadFailure>;
}

interface Source {
  root: string;
  cwd: string;
  m: Messages;
  /** The config file's bytes, if there is one. */
  config?: Uint8Array | ReadFailure;
  /** Lists the workspace's YAML files (absolute paths), given the folders to leave out. */
  list(skip: Set<string>, dataDirs: string[]): Listing;
  read(abs: string): Uint8Array | ReadFailure;
  /** Files named on the command line (absolute); empty for all. */
  named?: Listing;
  /** The bytes read from standard input, for the file they stand for. */
  stdin?(abs: string): Uint8Array | undefined;
  /** Loads the files (every file but the config); by default, one by one as they are. `criteria`: the criteria folder. */
  load?(jobs: FileJob[], criteria: string): CheckedFiles;
}

/** Loads the config and the files of a workspace, from disk or from a git revision alike. */
function assemble(src: Source): Workspace {
  const { root, cwd, m } = src;
  const show = relativeTo(cwd);
  const relOf = relativeTo(root);
  const load = (abs: string, bytes: Uint8Array | ReadFailure, opts: Omit<LoadOptions, 'm'>) =>
    bytes instanceof Uint8Array ? loadFile(show(abs), relOf(abs), bytes, { m, ...opts }) : failedFile(show(abs), relOf(abs), failureFinding(bytes, m));
  const configPath = path.join(root, CONFIG_NAME);
  let config: Config = {};
  let configFile: LoadedFile | undefined;
  let configInvalid = false;
  if (src.config) {
    configFile = load(configPath, src.config, { requireKind: false, defaultKind: 'config' });
    if (configFile.data && configFile.findings.length === 0 && validateAgainst('config', configFile.data).length === 0 && configPaths(configFile.data as Config, m).length === 0) {
      config = configFile.data as Config;
    } else {
      configInvalid = true;
    }
  }
  const paths = pathsOf(config);
  const dataDirs = (['models', 'assessments', 'criteria'] as const).map((k) => path.resolve(root, paths[k]));
  const skip = new Set([path.resolve(root, paths.out), path.resolve(root, paths.evidence)]);
  const named = src.named ?? { files: [], problems: new Map() };
  const namedAbs = new Set([...named.files, ...named.problems.keys()]);
  const listing = src.list(skip, dataDirs);
  const found = new Set([...listing.files, ...named.files]);
  const problems = new Map([...listing.problems, ...named.problems]);

  const files: LoadedFile[] = configFile ? [configFile] : [];
  const namedFiles = new Set<LoadedFile>();
  const add = (abs: string, file: LoadedFile) => {
    files.push(file);
    if (namedAbs.size === 0 || namedAbs.has(abs)) namedFiles.add(file);
  };
  if (configFile && (namedAbs.size === 0 || namedAbs.has(configPath))) namedFiles.add(configFile);
  const jobs: FileJob[] = [];
  for (const abs of found) {
    if (abs === configPath || problems.has(abs)) continue;
    const requireKind = namedAbs.has(abs) || dataDirs.some((d) => inside(abs, d));
    const rel = relOf(abs);
    const shown = show(abs);
    // Run from the workspace's root, both are the same string: held once.
    jobs.push({ abs, show: shown === rel ? rel : shown, rel, requireKind, bytes: src.stdin?.(abs) });
  }
  const loaded = src.load
    ? src.load(jobs, dataDirs[2]!)
    : { files: jobs.map((j) => load(j.abs, src.read(j.abs), { requireKind: j.requireKind, reread: () => readBytes(src, j.abs) })), save: () => {} };
  jobs.forEach((job, i) => {
    const file = loaded.files[i]!;
    // A YAML file outside the data folders without `kind` is not ours (e.g. a CI workflow); one
    // that does not parse is, if it says so; one that cannot be read at all may be.
    const ours = file.kind || job.requireKind || (!file.data && isDvkKind(declared(file.text).kind)) || file.findings[0]?.rule === 'file-unreadable';
    if (ours) add(job.abs, file);
  });
  // What could not be read at all: it may hold models, and is in every command's scope.
  for (const [abs, failure] of problems) add(abs, failedFile(show(abs), relOf(abs), failureFinding(failure, m)));
  return { root, cwd, config, configFile, configInvalid, files, levels: levelsOf(config), paths, named: namedFiles, save: loaded.save };
}

/** A file's bytes read again (for a finding's position); empty when it can no longer be read. */
function readBytes(src: Source, abs: string): Uint8Array {
  const bytes = src.read(abs);
  return bytes instanceof Uint8Array ? bytes : new Uint8Array();
}

function walkFrom(dir: string, root: string, skip: Set<string>, dataDirs: string[]): Listing {
  const w: Walk = { realRoot: realOr(root), skip: new Set([...skip].flatMap((d) => [d, realOr(d)])), dataDirs, files: [], problems: new Map() };
  walk(dir, w);
  return { files: w.files, problems: w.problems };
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
  const named: Listing = { files: [], problems: new Map() };
  // Standard input stands in for the file it names (or is a file of its own), and is named.
  const stdinAbs = opts.stdin && path.resolve(cwd, opts.stdin.path);
  if (stdinAbs) named.files.push(stdinAbs);
  for (const p of opts.named ?? []) {
    const abs = path.resolve(cwd, p);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch {
      throw new UsageError(m.cli.pathNotFound(p));
    }
    if (stat.isDirectory()) {
      const under = walkFrom(abs, root, new Set(), []);
      pushAll(named.files, under.files);
      for (const [k, v] of under.problems) named.problems.set(k, v);
    } else {
      named.files.push(abs);
    }
  }
  return assemble({
    root,
    cwd,
    m,
    config: configPath && configPath === stdinAbs ? opts.stdin!.bytes : configPath ? readLimited(configPath) : undefined,
    list: (skip, dataDirs) => walkFrom(root, root, skip, dataDirs),
    read: (abs) => (abs === stdinAbs ? opts.stdin!.bytes : readLimited(abs)),
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
    list: (skip) => ({
      files: wanted.map((f) => path.join(ws.root, path.relative(prefix, f))).filter((abs) => ![...skip].some((dir) => abs === dir || inside(abs, dir))),
      problems: new Map(),
    }),
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
