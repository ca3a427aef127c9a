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

export const CONFIG_NAME = 'dvk.config.yaml';

export function findConfig(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    const candidate = path.join(dir, CONFIG_NAME);
    if (fs.existsSync(candidate)) return candidate;
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

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
}

const slash = (p: string) => p.split(path.sep).join('/');
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

export function openWorkspace(opts: { cwd: string; m: Messages; named?: string[] }): Workspace {
  const { m } = opts;
  const cwd = path.resolve(opts.cwd);
  const configPath = findConfig(cwd);
  const root = configPath ? path.dirname(configPath) : cwd;
  const show = (abs: string) => slash(path.relative(cwd, abs)) || '.';

  let config: Config = {};
  let configFile: LoadedFile | undefined;
  let configInvalid = false;
  if (configPath) {
    configFile = loadFile(show(configPath), CONFIG_NAME, fs.readFileSync(configPath), { m, requireKind: false, defaultKind: 'config' });
    if (configFile.data && configFile.findings.length === 0 && validateAgainst('config', configFile.data).length === 0) {
      config = configFile.data as Config;
    } else {
      configInvalid = true;
    }
  }
  const paths = pathsOf(config);
  const dataDirs = (['models', 'assessments', 'criteria'] as const).map((k) => path.resolve(root, paths[k]));
  const skip = new Set([path.resolve(root, paths.out), path.resolve(root, paths.evidence)]);

  const found: string[] = [];
  walk(root, skip, found);

  const namedAbs = new Set<string>();
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
      under.forEach((f) => namedAbs.add(f));
    } else {
      namedAbs.add(abs);
    }
  }
  for (const f of namedAbs) if (!found.includes(f) && f !== configPath) found.push(f);

  const files: LoadedFile[] = configFile ? [configFile] : [];
  const named = new Set<LoadedFile>();
  if (configFile && (namedAbs.size === 0 || namedAbs.has(configPath!))) named.add(configFile);
  for (const abs of found) {
    if (abs === configPath) continue;
    const requireKind = namedAbs.has(abs) || dataDirs.some((d) => inside(abs, d));
    const file = loadFile(show(abs), slash(path.relative(root, abs)), fs.readFileSync(abs), { m, requireKind });
    // A YAML file outside the data folders without `kind` is not ours (e.g. a CI workflow).
    if (!file.kind && !requireKind) continue;
    files.push(file);
    if (namedAbs.size === 0 || namedAbs.has(abs)) named.add(file);
  }
  return { root, cwd, config, configFile, configInvalid, files, levels: levelsOf(config), paths, named };
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
