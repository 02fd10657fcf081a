import { eq } from 'drizzle-orm';
import { expect, test } from 'vitest';
import { createSession } from '../../app/domain/accounts/sessions.server.ts';
import { readConfig } from '../../app/server/config.ts';
import { createLogger } from '../../app/server/logger.ts';
import { startWorker } from '../../app/server/worker.ts';
import { staffSessions, usedCaptchaTokens } from '../../db/schema/index.ts';
import { createStaff } from '../factories/staff.ts';
import { setupTestDatabase } from '../setup/test-database.ts';

const database = setupTestDatabase();

test('the worker deletes expired staff sessions and old captcha tokens, and keeps live ones', async () => {
  await database.db
    .insert(usedCaptchaTokens)
    .values([
      { tokenHash: 'redeemed-two-days-ago', usedAt: new Date(Date.now() - 2 * 86_400_000) },
      { tokenHash: 'redeemed-just-now' },
    ]);
  const staff = await createStaff(database.db, { role: 'planner' });
  await createSession(database.db, { userId: staff.id, awaitingSecondFactor: false });
  await createSession(database.db, { userId: staff.id, awaitingSecondFactor: false });
  const [expired] = await database.db.select().from(staffSessions).limit(1);
  await database.db
    .update(staffSessions)
    .set({ expiresAt: new Date(Date.now() - 1000) })
    .where(eq(staffSessions.idHash, expired!.idHash));

  const config = readConfig({ DATABASE_URL: database.url, DATA_DIR: '.tmp/worker-housekeeping' });
  // Every connection of this file's pool open first: postgres.js keeps a lifetime timer per connection.
  await Promise.all(Array.from({ length: 4 }, () => database.sql`select pg_sleep(0.1)`));
  const timersBefore = timers();
  const worker = await startWorker({ db: database.db, databaseUrl: database.url, config, log: createLogger('silent') });
  try {
    await expect.poll(() => database.db.$count(staffSessions), { timeout: 10_000 }).toBe(1);
    await expect
      .poll(async () => (await database.db.select().from(usedCaptchaTokens)).map((row) => row.tokenHash), {
        timeout: 10_000,
      })
      .toEqual(['redeemed-just-now']);
  } finally {
    await worker.stop();
  }
  // pg-boss's pollers, maintenance and cron clocks are gone once stop() resolves.
  expect(timers()).toBe(timersBefore);
});

const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
