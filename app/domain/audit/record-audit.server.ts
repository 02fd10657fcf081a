import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.server.ts';
import { appSecrets, auditLog } from '../../../db/schema/index.ts';

/** A database or a transaction: audit rows are written in the transaction of the change they record. */
export type Executor = Pick<Database, 'insert' | 'select'>;

export type AuditEntry = {
  actorId: number | null;
  action: string;
  targetType?: string;
  targetId?: string | number;
  /**
   * Ids, field names, old and new roles or statuses. Never names, emails, phone
   * numbers or free text, except a contact reveal's reason, masked (decision 014).
   */
  details?: Record<string, unknown>;
  /** Hashed before it is stored. */
  ip?: string;
};

export async function recordAudit(db: Executor, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actorId: entry.actorId,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId === undefined ? null : String(entry.targetId),
    details: entry.details ?? {},
    ipHash: entry.ip ? await hashIp(db, entry.ip) : null,
  });
}

// A plain SHA-256 of an IPv4 address is reversed by trying all 2^32; an HMAC
// with a random per-installation key is not. The key is made once, in the
// database, so every process hashes alike. Caching it is safe: it never changes.
let cachedKey: Promise<string> | undefined;

async function hashIp(db: Executor, ip: string): Promise<string> {
  cachedKey ??= loadKey(db).catch((error: unknown) => {
    cachedKey = undefined;
    throw error;
  });
  return crypto
    .createHmac('sha256', await cachedKey)
    .update(ip)
    .digest('base64url')
    .slice(0, 22);
}

async function loadKey(db: Executor): Promise<string> {
  await db
    .insert(appSecrets)
    .values({ name: 'audit-ip-key', value: crypto.randomBytes(32).toString('base64url') })
    .onConflictDoNothing();
  const [row] = await db
    .select({ value: appSecrets.value })
    .from(appSecrets)
    .where(eq(appSecrets.name, 'audit-ip-key'));
  return row!.value;
}
