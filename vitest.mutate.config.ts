// The unit tests alone, for mutation testing (stryker.config.mjs): the end-to-end tests run the
// built CLI, which the mutated sources do not reach.
import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// Spread, not mergeConfig: mergeConfig concatenates arrays, which would keep base's
// `test/**/*.test.ts` and run the end-to-end tests too. Instrumented code is many times slower:
// generous bounds.
export default defineConfig({ ...base, test: { ...base.test, include: ['test/unit/**/*.test.ts'], testTimeout: 300_000 } });
