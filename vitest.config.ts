import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'app/**/*.test.ts',
      'db/**/*.test.ts',
      'tests/integration/**/*.test.ts',
      'tests/fuzz/**/*.test.ts',
      'tests/docs/**/*.test.ts',
    ],
    globalSetup: ['tests/setup/global-build.ts', 'tests/setup/global-database.ts'],
    setupFiles: ['tests/setup/fail-on-console-error.ts', 'tests/setup/contact-keyring.ts'],
    pool: 'forks',
    // Two cores: more workers only queue on PostgreSQL and the CPU.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    restoreMocks: true,
  },
});
