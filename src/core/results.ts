// The committee's view: every model in scope with its score sheet(s), score and recognition,
// sorted by level, then total. A model without a sheet is listed as not assessed, never as 0.
import type { Messages } from '../i18n/index.js';
import { slugify } from './hints.js';
import { recognize, type Recognition } from './recognize.js';
import { fromSummary, score, type ScoreResult } from './score.js';
import type { Assessment, Field, Framework, LevelDef, Model, ModelInfo } from './types.js';
import { addTo } from './arrays.js';
import { criteriaKey, modelInfo } from './check.js';
import type { LoadedFile } from './load.js';

export interface Filters {
  year?: number;
  level?: string;
  /** A unit's code, or part of its name (case and diacritics ignored). */
  unit?: string;
  field?: Field;
}

export interface Row {
  model: ModelInfo;
  file: string;
  /** The level that scored it; undefined when not assessed. */
  level?: string;
  assessment?: { data: Assessment; file: string };
  result?: ScoreResult;
  recognition?: Recognition;
}

export interface ResultsInput {
  /** What dvk keeps of each model (check.ts), or the whole model. */
  models: { data: ModelInfo | Model; file: string }[];
  /**
   * Each score sheet, with its marks checked and scored against its framework when it was read
   * (LoadedFile `scored`, `whole`): then `data` need not hold the marks, unless for detail.
   */
  assessments: { data: Assessment; file: string; scored?: LoadedFile['scored']; whole?: LoadedFile['whole'] }[];
  frameworks: ReadonlyMap<string, Framework>;
  levels: LevelDef[];
  /** Keep each criterion's marks (for --explain). */
  detail?: boolean;
}

/** A unit's code, or whole words of its name: "HM", "hòa mạc" (not "ca" for "cao"). */
export function unitMatches(unit: Model['unit'], query: string): boolean {
  const q = slugify(query);
  return (unit.code !== undefined && slugify(unit.code) === q) || `-${slugify(unit.name)}-`.includes(`-${q}-`);
}

export function inScope(model: Pick<Model, 'year' | 'field' | 'unit'>, f: Filters): boolean {
  return (
    (f.year === undefined || model.year === f.year) &&
    (f.field === undefined || model.field === f.field) &&
    (f.unit === undefined || unitMatches(model.unit, f.unit))
  );
}

export function results(input: ResultsInput, filters: Filters, m: Messages): Row[] {
  const byModel = new Map<string, ResultsInput['assessments']>();
  for (const a of input.assessments) {
    if (filters.level !== undefined && a.data.level !== filters.level) continue;
    addTo(byModel, a.data.model, a);
  }
  const rows: Row[] = [];
  for (const { data, file } of input.models) {
    if (!inScope(data, filters)) continue;
    const model = 'states' in data ? data : modelInfo(data);
    const sheets = byModel.get(model.id) ?? [];
    if (sheets.length === 0) rows.push({ model, file });
    for (const a of sheets) {
      const framework = input.frameworks.get(a.data.framework);
      if (!framework) continue;
      const result = scoreOf(framework, a, input.detail ?? false);
      rows.push({ model, file, level: a.data.level, assessment: a, result, recognition: recognize(model, result, m, input.detail ?? false) });
    }
  }
  const levelRank = (l: string | undefined) => {
    const i = input.levels.findIndex((x) => x.id === l);
    return l === undefined ? Infinity : i < 0 ? input.levels.length : i;
  };
  return rows.sort(
    (a, b) =>
      levelRank(a.level) - levelRank(b.level) ||
      (a.result && b.result ? b.result.total.cmp(a.result.total) : 0) ||
      (a.model.id < b.model.id ? -1 : a.model.id > b.model.id ? 1 : 0),
  );
}

/** A sheet's score: from the score worked out when it was read, if it was scored against this framework and no detail is wanted. */
function scoreOf(framework: Framework, a: ResultsInput['assessments'][number], detail: boolean): ScoreResult {
  const s = a.scored;
  if (!detail && s?.summary && s.against === criteriaKey(framework)) return fromSummary(framework, s.summary);
  return score(framework, (a.whole?.() ?? a.data) as Assessment, detail);
}

export interface Tally {
  models: number;
  assessed: number;
  recognized: number;
  exemplary: number;
  notAssessed: number;
}

export function tally(rows: Row[]): Tally {
  const ids = (pred: (r: Row) => boolean) => new Set(rows.filter(pred).map((r) => r.model.id)).size;
  return {
    models: ids(() => true),
    assessed: ids((r) => r.result !== undefined),
    recognized: ids((r) => r.recognition?.recognized === true),
    exemplary: ids((r) => r.recognition?.exemplary === true),
    notAssessed: ids((r) => r.result === undefined),
  };
}
