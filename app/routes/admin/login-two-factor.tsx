import { data, Form, redirect } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/login-two-factor';
import { safeRedirect } from '../../web/safe-redirect.ts';
import { loginWithSecondFactor } from '../../domain/accounts/login.server.ts';
import { clearedSessionCookie, readSessionToken, sessionCookie } from '../../web/session-cookie.server.ts';
import { findSession } from '../../domain/accounts/sessions.server.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { parseFormData } from '../../web/parse-form.server.ts';
import { readForm, SMALL_FORM_BYTES } from '../../web/read-form.server.ts';
import { deviceCookie, readDeviceToken } from '../../web/device-cookie.server.ts';

const CodeForm = z.object({ code: z.string().trim().min(6).max(20), redirectTo: z.string().optional() });

// Only a session that has passed the password step and waits for its code may be here.
export async function loader({ request, context }: Route.LoaderArgs) {
  const token = readSessionToken(request, context.config);
  const session = token ? await findSession(context.db, token) : null;
  if (!session?.awaitingSecondFactor) throw redirect('/admin/login');
  return { redirectTo: safeRedirect(new URL(request.url).searchParams.get('redirectTo'), '/admin') };
}

export async function action({ request, context }: Route.ActionArgs) {
  const token = readSessionToken(request, context.config);
  if (!token) throw redirect('/admin/login');
  const form = parseFormData(await readForm(request, { maxBytes: SMALL_FORM_BYTES }), CodeForm);
  if (!form.ok) return data({ error: 'invalid' as const }, { status: 400 });
  const result = await loginWithSecondFactor(context.db, {
    pendingToken: token,
    code: form.data.code,
    ip: context.clientIp,
    ipFailureLimit: context.config.rateLimits.loginFailuresPer15Min,
    deviceToken: readDeviceToken(request, context.config),
  });
  if (result.kind === 'throttled') return data({ error: 'throttled' as const }, { status: 429 });
  if (result.kind !== 'signed-in') {
    // A pending session ended by the lockout sends the user back to the start.
    const stillPending = (await findSession(context.db, token))?.awaitingSecondFactor;
    if (!stillPending)
      throw redirect('/admin/login', { headers: { 'Set-Cookie': clearedSessionCookie(context.config) } });
    return data({ error: 'invalid' as const }, { status: 400 });
  }
  const headers = new Headers({ 'Set-Cookie': sessionCookie(result.token, context.config) });
  if (result.deviceToken) headers.append('Set-Cookie', deviceCookie(result.deviceToken, context.config));
  throw redirect(safeRedirect(form.data.redirectTo, '/admin'), { headers });
}

export default function LoginTwoFactor({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <section className="admin-narrow">
      <title>{`${t('admin.twoFactor.title')} · ${t('site.name')}`}</title>
      <h1>{t('admin.twoFactor.title')}</h1>
      <p>{t('admin.twoFactor.intro')}</p>
      {actionData?.error && (
        <p className="form-error" role="alert">
          {t(actionData.error === 'throttled' ? 'admin.login.throttled' : 'admin.twoFactor.invalid')}
        </p>
      )}
      <Form method="post" className="admin-form">
        <input type="hidden" name="redirectTo" value={loaderData.redirectTo} />
        <label>
          {t('admin.twoFactor.code')}
          <input name="code" inputMode="text" autoComplete="one-time-code" required minLength={6} maxLength={20} />
        </label>
        <button type="submit" className="button">
          {t('admin.twoFactor.submit')}
        </button>
      </Form>
    </section>
  );
}
