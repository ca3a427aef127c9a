// Aggregates for the summary report: counts by field, type, level and unit; totals of the
// review results; the exemplary models; what is still incomplete. Pure, from scored rows.
import { modelStatus } from './status.js';
import type { Row } from './results.js';
import { FIELDS, MODEL_TYPES, type Model, type ModelInfo, type ReviewResults } from './types.js';

export interface Counts {
  /** Models of the year (registered). */
  registered: number;
  /** All four steps present and complete. */
  complete: number;
  assessed: number;
  recognized: number;
  exemplary: number;
}

export interface Breakdown {
  key: string;
  counts: Counts;
}

export type Totals = Required<Pick<ReviewResults, 'participants' | 'households' | 'funds_vnd' | 'workdays'>>;

export interface YearStats {
  year: number;
  counts: Counts;
  results: Totals;
}

export interface ReportStats extends YearStats {
  byField: Breakdown[];
  byType: Breakdown[];
  byLevel: Breakdown[];
  byUnit: (Breakdown & { unit: Model['unit'] })[];
  previous?: YearStats;
  exemplary: Row[];
  notRecognized: Row[];
  notAssessed: Row[];
  incomplete: { model: ModelInfo; missing: string[] }[];
}

const zero = (): Counts => ({ registered: 0, complete: 0, assessed: 0, recognized: 0, exemplary: 0 });

/** A model's row with what the report needs of its status, worked out once. */
interface Entry {
  row: Row;
  complete: boolean;
  missing: string[];
}

function add(c: Counts, e: Entry): void {
  c.registered++;
  if (e.complete) c.complete++;
  if (e.row.result) c.assessed++;
  if (e.row.recognition?.recognized) c.recognized++;
  if (e.row.recognition?.exemplary) c.exemplary++;
}

/** One entry per model: the report speaks of models, whatever the number of score sheets. */
function entries(rows: Row[]): Entry[] {
  const seen = new Map<string, Row>();
  for (const r of rows) if (!seen.has(r.model.id) || (r.result && !seen.get(r.model.id)!.result)) seen.set(r.model.id, r);
  return [...seen.values()].map((row) => {
    const s = modelStatus(row.model, row.file);
    return { row, complete: s.complete, missing: s.missing };
  });
}

function counted(year: number, list: Entry[]): YearStats {
  const counts = zero();
  const results: Totals = { participants: 0, households: 0, funds_vnd: 0, workdays: 0 };
  for (const e of list) {
    add(counts, e);
    const res = e.row.model.steps.review?.results ?? {};
    for (const k of Object.keys(results) as (keyof Totals)[]) results[k] += res[k] ?? 0;
  }
  return { year, counts, results };
}

function breakdown(list: Entry[], keys: readonly string[], keyOf: (r: Row) => string): Breakdown[] {
  const map = new Map<string, Counts>(keys.map((k) => [k, zero()]));
  for (const e of list) {
    const k = keyOf(e.row);
    if (!map.has(k)) map.set(k, zero());
    add(map.get(k)!, e);
  }
  return [...map].map(([key, counts]) => ({ key, counts }));
}

export function reportStats(year: number, rows: Row[], levels: readonly string[], previous?: Row[]): ReportStats {
  const list = entries(rows);
  const models = list.map((e) => e.row);
  const units = new Map<string, Model['unit']>();
  for (const r of models) units.set(r.model.unit.name, r.model.unit);
  const byUnit = breakdown(list, [...units.keys()].sort((a, b) => a.localeCompare(b, 'vi')), (r) => r.model.unit.name).map((b) => ({ ...b, unit: units.get(b.key)! }));
  return {
    ...counted(year, list),
    byField: breakdown(list, FIELDS, (r) => r.model.field),
    byType: breakdown(list, MODEL_TYPES, (r) => r.model.type),
    byLevel: breakdown(list, levels, (r) => r.model.unit.level).filter((b) => b.counts.registered > 0),
    byUnit,
    previous: previous && previous.length ? counted(year - 1, entries(previous)) : undefined,
    exemplary: models.filter((r) => r.recognition?.exemplary),
    notRecognized: models.filter((r) => r.recognition && !r.recognition.recognized),
    notAssessed: models.filter((r) => !r.result),
    incomplete: list.filter((e) => e.missing.length > 0).map((e) => ({ model: e.row.model, missing: e.missing })),
  };
}
