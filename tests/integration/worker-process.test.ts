import { spawn } from 'node:child_process';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { submitSuggestion } from '../../app/domain/suggestions/submit-suggestion.server.ts';
import { createPlan } from '../factories/plans.ts';
import { startSmtpSink } from '../setup/smtp-sink.ts';
import { setupTestDatabase } from '../setup/test-database.ts';
import { TEST_CONTACT_KEY } from '../setup/contact-keyring.ts';

const database = setupTestDatabase();
let sink: Awaited<ReturnType<typeof startSmtpSink>>;

beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(async () => sink?.close());

test('`npm run worker` runs alone: it delivers queued mail and stops cleanly on SIGTERM', async () => {
  const plan = await createPlan(database.db);
  const { trackingCode } = await submitSuggestion(database.db, {
    planId: plan.id,
    channel: 'phone',
    title: '电话来意见',
    body: '建议增加夜间校车。',
    submitterType: '教职工',
    contact: { email: 'night-bus@example.edu.cn' },
    trackUrl: 'http://localhost:3000/track',
  });
  const worker = spawn(process.execPath, ['--import', 'tsx', 'app/server/worker-main.ts'], {
    // The same contact key as this test process, which sealed the queued mail.
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      SMTP_URL: sink.url,
      WORKER_POLL_SECONDS: '0.2',
      LOG_LEVEL: 'silent',
      CONTACT_KEY: TEST_CONTACT_KEY,
    },
    stdio: 'ignore',
  });
  try {
    await expect
      .poll(
        () => sink.received.some((m) => m.raw.includes(trackingCode) || m.to.includes('night-bus@example.edu.cn')),
        { timeout: 60_000 },
      )
      .toBe(true);
  } finally {
    const exited = new Promise<number | null>((resolve) => worker.once('exit', (code) => resolve(code)));
    worker.kill('SIGTERM');
    expect(await exited).toBe(0);
  }
}, 120_000);
