// Rules for a score sheet against the rest of the workspace:
// unknown-model, unknown-framework, framework-not-applicable (the framework's applies_to does not
// cover the model's type or field), unknown-criterion, missing-score, score-over-max.
import type { Messages } from '../../i18n/index.js';
import type { Finding } from '../load.js';
import { nearest } from '../hints.js';
import type { Assessment, Framework, Model, Path } from '../types.js';
import type { AssessmentFile, Rule } from './context.js';
import { isObj, list, obj, str, type Obj } from './shape.js';

/** The score sheets of an assessment that are mappings, each with where it stands in the file. */
function sheets(a: Assessment): { path: Path; scores: Obj; name: string }[] {
  if (a.scores !== undefined) return isObj(a.scores) ? [{ path: ['scores'], scores: a.scores, name: '' }] : [];
  return list(a.assessors).flatMap((x, i) => {
    const sheet = obj(x);
    return isObj(sheet.scores) ? [{ path: ['assessors', i, 'scores'], scores: sheet.scores, name: str(sheet.name) ?? '' }] : [];
  });
}

/** Why a framework does not apply to a model, or undefined when it does. */
export function notApplicable(f: Framework, model: Pick<Model, 'type' | 'field'>): 'type' | 'field' | undefined {
  const { types, fields } = f.applies_to ?? {};
  if (types && !types.includes(model.type)) return 'type';
  if (fields && fields !== 'all' && !fields.includes(model.field)) return 'field';
  return undefined;
}

export const assessmentRefs: Rule<AssessmentFile> = (file, { m, index }) => {
  const findings: Finding[] = [];
  const a = file.data;
  if (typeof a.model === 'string' && !index.models.has(a.model)) {
    findings.push({ rule: 'unknown-model', severity: 'error', path: ['model'], ...m.unknownModel(a.model, nearest(a.model, index.models.keys())) });
  }
  if (typeof a.framework === 'string' && !index.frameworks.has(a.framework)) {
    findings.push({
      rule: 'unknown-framework', severity: 'error', path: ['framework'],
      ...m.unknownFramework(a.framework, [...index.frameworks.keys()], nearest(a.framework, index.frameworks.keys())),
    });
  }
  const model = index.validModels.get(a.model)?.data;
  const framework = index.validFrameworks.get(a.framework)?.data;
  if (model && framework) {
    const why = notApplicable(framework, model);
    if (why) findings.push({ rule: 'framework-not-applicable', severity: 'error', path: ['framework'], ...m.notApplicable(framework.id, model, why) });
  }
  return findings;
};

/** The marks of a score sheet against its framework (a valid one, with no errors of its own). */
export function assessmentScores(a: Assessment, framework: Framework, { m }: { m: Messages }): Finding[] {
  const findings: Finding[] = [];
  const criteria = new Map(framework.groups.flatMap((g) => g.criteria.map((c) => [c.id, c] as const)));
  for (const sheet of sheets(a)) {
    const missing = [...criteria.keys()].filter((id) => !Object.hasOwn(sheet.scores, id));
    for (const [id, score] of Object.entries(sheet.scores)) {
      const c = criteria.get(id);
      if (!c) {
        // The criterion this sheet lacks is the likelier meaning than one spelt alike: C7.1 for
        // a missing C6.2, not C1.1.
        const lacking = nearest(id, missing) ?? (missing.length === 1 ? missing[0] : undefined);
        findings.push({
          rule: 'unknown-criterion', severity: 'error', path: [...sheet.path, id], target: 'key',
          ...m.unknownCriterion(id, framework.id, lacking ?? nearest(id, criteria.keys()), lacking !== undefined),
        });
      } else if (typeof score === 'number' && score > c.max) {
        findings.push({ rule: 'score-over-max', severity: 'error', path: [...sheet.path, id], ...m.scoreOverMax(id, score, c.max) });
      }
    }
    if (missing.length) {
      findings.push({ rule: 'missing-score', severity: 'error', path: sheet.path, target: 'key', ...m.missingScores(missing, sheet.name || undefined) });
    }
  }
  return findings;
}
