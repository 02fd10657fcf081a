import { defineConfig } from 'vitest/config';

// `npm run test:faults` (tests/faults/run-faults.ts): real processes killed,
// PostgreSQL and SMTP taken away, and the fuzzers at full size with --long.
// One file at a time: each starts its own processes and loads two cores.
export default defineConfig({
  test: {
    include: ['tests/faults/**/*.test.ts', 'tests/fuzz/**/*.test.ts'],
    globalSetup: ['tests/setup/global-build.ts', 'tests/setup/global-database.ts'],
    setupFiles: ['tests/setup/fail-on-console-error.ts', 'tests/setup/contact-keyring.ts'],
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 300_000,
    hookTimeout: 180_000,
    restoreMocks: true,
  },
});
