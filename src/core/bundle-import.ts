// Taking a proposal bundle into the workspace of the level above: where each file goes, what is
// skipped and why. Nothing is overwritten: a model already there (imported before, or another
// model with its id) is skipped whole, with its score sheet and evidence.
//
// - Models go to models/<year>/<unit>/, with `source:` saying where they came from and their
//   evidence paths moved to evidence/<year>/<unit>/.
// - The lower level's score sheets go to assessments/<year>/<level>/<id>.yaml, kept as history:
//   validate checks them like any sheet, score shows them at their own level, and the level
//   above scores with its own sheets.
// - A framework is shared when the workspace has the same one (same id, same content); else it
//   is carried in under `<id>-<place>` (then `-2`, `-3` …) and the sheets are pointed at it, so it
//   never clashes with a framework of the level above that has the same id.
import { isDeepStrictEqual } from 'node:util';
import path from 'node:path/posix';
import type { Manifest } from './bundle.js';
import { plainData } from './fmt.js';
import { slugify } from './hints.js';
import { unitCode } from './ids.js';
import { yaml } from './parse.js';
import { evidencePath } from './rules/evidence.js';
import type { Kind, ModelSource } from './types.js';

export interface ImportTarget {
  levels: readonly string[];
  /** The workspace's folders, relative to its root. */
  dirs: { models: string; assessments: string; criteria: string; evidence: string };
  /** Models already in the workspace, by id. */
  models: ReadonlyMap<string, { rel: string; source?: ModelSource }>;
  /** Frameworks already in the workspace, by id: their file and data. */
  frameworks: ReadonlyMap<string, { rel: string; data: unknown }>;
  /** The bytes of a workspace file, or undefined when there is none. */
  read(rel: string): Uint8Array | undefined;
  /** A dvk file's text in the canonical form of `dvk fmt`. */
  format(text: string, kind: Kind): string;
  /** The `# yaml-language-server: $schema=…` line for a file of this kind at this path. */
  schemaLine(rel: string, kind: Kind): string;
}

export type SkipReason =
  | { code: 'imported'; file: string }
  | { code: 'id-taken'; file: string }
  | { code: 'exists'; file: string }
  | { code: 'unit-level'; level: string };

export interface FrameworkPlacement {
  id: string;
  /** The id it has in this workspace. */
  as: string;
  file: string;
  /** False when the workspace already had it. */
  written: boolean;
}

export interface ImportPlan {
  writes: { rel: string; bytes: Uint8Array }[];
  added: { id: string; file: string; assessment: string }[];
  skipped: { id: string; reason: SkipReason }[];
  frameworks: FrameworkPlacement[];
}

const encoder = new TextEncoder();
const decode = (b: Uint8Array) => new TextDecoder().decode(b).replace(/^\uFEFF/, '');
const same = (a: Uint8Array | undefined, b: Uint8Array) => a !== undefined && Buffer.compare(a, b) === 0;

