import { data, redirect, type AppLoadContext } from 'react-router';
import { setupPending, staffUserOfSession, type StaffUser } from '../domain/accounts/staff-user.server.ts';
import type { Permission } from '../domain/authorization/permissions.ts';
import { readSessionToken } from './session-cookie.server.ts';

type Context = Pick<AppLoadContext, 'db' | 'config'>;

/** The signed-in staff member, or null. Sessions still waiting for the TOTP step do not count. */
export async function getUser(request: Request, context: Context): Promise<StaffUser | null> {
  const token = readSessionToken(request, context.config);
  if (!token) return null;
  return staffUserOfSession(context.db, token);
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
