// From the values of a read form to model data: a new model (register form) or the review step of
// an existing one (review form), with the checks a form needs before it is written, and which
// keys of a model file each form may change.
import { isDeepStrictEqual } from 'node:util';
import { unitCode } from '../ids.js';
import { unitKey, type ImportedModel } from '../import.js';
import type { Diagnostic, Field, Model, ModelType, RegisterStep, ReviewStep } from '../types.js';
import { fieldsOf, type FormSpec } from './fields.js';
import { diagnostic, type FieldValue, type FormRead, type Funds, type Problems } from './read.js';

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The values of a form as nested data, by each field's path (`steps.register.problem`). */
function nest(read: FormRead): Json {
  const out: Json = {};
  for (const f of fieldsOf(read.spec)) {
    let value = read.values.get(f.key) as FieldValue | undefined;
    if (value === undefined) continue;
    // An amount field holds one sum: the socialised part's own field takes the socialised sum.
    if (isObject(value)) {
      const funds = value as Funds;
      value = f.key.endsWith('socialized_vnd') ? (funds.socialized_vnd ?? funds.funds_vnd) : (funds.funds_vnd ?? funds.socialized_vnd);
      if (value === undefined) continue;
    }
    let node = out;
    for (const seg of f.path.slice(0, -1)) node = (node[seg] ??= {}) as Json;
    node[f.path.at(-1)!] = value;
  }
  return out;
}

export interface RegisterContext {
  file: string;
  t: Problems;
  levels: readonly { id: string; label?: string }[];
  /** The code and level of each unit the workspace's models name, by `unitKey(name)`. */
  knownUnits: ReadonlyMap<string, { code?: string; level?: string }>;
  /** The config's year, the last resort. */
  year?: number;
}

/** A registration form -> a new model (without its id), or the diagnostics that prevent it. */
export function registerModel(read: FormRead, ctx: RegisterContext): { model?: ImportedModel; diagnostics: Diagnostic[] } {
  const { t } = ctx;
  const diagnostics: Diagnostic[] = [];
  const at = (key: string) => read.lines.get(key) ?? 1;
  const data = nest(read) as Partial<Model> & { unit?: Partial<Model['unit']>; person?: Model['person']; steps?: { register?: RegisterStep } };
  const register: RegisterStep = data.steps?.register ?? {};
  const funds = read.values.get('register.resources.funds_vnd') as Funds | undefined;
  if (funds?.socialized_vnd !== undefined && register.resources?.socialized_vnd === undefined && funds.funds_vnd !== undefined) {
    register.resources!.socialized_vnd = funds.socialized_vnd;
  }
  if (register.date && register.start && register.start < register.date) diagnostics.push(diagnostic(ctx.file, at('register.start'), 'error', 'form-date-order', t.startBeforeDate(register.start, register.date)));
  if (register.start && register.end && register.end < register.start) diagnostics.push(diagnostic(ctx.file, at('register.end'), 'error', 'form-date-order', t.endBeforeStart(register.end, register.start)));

  const unitName = data.unit?.name;
  const known = unitName ? ctx.knownUnits.get(unitKey(unitName)) : undefined;
  let level = data.unit?.level ?? known?.level;
  if (!level && ctx.levels[0]) {
    level = ctx.levels[0].id;
    diagnostics.push(diagnostic(ctx.file, at('unit.level'), 'warning', 'form-field-empty', t.levelDefault(ctx.levels[0].label ?? level)));
  }
  const dated = register.date ?? register.start ?? register.end;
  const year = data.year ?? (dated ? Number(dated.slice(0, 4)) : ctx.year);
  if (year === undefined) diagnostics.push(diagnostic(ctx.file, at('model.year'), 'error', 'form-field-empty', t.noYear));
  if (diagnostics.some((d) => d.severity === 'error') || read.diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  if (!unitName || !data.name || !data.field || !level || year === undefined) return { diagnostics };

  const type: ModelType = data.type ?? 'collective';
  const model: ImportedModel = {
    kind: 'model',
    version: 1,
    name: data.name,
    type,
    field: data.field as Field,
    year,
    unit: { name: unitName, code: unitCode({ name: unitName, code: known?.code }), level },
    steps: { register },
  };
  if (type === 'individual' && data.person?.name) model.person = data.person;
  if (data.notes) model.notes = data.notes;
  return { model, diagnostics };
}

/** A review form -> the model id it names and its review step. */
export function reviewStep(read: FormRead, ctx: { file: string; t: Problems }): { id?: string; review: ReviewStep; diagnostics: Diagnostic[] } {
  const data = nest(read) as { id?: string; steps?: { review?: ReviewStep } };
  const review = data.steps?.review ?? {};
  const diagnostics: Diagnostic[] = [];
  if (!review.results || !Object.keys(review.results).length) {
    diagnostics.push(diagnostic(ctx.file, read.lines.get('review.results.participants') ?? 1, 'warning', 'form-field-empty', ctx.t.noFigures));
  }
  return { id: data.id, review, diagnostics };
}

/** The keys of a model file a form owns: a register form, the model's own keys and the register step. */
export const OWNED: Record<'register' | 'review', string[][]> = {
  register: [['name'], ['type'], ['field'], ['year'], ['unit', 'name'], ['unit', 'level'], ['person'], ['steps', 'register'], ['notes']],
  review: [['steps', 'review']],
};

export const getIn = (data: unknown, path: readonly string[]): unknown => path.reduce<unknown>((node, seg) => (isObject(node) ? node[seg] : undefined), data);

/**
 * Where a model file's data and what a form says differ, under the keys the form owns: the
 * deepest differing keys (a figure of `results`, not the whole review), lists as a whole.
 */
export function changedKeys(existing: unknown, next: unknown, kind: 'register' | 'review'): string[][] {
  const walk = (a: unknown, b: unknown, path: string[]): string[][] => {
    if (isDeepStrictEqual(a, b)) return [];
    if (isObject(a) && isObject(b) && Object.keys(b).length) {
      const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
      return keys.flatMap((k) => walk(a[k], b[k], [...path, k]));
    }
    return [path];
  };
  return OWNED[kind].flatMap((path) => walk(getIn(existing, path), getIn(next, path), path));
}

/** What a model file already says for each field of a form (to print it pre-filled). */
export function valuesOf(spec: FormSpec, data: unknown): Map<string, FieldValue> {
  const out = new Map<string, FieldValue>();
  for (const f of fieldsOf(spec)) {
    const v = getIn(data, f.path);
    if (v === undefined || v === null || (Array.isArray(v) && !v.length)) continue;
    if (typeof v === 'string' || typeof v === 'number' || Array.isArray(v)) out.set(f.key, v as FieldValue);
  }
  return out;
}
