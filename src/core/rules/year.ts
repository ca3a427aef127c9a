// Rule year-mismatch (warning): a model's `year` that none of its dates fall in (registration,
// start, end, review), as when a sheet of 2023 was imported into a workspace of 2026.
import { isValidDate } from '../hints.js';
import type { Finding } from '../load.js';
import type { Model } from '../types.js';
import type { FileRule, TypedFile } from './context.js';

export const yearMismatch: FileRule<TypedFile<Model>> = (file, { m }) => {
  const { year, steps } = file.data as { year?: unknown; steps?: unknown };
  if (typeof year !== 'number' || steps === null || typeof steps !== 'object') return [];
  const { register, review } = steps as { register?: Record<string, unknown>; review?: Record<string, unknown> };
  const dates = [register?.date, register?.start, register?.end, review?.date].filter((d): d is string => typeof d === 'string' && isValidDate(d));
  const years = [...new Set(dates.map((d) => Number(d.slice(0, 4))))].sort();
  if (years.length === 0 || years.includes(year)) return [];
  const finding: Finding = { rule: 'year-mismatch', severity: 'warning', path: ['year'], ...m.yearMismatch(year, years) };
  return [finding];
};
