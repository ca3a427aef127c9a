// Aggregates for the summary report: counts by field, type, level and unit; totals of the
// review results; the exemplary models; what is still incomplete. Pure, from scored rows.
import { modelStatus } from './status.js';
import type { Row } from './results.js';
import { FIELDS, MODEL_TYPES, type Model, type ReviewResults } from './types.js';

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
  incomplete: { model: Model; missing: string[] }[];
}

const zero = (): Counts => ({ registered: 0, complete: 0, assessed: 0, recognized: 0, exemplary: 0 });

function add(c: Counts, r: Row, complete: boolean): void {
  c.registered++;
  if (complete) c.complete++;
  if (r.result) c.assessed++;
  if (r.recognition?.recognized) c.recognized++;
  if (r.recognition?.exemplary) c.exemplary++;
}

/** One row per model: the report speaks of models, whatever the number of score sheets. */
function perModel(rows: Row[]): Row[] {
  const seen = new Map<string, Row>();
  for (const r of rows) if (!seen.has(r.model.id) || (r.result && !seen.get(r.model.id)!.result)) seen.set(r.model.id, r);
  return [...seen.values()];
}

export function yearStats(year: number, rows: Row[]): YearStats {
  const counts = zero();
  const results: Totals = { participants: 0, households: 0, funds_vnd: 0, workdays: 0 };
  for (const r of perModel(rows)) {
    add(counts, r, modelStatus(r.model, r.file).complete);
    const res = r.model.steps.review?.results ?? {};
    for (const k of Object.keys(results) as (keyof Totals)[]) results[k] += res[k] ?? 0;
  }
  return { year, counts, results };
}

function breakdown(rows: Row[], keys: readonly string[], keyOf: (r: Row) => string): Breakdown[] {
  const map = new Map<string, Counts>(keys.map((k) => [k, zero()]));
  for (const r of rows) {
    const k = keyOf(r);
    if (!map.has(k)) map.set(k, zero());
    add(map.get(k)!, r, modelStatus(r.model, r.file).complete);
  }
  return [...map].map(([key, counts]) => ({ key, counts }));
}

export function reportStats(year: number, rows: Row[], levels: readonly string[], previous?: Row[]): ReportStats {
  const models = perModel(rows);
  const units = new Map<string, Model['unit']>();
  for (const r of models) units.set(r.model.unit.name, r.model.unit);
  const byUnit = breakdown(models, [...units.keys()].sort((a, b) => a.localeCompare(b, 'vi')), (r) => r.model.unit.name).map((b) => ({ ...b, unit: units.get(b.key)! }));
  const incomplete = models
    .map((r) => ({ model: r.model, missing: modelStatus(r.model, r.file).missing }))
    .filter((x) => x.missing.length > 0);
  return {
    ...yearStats(year, models),
    byField: breakdown(models, FIELDS, (r) => r.model.field),
    byType: breakdown(models, MODEL_TYPES, (r) => r.model.type),
    byLevel: breakdown(models, levels, (r) => r.model.unit.level).filter((b) => b.counts.registered > 0),
    byUnit,
    previous: previous && previous.length ? yearStats(year - 1, previous) : undefined,
    exemplary: models.filter((r) => r.recognition?.exemplary),
    notRecognized: models.filter((r) => r.recognition && !r.recognition.recognized),
    notAssessed: models.filter((r) => !r.result),
    incomplete,
  };
}
