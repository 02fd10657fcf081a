import { assertPermission } from '../authorization/actor.ts';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.server.ts';
import { staffPermissionGrants, staffUsers } from '../../../db/schema/index.ts';
import { recordAudit } from '../audit/record-audit.server.ts';
import type { StaffUser } from './staff-user.server.ts';
import { generatePassword, hashPassword } from './passwords.server.ts';
import type { GrantablePermission, Role } from '../authorization/permissions.ts';
import { deleteAllSessions } from './sessions.server.ts';
import { forgetKnownDevices } from './known-devices.server.ts';
import { NotFound } from '../not-found.ts';

// What an admin does to other accounts (/admin/users/:id). The route checks
// manage:user:any; these functions refuse the moves that would lock everyone
// out, and audit each change in its transaction.

type Admin = Pick<StaffUser, 'id' | 'permissions'>;
/** A missing account throws NotFound (404); refusing oneself is the page's sentence. */
type Outcome = { ok: true } | { ok: false; error: 'self' };

function assertAdmin(viewer: Admin) {
  assertPermission(viewer, 'manage:user:any');
}

export async function changeRole(
  db: Database,
  { viewer, userId, role, ip }: { viewer: Admin; userId: number; role: Role; ip: string },
): Promise<Outcome> {
  assertAdmin(viewer);
  // An admin demoting themselves could leave no admin at all.
  if (userId === viewer.id) return { ok: false, error: 'self' };
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ role: staffUsers.role })
      .from(staffUsers)
      .where(eq(staffUsers.id, userId))
      .for('update');
    if (!before) throw new NotFound('user');
    if (before.role === role) return { ok: true } as const;
    await tx.update(staffUsers).set({ role, updatedAt: new Date() }).where(eq(staffUsers.id, userId));
    // New rights take effect at the next request; fewer rights should not wait for a logout.
    await deleteAllSessions(tx, userId);
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'user.role_changed',
      targetType: 'user',
      targetId: userId,
      details: { from: before.role, to: role },
      ip,
    });
    return { ok: true } as const;
  });
}

export async function setGrant(
  db: Database,
  {
    viewer,
    userId,
    permission,
    granted,
    ip,
  }: { viewer: Admin; userId: number; permission: GrantablePermission; granted: boolean; ip: string },
): Promise<Outcome> {
  assertAdmin(viewer);
  return db.transaction(async (tx) => {
    const [user] = await tx.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.id, userId));
    if (!user) throw new NotFound('user');
    const changed = granted
      ? await tx
          .insert(staffPermissionGrants)
          .values({ userId, permission, grantedBy: viewer.id })
          .onConflictDoNothing()
          .returning()
      : await tx
          .delete(staffPermissionGrants)
          .where(and(eq(staffPermissionGrants.userId, userId), eq(staffPermissionGrants.permission, permission)))
          .returning();
    if (changed.length) {
      const action = granted ? 'user.permission_granted' : 'user.permission_revoked';
      await recordAudit(tx, {
        actorId: viewer.id,
        action,
        targetType: 'user',
        targetId: userId,
        details: { permission },
        ip,
      });
    }
    return { ok: true } as const;
  });
}

/** Disabling ends every session at once; the account stays for the audit trail. */
export async function setDisabled(
  db: Database,
  { viewer, userId, disabled, ip }: { viewer: Admin; userId: number; disabled: boolean; ip: string },
): Promise<Outcome> {
  assertAdmin(viewer);
  if (userId === viewer.id) return { ok: false, error: 'self' };
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(staffUsers)
      .set({ disabledAt: disabled ? new Date() : null, updatedAt: new Date() })
      .where(eq(staffUsers.id, userId))
      .returning({ id: staffUsers.id });
    if (!rows.length) throw new NotFound('user');
    if (disabled) await deleteAllSessions(tx, userId);
    await recordAudit(tx, {
      actorId: viewer.id,
      action: disabled ? 'user.disabled' : 'user.enabled',
      targetType: 'user',
      targetId: userId,
      ip,
    });
    return { ok: true } as const;
  });
}

/** A new one-time password for someone who lost theirs; shown once to the admin, changed at first login. */
export async function resetPassword(
  db: Database,
  { viewer, userId, ip }: { viewer: Admin; userId: number; ip: string },
): Promise<{ ok: true; password: string } | { ok: false; error: 'self' }> {
  assertAdmin(viewer);
  if (userId === viewer.id) return { ok: false, error: 'self' };
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(staffUsers)
      .set({ passwordHash, mustChangePassword: true, updatedAt: new Date() })
      .where(eq(staffUsers.id, userId))
      .returning({ id: staffUsers.id });
    if (!rows.length) throw new NotFound('user');
    await deleteAllSessions(tx, userId);
    // A reset often follows a suspected compromise: browsers known before it are not trusted after.
    await forgetKnownDevices(tx, userId);
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'user.password_reset',
      targetType: 'user',
      targetId: userId,
      ip,
    });
    return { ok: true, password } as const;
  });
}
