// The checks that need nothing but the file itself: its schema, and the rules that look at its
// data alone. What they find depends only on the file's bytes (and dvk's version and language),
// so a worker thread can run them and the cache between runs can keep the result. Everything
// that depends on other files or on the configuration runs in validate.ts.
import { createHash } from 'node:crypto';
import type { Messages } from '../i18n/index.js';
import type { Finding, LoadedFile } from './load.js';
import { locate } from './parse.js';
import type { CriteriaFile, TypedFile } from './rules/context.js';
import { dateOrder } from './rules/date-order.js';
import { frameworkConsistency } from './rules/framework.js';
import { nfc } from './rules/nfc.js';
import { stepStates } from './rules/step-completeness.js';
import { schemaFindings, validateAgainst } from './schema.js';
import { assessmentScores } from './rules/assessment.js';
import type { Assessment, Framework, Model, ModelInfo, StepState } from './types.js';

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

/** What identifies a framework for checking marks against it: its id, and its criteria with their maximums. */
export function criteriaKey(f: Framework): string {
  return createHash('sha1').update(JSON.stringify([f.id, f.groups.map((g) => g.criteria.map((c) => [c.id, c.max]))])).digest('base64');
}

/** A score sheet's marks checked against its framework (LoadedFile `scored`). */
export function scoreAgainst(sheet: Assessment, framework: Framework, m: Messages): NonNullable<LoadedFile['scored']> {
  return { against: criteriaKey(framework), findings: assessmentScores(sheet, framework, { m }) };
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

/**
 * Runs the checks of a file on its own and completes its record: every finding located, `valid`
 * set and, for a model, the step states added to its data; with `compact`, a model's data is
 * reduced to its ModelInfo, and that of a file of no known kind to its top-level scalars (the
 * rest of it is then garbage).
 */
export function checkFile(file: LoadedFile, m: Messages, opts: { compact?: boolean } = {}): void {
  const findings = file.findings;
  let valid = false;
  if (file.data && file.kind && findings.length === 0) {
    const errors = validateAgainst(file.kind, file.data);
    valid = errors.length === 0;
    if (!valid) findings.push(...schemaFindings(errors, file.data, m, (path) => locate(file.positions(), file.text, path).source));
  }
  if (valid && file.kind === 'criteria') findings.push(...frameworkConsistency(file as CriteriaFile, { m }));
  if (file.data) findings.push(...nfc(file, { m }));
  if (valid && file.kind === 'model') findings.push(...dateOrder(file as TypedFile<Model>, { m }));
  file.findings = findings.map(located(file));
  file.valid = valid;
  if (file.kind === 'model' && file.data) {
    const states = stepStates(file.data as Pick<Model, 'steps'>);
    file.data = (opts.compact ? modelInfo(file.data, states) : { ...file.data, states }) as unknown as Record<string, unknown>;
  } else if (!file.kind && file.data && opts.compact) {
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
