// A short seeded run of the fuzzer (test/fuzz/fuzz.mjs; `npm run fuzz` runs 10,000 cases):
// mutated workspaces through the real CLI, in-process and as child processes.
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs module without types
import { fuzz } from '../fuzz/fuzz.mjs';

interface Failure {
  seed: number;
  case: number;
  problem: string;
  changes: string[];
}

describe('fuzzing (issue 9)', () => {
  it('100 seeded cases: every run ends in time with 0, 1 or 2, JSON that parses, no result over a broken file', async () => {
    const failures = (await fuzz({ seed: 20261129, cases: 100, exampleShare: 0.1 })) as Failure[];
    expect(failures.map((f) => `case ${f.case}: ${f.problem} (${f.changes.join('; ')})`)).toEqual([]);
  }, 600_000);
});
