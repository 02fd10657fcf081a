import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.server.ts';
import { staffUsers } from '../../../db/schema/index.ts';
import { permissionsOf, requiresTwoFactor, type Permission, type Role } from '../authorization/permissions.ts';
import { findSession } from './sessions.server.ts';
import { grantsOf } from './staff.server.ts';

export type StaffUser = {
  id: number;
  email: string;
  name: string;
  role: Role;
  grants: string[];
  permissions: ReadonlySet<Permission>;
  twoFactorEnabled: boolean;
  twoFactorRequired: boolean;
  mustChangePassword: boolean;
};

/**
 * The staff member a session token belongs to, or null. Sessions still
 * waiting for the TOTP step do not count. The web layer reads the token from
 * the cookie (app/web/session-cookie.server.ts); this only sees its value.
 */
export async function staffUserOfSession(db: Database, token: string): Promise<StaffUser | null> {
  const session = await findSession(db, token);
  if (!session || session.awaitingSecondFactor) return null;
  const [row] = await db
    .select({
      id: staffUsers.id,
      email: staffUsers.email,
      name: staffUsers.name,
      role: staffUsers.role,
      totpEnabledAt: staffUsers.totpEnabledAt,
      mustChangePassword: staffUsers.mustChangePassword,
    })
    .from(staffUsers)
    .where(eq(staffUsers.id, session.userId));
  if (!row) return null;
  const grants = await grantsOf(db, row.id);
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    grants,
    permissions: permissionsOf(row.role, grants),
    twoFactorEnabled: row.totpEnabledAt !== null,
    twoFactorRequired: requiresTwoFactor(row.role, grants),
    mustChangePassword: row.mustChangePassword,
  };
}

/** Whether the account still has to set its own password or enrol TOTP before using the admin area. */
export function setupPending(user: StaffUser): boolean {
  return user.mustChangePassword || (user.twoFactorRequired && !user.twoFactorEnabled);
}
