// Parsers for option values shared by several commands.
import { InvalidArgumentError } from 'commander';
import { nearest } from '../core/hints.js';
import { STEPS, type StepName } from '../core/types.js';
import type { Ctx } from './context.js';

/** `--require review`, `--require register,review`, `--require all`; repeatable. */
export function parseSteps(ctx: Ctx) {
  return (value: string, previous: StepName[] = []): StepName[] => {
    const out = [...previous];
    for (const part of value.split(',').map((s) => s.trim()).filter(Boolean)) {
      if (part === 'all') out.push(...STEPS);
      else if ((STEPS as readonly string[]).includes(part)) out.push(part as StepName);
      else throw new InvalidArgumentError(ctx.m.cli.badStep(part, nearest(part, [...STEPS, 'all'])));
    }
    return [...new Set(out)];
  };
}

export function parseCount(ctx: Ctx) {
  return (value: string): number => {
    if (!/^\d+$/.test(value)) throw new InvalidArgumentError(ctx.m.cli.badCount(value));
    return Number(value);
  };
}
