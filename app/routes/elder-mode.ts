import { redirect } from 'react-router';
import type { Route } from './+types/elder-mode';
import { cookieIsSecure } from '../web/session-cookie.server.ts';
import { elderModeCookie } from '../web/elder-mode.ts';
import { safeRedirect } from '../web/safe-redirect.ts';
import { readFormOrAnswer, SMALL_FORM_BYTES } from '../web/read-form.server.ts';

// The 长辈模式 switch in the site header posts here (no JavaScript needed):
// set or clear the cookie, then back to the same page.
export async function action({ request, context }: Route.ActionArgs) {
  const form = await readFormOrAnswer(request, { maxBytes: SMALL_FORM_BYTES });
  const on = form.get('elder') === '1';
  return redirect(safeRedirect(form.get('returnTo'), '/'), {
    status: 303,
    headers: { 'Set-Cookie': elderModeCookie(on, cookieIsSecure(context.config)) },
  });
}

export function loader() {
  return redirect('/', 303);
}
