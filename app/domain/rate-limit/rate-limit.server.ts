import crypto from 'node:crypto';
import { lt, sql } from 'drizzle-orm';
import type { Database, DbExecutor } from '../../../db/client.server.ts';
import { rateLimits } from '../../../db/schema/index.ts';

export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts one attempt against `key` in a fixed window, in PostgreSQL so that the
 * limit holds across every web process. One upsert, no read-then-write race.
 * `key` is hashed before it is stored: limits keyed by IP keep no IP.
 */
export async function consumeRateLimit(
  db: DbExecutor,
  { key, limit, windowSeconds, now = new Date() }: { key: string; limit: number; windowSeconds: number; now?: Date },
): Promise<RateLimitResult> {
  const hashed = hashKey(key);
  // Dates inside sql`` go as ISO strings: postgres.js cannot bind a Date there.
  const floor = sql`${new Date(now.getTime() - windowSeconds * 1000).toISOString()}::timestamptz`;
  const nowSql = sql`${now.toISOString()}::timestamptz`;
  const [row] = await db
    .insert(rateLimits)
    .values({ key: hashed, windowStart: now, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.windowStart} <= ${floor} then 1 else ${rateLimits.count} + 1 end`,
        windowStart: sql`case when ${rateLimits.windowStart} <= ${floor} then ${nowSql} else ${rateLimits.windowStart} end`,
      },
    })
    .returning({ count: rateLimits.count, windowStart: rateLimits.windowStart });
  if (row!.count <= limit) return { allowed: true };
  const resetsAt = row!.windowStart.getTime() + windowSeconds * 1000;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((resetsAt - now.getTime()) / 1000)) };
}

/**
 * Whether `key` has already used up `limit` in its current window, without
 * counting an attempt: for limits that count only failures (staff login).
 */
export async function checkRateLimit(
  db: DbExecutor,
  { key, limit, windowSeconds, now = new Date() }: { key: string; limit: number; windowSeconds: number; now?: Date },
): Promise<RateLimitResult> {
  const hashed = hashKey(key);
  const [row] = await db
    .select({ count: rateLimits.count, windowStart: rateLimits.windowStart })
    .from(rateLimits)
    .where(sql`${rateLimits.key} = ${hashed}`);
  if (!row) return { allowed: true };
  const resetsAt = row.windowStart.getTime() + windowSeconds * 1000;
  if (resetsAt <= now.getTime() || row.count < limit) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((resetsAt - now.getTime()) / 1000)) };
}

/** Forgets `key`'s count: a success that ends a run of failures. */
export async function clearRateLimit(db: DbExecutor, key: string): Promise<void> {
  await db.delete(rateLimits).where(sql`${rateLimits.key} = ${hashKey(key)}`);
}

function hashKey(key: string): string {
  return crypto.createHash('sha256').update(key).digest('base64url');
}

/** Deletes counters whose window ended long ago (run by the worker). */
export async function pruneRateLimits(db: Database, { olderThanSeconds = 86_400, now = new Date() } = {}) {
  await db.delete(rateLimits).where(lt(rateLimits.windowStart, new Date(now.getTime() - olderThanSeconds * 1000)));
}
