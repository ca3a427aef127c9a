// Every test must check something that could fail: a test that runs no assertion fails.
import { beforeEach, expect } from 'vitest';

beforeEach(() => {
  expect.hasAssertions();
});