/** The text with its schema line replaced (or added) and a comment under it. */
function header(text: string, schemaLine: string, comment?: string): string {
  const lines = text.split('\n');
  if (/^# yaml-language-server: \$schema=/.test(lines[0] ?? '')) lines.shift();
  return [schemaLine, ...(comment ? [`# ${comment}`] : []), ...lines].join('\n');
}

/** A YAML text with some values set (paths of keys), comments kept. */
function edit(text: string, changes: [(string | number)[], unknown][]): string {
  if (!changes.length) return text;
  const doc = yaml().parseDocument(text);
  for (const [at, value] of changes) doc.setIn(at, value);
  return doc.toString({ lineWidth: 0 });
}

/**
 * The first file of a bundle whose content does not say what the manifest says of it (a model
 * with another id, a sheet of another model or level, a framework with another id) and the key
 * that differs ("YAML" when it does not parse); undefined when all agree.
 */
export function contentMismatch(manifest: Manifest, files: ReadonlyMap<string, Uint8Array>): { file: string; key: string } | undefined {
  const check = (file: string, expected: Record<string, unknown>) => {
    const data = plainData(decode(files.get(file)!)) as Record<string, unknown> | undefined;
    if (!data || typeof data !== 'object') return { file, key: 'YAML' };
    const key = Object.keys(expected).find((k) => data[k] !== expected[k]);
    return key === undefined ? undefined : { file, key };
  };
  for (const f of manifest.frameworks) {
    const wrong = check(f.file, { kind: 'criteria', id: f.id });
    if (wrong) return wrong;
  }
  for (const m of manifest.models) {
    const wrong = check(m.file, { kind: 'model', id: m.id }) ?? check(m.assessment, { kind: 'assessment', model: m.id, level: manifest.level, framework: m.framework });
    if (wrong) return wrong;
  }
  return undefined;
}

/** Where each file of the bundle goes in this workspace, and which models are skipped. */
export function planImport(manifest: Manifest, files: ReadonlyMap<string, Uint8Array>, target: ImportTarget, words: { carried: (id: string, place: string) => string; history: (level: string, source: string) => string }): ImportPlan {
  const plan: ImportPlan = { writes: [], added: [], skipped: [], frameworks: [] };
  const planned = new Map<string, Uint8Array>();
  const origin = manifest.source.place ?? manifest.source.name;
  const source: ModelSource = {
    name: manifest.source.name,
    ...(manifest.source.place ? { place: manifest.source.place } : {}),
    level: manifest.level,
    date: manifest.date,
    ...(manifest.source.commit ? { commit: manifest.source.commit } : {}),
  };

  /** What is (or will be) at a path: planned writes first, then the workspace. */
  const at = (rel: string) => planned.get(rel) ?? target.read(rel);

  const frameworks = new Map<string, FrameworkPlacement>();
  const frameworkFor = (id: string): FrameworkPlacement => {
    const known = frameworks.get(id);
    if (known) return known;
    const file = manifest.frameworks.find((f) => f.id === id)!.file;
    const text = decode(files.get(file)!);
    const data = plainData(text) as Record<string, unknown> | undefined;
    let placement: FrameworkPlacement | undefined;
    const own = target.frameworks.get(id);
    if (own && isDeepStrictEqual(own.data, data)) placement = { id, as: id, file: own.rel, written: false };
    const base = `${id}-${slugify(origin) || 'nhap'}`;
    for (let n = 1; !placement; n++) {
      const as = n === 1 ? base : `${base}-${n}`;
      const rel = path.join(target.dirs.criteria, `${as}.yaml`);
      const existing = target.frameworks.get(as);
      if (existing !== undefined && data && isDeepStrictEqual(existing.data, { ...data, id: as })) placement = { id, as, file: existing.rel, written: false };
      else if (existing === undefined && at(rel) === undefined) placement = { id, as, file: rel, written: true };
    }
    if (placement.written) {
      const bytes = encoder.encode(target.format(header(edit(text, [[['id'], placement.as]]), target.schemaLine(placement.file, 'criteria'), words.carried(id, origin)), 'criteria'));
      planned.set(placement.file, bytes);
      plan.writes.push({ rel: placement.file, bytes });
    }
    frameworks.set(id, placement);
    plan.frameworks.push(placement);
    return placement;
  };

  for (const m of manifest.models) {
    const skip = (reason: SkipReason) => plan.skipped.push({ id: m.id, reason });
    const existing = target.models.get(m.id);
    if (existing) {
      const again = existing.source?.name === source.name && existing.source.level === source.level;
      skip({ code: again ? 'imported' : 'id-taken', file: existing.rel });
      continue;
    }
    if (!target.levels.includes(m.unit.level)) {
      skip({ code: 'unit-level', level: m.unit.level });
      continue;
    }
    const modelText = decode(files.get(m.file)!);
    const data = plainData(modelText) as { year?: unknown; evidence?: { file?: unknown }[] } | undefined;
    const year = typeof data?.year === 'number' ? String(data.year) : String(manifest.year);
    const folder = unitCode(m.unit);
    const modelRel = path.join(target.dirs.models, year, folder, path.basename(m.file));
    const sheetRel = path.join(target.dirs.assessments, year, manifest.level, `${m.id}.yaml`);
    const writes = new Map<string, Uint8Array>();

    // Evidence beside the model's folder, under the same year and unit; the same bytes already
    // there are shared, other bytes under that name stop the model.
    const moved = new Map<string, string>();
    let clash = [modelRel, sheetRel].find((rel) => at(rel) !== undefined);
    for (const e of m.evidence) {
      const rel = path.join(target.dirs.evidence, year, folder, path.basename(e));
      const there = writes.get(rel) ?? at(rel);
      if (there === undefined) writes.set(rel, files.get(e)!);
      else if (!same(there, files.get(e)!)) clash ??= rel;
      moved.set(e, rel);
    }
    if (clash !== undefined) {
      skip({ code: 'exists', file: clash });
      continue;
    }
    const evidence = (data?.evidence ?? []).flatMap((item, i) => {
      const from = typeof item?.file === 'string' ? evidencePath(item.file) : undefined;
      const to = from !== undefined ? moved.get(from) : undefined;
      return to ? [[['evidence', i, 'file'], to] as [(string | number)[], unknown]] : [];
    });
    const model = edit(modelText, [[['source'], { ...source, file: m.file }], ...evidence]);
    writes.set(modelRel, encoder.encode(target.format(header(model, target.schemaLine(modelRel, 'model')), 'model')));

    const framework = frameworkFor(m.framework);
    const sheet = edit(decode(files.get(m.assessment)!), framework.as === m.framework ? [] : [[['framework'], framework.as]]);
    writes.set(sheetRel, encoder.encode(target.format(header(sheet, target.schemaLine(sheetRel, 'assessment'), words.history(manifest.level, origin)), 'assessment')));
    for (const [rel, bytes] of writes) {
      planned.set(rel, bytes);
      plan.writes.push({ rel, bytes });
    }
    plan.added.push({ id: m.id, file: modelRel, assessment: sheetRel });
  }
  return plan;
}
