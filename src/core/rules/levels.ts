// Rule unknown-level: a model's unit.level and an assessment's level must be one of the
// workspace's levels (the defaults, or `levels:` in dvk.config.yaml).
import type { Finding } from '../load.js';
import { nearest } from '../hints.js';
import type { AssessmentFile, ModelFile, RuleContext } from './context.js';
import { obj } from './shape.js';

export function unknownLevel(file: ModelFile | AssessmentFile, { m, levels }: RuleContext): Finding[] {
  const [path, level] = file.kind === 'model' ? [['unit', 'level'], obj(file.data.unit).level] : [['level'], file.data.level];
  const ids = levels.map((l) => l.id);
  if (typeof level !== 'string' || ids.includes(level)) return [];
  return [{ rule: 'unknown-level', severity: 'error', path, ...m.unknownLevel(level, ids, nearest(level, ids)) }];
}
