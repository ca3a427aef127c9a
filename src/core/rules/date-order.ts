// Rule date-order: register.date <= register.start <= register.end, and activities,
// inspections and the review fall on or after register.start (DESIGN.md §2).
import type { Finding } from '../load.js';
import { isValidDate } from '../hints.js';
import type { Model, Path } from '../types.js';
import type { FileRule, TypedFile } from './context.js';

export const dateOrder: FileRule<TypedFile<Model>> = (file, { m }) => {
  const findings: Finding[] = [];
  const { register = {}, implement, inspect, review } = file.data.steps;
  const ok = (d: unknown): d is string => typeof d === 'string' && isValidDate(d);
  const notBefore = (path: Path, date: unknown, earliest: unknown, what: 'registered' | 'start') => {
    if (ok(date) && ok(earliest) && date < earliest) {
      findings.push({ rule: 'date-order', severity: 'error', path, ...m.dateBefore(path, date, earliest, what) });
    }
  };
  notBefore(['steps', 'register', 'start'], register.start, register.date, 'registered');
  if (ok(register.end) && ok(register.start) && register.end < register.start) {
    findings.push({ rule: 'date-order', severity: 'error', path: ['steps', 'register', 'end'], ...m.endBeforeStart(register.end, register.start) });
  }
  implement?.activities?.forEach((a, i) => notBefore(['steps', 'implement', 'activities', i, 'date'], a.date, register.start, 'start'));
  inspect?.forEach((x, i) => notBefore(['steps', 'inspect', i, 'date'], x.date, register.start, 'start'));
  notBefore(['steps', 'review', 'date'], review?.date, register.start, 'start');
  return findings;
};
