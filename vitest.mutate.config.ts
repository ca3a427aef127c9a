// The unit tests alone, for mutation testing (stryker.config.mjs): the end-to-end tests run the
// built CLI, which the mutated sources do not reach.
import { configDefaults, defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// Spread, not mergeConfig: mergeConfig concatenates arrays, which would keep base's
// `test/**/*.test.ts` and run the end-to-end tests too. Instrumented code is many times slower:
// generous bounds.
// commands.test.ts is left out: it loads every command module inside a test, which makes Stryker
// count the module-level constants of the engine (tables, patterns) as covered by that one test
// rather than as static, and run their mutants against it alone, where they all survive (139
// survivors of the first run were such: hints.ts's date forms, placeholders.ts's patterns…). It
// kills no mutant: src/cli/commands is not mutated.
export default defineConfig({
  ...base,
  test: { ...base.test, include: ['test/unit/**/*.test.ts'], exclude: [...configDefaults.exclude, 'test/unit/commands.test.ts'], testTimeout: 300_000, env: { DVK_MUTATE: '1' } },
});
