// Class, gates, recognition and the exemplary tier (DESIGN.md §2). Every condition is checked
// and kept with its outcome, so that `--explain` can show all of them and the output can give
// every failed one as a reason in words.
import type { Messages } from '../i18n/index.js';
import { Ratio } from './decimal.js';
import type { ScoreResult } from './score.js';
import type { ClassDef, Gate, ModelInfo, StepName } from './types.js';

export interface Check {
  /** Stable code: gate, class, min-class, group-ratio, not-lowest, exemplary. */
  code: string;
  /** The gate or group it is about, where there is one. */
  subject?: string;
  passed: boolean;
  /** What was checked and found, in words ('' for a passed condition unless asked for in detail). */
  message: string;
}

/** A condition: its message is worded only when it failed or all conditions are shown. */
type CheckOf = (code: string, passed: boolean, message: () => string, subject?: string) => Check;

export interface Recognition {
  class?: ClassDef;
  recognized: boolean;
  exemplary: boolean;
  /** Every condition of recognition, passed or not: kept only with detail (`--explain`). */
  checks: Check[];
  /** The failed conditions of recognition: why a model is not recognised. */
  reasons: { code: string; message: string }[];
}

/** `start` plus `months` calendar months, clamped to the month's last day (2023-08-31 + 6 = 2024-02-29). */
export function addMonths(start: string, months: number): string {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function classify(total: Ratio, classes: ClassDef[]): ClassDef | undefined {
  return classes.find((c) => total.gte(Ratio.of(c.min)));
}

function gateChecks(gate: Gate, model: ModelInfo, m: Messages, check: CheckOf): Check[] {
  const checks: Check[] = [];
  const title = gate.title;
  if (gate.require_steps) {
    const lacking = gate.require_steps.filter((s) => !model.states.find((x) => x.step === s)?.complete) as StepName[];
    checks.push(check('gate', lacking.length === 0, () => m.score.gateSteps(title, lacking), gate.id));
  }
  if (gate.min_months !== undefined) {
    const start = model.steps.register?.start;
    const end = model.steps.review?.date;
    const due = start ? addMonths(start, gate.min_months) : undefined;
    const passed = due !== undefined && end !== undefined && due <= end;
    checks.push(check('gate', passed, () => m.score.gateMonths(title, gate.min_months!, passed, start, end, due), gate.id));
  }
  return checks;
}

/**
 * A model's class and recognition from its score. With `detail`, every condition is kept and
 * worded (`--explain`); without, only the failed ones, which are the reasons.
 */
export function recognize(model: ModelInfo, result: ScoreResult, m: Messages, detail = true): Recognition {
  const check: CheckOf = (code, passed, message, subject) => ({ code, ...(subject === undefined ? {} : { subject }), passed, message: passed && !detail ? '' : message() });
  const f = result.framework;
  const cls = classify(result.total, f.classes);
  const rank = (id: string | undefined) => f.classes.findIndex((c) => c.id === id);
  const checks: Check[] = (f.gates ?? []).flatMap((g) => gateChecks(g, model, m, check));

  if (!cls) checks.push(check('class', false, () => m.score.noClass(result.total.toString())));
  const rec = f.recognition;
  if (rec) {
    if (cls && rec.min_class) {
      const minClass = f.classes[rank(rec.min_class)]!;
      const passed = rank(cls.id) <= rank(rec.min_class);
      checks.push(check('min-class', passed, () => m.score.minClass(cls.label, minClass.label, passed)));
    }
    if (rec.min_group_ratio !== undefined) {
      const ratio = Ratio.of(rec.min_group_ratio);
      for (const g of result.groups) {
        const passed = g.score.gte(g.max.mul(ratio));
        checks.push(check('group-ratio', passed, () => m.score.groupRatio(g.id, g.score.toString(), g.max.toString(), ratio.mul(new Ratio(100n)).toString(), passed), g.id));
      }
    }
  } else if (cls) {
    const lowest = f.classes[f.classes.length - 1]!;
    const passed = cls.id !== lowest.id;
    checks.push(check('not-lowest', passed, () => m.score.notLowest(cls.label, passed)));
  }

  const recognized = checks.every((c) => c.passed);
  let exemplary = false;
  if (recognized && cls && rec?.exemplary) {
    const top = f.classes[rank(rec.exemplary.min_class)]!;
    exemplary = rank(cls.id) <= rank(rec.exemplary.min_class);
    checks.push(check('exemplary', exemplary, () => m.score.exemplary(cls.label, top.label, exemplary)));
  }
  const reasons = checks.filter((c) => !c.passed && c.code !== 'exemplary').map((c) => ({ code: c.code, message: c.message }));
  // A workspace's worth of passed conditions is a lot of memory: the reasons say what failed.
  return { class: cls, recognized, exemplary, checks: detail ? checks : [], reasons };
}
