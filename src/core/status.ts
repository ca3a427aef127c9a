// Where each model stands in the four steps, and a roll-up by unit.
import type { Model, ModelInfo, ModelSource, StepName, StepState } from './types.js';

export interface ModelStatus {
  id: string;
  name: string;
  file: string;
  unit: Model['unit'];
  year: number;
  /** The furthest step present, or null when none is. */
  reached: StepName | null;
  /** Whether all four steps are present and complete. */
  complete: boolean;
  steps: StepState[];
  /** What stands between the model and a complete record: `register.goals`, `inspect`, … */
  missing: string[];
  /** Where the model was proposed from, when it came in a proposal bundle. */
  source?: ModelSource;
}

export interface UnitStatus {
  unit: string;
  code?: string;
  level: string;
  models: number;
  /** How many models have reached each step as their furthest (`none`: no step yet). */
  reached: Record<StepName | 'none', number>;
  complete: number;
}

export interface StatusReport {
  models: ModelStatus[];
  units: UnitStatus[];
  total: Omit<UnitStatus, 'unit' | 'code' | 'level'>;
}

export function modelStatus(model: ModelInfo, file: string): ModelStatus {
  const steps = model.states;
  const present = steps.filter((s) => s.present);
  const reached = present.length ? present[present.length - 1]!.step : null;
  const missing: string[] = [];
  for (const s of steps) {
    if (!s.present) missing.push(s.step);
    else for (const item of s.missing) missing.push(`${s.step}.${item}`.replace(/\.\[/g, '['));
  }
  return { id: model.id, name: model.name, file, unit: model.unit, year: model.year, reached, complete: missing.length === 0, steps, missing, ...(model.source ? { source: model.source } : {}) };
}

const emptyCounts = (): UnitStatus['reached'] => ({ none: 0, register: 0, implement: 0, inspect: 0, review: 0 });

export function statusReport(models: { model: ModelInfo; file: string }[]): StatusReport {
  const list = models.map(({ model, file }) => modelStatus(model, file));
  list.sort((a, b) => a.unit.name.localeCompare(b.unit.name, 'vi') || a.id.localeCompare(b.id));
  const units = new Map<string, UnitStatus>();
  const total = { models: 0, reached: emptyCounts(), complete: 0 };
  for (const s of list) {
    const key = `${s.unit.level}\u0000${s.unit.name}`;
    let u = units.get(key);
    if (!u) {
      u = { unit: s.unit.name, code: s.unit.code, level: s.unit.level, models: 0, reached: emptyCounts(), complete: 0 };
      units.set(key, u);
    }
    for (const agg of [u, total]) {
      agg.models++;
      agg.reached[s.reached ?? 'none']++;
      if (s.complete) agg.complete++;
    }
  }
  return { models: list, units: [...units.values()], total };
}

