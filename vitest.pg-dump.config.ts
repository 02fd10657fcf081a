import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { PG15_BIN } from './tests/pg-dump/postgresql-15.ts';

// `npm run test:pg-dump`: the encryption-at-rest test against a PostgreSQL 15
// cluster (Debian's postgresql-15), so that a real pg_dump, not the row-by-row
// fallback, dumps the database it searches for plaintext contact details.
export default defineConfig({
  test: {
    include: ['tests/integration/encryption-at-rest.test.ts'],
    globalSetup: ['tests/setup/global-build.ts', 'tests/pg-dump/global-postgresql-15.ts'],
    setupFiles: ['tests/setup/fail-on-console-error.ts', 'tests/setup/contact-keyring.ts'],
    // The dump helper takes PG_DUMP; the test refuses its row-by-row fallback here.
    env: { PG_DUMP: path.join(PG15_BIN, 'pg_dump'), REQUIRE_REAL_PG_DUMP: '1' },
    pool: 'forks',
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    restoreMocks: true,
  },
});
