// The committee's rows (results.ts) and the report's aggregates (stats.ts), on hand-made data:
// the end-to-end tests reach them through the CLI, which mutation testing does not see.
import { describe, expect, it } from 'vitest';
import { messages } from '../../src/i18n/index.js';
import { inScope, results, tally, unitMatches, type Row } from '../../src/core/results.js';
import { reportStats } from '../../src/core/stats.js';
import { scoreAgainst } from '../../src/core/check.js';
import { score } from '../../src/core/score.js';
import type { Assessment, Framework, LevelDef, Model } from '../../src/core/types.js';
import { framework, model, sheet } from './builders.js';

const vi = messages('vi');
const levels: LevelDef[] = [
  { id: 'tinh', label: 'Tỉnh' },
  { id: 'huyen', label: 'Huyện' },
];
const f: Framework = framework({ recognition: { min_class: 'kha', exemplary: { min_class: 'tot' } } });
const frameworks = new Map([[f.id, f]]);

function m(id: string, over: Partial<Model> = {}): Model {
  return model({ id, ...over });
}
function s(id: string, marks: { a: number; b: number; c: number }, level = 'huyen', fw = 'f'): Assessment {
  return { ...sheet(marks), model: id, level, framework: fw };
}
const input = (models: Model[], sheets: Assessment[], detail?: boolean) => ({
  models: models.map((data) => ({ data, file: `models/${data.id}.yaml` })),
  assessments: sheets.map((data) => ({ data, file: `assessments/${data.model}-${data.level}.yaml` })),
  frameworks,
  levels,
  ...(detail === undefined ? {} : { detail }),
});

describe('results', () => {
  const models = [m('M-1'), m('M-2'), m('M-3'), m('M-4', { field: 'van-hoa-xa-hoi', year: 2022, unit: { name: 'Phường Hòa Mạc', code: 'HM', level: 'xa' } })];
  const sheets = [s('M-1', { a: 5, b: 5, c: 10 }), s('M-2', { a: 10, b: 10, c: 20 }), s('M-2', { a: 1, b: 1, c: 1 }, 'tinh'), s('M-4', { a: 10, b: 10, c: 10 }), s('M-1', { a: 9, b: 9, c: 9 }, 'huyen', 'nowhere')];

  it('lists every model with each of its sheets, highest level first, then highest total, then id; an unassessed model last', () => {
    const rows = results(input(models, sheets), {}, vi);
    expect(rows.map((r) => [r.model.id, r.level, r.result?.total.toString()])).toEqual([
      ['M-2', 'tinh', '3'],
      ['M-2', 'huyen', '40'],
      ['M-4', 'huyen', '30'],
      ['M-1', 'huyen', '20'],
      ['M-3', undefined, undefined],
    ]);
    const m2 = rows[1]!;
    expect(m2).toMatchObject({ file: 'models/M-2.yaml', assessment: { file: 'assessments/M-2-huyen.yaml' } });
    expect(m2.recognition).toMatchObject({ recognized: true, exemplary: true });
    expect(rows[0]!.recognition).toMatchObject({ recognized: false, exemplary: false });
    expect(rows[4]).toEqual({ model: expect.objectContaining({ id: 'M-3' }), file: 'models/M-3.yaml' });
    // A model's data is kept slim: the register's dates and the review, with the steps' states.
    expect(m2.model.steps).toEqual({ register: { date: '2023-03-01', start: '2023-03-15', end: '2023-11-30' }, review: { date: '2023-11-30', results: { participants: 100 }, summary: 'Hiệu quả' } });
    expect(m2.model.states.map((x) => x.step)).toEqual(['register', 'implement', 'inspect', 'review']);
  });

  it('sorts models of equal total by id, and a level the workspace does not know after those it knows', () => {
    const rows = results(input([m('B'), m('A'), m('C')], [s('B', { a: 5, b: 5, c: 10 }), s('A', { a: 5, b: 5, c: 10 }), s('C', { a: 9, b: 9, c: 20 }, 'xa')]), {}, vi);
    expect(rows.map((r) => `${r.model.id}@${r.level}`)).toEqual(['A@huyen', 'B@huyen', 'C@xa']);
  });

  it('filters by level, year, field and unit; a level filter keeps a model with no sheet at that level as not assessed', () => {
    const ids = (filters: Parameters<typeof results>[1]) => results(input(models, sheets), filters, vi).map((r) => `${r.model.id}${r.level ? `@${r.level}` : ''}`);
    expect(ids({ level: 'tinh' })).toEqual(['M-2@tinh', 'M-1', 'M-3', 'M-4']);
    expect(ids({ year: 2022 })).toEqual(['M-4@huyen']);
    expect(ids({ field: 'van-hoa-xa-hoi' })).toEqual(['M-4@huyen']);
    expect(ids({ unit: 'hoa mac' })).toEqual(['M-4@huyen']);
    expect(ids({ unit: 'A', year: 2023 })).toEqual(['M-2@tinh', 'M-2@huyen', 'M-1@huyen', 'M-3']);
  });

  it('keeps and words every condition only when asked for the detail', () => {
    const [brief] = results(input([m('M-1')], [s('M-1', { a: 10, b: 10, c: 10 })]), {}, vi);
    expect([brief!.recognition!.recognized, brief!.recognition!.exemplary, brief!.recognition!.checks]).toEqual([true, true, []]);
    const [low] = results(input([m('M-1')], [s('M-1', { a: 5, b: 5, c: 10 })]), {}, vi);
    expect([low!.recognition!.recognized, low!.recognition!.exemplary, low!.recognition!.reasons]).toEqual([true, false, []]);
    const [full] = results(input([m('M-1')], [s('M-1', { a: 5, b: 5, c: 10 })], true), {}, vi);
    expect(full!.recognition!.checks.map((c) => [c.code, c.passed])).toEqual([['min-class', true], ['exemplary', false]]);
    expect(full!.recognition!.checks.every((c) => c.message !== '')).toBe(true);
    expect(full!.result!.groups[0]!.criteria.map((c) => c.id)).toEqual(['a', 'b']);
    expect(brief!.result!.groups[0]!.criteria).toEqual([]);
  });

  it('scores a sheet from the score worked out when it was read against this framework, else from its marks', () => {
    const full = s('M-1', { a: 5, b: 5.5, c: 10 });
    const bare = { kind: full.kind, version: full.version, model: full.model, level: full.level, framework: full.framework };
    const scored = scoreAgainst(full, f, vi);
    const one = (a: Record<string, unknown>, detail?: boolean) =>
      results({ ...input([m('M-1')], [], detail), assessments: [{ data: bare as Assessment, file: 'a.yaml', ...a }] }, {}, vi)[0]!.result!;
    const want = score(f, full, false);
    // No marks at hand: the summary is all there is.
    expect(one({ scored })).toEqual(want);
    // Made against another version of the framework, or wanted in detail: the marks, read again.
    const stale = { ...scored, against: 'another', summary: { sheets: 1, groups: ['1', '1'] } };
    expect(one({ scored: stale, whole: () => full })).toEqual(want);
    expect(one({ scored, whole: () => full }, true)).toEqual(score(f, full, true));
    expect(() => one({ scored: stale })).toThrow(RangeError);
    expect(() => one({ scored }, true)).toThrow(RangeError);
  });

  it('tallies models, not rows', () => {
    const rows = results(input(models, sheets), {}, vi);
    expect(tally(rows)).toEqual({ models: 4, assessed: 3, recognized: 3, exemplary: 2, notAssessed: 1 });
    expect(tally([])).toEqual({ models: 0, assessed: 0, recognized: 0, exemplary: 0, notAssessed: 0 });
  });
});

