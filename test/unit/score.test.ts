import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Ratio } from '../../src/core/decimal.js';
import { aggregate, fromSummary, score, summarize } from '../../src/core/score.js';
import type { Assessment } from '../../src/core/types.js';
import { framework, sheet } from './builders.js';

const r = (x: number | string) => Ratio.of(x);
const rs = (...xs: number[]) => xs.map((x) => r(x));

describe('aggregate', () => {
  it('mean', () => {
    expect(aggregate(rs(9, 8.5, 8), 'mean').toString()).toBe('8.5');
    expect(aggregate(rs(9, 8, 8), 'mean').eq(new Ratio(25n, 3n))).toBe(true);
  });
  it('median of odd and even counts', () => {
    expect(aggregate(rs(9, 1, 5), 'median').toString()).toBe('5');
    expect(aggregate(rs(9, 1, 5, 6), 'median').toString()).toBe('5.5');
    expect(aggregate(rs(7), 'median').toString()).toBe('7');
    expect(aggregate(rs(7, 8), 'median').toString()).toBe('7.5');
  });
  it('trimmed mean drops one highest and one lowest, and falls back to the mean below 3', () => {
    expect(aggregate(rs(10, 6, 7, 8, 0), 'trimmed-mean').toString()).toBe('7');
    expect(aggregate(rs(10, 10, 0), 'trimmed-mean').toString()).toBe('10');
    expect(aggregate(rs(10, 0), 'trimmed-mean').toString()).toBe('5');
    expect(aggregate(rs(9), 'trimmed-mean').toString()).toBe('9');
  });
  it('median and trimmed mean where they differ', () => {
    // The cases above give the same number both ways.
    expect(aggregate(rs(1, 2, 9, 10, 10), 'median').toString()).toBe('9');
    expect(aggregate(rs(1, 2, 9, 10, 10), 'trimmed-mean').toString()).toBe('7');
    expect(aggregate(rs(0, 1, 2, 3, 10, 100), 'median').toString()).toBe('2.5');
    expect(aggregate(rs(0, 1, 2, 3, 10, 100), 'trimmed-mean').toString()).toBe('4');
  });
  it('refuses no marks', () => {
    expect(() => aggregate([], 'mean')).toThrow();
  });

  const marks = fc.array(fc.integer({ min: 0, max: 200 }).map((n) => r(n / 10)), { minLength: 1, maxLength: 9 });
  const method = fc.constantFrom('mean' as const, 'median' as const, 'trimmed-mean' as const);
  it('does not depend on the assessors\' order (property)', () => {
    fc.assert(
      fc.property(marks, method, fc.integer(), (xs, m, seed) => {
        const shuffled = [...xs].sort(() => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % 3) - 1);
        expect(aggregate(shuffled, m).eq(aggregate(xs, m))).toBe(true);
      }),
    );
  });
  it('stays within the lowest and highest mark (property)', () => {
    fc.assert(
      fc.property(marks, method, (xs, m) => {
        const a = aggregate(xs, m);
        const sorted = [...xs].sort((p, q) => p.cmp(q));
        expect(a.cmp(sorted[0]!)).toBeGreaterThanOrEqual(0);
        expect(a.cmp(sorted[sorted.length - 1]!)).toBeLessThanOrEqual(0);
      }),
    );
  });
});

