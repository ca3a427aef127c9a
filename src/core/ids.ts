// Model ids from the workspace's pattern: `{year}`, `{unit}` (the unit code) and `{nn}` (the
// first free two-digit number), e.g. DT-{year}-{unit}-{nn} -> DT-2023-HM-03.
import { slugify } from './hints.js';
import { declared, type LoadedFile } from './load.js';

export const DEFAULT_ID_PATTERN = '{unit}-{year}-{nn}';

/** A unit code for ids and folder names: the given code, or the initials of the unit's name. */
export function unitCode(unit: { name: string; code?: string }): string {
  if (unit.code) return slugify(unit.code).toUpperCase() || 'DV';
  const initials = slugify(unit.name).split('-').map((w) => w[0] ?? '').join('');
  return initials.toUpperCase() || 'DV';
}

function fillPattern(pattern: string, vars: { year: number; unit: string }, nn: number): string {
  return pattern
    .replace(/\{year\}/g, String(vars.year))
    .replace(/\{unit\}/g, vars.unit)
    .replace(/\{nn\}/g, String(nn).padStart(2, '0'))
    .toUpperCase();
}

/**
 * Ids for many new models: each the first free one, the search for a year and unit starting
 * where the last one stopped (ids are only ever taken), so that N rows cost N, not N².
 */
export function idAllocator(pattern: string, taken: ReadonlySet<string>): (vars: { year: number; unit: string }) => string {
  const next = new Map<string, number>();
  return (vars) => {
    const key = `${vars.year}\u0000${vars.unit}`;
    for (let nn = next.get(key) ?? 1; ; nn++) {
      const id = fillPattern(pattern, vars, nn);
      if (!taken.has(id) || !pattern.includes('{nn}')) {
        next.set(key, nn);
        return id;
      }
    }
  };
}

export function nextModelId(pattern: string, vars: { year: number; unit: string }, taken: ReadonlySet<string>): string {
  return idAllocator(pattern, taken)(vars);
}

/** The model ids in use, those of model files that do not parse included (as their lines give them). */
export function takenIds(files: readonly LoadedFile[]): Set<string> {
  const out = new Set<string>();
  for (const f of files) {
    const id = f.kind === 'model' ? f.data?.id : f.kind === undefined ? (f.data ?? declared(f.text)).id : undefined;
    if (id !== undefined) out.add(String(id));
  }
  return out;
}

const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/** A file or folder name Windows can hold: `con`, `NUL`, `com1`… (with any extension) get `-1`. */
export const notReserved = (name: string): string => (RESERVED.test(name) ? `${name}-1` : name);

/** A file name safe on every system, from a Vietnamese name: "Phường Hòa Mạc" -> "phuong-hoa-mac". */
export function fileSlug(name: string, taken: Set<string> = new Set()): string {
  let base = slugify(name).slice(0, 80).replace(/-+$/, '') || 'tai-lieu';
  base = notReserved(base);
  let slug = base;
  for (let i = 2; taken.has(slug); i++) slug = `${base}-${i}`;
  taken.add(slug);
  return slug;
}
