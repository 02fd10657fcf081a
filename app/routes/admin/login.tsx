import { data, Form, Link, redirect } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/login';
import { getUser } from '../../web/require-user.server.ts';
import { safeRedirect } from '../../web/safe-redirect.ts';
import { loginWithPassword } from '../../domain/accounts/login.server.ts';
import { PASSWORD_MAX_LENGTH } from '../../domain/accounts/passwords.server.ts';
import { sessionCookie } from '../../web/session-cookie.server.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { parseFormData } from '../../web/parse-form.server.ts';
import { readForm, SMALL_FORM_BYTES } from '../../web/read-form.server.ts';
import { deviceCookie, readDeviceToken } from '../../web/device-cookie.server.ts';

const LoginForm = z.object({
  email: z.string().trim().max(200),
  password: z.string().max(PASSWORD_MAX_LENGTH),
  redirectTo: z.string().optional(),
});

// Public by nature: the one /admin page (with its TOTP step) that needs no session.
export async function loader({ request, context }: Route.LoaderArgs) {
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get('redirectTo'), '/admin');
  if (await getUser(request, context)) throw redirect(redirectTo);
  return { redirectTo };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = parseFormData(await readForm(request, { maxBytes: SMALL_FORM_BYTES }), LoginForm);
  // One message for every failure, so the form never tells which part was wrong.
  if (!form.ok) return data({ error: 'invalid' as const }, { status: 400 });
  const result = await loginWithPassword(context.db, {
    email: form.data.email,
    password: form.data.password,
    ip: context.clientIp,
    ipFailureLimit: context.config.rateLimits.loginFailuresPer15Min,
    deviceToken: readDeviceToken(request, context.config),
  });
  const redirectTo = safeRedirect(form.data.redirectTo, '/admin');
  if (result.kind === 'throttled') {
    return data(
      { error: 'throttled' as const },
      { status: 429, headers: { 'Retry-After': String(result.retryAfterSeconds) } },
    );
  }
  if (result.kind === 'invalid') return data({ error: 'invalid' as const }, { status: 400 });
  const headers = new Headers({ 'Set-Cookie': sessionCookie(result.token, context.config) });
  if (result.kind === 'signed-in' && result.deviceToken)
    headers.append('Set-Cookie', deviceCookie(result.deviceToken, context.config));
  if (result.kind === 'second-factor') {
    throw redirect(`/admin/login/two-factor?redirectTo=${encodeURIComponent(redirectTo)}`, { headers });
  }
  throw redirect(redirectTo, { headers });
}

export default function Login({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <section className="admin-narrow">
      <title>{`${t('admin.login.title')} · ${t('site.name')}`}</title>
      <h1>{t('admin.login.title')}</h1>
      {actionData?.error && (
        <p className="form-error" role="alert">
          {t(actionData.error === 'throttled' ? 'admin.login.throttled' : 'admin.login.invalid')}
        </p>
      )}
      <Form method="post" className="admin-form">
        <input type="hidden" name="redirectTo" value={loaderData.redirectTo} />
        <label>
          {t('admin.field.email')}
          <input type="email" name="email" autoComplete="username" required />
        </label>
        <label>
          {t('admin.field.password')}
          <input type="password" name="password" autoComplete="current-password" required />
        </label>
        <button type="submit" className="button">
          {t('admin.login.submit')}
        </button>
      </Form>
      <p>
        <Link to="/admin/login/unlock">{t('admin.login.unlockLink')}</Link>
      </p>
    </section>
  );
}
