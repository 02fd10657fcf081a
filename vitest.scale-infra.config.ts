import { defineConfig } from 'vitest/config';

// `npm run test:scale-infra`: issue 17's deployment with its real parts
// (nginx, PgBouncer, a PostgreSQL 15 primary and streaming standby from
// Debian's packages; .ci/run installs them). One file, one process: it
// starts its own cluster, so it needs no global database.
export default defineConfig({
  test: {
    include: ['tests/scale-infra/**/*.test.ts'],
    globalSetup: ['tests/setup/global-build.ts'],
    setupFiles: ['tests/setup/fail-on-console-error.ts', 'tests/setup/contact-keyring.ts'],
    pool: 'forks',
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 240_000,
    restoreMocks: true,
  },
});
