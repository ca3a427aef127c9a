// The unit tests alone, for mutation testing (stryker.config.mjs): the end-to-end tests run the
// built CLI, which the mutated sources do not reach.
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

// Instrumented code is many times slower: generous bounds.
export default mergeConfig(base, defineConfig({ test: { include: ['test/unit/**/*.test.ts'], testTimeout: 300_000 } }));
