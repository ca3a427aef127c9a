// Rules on a criteria framework's own consistency: framework-duplicate-id (group, criterion,
// gate or class ids used twice), framework-class-order (classes not strictly descending by min,
// or no class for a total of 0), framework-unknown-class (recognition names a class that does
// not exist), framework-rounding (a criterion's maximum is not a multiple of the rounding step).
import type { Finding } from '../load.js';
import { nearest } from '../hints.js';
import { Ratio } from '../decimal.js';
import type { Path } from '../types.js';
import type { CriteriaFile, FileRule } from './context.js';

export const frameworkConsistency: FileRule<CriteriaFile> = (file, { m }) => {
  const f = file.data;
  const findings: Finding[] = [];
  const unique = (items: { id: string; path: Path }[]) => {
    const seen = new Set<string>();
    for (const { id, path } of items) {
      if (seen.has(id)) findings.push({ rule: 'framework-duplicate-id', severity: 'error', path, ...m.frameworkDuplicateId(id) });
      seen.add(id);
    }
  };
  unique(f.groups.map((g, i) => ({ id: g.id, path: ['groups', i, 'id'] })));
  unique(f.groups.flatMap((g, i) => g.criteria.map((c, j) => ({ id: c.id, path: ['groups', i, 'criteria', j, 'id'] }))));
  unique((f.gates ?? []).map((g, i) => ({ id: g.id, path: ['gates', i, 'id'] })));
  unique(f.classes.map((c, i) => ({ id: c.id, path: ['classes', i, 'id'] })));

  f.classes.forEach((c, i) => {
    const above = f.classes[i - 1];
    if (above && c.min >= above.min) {
      findings.push({ rule: 'framework-class-order', severity: 'error', path: ['classes', i, 'min'], ...m.classOrder(c.label, c.min, above.label, above.min) });
    }
  });
  const lowest = f.classes[f.classes.length - 1];
  if (lowest && lowest.min > 0) {
    findings.push({ rule: 'framework-class-order', severity: 'warning', path: ['classes', f.classes.length - 1, 'min'], ...m.lowestClassMin(lowest.label, lowest.min) });
  }

  // A maximum that is not a multiple of the rounding step could round above itself (7.5 -> 8).
  const step = Ratio.of(f.rounding ?? 0.01);
  f.groups.forEach((g, i) =>
    g.criteria.forEach((c, j) => {
      if (Ratio.of(c.max).div(step).d !== 1n) {
        findings.push({ rule: 'framework-rounding', severity: 'error', path: ['groups', i, 'criteria', j, 'max'], ...m.maxNotOnStep(c.id, c.max, f.rounding ?? 0.01) });
      }
    }),
  );

  const ids = f.classes.map((c) => c.id);
  const known = (id: string | undefined, path: Path) => {
    if (id !== undefined && !ids.includes(id)) {
      findings.push({ rule: 'framework-unknown-class', severity: 'error', path, ...m.unknownClass(id, ids, nearest(id, ids)) });
    }
  };
  known(f.recognition?.min_class, ['recognition', 'min_class']);
  known(f.recognition?.exemplary?.min_class, ['recognition', 'exemplary', 'min_class']);
  return findings;
};
