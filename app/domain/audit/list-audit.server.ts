import { assertPermission } from '../authorization/actor.ts';
import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { Database } from '../../../db/client.server.ts';
import { auditLog, staffUsers } from '../../../db/schema/index.ts';
import type { Actor } from '../authorization/actor.ts';

export type AuditFilter = { actorId?: number; action?: string; from?: Date; to?: Date; before?: number };
export const AUDIT_PAGE_SIZE = 50;

/**
 * One page of the audit log, newest first, paged by id (keyset: `before` is the
 * last id of the previous page), so a page costs the same however deep it is.
 */
export async function listAuditEntries(
  db: Database,
  {
    viewer,
    filter,
    limit = AUDIT_PAGE_SIZE,
  }: { viewer: Pick<Actor, 'permissions'>; filter: AuditFilter; limit?: number },
) {
  assertPermission(viewer, 'read:audit:any');
  const conditions: SQL[] = [];
  if (filter.actorId !== undefined) conditions.push(eq(auditLog.actorId, filter.actorId));
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.from) conditions.push(gte(auditLog.at, filter.from));
  if (filter.to) conditions.push(lt(auditLog.at, filter.to));
  if (filter.before !== undefined) conditions.push(lt(auditLog.id, filter.before));
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorId: auditLog.actorId,
      actorName: staffUsers.name,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      details: auditLog.details,
      ipHash: auditLog.ipHash,
    })
    .from(auditLog)
    .leftJoin(staffUsers, eq(staffUsers.id, auditLog.actorId))
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return { entries: page, nextBefore: rows.length > limit ? page.at(-1)!.id : null };
}
