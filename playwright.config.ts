import fs from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3100);

// Playwright cannot download its own browsers here: use the system Chromium.
function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

const launchOptions = {
  executablePath: chromiumPath(),
  // --no-sandbox: CI runs as root. The rest stop Chromium calling hosts this
  // machine cannot reach.
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  reporter: process.env.CI ? 'line' : 'list',
  timeout: 30_000,
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], launchOptions } },
    {
      name: 'phone',
      use: { ...devices['Pixel 7'], launchOptions },
      // Triage of a 328-letter corpus is desk work, and mailing and enriching
      // the corpus takes minutes: that journey runs on the desktop only.
      testIgnore: /moderator-actions\.spec\.ts/,
    },
  ],
  webServer: {
    command: 'node --import tsx tests/setup/e2e-server.ts',
    url: `http://localhost:${port}/healthz`,
    env: { PORT: String(port), LOG_LEVEL: 'warn' },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
    // SIGTERM, so the server stops its embedded PostgreSQL on the way out.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
  },
});
