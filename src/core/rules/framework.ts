// Rules on a criteria framework's own consistency: framework-duplicate-id (group, criterion,
// gate or class ids used twice), framework-class-order (classes not strictly descending by min,
// or no class for a total of 0), framework-unknown-class (recognition names a class that does
// not exist), framework-rounding (a criterion's maximum is not a multiple of the rounding step).
import type { Finding } from '../load.js';
import { nearest } from '../hints.js';
import { Ratio } from '../decimal.js';
import type { Path } from '../types.js';
import type { CriteriaFile, FileRule } from './context.js';
import { list, obj, text, type Obj } from './shape.js';

export const frameworkConsistency: FileRule<CriteriaFile> = (file, { m }) => {
  const f = file.data;
  const findings: Finding[] = [];
  const groups = list(f.groups).map(obj);
  const classes = list(f.classes).map(obj);
  const unique = (items: { id: unknown; path: Path }[]) => {
    const seen = new Set<string>();
    for (const { id, path } of items) {
      if (typeof id !== 'string') continue;
      if (seen.has(id)) findings.push({ rule: 'framework-duplicate-id', severity: 'error', path, ...m.frameworkDuplicateId(id) });
      seen.add(id);
    }
  };
  unique(groups.map((g, i) => ({ id: g.id, path: ['groups', i, 'id'] })));
  unique(groups.flatMap((g, i) => list(g.criteria).map((c, j) => ({ id: obj(c).id, path: ['groups', i, 'criteria', j, 'id'] }))));
  unique(list(f.gates).map((g, i) => ({ id: obj(g).id, path: ['gates', i, 'id'] })));
  unique(classes.map((c, i) => ({ id: c.id, path: ['classes', i, 'id'] })));

  const label = (c: Obj) => text(c.label ?? c.id);
  classes.forEach((c, i) => {
    const above = classes[i - 1];
    if (above && typeof c.min === 'number' && typeof above.min === 'number' && c.min >= above.min) {
      findings.push({ rule: 'framework-class-order', severity: 'error', path: ['classes', i, 'min'], ...m.classOrder(label(c), c.min, label(above), above.min) });
    }
  });
  const lowest = classes[classes.length - 1];
  if (lowest && typeof lowest.min === 'number' && lowest.min > 0) {
    findings.push({ rule: 'framework-class-order', severity: 'warning', path: ['classes', classes.length - 1, 'min'], ...m.lowestClassMin(label(lowest), lowest.min) });
  }

  // A maximum that is not a multiple of the rounding step could round above itself (7.5 -> 8).
  // `rounding: 1e999` or `.inf` is Infinity: no step (fuzz seed 20261201, case 313).
  const rounding = typeof f.rounding === 'number' && Number.isFinite(f.rounding) && f.rounding > 0 ? f.rounding : 0.01;
  const step = Ratio.of(rounding);
  groups.forEach((g, i) =>
    list(g.criteria).map(obj).forEach((c, j) => {
      if (typeof c.max === 'number' && Number.isFinite(c.max) && !Ratio.of(c.max).div(step).isInteger()) {
        findings.push({ rule: 'framework-rounding', severity: 'error', path: ['groups', i, 'criteria', j, 'max'], ...m.maxNotOnStep(text(c.id), c.max, rounding) });
      }
    }),
  );

  const ids = classes.map((c) => c.id).filter((id): id is string => typeof id === 'string');
  const known = (id: unknown, path: Path) => {
    if (typeof id === 'string' && !ids.includes(id)) {
      findings.push({ rule: 'framework-unknown-class', severity: 'error', path, ...m.unknownClass(id, ids, nearest(id, ids)) });
    }
  };
  const recognition = obj(f.recognition);
  known(recognition.min_class, ['recognition', 'min_class']);
  known(obj(recognition.exemplary).min_class, ['recognition', 'exemplary', 'min_class']);
  return findings;
};
