// Mutation testing (npm run mutate; not part of npm test): StrykerJS changes the code of the
// engine, the workspace access and the reporters one small bug at a time, and the unit tests must
// fail for each. The end-to-end tests run the built CLI, which a mutant does not reach, so only
// the unit tests run here (vitest.mutate.config.ts). Incremental: a second run only tests the
// mutants of code or tests that changed. `npm run mutate -- --mutate src/core/score.ts` for one file.
// Property tests run a tenth of their cases here (test/runs.ts).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner', './test/mutation/lines-reporter.mjs'],
  vitest: { configFile: 'vitest.mutate.config.ts' },
  mutate: ['src/core/**/*.ts', 'src/workspace/**/*.ts', 'src/cli/reporters/**/*.ts', '!src/**/*.d.ts'],
  coverageAnalysis: 'perTest',
  incremental: true,
  incrementalFile: 'reports/mutation/incremental.json',
  // `lines`: each result as it is known (test/mutation/lines-reporter.mjs).
  reporters: ['clear-text', 'progress', 'html', 'json', 'lines'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  concurrency: 2,
  // Static mutants (module-level constants: the message catalogue, tables) rerun every test file
  // for each mutant: 23 % of the mutants, 88 % of the time. Stryker counts them as ignored.
  ignoreStatic: true,
  // A mutant that loops is stopped 5 s after the time its tests normally take.
  timeoutMS: 5_000,
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
