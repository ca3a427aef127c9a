// The test setup itself (issue 9, defect 13): every test must run an assertion, so a test that
// checks nothing fails instead of passing silently.
import { describe, expect, it } from 'vitest';

describe('test/setup.ts', () => {
  it('asks every test for at least one assertion', () => {
    // Read before this test's own expect(): set by expect.hasAssertions() in test/setup.ts.
    const expecting = expect.getState().isExpectingAssertions;
    expect(expecting).toBe(true);
  });
});
