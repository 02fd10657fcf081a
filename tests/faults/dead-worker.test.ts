import { spawn } from 'node:child_process';
import { eq } from 'drizzle-orm';
import { beforeAll, expect, test } from 'vitest';
import { QUEUES } from '../../app/domain/jobs/queues.ts';
import { submitSuggestion } from '../../app/domain/suggestions/submit-suggestion.server.ts';
import { startQuietWorker } from '../setup/quiet-worker.ts';
import { suggestionSearch } from '../../db/schema/index.ts';
import { createPlan } from '../factories/plans.ts';
import { TEST_CONTACT_KEY } from '../setup/contact-keyring.ts';
import { setupTestDatabase } from '../setup/test-database.ts';

// A worker killed (SIGKILL) in the middle of an enrichment: its transaction
// rolls back, its job stays active in pgboss.job until it expires, and then
// another worker does it (pg-boss's expiry and retry, issue 17).

const database = setupTestDatabase();
let planId: number;

beforeAll(async () => {
  planId = (await createPlan(database.db)).id;
});

const jobStates = async (suggestionId: number) =>
  (
    await database.sql<
      { state: string }[]
    >`select state from pgboss.job where name = ${QUEUES.enrichSuggestion} and (data->>'suggestionId')::bigint = ${suggestionId}`
  ).map((r) => r.state);

test('a worker killed while enriching: another worker enriches the suggestion once the job expires', async () => {
  const { id } = await submitSuggestion(database.db, {
    planId,
    channel: 'letter',
    title: '宿舍热水',
    body: '建议宿舍热水供应延长到晚上十二点。',
    submitterType: '学生',
    contact: {},
    trackUrl: 'http://localhost/track',
    acknowledge: false,
  });
  const doomed = spawn(process.execPath, ['--import', 'tsx', 'app/server/worker-main.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      JIANYAN_CRASH_AT: 'enrich-while-processing',
      WORKER_POLL_SECONDS: '0.5',
      LOG_LEVEL: 'silent',
      DATA_DIR: '.tmp/faults-dead-worker',
      CONTACT_KEY: TEST_CONTACT_KEY,
    },
    stdio: 'ignore',
  });
  const signal = await new Promise<NodeJS.Signals | null>((resolve) =>
    doomed.once('exit', (_code, killed) => resolve(killed)),
  );
  expect(signal).toBe('SIGKILL');
  expect(await jobStates(id)).toEqual(['active']);
  expect(await database.db.$count(suggestionSearch, eq(suggestionSearch.suggestionId, id))).toBe(0);

  const survivor = await startQuietWorker(database, '.tmp/faults-dead-worker');
  try {
    // Expiry (60 s) plus pg-boss's maintenance (every 30 s) plus the retry delay.
    await expect
      .poll(() => database.db.$count(suggestionSearch, eq(suggestionSearch.suggestionId, id)), {
        timeout: 180_000,
        interval: 1000,
      })
      .toBe(1);
    await expect.poll(() => jobStates(id), { timeout: 10_000 }).toEqual(['completed']);
    // Done by pg-boss's retry of the expired job, not by the search sweep (which leaves jobs in flight alone).
    const [job] = await database.sql<
      { retries: number }[]
    >`select retry_count as retries from pgboss.job where name = ${QUEUES.enrichSuggestion} and (data->>'suggestionId')::bigint = ${id}`;
    expect(job!.retries).toBe(1);
  } finally {
    await survivor.stop();
  }
}, 240_000);
