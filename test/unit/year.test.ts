// Rule year-mismatch on the data alone: which dates count, and what it says.
import { describe, expect, it } from 'vitest';
import type { LoadedFile } from '../../src/core/load.js';
import type { TypedFile } from '../../src/core/rules/context.js';
import { yearMismatch } from '../../src/core/rules/year.js';
import type { Model } from '../../src/core/types.js';
import { messages } from '../../src/i18n/index.js';

const m = messages('en');
const check = (data: Record<string, unknown>) => yearMismatch({ data } as unknown as TypedFile<Model> & LoadedFile, { m });

describe('year-mismatch', () => {
  it('names the years of the dates in order, and the earliest in the hint', () => {
    const [f, ...rest] = check({ year: 2026, steps: { register: { date: '2024-03-01' }, review: { date: '2023-12-01' } } });
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: 'year-mismatch', severity: 'warning', path: ['year'] });
    expect(f!.message).toMatch(/2023 and 2024/);
    expect(f!.hint).toContain('year: 2023');
  });

  it('says nothing when the year or the steps are not what the schema asks (the schema says it)', () => {
    const steps = { register: { date: '2023-03-01' } };
    expect(check({ year: 2026, steps })).toHaveLength(1);
    expect(check({ year: '2026', steps })).toEqual([]);
    expect(check({ year: 2026, steps: null })).toEqual([]);
    expect(check({ year: 2026 })).toEqual([]);
    expect(check({ year: 2026, steps: 'register' })).toEqual([]);
  });

  it('counts only real dates written as text', () => {
    expect(check({ year: 2026, steps: { register: { date: 20230301, start: new Date('2023-03-01') } } })).toEqual([]);
    expect(check({ year: 2026, steps: { register: { start: '2023-02-30', end: '2023-11-30' } } })[0]!.message).toMatch(/in 2023\./);
  });
});
