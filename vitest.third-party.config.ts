import { defineConfig } from 'vitest/config';

// Tests on files from other public repositories. Those files are never
// committed (tests/third-party/README.md): this suite is not part of
// `npm test`; run it with `npm run test:third-party` after putting the files in
// $JIANYAN_THIRD_PARTY_FIXTURES (default ../shared/fixtures/third-party).
export default defineConfig({
  test: {
    include: ['tests/third-party/**/*.test.ts'],
    globalSetup: ['tests/setup/global-build.ts', 'tests/setup/global-database.ts'],
    setupFiles: ['tests/setup/fail-on-console-error.ts', 'tests/setup/contact-keyring.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    restoreMocks: true,
  },
});
