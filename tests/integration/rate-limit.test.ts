import { sql } from 'drizzle-orm';
import { expect, test } from 'vitest';
import { consumeRateLimit, pruneRateLimits } from '../../app/domain/rate-limit/rate-limit.server.ts';
import { rateLimits } from '../../db/schema/index.ts';
import { setupTestDatabase } from '../setup/test-database.ts';

const database = setupTestDatabase();
const t0 = new Date('2026-05-01T08:00:00Z');
const after = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

test('allows up to the limit in a window, then refuses with the seconds until it resets', async () => {
  const attempt = (now: Date) =>
    consumeRateLimit(database.db, { key: 'submit:203.0.113.7', limit: 3, windowSeconds: 3600, now });
  expect(await attempt(t0)).toEqual({ allowed: true });
  expect(await attempt(after(10))).toEqual({ allowed: true });
  expect(await attempt(after(20))).toEqual({ allowed: true });
  expect(await attempt(after(600))).toEqual({ allowed: false, retryAfterSeconds: 3000 });
  expect(await attempt(after(3600))).toEqual({ allowed: true });
});

test('concurrent attempts from several processes are all counted', async () => {
  const results = await Promise.all(
    Array.from({ length: 20 }, () =>
      consumeRateLimit(database.db, { key: 'track:198.51.100.1', limit: 12, windowSeconds: 60, now: t0 }),
    ),
  );
  expect(results.filter((r) => r.allowed)).toHaveLength(12);
});

test('keys are stored hashed, never as the IP address', async () => {
  await consumeRateLimit(database.db, { key: 'login:192.0.2.44', limit: 5, windowSeconds: 60, now: t0 });
  const rows = await database.db.execute<{ key: string }>(sql`select key from rate_limits`);
  expect(rows.some((row) => row.key.includes('192.0.2.44'))).toBe(false);
});

test('pruning removes only stale counters', async () => {
  await consumeRateLimit(database.db, { key: 'fresh', limit: 5, windowSeconds: 60, now: after(200_000) });
  await pruneRateLimits(database.db, { now: after(200_000) });
  expect(await database.db.$count(rateLimits)).toBe(1);
});
