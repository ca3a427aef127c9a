// Defaults for everything dvk.config.yaml may leave out.
import path from 'node:path';
import type { Messages } from '../i18n/index.js';
import type { Finding } from './load.js';
import type { Config, LevelDef } from './types.js';

/** DESIGN.md §2: commune, district (for data before July 2025), province, central. */
export const DEFAULT_LEVELS: LevelDef[] = [
  { id: 'xa', label: 'Cấp xã' },
  { id: 'huyen', label: 'Cấp huyện' },
  { id: 'tinh', label: 'Cấp tỉnh' },
  { id: 'trung-uong', label: 'Trung ương' },
];

export const DEFAULT_PATHS = {
  models: 'models',
  assessments: 'assessments',
  criteria: 'criteria',
  evidence: 'evidence',
  out: 'out',
};
export type PathName = keyof typeof DEFAULT_PATHS;

export function levelsOf(config: Config): LevelDef[] {
  if (!config.levels) return DEFAULT_LEVELS;
  return config.levels.map((l) => (typeof l === 'string' ? (DEFAULT_LEVELS.find((d) => d.id === l) ?? { id: l }) : l));
}

export function pathsOf(config: Config): Record<PathName, string> {
  return { ...DEFAULT_PATHS, ...config.paths };
}

/** A path of the config as it reads: relative to the workspace, with `/`. */
const norm = (p: string) => path.posix.normalize(p.replace(/\\/g, '/')).replace(/\/$/, '');
const under = (p: string, dir: string) => p === dir || dir === '.' || p.startsWith(`${dir}/`);

/**
 * The kind of file held by the data folder a path lies in (relative to the workspace, with `/`);
 * none outside the data folders, or when a data folder is the workspace itself.
 */
export function dataKindOf(rel: string, paths: Record<PathName, string>): 'model' | 'assessment' | 'criteria' | undefined {
  const folder = (['models', 'assessments', 'criteria'] as const).find((k) => {
    const dir = norm(paths[k]);
    return dir !== '.' && rel !== dir && under(rel, dir);
  });
  return folder && ({ models: 'model', assessments: 'assessment', criteria: 'criteria' } as const)[folder];
}

/**
 * Rule config-paths: every folder of `paths:` lies inside the workspace, and documents are not
 * written among the inputs (`out` is not, nor holds, nor lies in a data or evidence folder).
 */
export function configPaths(config: Config, m: Messages): Finding[] {
  const paths = pathsOf(config);
  const findings: Finding[] = [];
  for (const [name, value] of Object.entries(paths) as [PathName, string][]) {
    const p = norm(value);
    if (path.posix.isAbsolute(p) || /^[A-Za-z]:/.test(p) || p === '..' || p.startsWith('../')) {
      findings.push({ rule: 'config-paths', severity: 'error', path: ['paths', name], ...m.safety.pathOutside(name, value) });
    }
  }
  const out = norm(paths.out);
  for (const name of ['models', 'assessments', 'criteria', 'evidence'] as const) {
    const dir = norm(paths[name]);
    if (under(out, dir) || under(dir, out)) {
      findings.push({ rule: 'config-paths', severity: 'error', path: ['paths', 'out'], ...m.safety.outAmongInputs(paths.out, name) });
      break;
    }
  }
  return findings;
}
