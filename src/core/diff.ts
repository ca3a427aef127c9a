// What changed between two states of a workspace, model by model: added, removed, renamed or
// edited; steps newly complete; score sheets changed; and what that does to each score, class
// and recognition.
import { isDeepStrictEqual } from 'node:util';
import type { Messages } from '../i18n/index.js';
import type { LoadedFile } from './load.js';
import { results, type Row } from './results.js';
import type { Validation } from './validate.js';
import { STEPS, type Assessment, type Framework, type LevelDef, type ModelInfo, type StepName, type StepState } from './types.js';

export interface Snapshot {
  /** Whole models (their step states added): an edit anywhere in a model shows as a change. */
  models: Map<string, { file: string; data: ModelInfo }>;
  /** Score sheets by `model@level`. */
  sheets: Map<string, { file: string; data: Assessment }>;
  frameworks: Map<string, Framework>;
  /** Scored rows of every valid model, every level. */
  rows: Row[];
}

const sheetKey = (a: { model: string; level: string }) => `${a.model}@${a.level}`;

/** The state of a workspace: its schema-valid models, sheets and frameworks, and their scores. */
export function snapshot(files: LoadedFile[], v: Validation, levels: LevelDef[], m: Messages): Snapshot {
  const models = new Map<string, { file: string; data: ModelInfo }>();
  const sheets = new Map<string, { file: string; data: Assessment }>();
  for (const f of files) {
    if (!v.valid.has(f)) continue;
    if (f.kind === 'model') models.set(f.data!.id as string, { file: f.path, data: f.data as unknown as ModelInfo });
    // A sheet with errors of its own (an unknown criterion, a score over the maximum) is not scored.
    else if (f.kind === 'assessment' && !v.failed.has(f)) sheets.set(sheetKey(f.data as unknown as Assessment), { file: f.path, data: f.data as unknown as Assessment });
  }
  const frameworks = new Map<string, Framework>([...v.index.validFrameworks].map(([id, f]) => [id, f.data]));
  const usable = [...sheets.values()].filter((s) => frameworks.has(s.data.framework) && models.has(s.data.model));
  const rows = results({ models: [...models.values()], assessments: usable, frameworks, levels }, {}, m);
  return { models, sheets, frameworks, rows };
}

export interface Outcome {
  total: string;
  max: string;
  places: number;
  class?: string;
  recognized: boolean;
  exemplary: boolean;
}

export interface ModelChange {
  id: string;
  name: string;
  file: string;
  status: 'added' | 'removed' | 'renamed' | 'changed' | 'scored';
  /** The old path of a renamed model. */
  from?: string;
  /** The keys whose values changed (`name`, `steps.review`, `unit.name`), a renamed model's too. */
  keys: string[];
  /** The furthest step present, before and after, when it moved. */
  reached?: { before: StepName | null; after: StepName | null };
  stepsCompleted: StepName[];
  stepsUncompleted: StepName[];
  /** Levels whose score sheet was added, removed or changed. */
  sheets: string[];
  /** Before and after, per level that has a score on either side. */
  scores: { level: string; before?: Outcome; after?: Outcome }[];
}

function outcome(r: Row): Outcome {
  const res = r.result!;
  return {
    total: res.total.toString(),
    max: res.max.toString(),
    places: res.places,
    class: r.recognition?.class?.label,
    recognized: r.recognition?.recognized ?? false,
    exemplary: r.recognition?.exemplary ?? false,
  };
}

function byLevel(rows: Row[], id: string): Map<string, Outcome> {
  return new Map(rows.filter((r) => r.model.id === id && r.result && r.level).map((r) => [r.level!, outcome(r)]));
}

/** Keys whose values differ; within steps, unit and person, the key inside (`steps.review`). */
export function changedKeys(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const out: string[] = [];
  const isMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    const [x, y] = [a[key], b[key]];
    if (isDeepStrictEqual(x, y)) continue;
    if (['steps', 'unit', 'person'].includes(key) && isMap(x) && isMap(y)) {
      const inner = key === 'steps' ? STEPS.filter((s) => s in x || s in y) : [...new Set([...Object.keys(y), ...Object.keys(x)])];
      for (const k of inner) if (!isDeepStrictEqual(x[k], y[k])) out.push(`${key}.${k}`);
    } else {
      out.push(key);
    }
  }
  return out;
}

export function diffSnapshots(before: Snapshot, after: Snapshot): ModelChange[] {
  const ids = [...new Set([...before.models.keys(), ...after.models.keys(), ...[...before.sheets.values(), ...after.sheets.values()].map((s) => s.data.model)])].sort();
  const changes: ModelChange[] = [];
  for (const id of ids) {
    const a = before.models.get(id);
    const b = after.models.get(id);
    if (!a && !b) continue;
    const status: ModelChange['status'] = !a ? 'added' : !b ? 'removed' : a.file !== b.file ? 'renamed' : !isDeepStrictEqual(a.data, b.data) ? 'changed' : 'scored';
    const sa = a ? a.data.states : [];
    const sb = b ? b.data.states : [];
    const furthest = (s: StepState[]) => s.filter((x) => x.present).at(-1)?.step ?? null;
    const complete = (s: StepState[], step: StepName) => s.find((x) => x.step === step)?.complete ?? false;
    const levels = new Set<string>();
    for (const [key, s] of [...before.sheets, ...after.sheets]) if (s.data.model === id) levels.add(key.slice(id.length + 1));
    const sheets = [...levels].filter((l) => !isDeepStrictEqual(before.sheets.get(`${id}@${l}`)?.data, after.sheets.get(`${id}@${l}`)?.data)).sort();
    const oa = byLevel(before.rows, id);
    const ob = byLevel(after.rows, id);
    const scores = [...new Set([...oa.keys(), ...ob.keys()])].sort().map((level) => ({ level, before: oa.get(level), after: ob.get(level) }));
    const scoreMoved = scores.some((s) => !isDeepStrictEqual(s.before, s.after));
    if (status === 'scored' && sheets.length === 0 && !scoreMoved) continue;
    changes.push({
      id,
      name: (b ?? a)!.data.name,
      file: (b ?? a)!.file,
      status,
      from: status === 'renamed' ? a!.file : undefined,
      // The step states follow from the steps: a change there is told by the steps' keys.
      keys: a && b ? changedKeys(a.data as unknown as Record<string, unknown>, b.data as unknown as Record<string, unknown>).filter((k) => k !== 'states') : [],
      reached: a && b && furthest(sa) !== furthest(sb) ? { before: furthest(sa), after: furthest(sb) } : undefined,
      stepsCompleted: STEPS.filter((s) => complete(sb, s) && !complete(sa, s)),
      stepsUncompleted: STEPS.filter((s) => complete(sa, s) && !complete(sb, s)),
      sheets,
      scores,
    });
  }
  return changes;
}

export interface DiffTotals {
  recognized: [number, number];
  exemplary: [number, number];
}

/** Recognised and exemplary models before and after, counted once per model and level. */
export function diffTotals(before: Snapshot, after: Snapshot): DiffTotals {
  const count = (s: Snapshot, pred: (r: Row) => boolean) => s.rows.filter(pred).length;
  return {
    recognized: [count(before, (r) => r.recognition?.recognized === true), count(after, (r) => r.recognition?.recognized === true)],
    exemplary: [count(before, (r) => r.recognition?.exemplary === true), count(after, (r) => r.recognition?.exemplary === true)],
  };
}
