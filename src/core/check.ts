// The checks that need nothing but the file itself: its schema, and the rules that look at its
// data alone. What they find depends only on the file's bytes (and dvk's version and language),
// so a worker thread can run them and the cache between runs can keep the result. Everything
// that depends on other files or on the configuration runs in validate.ts. Like there, the rules
// run on every file that parsed, schema errors or not, less what the schema errors already say.
import { createHash } from 'node:crypto';
import { pushAll } from './arrays.js';
import type { ErrorObject } from 'ajv';
import type { Messages } from '../i18n/index.js';
import type { Finding, LoadedFile } from './load.js';
import { locate } from './parse.js';
import type { CriteriaFile, TypedFile } from './rules/context.js';
import { dateOrder } from './rules/date-order.js';
import { frameworkConsistency } from './rules/framework.js';
import { nfc } from './rules/nfc.js';
import { controlCharacter } from './rules/control-character.js';
import { placeholder } from './rules/placeholder.js';
import { stepStates } from './rules/step-completeness.js';
import { yearMismatch } from './rules/year.js';
import { pointerToPath, schemaFindings, validateAgainst } from './schema.js';
import { assessmentScores } from './rules/assessment.js';
import { summarize } from './score.js';
import type { Assessment, Framework, Model, ModelInfo, Path, StepState } from './types.js';

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function pick(from: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (from[k] !== undefined) out[k] = from[k];
  return out;
}

/**
 * What dvk keeps of a model: everything but its notes and the text of its steps (the register
 * step's dates, the review's date, results and summary stay), with each step's state.
 */
export function modelInfo(data: Model | Record<string, unknown>, states: StepState[] = stepStates(data as Pick<Model, 'steps'>)): ModelInfo {
  const { steps, ...rest } = data as Record<string, unknown>;
  delete rest.notes;
  let kept: unknown = steps;
  if (isObject(steps)) {
    const slim: Record<string, unknown> = {};
    if (isObject(steps.register)) slim.register = pick(steps.register, ['date', 'start', 'end']);
    if (isObject(steps.review)) slim.review = pick(steps.review, ['date', 'results', 'summary']);
    kept = slim;
  }
  return { ...rest, steps: kept, states } as unknown as ModelInfo;
}

/**
 * What dvk keeps of a score sheet: everything but its note and the assessors' roles, which no
 * command reads (a national workspace holds hundreds of thousands of assessors).
 */
export function assessmentInfo(data: Record<string, unknown>): Record<string, unknown> {
  const rest = without(data, 'note');
  if (Array.isArray(rest.assessors)) rest.assessors = rest.assessors.map((a: unknown) => (isObject(a) ? without(a, 'role') : a));
  return rest;
}

function without(from: Record<string, unknown>, key: string): Record<string, unknown> {
  const out = { ...from };
  delete out[key];
  return out;
}

const keys = new WeakMap<Framework, string>();

/**
 * What identifies a framework for checking and scoring marks against it: its id, how it
 * aggregates and rounds, and its criteria by group with their maximums. Made once per framework.
 */
export function criteriaKey(f: Framework): string {
  let key = keys.get(f);
  if (key === undefined) {
    const what = [f.id, f.aggregation ?? 'mean', f.rounding ?? 0.01, f.groups.map((g) => g.criteria.map((c) => [c.id, c.max]))];
    keys.set(f, (key = createHash('sha1').update(JSON.stringify(what)).digest('base64')));
  }
  return key;
}

/**
 * A score sheet's marks checked against its framework (LoadedFile `scored`) and, when they pass,
 * its score, so that the marks need not be kept to score it (results.ts).
 */
export function scoreAgainst(sheet: Assessment, framework: Framework, m: Messages): NonNullable<LoadedFile['scored']> {
  const findings = assessmentScores(sheet, framework, { m });
  return { against: criteriaKey(framework), findings, ...(findings.length === 0 && { summary: summarize(framework, sheet) }) };
}

/** A file's top-level values that are not collections: enough to place a file of no known kind. */
const scalars = (data: Record<string, unknown>) => Object.fromEntries(Object.entries(data).filter(([, v]) => v === null || typeof v !== 'object'));

/**
 * What the rules across files (validate.ts) look at of a checked file's data: its ids and
 * references, a model's level, type, field, evidence and step states, a framework whole.
 * `dvk validate` keeps no more than this of each file.
 */
