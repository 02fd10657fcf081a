import { data, redirect } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/account';
import { PasswordPanel, SessionsPanel } from '../../components/admin/account-panels.tsx';
import { TwoFactorPanel } from '../../components/admin/two-factor-panel.tsx';
import { setupPending } from '../../domain/accounts/staff-user.server.ts';
import { requireUser } from '../../web/require-user.server.ts';
import {
  changeOwnPassword,
  confirmTotpEnrolment,
  disableOwnTotp,
  logOutEverywhere,
  pendingTotpSecret,
  startTotpEnrolment,
} from '../../domain/accounts/own-account.server.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../domain/accounts/passwords.server.ts';
import { remainingRecoveryCodes } from '../../domain/accounts/recovery-codes.server.ts';
import { clearedSessionCookie, sessionCookie } from '../../web/session-cookie.server.ts';
import { enrolmentDetails } from '../../domain/accounts/totp.server.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { invalid, parseFormData } from '../../web/parse-form.server.ts';
import { readForm } from '../../web/read-form.server.ts';

// The one admin page open while setup is pending (a one-time password to
// replace, or 2FA to enrol): requireUser sends such accounts here.
export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireUser(request, context, { allowSetupPending: true });
  const pending = user.twoFactorEnabled ? null : await pendingTotpSecret(context.db, user.id);
  return {
    email: user.email,
    mustChangePassword: user.mustChangePassword,
    setupPending: setupPending(user),
    twoFactorEnabled: user.twoFactorEnabled,
    twoFactorRequired: user.twoFactorRequired,
    enrolment: pending ? { secret: pending, ...(await enrolmentDetails(pending, user.email)) } : null,
    recoveryCodesLeft: user.twoFactorEnabled ? await remainingRecoveryCodes(context.db, user.id) : 0,
  };
}

const password = z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH);
const AccountForm = z.discriminatedUnion('intent', [
  z
    .object({
      intent: z.literal('change-password'),
      currentPassword: z.string().max(PASSWORD_MAX_LENGTH),
      newPassword: password,
      confirmPassword: z.string(),
    })
    .refine((f) => f.newPassword === f.confirmPassword, { path: ['confirmPassword'], message: 'mismatch' }),
  z.object({ intent: z.literal('start-2fa'), currentPassword: z.string().max(PASSWORD_MAX_LENGTH) }),
  z.object({ intent: z.literal('confirm-2fa'), code: z.string().trim().max(10) }),
  z.object({ intent: z.literal('disable-2fa'), currentPassword: z.string().max(PASSWORD_MAX_LENGTH) }),
  z.object({ intent: z.literal('logout-everywhere') }),
]);

export async function action({ request, context }: Route.ActionArgs) {
  const user = await requireUser(request, context, { allowSetupPending: true });
  const form = parseFormData(await readForm(request), AccountForm);
  if (!form.ok) return invalid(form.errors);
  const ip = context.clientIp;
  switch (form.data.intent) {
    case 'change-password': {
      const { currentPassword, newPassword } = form.data;
      const result = await changeOwnPassword(context.db, { viewer: user, currentPassword, newPassword, ip });
      if (!result.ok) return invalid({ currentPassword: [result.error] });
      throw redirect('/admin/account?done=password', {
        headers: { 'Set-Cookie': sessionCookie(result.token, context.config) },
      });
    }
    case 'start-2fa':
      if (user.twoFactorEnabled) return invalid({ form: ['already_enabled'] });
      {
        const started = await startTotpEnrolment(context.db, {
          viewer: user,
          currentPassword: form.data.currentPassword,
        });
        if (!started.ok) return invalid({ enrolPassword: [started.error] });
      }
      throw redirect('/admin/account#two-factor');
    case 'confirm-2fa': {
      const result = await confirmTotpEnrolment(context.db, { viewer: user, code: form.data.code, ip });
      if (!result.ok) return invalid({ code: [result.error] });
      // Shown in this response only: they are stored hashed and never shown again.
      return data({ recoveryCodes: result.recoveryCodes, errors: null });
    }
    case 'disable-2fa': {
      const result = await disableOwnTotp(context.db, { viewer: user, currentPassword: form.data.currentPassword, ip });
      if (!result.ok) return invalid({ [result.error === 'required' ? 'form' : 'disablePassword']: [result.error] });
      throw redirect('/admin/account?done=2fa-off');
    }
    case 'logout-everywhere':
      await logOutEverywhere(context.db, { viewer: user, ip });
      throw redirect('/admin/login', { headers: { 'Set-Cookie': clearedSessionCookie(context.config) } });
  }
}

export default function Account({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const errors = actionData?.errors ?? {};
  return (
    <section>
      <title>{`${t('admin.account.title')} · ${t('site.name')}`}</title>
      <h1>{t('admin.account.title')}</h1>
      <p>{t('admin.account.signedInAs', { email: loaderData.email })}</p>
      {loaderData.setupPending && (
        <p className="notice" role="status">
          {loaderData.mustChangePassword ? t('admin.account.mustChangePassword') : t('admin.account.mustEnrol')}
        </p>
      )}
      <PasswordPanel errors={errors} />
      <TwoFactorPanel
        data={loaderData}
        errors={errors}
        recoveryCodes={actionData && 'recoveryCodes' in actionData ? actionData.recoveryCodes : null}
      />
      <SessionsPanel />
    </section>
  );
}
