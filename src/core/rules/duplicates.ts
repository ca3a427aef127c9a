// Rules duplicate-id (two models or two frameworks with one id) and duplicate-assessment (two
// score sheets for one model at one level). Every file involved is flagged, naming the others.
import { locateIn, type Finding, type LoadedFile } from '../load.js';
import type { AssessmentFile, RuleContext } from './context.js';

function where(file: LoadedFile, key: string): string {
  return `${file.path}:${locateIn(file, [key]).line}`;
}

function others(file: LoadedFile, all: LoadedFile[] | undefined, key: string): string[] {
  return (all ?? []).filter((f) => f !== file).map((f) => where(f, key));
}

export function duplicateId(file: LoadedFile, { m, index }: RuleContext): Finding[] {
  const id = file.data?.id;
  if (typeof id !== 'string') return [];
  const map = file.kind === 'model' ? index.models : file.kind === 'criteria' ? index.frameworks : undefined;
  const elsewhere = others(file, map?.get(id), 'id');
  return elsewhere.length ? [{ rule: 'duplicate-id', severity: 'error', path: ['id'], ...m.duplicateId(id, elsewhere) }] : [];
}

/** Assessments by model and level, for duplicate-assessment. */
export function assessmentKey(a: { model?: unknown; level?: unknown }): string {
  return `${String(a.model)}\u0000${String(a.level)}`;
}

export function duplicateAssessment(file: AssessmentFile, { m }: RuleContext, byKey: Map<string, LoadedFile[]>): Finding[] {
  if (typeof file.data.model !== 'string' || typeof file.data.level !== 'string') return [];
  const elsewhere = others(file, byKey.get(assessmentKey(file.data)), 'model');
  return elsewhere.length
    ? [{ rule: 'duplicate-assessment', severity: 'error', path: ['model'], ...m.duplicateAssessment(file.data.model, file.data.level, elsewhere) }]
    : [];
}