export function indexData(kind: string | undefined, data: Record<string, unknown>): Record<string, unknown> {
  if (kind === 'model') {
    const { id, type, field, unit, evidence, states } = data;
    return {
      kind, id, type, field, states,
      unit: isObject(unit) ? { level: unit.level } : unit,
      evidence: Array.isArray(evidence) ? evidence.map((e: unknown) => (isObject(e) ? { file: e.file } : e)) : evidence,
    };
  }
  if (kind === 'assessment') {
    // The marks are checked against the framework once per version of either (LoadedFile `scored`).
    const { model, level, framework } = data;
    return { kind, model, level, framework };
  }
  return data;
}

const pathKey = (path: Path) => path.map(String).join('\u0000');

/**
 * Where ajv's errors say the data is wrong, as path keys (LoadedFile `broken`): the value with
 * the wrong type, form or range, a missing or unknown key, an invalid key name. A mapping that
 * only lacks a key (or matches no branch of a union) is itself fine for the rules to read.
 */
function brokenPaths(errors: ErrorObject[], data: unknown): string[] {
  return errors.flatMap((e) => {
    const path = pointerToPath(e.instancePath, data);
    const name = (e as ErrorObject & { propertyName?: string }).propertyName;
    if (name !== undefined) return [pathKey([...path, name])];
    if (e.keyword === 'required') return [pathKey([...path, String(e.params.missingProperty)])];
    if (e.keyword === 'additionalProperties') return [pathKey([...path, String(e.params.additionalProperty)])];
    if (['oneOf', 'anyOf', 'if', 'propertyNames', 'minProperties'].includes(e.keyword)) return [];
    return [pathKey(path)];
  });
}

/** Whether the file's schema errors already cover this place (RuleContext `brokenAt`). */
export function brokenAt(file: Pick<LoadedFile, 'broken'>, path: Path): boolean {
  if (!file.broken) return false;
  const at = pathKey(path);
  return file.broken.some((b) => b === '' || at === b || at.startsWith(`${b}\u0000`));
}

/**
 * Runs the checks of a file on its own and completes its record: every finding located, `valid`
 * and `broken` set and, for a model, the step states added to its data. With `compact`, a valid
 * model's data is reduced to its ModelInfo, a score sheet's to `assessmentInfo`, and that of a file of no known kind to its top-level
 * scalars (the rest of it is then garbage); a file that fails its schema keeps its data whole,
 * for the rules across files to read what they can of it.
 */
export function checkFile(file: LoadedFile, m: Messages, opts: { compact?: boolean } = {}): void {
  const findings = file.findings;
  // Files that parsed into data of a known kind: the schema and the rules check them all.
  const checked = Boolean(file.data && file.kind && findings.length === 0);
  let valid = false;
  if (checked) {
    const errors = validateAgainst(file.kind!, file.data);
    valid = errors.length === 0;
    if (!valid) {
      pushAll(findings, schemaFindings(errors, file.data, m, (path) => locate(file.positions(), file.text, path).source));
      file.broken = brokenPaths(errors, file.data);
    }
  }
  const own: Finding[] = [];
  if (checked && file.kind === 'criteria') own.push(...frameworkConsistency(file as CriteriaFile, { m }));
  if (checked && file.kind === 'model') own.push(...dateOrder(file as TypedFile<Model>, { m }), ...yearMismatch(file as TypedFile<Model>, { m }));
  pushAll(findings, own.filter((x) => !x.path || !brokenAt(file, x.path)));
  if (file.data) pushAll(findings, nfc(file, { m }), placeholder(file, { m }), controlCharacter(file, { m }));
  file.findings = findings.map(located(file));
  file.valid = valid;
  const compact = opts.compact && (valid || !checked);
  if (file.kind === 'model' && file.data) {
    const states = stepStates(file.data as Pick<Model, 'steps'>);
    file.data = (compact ? modelInfo(file.data, states) : { ...file.data, states }) as unknown as Record<string, unknown>;
  } else if (file.kind === 'assessment' && file.data && compact) {
    file.data = assessmentInfo(file.data);
  } else if (!file.kind && file.data && compact) {
    file.data = scalars(file.data);
  }
}

/** A finding with its source range, and without the path that led to it. */
const located = (file: LoadedFile) => (f: Finding): Finding => {
  if (f.at) return f;
  const { path = [], target = 'value', ...rest } = f;
  const { line, column, endLine, endColumn } = locate(file.positions(), file.text, path, target);
  return { ...rest, at: { line, column, endLine, endColumn } };
};
