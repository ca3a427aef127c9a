// Rule date-order: register.date <= register.start <= register.end, and activities,
// inspections and the review fall on or after register.start (DESIGN.md §2).
import type { Finding } from '../load.js';
import { isValidDate } from '../hints.js';
import type { Model, Path } from '../types.js';
import type { FileRule, TypedFile } from './context.js';
import { list, obj } from './shape.js';

export const dateOrder: FileRule<TypedFile<Model>> = (file, { m }) => {
  const findings: Finding[] = [];
  const steps = obj(file.data.steps);
  const register = obj(steps.register);
  const review = obj(steps.review);
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
  list(obj(steps.implement).activities).forEach((a, i) => notBefore(['steps', 'implement', 'activities', i, 'date'], obj(a).date, register.start, 'start'));
  list(steps.inspect).forEach((x, i) => notBefore(['steps', 'inspect', i, 'date'], obj(x).date, register.start, 'start'));
  notBefore(['steps', 'review', 'date'], review.date, register.start, 'start');
  return findings;
};
