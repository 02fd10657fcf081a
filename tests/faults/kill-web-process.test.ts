import { and, inArray, isNull, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { suggestions, suggestionSearch } from '../../db/schema/index.ts';
import { seedIfEmpty } from '../../scripts/seed.server.ts';
import { setupTestDatabase } from '../setup/test-database.ts';
import { formCategory, submissionStream, submitOnce, until, type SuggestionForm } from './helpers/submissions.ts';
import { freePort, quick, startWebProcess, type WebProcess } from './helpers/web-process.ts';

// kill -9 of the web process in the middle of a stream of submissions, then a
// restart: every submission that got a receipt is stored exactly once, and a
// retry with the same intake key gets the same receipt. Submissions cut off
// mid-flight may or may not have committed; their retry settles it, once.

const database = setupTestDatabase();
const slug = 'nanhu-14th-five-year-plan';
const KILLS = quick ? 2 : 8;
const RECEIPTS_BETWEEN_KILLS = quick ? 15 : 60;
let web: WebProcess | undefined;

beforeAll(async () => {
  await seedIfEmpty(database.db);
});
afterAll(async () => {
  await web?.kill('SIGKILL');
});

test(`SIGKILL under load, ${KILLS} times: every receipt is in the database exactly once, a retry gets the same receipt, and each is enriched after the restart`, async () => {
  const port = await freePort();
  web = await startWebProcess({ databaseUrl: database.url, port });
  const form: SuggestionForm = { url: web.url, slug, categoryId: await formCategory(web.url, slug) };
  const stream = submissionStream(() => form, 4);

  for (let kill = 0; kill < KILLS; kill++) {
    const target = stream.receipts() + RECEIPTS_BETWEEN_KILLS;
    await until(() => stream.receipts() >= target, 120_000, `${target} receipts`);
    const { signal } = await web.kill('SIGKILL');
    expect(signal).toBe('SIGKILL');
    web = await startWebProcess({ databaseUrl: database.url, port });
  }
  const target = stream.receipts() + RECEIPTS_BETWEEN_KILLS;
  await until(() => stream.receipts() >= target, 120_000, `${target} receipts after the last restart`);
  await stream.stop();

  const { submissions } = stream;
  expect(
    submissions.filter((s) => !s.trackingCode),
    'submissions that never got a receipt',
  ).toEqual([]);
  // The kills must have cut submissions off, or this test proves nothing.
  const interrupted = submissions.filter((s) => s.interrupted > 0);
  expect(interrupted.length).toBeGreaterThan(0);
  expect(
    submissions.flatMap((s) => s.refused),
    'answers other than a receipt',
  ).toEqual([]);

  const keys = submissions.map((s) => `web:${s.key}`);
  const stored = await database.db
    .select({ intakeKey: suggestions.intakeKey, trackingCode: suggestions.trackingCode })
    .from(suggestions)
    .where(inArray(suggestions.intakeKey, keys));
  expect(stored).toHaveLength(submissions.length);
  expect(new Map(stored.map((row) => [row.intakeKey, row.trackingCode]))).toEqual(
    new Map(submissions.map((s) => [`web:${s.key}`, s.trackingCode])),
  );

  // A retry after the fact gets the same receipt and adds nothing.
  for (const submission of [...interrupted, ...submissions.slice(0, 20)]) {
    expect((await submitOnce(form, submission.key)).trackingCode, submission.key).toBe(submission.trackingCode);
  }
  expect(await database.db.$count(suggestions, inArray(suggestions.intakeKey, keys))).toBe(submissions.length);

  // Every receipt's enrichment job was queued in its transaction and waited
  // in pgboss.job through the kills (these web processes ran no worker): the
  // single-process default, started once more, does it.
  await web.kill('SIGKILL');
  web = await startWebProcess({
    databaseUrl: database.url,
    port,
    env: { RUN_WORKER: '1', WORKER_POLL_SECONDS: '0.5' },
  });
  const unenriched = () =>
    database.db
      .select({ id: suggestions.id })
      .from(suggestions)
      .leftJoin(suggestionSearch, eq(suggestionSearch.suggestionId, suggestions.id))
      .where(and(inArray(suggestions.intakeKey, keys), isNull(suggestionSearch.suggestionId)))
      .then((rows) => rows.length);
  await expect.poll(unenriched, { timeout: 120_000, interval: 500 }).toBe(0);

  console.info(
    `kill -9 ×${KILLS}: ${submissions.length} receipts, ${interrupted.length} submissions interrupted and retried with the same key`,
  );
}, 900_000);
