import { redirect } from 'react-router';
import type { Route } from './+types/logout';
import { logOut } from '../../domain/accounts/own-account.server.ts';
import { clearedSessionCookie, readSessionToken } from '../../web/session-cookie.server.ts';

// Logging out changes data, so it is a POST (a form button); a GET only goes back.
export function loader() {
  throw redirect('/admin');
}

export async function action({ request, context }: Route.ActionArgs) {
  const token = readSessionToken(request, context.config);
  if (token) await logOut(context.db, { token, ip: context.clientIp });
  throw redirect('/admin/login', { headers: { 'Set-Cookie': clearedSessionCookie(context.config) } });
}
