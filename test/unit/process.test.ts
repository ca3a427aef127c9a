// What the engine keeps of a model's step states (process.ts): written short in the cache, and
// read back with one shared state for each step that is absent or complete.
import { describe, expect, it } from 'vitest';
import { unpackStates } from '../../src/workspace/process.js';
import type { StepState } from '../../src/core/types.js';

const states = (data: Record<string, unknown>) => unpackStates(data).states as StepState[];

describe('unpackStates', () => {
  it('reads 0 as absent, 1 as complete and a list as what a present step lacks', () => {
    expect(states({ id: 'X', states: [1, 0, ['activities'], []] })).toEqual([
      { step: 'register', present: true, complete: true, missing: [] },
      { step: 'implement', present: false, complete: false, missing: [] },
      { step: 'inspect', present: true, complete: false, missing: ['activities'] },
      { step: 'review', present: true, complete: false, missing: [] },
    ]);
    const data = { id: 'X' };
    expect(unpackStates(data)).toBe(data);
  });

  it('shares one frozen state per step for absent and complete steps, so that 100,000 models do not hold 400,000', () => {
    const [a, b] = [states({ states: [1, 0, 1, 0] }), states({ states: [1, 0, 1, 0] })];
    a.forEach((s, i) => expect(s).toBe(b[i]));
    expect(a[0]).not.toBe(a[2]);
    expect(Object.isFrozen(a[0])).toBe(true);
    expect(() => a[0]!.missing.push('x')).toThrow(TypeError);
    const [x, y] = [states({ states: [['a'], 0, 0, 0] }), states({ states: [['a'], 0, 0, 0] })];
    expect(x[0]).not.toBe(y[0]);
  });
});