describe('unitMatches and inScope', () => {
  const unit = { name: 'Phường Hòa Mạc', code: 'HM', level: 'xa' } as Model['unit'];
  it('matches a unit by its code or by whole words of its name, ignoring case and diacritics', () => {
    expect(unitMatches(unit, 'hm')).toBe(true);
    expect(unitMatches(unit, 'Hòa Mạc')).toBe(true);
    expect(unitMatches(unit, 'hoa')).toBe(true);
    expect(unitMatches(unit, 'phuong hoa mac')).toBe(true);
    expect(unitMatches(unit, 'ho')).toBe(false);
    expect(unitMatches(unit, 'mac x')).toBe(false);
    expect(unitMatches({ name: 'Xã Cao', level: 'xa' } as Model['unit'], 'ca')).toBe(false);
    expect(unitMatches({ name: 'Xã Cao', level: 'xa' } as Model['unit'], 'HM')).toBe(false);
  });
  it('a model is in scope when every given filter holds', () => {
    const x = { year: 2023, field: 'kinh-te', unit } as Model;
    expect(inScope(x, {})).toBe(true);
    expect(inScope(x, { year: 2023, field: 'kinh-te', unit: 'HM' })).toBe(true);
    expect(inScope(x, { year: 2022 })).toBe(false);
    expect(inScope(x, { field: 'quoc-phong-an-ninh' })).toBe(false);
    expect(inScope(x, { unit: 'XY' })).toBe(false);
  });
});

