import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // A test that runs no assertion fails (issue 9).
    setupFiles: ['test/setup.ts'],
    // End-to-end tests start the built CLI; give slow machines room.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
