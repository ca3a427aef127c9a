// Rule step-incomplete: a step that is present but does not satisfy its own schema in
// schemas/steps/ is a warning (a draft), or an error when the step is required (`--require`);
// a required step that is absent is an error too.
import type { Finding } from '../load.js';
import { pointerToPath, validateAgainst } from '../schema.js';
import { STEPS, type Model, type StepName, type StepState } from '../types.js';
import type { ModelFile, Rule } from './context.js';
import { obj } from './shape.js';

/** "activities[0].date" -> ['activities', 0, 'date']. */
const itemPath = (item: string): (string | number)[] => item.split(/\.|(?=\[)/).filter(Boolean).map((x) => (/^\[\d+\]$/.test(x) ? Number(x.slice(1, -1)) : x));

/** What a present step lacks, as dotted keys relative to the step ("goals", "activities[0].date"). */
export function missingInStep(step: StepName, value: unknown): string[] {
  const missing = new Set<string>();
  for (const e of validateAgainst(step, value)) {
    const at = pointerToPath(e.instancePath, value).map((s) => (typeof s === 'number' ? `[${s}]` : s));
    if (e.keyword === 'required') at.push(String(e.params.missingProperty));
    // A step that is an empty list (`inspect: []`) lacks its first entry.
    missing.add(at.join('.').replace(/\.\[/g, '[') || '[0]');
  }
  return [...missing];
}

export type { StepState } from '../types.js';

/** For each of the four steps: present, complete, and what it lacks. */
export function stepStates(model: Pick<Model, 'steps'>): StepState[] {
  const steps = obj(model.steps);
  return STEPS.map((step) => {
    const value = steps[step];
    if (value === undefined || value === null) return { step, present: false, complete: false, missing: [] };
    const missing = missingInStep(step, value);
    return { step, present: true, complete: missing.length === 0, missing };
  });
}

export const stepCompleteness: Rule<ModelFile> = (file, { m, require, brokenAt }) => {
  const findings: Finding[] = [];
  // A step whose schema error is already reported is not reported again as incomplete.
  if (brokenAt(file, ['steps'])) return [];
  for (const state of file.data.states) {
    const s = { ...state, missing: state.missing.filter((item) => !brokenAt(file, ['steps', state.step, ...itemPath(item)])) };
    const required = require.includes(s.step);
    if (!s.present) {
      if (required) findings.push({ rule: 'step-incomplete', severity: 'error', forced: true, path: ['steps'], target: 'key', ...m.stepAbsent(s.step) });
    } else if (brokenAt(file, ['steps', s.step])) {
      continue;
    } else if (s.missing.length) {
      findings.push({
        rule: 'step-incomplete',
        severity: required ? 'error' : 'warning',
        forced: required,
        path: ['steps', s.step],
        target: 'key',
        ...m.stepIncomplete(s.step, s.missing, required),
      });
    }
  }
  return findings;
};