describe('reportStats', () => {
  const unitA = { name: 'Xã An', code: 'AN', level: 'xa' } as Model['unit'];
  const unitB = { name: 'Ấp Bình', code: 'BI', level: 'huyen' } as Model['unit'];
  const incomplete = m('M-5', { unit: unitB, type: 'individual', person: { name: 'Nguyễn Văn A', position: 'Trưởng thôn' } } as Partial<Model>);
  delete incomplete.steps.inspect;
  incomplete.steps.review = { date: '2023-11-30', results: { participants: 7, households: 3, funds_vnd: 1000, workdays: 2 } } as Model['steps']['review'];
  const models = [m('M-1', { unit: unitA }), m('M-2', { unit: unitA, field: 'van-hoa-xa-hoi' }), m('M-3', { unit: unitB }), incomplete];
  const sheets = [s('M-1', { a: 1, b: 1, c: 1 }), s('M-1', { a: 10, b: 10, c: 10 }, 'tinh'), s('M-2', { a: 1, b: 1, c: 1 }), s('M-5', { a: 5, b: 5, c: 10 })];
  // Worked out in each test, not here: Stryker makes a mutant active only while tests run, not
  // while the file is collected, so figures computed here would hide every mutant of stats.ts.
  const rows = () => results(input(models, sheets), {}, vi);
  const stats = () => reportStats(2023, rows(), ['tinh', 'huyen', 'xa'], results(input([m('P-1')], [s('P-1', { a: 10, b: 10, c: 10 })]), {}, vi));

  // M-1 is counted by its sheet of the highest level (tỉnh), which recognises it as exemplary.
  it('counts each model once, by its row of the highest level, with the totals of the review results', () => {
    const st = stats();
    expect(st.year).toBe(2023);
    expect(st.counts).toEqual({ registered: 4, complete: 3, assessed: 3, recognized: 2, exemplary: 1 });
    expect(st.results).toEqual({ participants: 307, households: 3, funds_vnd: 1000, workdays: 2 });
  });

  it('breaks the counts down by field, type, level (those with models) and unit (in Vietnamese order)', () => {
    const st = stats();
    const keyed = (b: { key: string; counts: { registered: number } }[]) => b.map((x) => [x.key, x.counts.registered]);
    expect(keyed(st.byField)).toEqual([['kinh-te', 3], ['van-hoa-xa-hoi', 1], ['quoc-phong-an-ninh', 0], ['xay-dung-he-thong-chinh-tri', 0]]);
    expect(keyed(st.byType)).toEqual([['collective', 3], ['individual', 1]]);
    expect(keyed(st.byLevel)).toEqual([['huyen', 2], ['xa', 2]]);
    expect(keyed(st.byUnit)).toEqual([['Ấp Bình', 2], ['Xã An', 2]]);
    expect(st.byUnit[1]!.unit).toBe(unitA);
    expect(st.byUnit[1]!.counts).toEqual({ registered: 2, complete: 2, assessed: 2, recognized: 1, exemplary: 1 });
  });

  it('names the exemplary, the not recognised, the not assessed and the incomplete', () => {
    const st = stats();
    expect(st.exemplary.map((r: Row) => r.model.id)).toEqual(['M-1']);
    expect(st.notRecognized.map((r) => r.model.id)).toEqual(['M-2']);
    expect(st.notAssessed.map((r) => r.model.id)).toEqual(['M-3']);
    expect(st.incomplete).toEqual([{ model: expect.objectContaining({ id: 'M-5' }), missing: ['inspect', 'review.summary', 'review.lessons'] }]);
  });

  it('counts a model as assessed by any of its rows, and a model without a review step adds nothing to the totals', () => {
    const noReview = m('M-9');
    delete noReview.steps.review;
    const [assessed, unassessed] = results(input([m('M-1'), noReview], [s('M-1', { a: 10, b: 10, c: 10 })]), {}, vi);
    const st = reportStats(2023, [{ model: assessed!.model, file: assessed!.file }, assessed!, unassessed!], ['huyen', 'xa']);
    expect(st.counts).toEqual({ registered: 2, complete: 1, assessed: 1, recognized: 1, exemplary: 1 });
    expect(st.results).toEqual({ participants: 100, households: 0, funds_vnd: 0, workdays: 0 });
    expect(st.notAssessed.map((r) => r.model.id)).toEqual(['M-9']);
  });

  it('counts the previous year when given, and not when it has no rows', () => {
    const st = stats();
    expect(st.previous).toEqual({ year: 2022, counts: { registered: 1, complete: 1, assessed: 1, recognized: 1, exemplary: 1 }, results: { participants: 100, households: 0, funds_vnd: 0, workdays: 0 } });
    expect(reportStats(2023, rows(), ['xa'], []).previous).toBeUndefined();
    expect(reportStats(2023, rows(), ['xa']).previous).toBeUndefined();
  });
});
