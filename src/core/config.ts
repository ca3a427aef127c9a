// Defaults for everything dvk.config.yaml may leave out.
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
