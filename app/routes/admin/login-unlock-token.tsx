import { data, Form, Link } from 'react-router';
import type { Route } from './+types/login-unlock-token';
import { useUnlockLink } from '../../domain/accounts/unlock-links.server.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { deviceCookie } from '../../web/device-cookie.server.ts';

// /admin/login/unlock/<token>: the mailed link. Opening it only shows a
// button: mail scanners fetch links by themselves, and a GET must spend
// nothing. The POST makes this browser a known device; the password is still
// asked on the sign-in page.

// The token is in the path: never send it on to another site as a referrer.
export function headers() {
  return { 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-store' };
}

export function loader() {
  return null;
}

export async function action({ context, params }: Route.ActionArgs) {
  // A function, not a React hook, despite the name's "use" (to use the link).
  // eslint-disable-next-line react-hooks/rules-of-hooks
  const outcome = await useUnlockLink(context.db, { token: params.token, ip: context.clientIp });
  if (outcome.kind === 'invalid') return data({ outcome: 'invalid' as const }, { status: 404 });
  return data(
    { outcome: 'device-known' as const },
    { headers: { 'Set-Cookie': deviceCookie(outcome.deviceToken, context.config) } },
  );
}

export default function LoginUnlockToken({ actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const outcome = actionData?.outcome;
  return (
    <section className="admin-narrow">
      <title>{`${t('admin.unlock.title')} · ${t('site.name')}`}</title>
      <h1>{t('admin.unlock.title')}</h1>
      {outcome === 'device-known' && (
        <p className="notice" role="status">
          {t('admin.unlock.deviceKnown')} <Link to="/admin/login">{t('admin.unlock.back')}</Link>
        </p>
      )}
      {outcome === 'invalid' && (
        <p className="notice notice--error" role="alert">
          {t('admin.unlock.linkInvalid')} <Link to="/admin/login/unlock">{t('admin.unlock.again')}</Link>
        </p>
      )}
      {!outcome && (
        <Form method="post">
          <p>{t('admin.unlock.confirmIntro')}</p>
          <button type="submit" className="button">
            {t('admin.unlock.confirm')}
          </button>
        </Form>
      )}
    </section>
  );
}
