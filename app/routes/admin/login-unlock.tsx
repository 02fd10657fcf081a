import { data, Form, Link } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/login-unlock';
import { requestUnlockLink } from '../../domain/accounts/unlock-links.server.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { parseFormData } from '../../web/parse-form.server.ts';
import { readForm, SMALL_FORM_BYTES } from '../../web/read-form.server.ts';

// /admin/login/unlock: a staff member who cannot sign in (someone keeps
// guessing from the same network) asks for a single-use link by email
// (docs/decisions/090). The answer never says whether the address is staff.

const UnlockRequestForm = z.object({ email: z.string().trim().min(3).max(200) });

export function loader() {
  return null;
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = parseFormData(await readForm(request, { maxBytes: SMALL_FORM_BYTES }), UnlockRequestForm);
  if (!form.ok) return data({ outcome: 'invalid' as const }, { status: 400 });
  const outcome = await requestUnlockLink(context.db, {
    email: form.data.email,
    siteUrl: context.config.siteUrl,
    ip: context.clientIp,
  });
  if (outcome === 'throttled') return data({ outcome }, { status: 429, headers: { 'Retry-After': '900' } });
  return { outcome };
}

export default function LoginUnlock({ actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const outcome = actionData?.outcome;
  return (
    <section className="admin-narrow">
      <title>{`${t('admin.unlock.title')} · ${t('site.name')}`}</title>
      <h1>{t('admin.unlock.title')}</h1>
      {outcome === 'accepted' ? (
        <p className="notice" role="status">
          {t('admin.unlock.sent')}
        </p>
      ) : (
        <>
          <p>{t('admin.unlock.intro')}</p>
          {outcome && (
            <p className="form-error" role="alert">
              {t(outcome === 'throttled' ? 'admin.login.throttled' : 'admin.unlock.invalidEmail')}
            </p>
          )}
          <Form method="post" className="admin-form">
            <label>
              {t('admin.field.email')}
              <input type="email" name="email" autoComplete="username" required />
            </label>
            <button type="submit" className="button">
              {t('admin.unlock.submit')}
            </button>
          </Form>
        </>
      )}
      <p>
        <Link to="/admin/login">{t('admin.unlock.back')}</Link>
      </p>
    </section>
  );
}