describe('score', () => {
  it('a criterion named constructor or valueOf that a sheet lacks is not scored, never read from Object.prototype (issue 9, defect 8)', () => {
    const f = framework({ groups: [{ id: 'G1', title: 'Nhóm 1', criteria: [{ id: 'a', title: 'A', max: 10 }, { id: 'constructor', title: 'B', max: 10 }] }] });
    expect(() => score(f, sheet({ a: 9 }))).toThrow('criterion constructor not scored');
    const v = framework({ groups: [{ id: 'G1', title: 'Nhóm 1', criteria: [{ id: 'valueOf', title: 'A', max: 10 }] }] });
    expect(() => score(v, sheet({ a: 9 }))).toThrow('criterion valueOf not scored');
  });
  it('rounds each criterion once, half up, then sums exactly', () => {
    // a: (9 + 8 + 8) / 3 = 8.333… -> 8.33; b: (6 + 7 + 7) / 3 = 6.666… -> 6.67.
    const res = score(framework(), sheet({ a: 9, b: 6, c: 15 }, { a: 8, b: 7, c: 16 }, { a: 8, b: 7, c: 17 }));
    expect(res.groups[0]!.criteria[0]!.score.toString()).toBe('8.33');
    expect(res.groups[0]!.criteria[1]!.score.toString()).toBe('6.67');
    expect(res.groups[0]!.score.toString()).toBe('15');
    expect(res.groups[1]!.score.toString()).toBe('16');
    expect(res.total.toString()).toBe('31');
    expect(res.max.toString()).toBe('40');
  });

  it('rounds at the framework\'s step', () => {
    const res = score(framework({ rounding: 0.5 }), sheet({ a: 9, b: 6, c: 15 }, { a: 8, b: 7, c: 16 }, { a: 8, b: 7, c: 17 }));
    expect(res.groups[0]!.criteria[0]!.score.toString()).toBe('8.5'); // 8.333 -> 8.5
    expect(res.groups[0]!.criteria[1]!.score.toString()).toBe('6.5'); // 6.667 -> 6.5
    expect(res.places).toBe(1);
  });

  it('uses a shared sheet like one assessor', () => {
    const a: Assessment = { kind: 'assessment', version: 1, model: 'M', level: 'huyen', framework: 'f', scores: { a: 7.25, b: 8, c: 12 } };
    const res = score(framework(), a);
    expect(res.assessors).toEqual(['']);
    expect(res.total.toString()).toBe('27.25');
  });

  it('names the method used, the framework\'s or the mean by default, and with detail the assessors', () => {
    const two = sheet({ a: 1, b: 1, c: 1 }, { a: 2, b: 2, c: 2 });
    expect(score(framework(), two)).toMatchObject({ aggregation: 'mean', applied: 'mean', assessors: ['TV1', 'TV2'] });
    expect(score(framework({ aggregation: 'median' }), two)).toMatchObject({ aggregation: 'median', applied: 'median' });
    const unnamed: Assessment = { ...two, assessors: [{ scores: { a: 1, b: 1, c: 1 } }, { name: 'B', scores: { a: 1, b: 1, c: 1 } }] };
    expect(score(framework(), unnamed).assessors).toEqual(['', 'B']);
    expect(score(framework(), unnamed, false).assessors).toEqual([]);
    expect(fromSummary(framework({ aggregation: 'median' }), { sheets: 2, groups: ['2', '1'] })).toMatchObject({ aggregation: 'median', applied: 'median' });
    expect(fromSummary(framework(), { sheets: 2, groups: ['2', '1'] })).toMatchObject({ aggregation: 'mean', applied: 'mean' });
  });

  it('says when trimmed-mean falls back to the mean', () => {
    expect(score(framework({ aggregation: 'trimmed-mean' }), sheet({ a: 1, b: 1, c: 1 }, { a: 2, b: 2, c: 2 })).applied).toBe('mean');
    expect(score(framework({ aggregation: 'trimmed-mean' }), sheet({ a: 1, b: 1, c: 1 }, { a: 2, b: 2, c: 2 }, { a: 3, b: 3, c: 3 })).applied).toBe('trimmed-mean');
  });

  it('totals equal the sum of groups, groups the sum of their criteria (property)', () => {
    const mark = (max: number) => fc.integer({ min: 0, max: max * 4 }).map((n) => n / 4);
    const sheetArb = fc.record({ a: mark(10), b: mark(10), c: mark(20) });
    fc.assert(
      fc.property(fc.array(sheetArb, { minLength: 1, maxLength: 7 }), fc.constantFrom('mean' as const, 'median' as const, 'trimmed-mean' as const), (sheets, aggregation) => {
        const res = score(framework({ aggregation }), sheet(...sheets));
        let total = Ratio.ZERO;
        for (const g of res.groups) {
          let s = Ratio.ZERO;
          for (const c of g.criteria) {
            s = s.add(c.score);
            expect(c.score.cmp(Ratio.ZERO)).toBeGreaterThanOrEqual(0);
            expect(c.score.cmp(c.max)).toBeLessThanOrEqual(0);
          }
          expect(g.score.eq(s)).toBe(true);
          total = total.add(g.score);
        }
        expect(res.total.eq(total)).toBe(true);
      }),
    );
  });
});

