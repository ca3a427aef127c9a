// Scores of one model from one score sheet (DESIGN.md §2, "What the numbers mean"): each
// criterion's marks are aggregated over assessors as an exact fraction and rounded once, half
// up, to the framework's step; groups sum their criteria, the total sums the groups.
import { Ratio, placesOf, shared, sum } from './decimal.js';
import type { Aggregation, Assessment, Framework } from './types.js';

export interface CriterionResult {
  id: string;
  title: string;
  max: Ratio;
  /** One mark per sheet, in sheet order. */
  marks: Ratio[];
  /** The exact aggregate before rounding. */
  exact: Ratio;
  /** The aggregate rounded to the framework's step. */
  score: Ratio;
}

export interface GroupResult {
  id: string;
  title: string;
  max: Ratio;
  score: Ratio;
  /** Each criterion's marks and aggregate: kept only when asked for (`--explain`). */
  criteria: CriterionResult[];
}

export interface ScoreResult {
  framework: Framework;
  /** Names of the sheets' assessors ('' for a shared sheet or an unnamed assessor): kept only with detail. */
  assessors: string[];
  aggregation: Aggregation;
  /** What `aggregation` came to: trimmed-mean below 3 assessors falls back to mean. */
  applied: Aggregation;
  rounding: Ratio;
  /** Decimal places of the rounding step, for display. */
  places: number;
  groups: GroupResult[];
  total: Ratio;
  max: Ratio;
}

const TWO = new Ratio(2);

function mean(xs: Ratio[]): Ratio {
  return sum(xs).div(new Ratio(xs.length));
}

/** Aggregates marks: mean; median (mean of the middle two for an even count); trimmed-mean. */
export function aggregate(marks: Ratio[], method: Aggregation): Ratio {
  if (marks.length === 0) throw new RangeError('no marks to aggregate');
  // Below 3 marks the median is the mean too, and trimmed-mean falls back to it.
  if (marks.length < 3 || (method !== 'median' && method !== 'trimmed-mean')) return mean(marks);
  const sorted = [...marks].sort((a, b) => a.cmp(b));
  if (method === 'median') {
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid]! : sorted[mid - 1]!.add(sorted[mid]!).div(TWO);
  }
  return mean(sorted.slice(1, -1));
}

/** The marks of each sheet: the shared `scores` map, or one map per assessor. */
export function sheetsOf(a: Assessment): { name: string; scores: Record<string, number> }[] {
  if (a.scores) return [{ name: '', scores: a.scores }];
  return (a.assessors ?? []).map((s) => ({ name: s.name ?? '', scores: s.scores }));
}

/** What a framework's scores share whatever the sheet: made once per framework, not once per model. */
interface FrameworkParts {
  rounding: Ratio;
  places: number;
  /** Each criterion's maximum, by group. */
  maxes: Ratio[][];
  groupMax: Ratio[];
  max: Ratio;
}

const parts = new WeakMap<Framework, FrameworkParts>();

function partsOf(framework: Framework): FrameworkParts {
  let p = parts.get(framework);
  if (!p) {
    const rounding = Ratio.of(framework.rounding ?? 0.01);
    const maxes = framework.groups.map((g) => g.criteria.map((c) => Ratio.of(c.max)));
    const groupMax = maxes.map(sum);
    parts.set(framework, (p = { rounding, places: placesOf(rounding), maxes, groupMax, max: sum(groupMax) }));
  }
  return p;
}

/** The criteria of a group scored without detail: one shared empty list. */
const NO_CRITERIA: CriterionResult[] = [];

/**
 * Scores an assessment with its framework. The assessment must have passed validation against
 * that framework (every criterion scored on every sheet, within range). Without `detail`, the
 * groups carry their scores but not their criteria.
 */
export function score(framework: Framework, assessment: Assessment, detail = true): ScoreResult {
  const sheets = sheetsOf(assessment);
  const aggregation = framework.aggregation ?? 'mean';
  const { rounding, maxes, groupMax } = partsOf(framework);
  const groups = framework.groups.map((g, gi): GroupResult => {
    const criteria = g.criteria.map((c, ci): CriterionResult => {
      const marks = sheets.map((s) => {
        const mark = Object.hasOwn(s.scores, c.id) ? s.scores[c.id] : undefined;
        if (mark === undefined) throw new RangeError(`criterion ${c.id} not scored`);
        return Ratio.of(mark);
      });
      const exact = aggregate(marks, aggregation);
      return { id: c.id, title: c.title, max: maxes[gi]![ci]!, marks, exact, score: exact.roundTo(rounding) };
    });
    // A workspace's worth of marks as exact fractions is a lot of memory: drop them unless wanted.
    return { id: g.id, title: g.title, max: groupMax[gi]!, score: shared(sum(criteria.map((c) => c.score))), criteria: detail ? criteria : NO_CRITERIA };
  });
  return {
    framework,
    assessors: detail ? sheets.map((s) => s.name) : [],
    ...common(framework, sheets.length, groups),
  };
}

/** What a score adds to its groups' scores. */
function common(framework: Framework, sheets: number, groups: GroupResult[]) {
  const aggregation = framework.aggregation ?? 'mean';
  const { rounding, places, max } = partsOf(framework);
  const applied: Aggregation = aggregation === 'trimmed-mean' && sheets < 3 ? 'mean' : aggregation;
  return { aggregation, applied, rounding, places, groups, total: shared(sum(groups.map((g) => g.score))), max };
}

/**
 * A score sheet's score without detail, in a form that keeps it with the sheet's record (the
 * cache, a worker thread's answer): its number of sheets and each group's score as exact decimal
 * text (a sum of multiples of the rounding step, itself a decimal).
 */
export interface ScoreSummary {
  sheets: number;
  groups: string[];
}

/** The summary of a sheet's score; the sheet must be one that `score` can score (every criterion scored on every sheet). */
export function summarize(framework: Framework, assessment: Assessment): ScoreSummary {
  return { sheets: sheetsOf(assessment).length, groups: score(framework, assessment, false).groups.map((g) => g.score.toString()) };
}

/** The score a summary stands for: the same as `score(framework, sheet, false)` for the sheet it was made from. */
export function fromSummary(framework: Framework, s: ScoreSummary): ScoreResult {
  const { groupMax } = partsOf(framework);
  const groups = framework.groups.map((g, gi): GroupResult => ({ id: g.id, title: g.title, max: groupMax[gi]!, score: shared(Ratio.of(s.groups[gi]!)), criteria: NO_CRITERIA }));
  return { framework, assessors: [], ...common(framework, s.sheets, groups) };
}
