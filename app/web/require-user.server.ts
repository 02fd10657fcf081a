import { eq } from 'drizzle-orm';
import { data, redirect, type AppLoadContext } from 'react-router';
import { staffUsers } from '../../db/schema/index.ts';
import { permissionsOf, requiresTwoFactor, type Permission, type Role } from '../domain/authorization/permissions.ts';
import { findSession } from '../domain/accounts/sessions.server.ts';
import { readSessionToken } from './session-cookie.server.ts';
import { grantsOf } from '../domain/accounts/staff.server.ts';

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

type Context = Pick<AppLoadContext, 'db' | 'config'>;

/** The signed-in staff member, or null. Sessions still waiting for the TOTP step do not count. */
export async function getUser(request: Request, context: Context): Promise<StaffUser | null> {
  const token = readSessionToken(request, context.config);
  if (!token) return null;
  const session = await findSession(context.db, token);
  if (!session || session.awaitingSecondFactor) return null;
  const [row] = await context.db
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
  const grants = await grantsOf(context.db, row.id);
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

/**
 * Every /admin loader and action starts here. Not signed in: redirect to the
 * login page, coming back afterwards. Signed in with setup pending: only
 * /admin/account (pass `allowSetupPending`) is open until it is done.
 */
export async function requireUser(
  request: Request,
  context: Context,
  { allowSetupPending = false }: { allowSetupPending?: boolean } = {},
): Promise<StaffUser> {
  const user = await getUser(request, context);
  if (!user) {
    const url = new URL(request.url);
    const back = request.method === 'GET' ? `${url.pathname}${url.search}` : '/admin';
    throw redirect(`/admin/login?redirectTo=${encodeURIComponent(back)}`);
  }
  if (!allowSetupPending && setupPending(user)) throw redirect('/admin/account');
  return user;
}

/** requireUser, then 403 unless the user holds `permission`. */
export async function requireUserWithPermission(
  request: Request,
  context: Context,
  permission: Permission,
): Promise<StaffUser> {
  const user = await requireUser(request, context);
  if (!user.permissions.has(permission)) throw data({ message: 'forbidden', permission }, { status: 403 });
  return user;
}