describe('what rows share (memory at 100,000 models)', () => {
  it('scores of one framework share its maximums and rounding; equal scores are one Ratio; without detail no criteria are kept', () => {
    const f = framework();
    const [a, b] = [score(f, sheet({ a: 8, b: 7, c: 9 }), false), score(f, sheet({ a: 8, b: 7, c: 9 }), false)];
    expect(a.max).toBe(b.max);
    expect(a.rounding).toBe(b.rounding);
    a.groups.forEach((g, i) => {
      expect(g.max).toBe(b.groups[i]!.max);
      expect(g.score).toBe(b.groups[i]!.score);
      expect(g.criteria).toEqual([]);
    });
    expect(a.total).toBe(b.total);
    // Another framework with the same shape has maximums of its own, and they stay right.
    const other = structuredClone(f);
    other.groups[0]!.criteria[0]!.max = 20;
    const c = score(other, sheet({ a: 8, b: 7, c: 9 }), true);
    expect(c.groups[0]!.max.toString()).toBe(Ratio.of(a.groups[0]!.max.toString()).add(r(10)).toString());
    expect(c.groups[0]!.criteria.map((x) => x.max.toString())).toEqual(['20', ...f.groups[0]!.criteria.slice(1).map((x) => String(x.max))]);
  });
});

describe('a score summarised where the sheet is read, and read back (summarize, fromSummary)', () => {
  const mark = (max: number) => fc.integer({ min: 0, max: max * 8 }).map((n) => n / 8);
  const sheets = fc.array(fc.record({ a: mark(10), b: mark(10), c: mark(20) }), { minLength: 1, maxLength: 7 });
  const aggregation = fc.constantFrom('mean' as const, 'median' as const, 'trimmed-mean' as const);
  const rounding = fc.constantFrom(undefined, 0.01, 0.1, 0.25, 0.5, 1, 2, 0.001, 0.3);
  it('is the score without detail, exactly (property)', () => {
    fc.assert(
      fc.property(sheets, aggregation, rounding, (marks, agg, step) => {
        const f = framework({ aggregation: agg, ...(step === undefined ? {} : { rounding: step }) });
        const a = sheet(...marks);
        const summary = summarize(f, a)!;
        // Through JSON, as a worker thread sends it and the cache keeps it.
        const back = fromSummary(f, JSON.parse(JSON.stringify(summary)) as typeof summary);
        const want = score(f, a, false);
        expect(back).toEqual({ ...want });
        expect(back.total.eq(want.total)).toBe(true);
        back.groups.forEach((g, i) => expect(g.score.eq(want.groups[i]!.score)).toBe(true));
        expect(summary.sheets).toBe(marks.length);
      }),
    );
  });

  it('keeps each group\'s score as exact decimal text, the number of sheets and nothing else', () => {
    const f = framework({ aggregation: 'trimmed-mean' });
    expect(summarize(f, sheet({ a: 8.5, b: 7, c: 9 }, { a: 8, b: 7, c: 10 }))).toEqual({ sheets: 2, groups: ['15.25', '9.5'] });
    const three = sheet({ a: 1, b: 1, c: 1 }, { a: 2, b: 2, c: 2 }, { a: 9, b: 9, c: 9 });
    expect(summarize(f, three)).toEqual({ sheets: 3, groups: ['4', '2'] });
    // What trimmed-mean came to depends on the number of sheets, not on the groups.
    expect(fromSummary(f, { sheets: 2, groups: ['4', '2'] }).applied).toBe('mean');
    expect(fromSummary(f, { sheets: 3, groups: ['4', '2'] }).applied).toBe('trimmed-mean');
    expect(fromSummary(f, { sheets: 3, groups: ['4', '2'] }).total.toString()).toBe('6');
  });

  it('shares equal group scores read back, as score does', () => {
    const f = framework();
    const [a, b] = [fromSummary(f, { sheets: 1, groups: ['12.5', '9'] }), fromSummary(f, { sheets: 1, groups: ['12.5', '9'] })];
    expect(a.groups[0]!.score).toBe(b.groups[0]!.score);
    expect(a.groups[0]!.score).toBe(score(f, sheet({ a: 6, b: 6.5, c: 9 }), false).groups[0]!.score);
    expect(a.groups[1]!.criteria).toEqual([]);
    expect(a.assessors).toEqual([]);
  });
});
