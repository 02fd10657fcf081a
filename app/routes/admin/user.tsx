import { data, Form, redirect } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/user';
import { FieldError } from '../../components/admin/field-error.tsx';
import { requireUserWithPermission } from '../../web/require-user.server.ts';
import { changeRole, resetPassword, setDisabled, setGrant } from '../../domain/accounts/manage-staff.server.ts';
import { roles } from '../../domain/authorization/permissions.ts';
import { getStaffSummary } from '../../domain/accounts/staff.server.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { idParam, invalid, parseFormData } from '../../web/parse-form.server.ts';
import { orRespond } from '../../web/domain-errors.server.ts';
import { readForm } from '../../web/read-form.server.ts';
import { invariantResponse } from '../../web/invariant-response.ts';

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const viewer = await requireUserWithPermission(request, context, 'manage:user:any');
  const user = await getStaffSummary(context.db, idParam(params.userId));
  invariantResponse(user);
  return { user, isSelf: user.id === viewer.id, done: new URL(request.url).searchParams.get('done') };
}

const UserForm = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('role'), role: z.enum(roles) }),
  z.object({ intent: z.literal('grant-contact') }),
  z.object({ intent: z.literal('revoke-contact') }),
  z.object({ intent: z.literal('disable') }),
  z.object({ intent: z.literal('enable') }),
  z.object({ intent: z.literal('reset-password') }),
]);

export async function action({ request, context, params }: Route.ActionArgs) {
  const viewer = await requireUserWithPermission(request, context, 'manage:user:any');
  const userId = idParam(params.userId);
  const form = parseFormData(await readForm(request), UserForm);
  if (!form.ok) return invalid(form.errors);
  const common = { viewer, userId, ip: context.clientIp };
  const intent = form.data.intent;
  if (intent === 'reset-password') {
    const result = await orRespond(() => resetPassword(context.db, common));
    if (!result.ok) return invalid({ form: [result.error] });
    return data({ password: result.password, errors: null });
  }
  const result = await orRespond(() =>
    intent === 'role'
      ? changeRole(context.db, { ...common, role: form.data.role })
      : intent === 'grant-contact' || intent === 'revoke-contact'
        ? setGrant(context.db, { ...common, permission: 'read:contact:any', granted: intent === 'grant-contact' })
        : setDisabled(context.db, { ...common, disabled: intent === 'disable' }),
  );
  if (!result.ok) return invalid({ form: [result.error] });
  throw redirect(`/admin/users/${userId}?done=saved`);
}

export default function User({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { user, isSelf } = loaderData;
  const errors = actionData?.errors ?? {};
  const hasContact = user.grants.includes('read:contact:any');
  return (
    <section>
      <title>{`${user.name} · ${t('admin.users.title')} · ${t('site.name')}`}</title>
      <h1>{user.name}</h1>
      <p>
        {user.email} · {t(`admin.role.${user.role}`)} ·{' '}
        {user.disabled ? t('admin.users.disabled') : t('admin.users.active')}
      </p>
      {loaderData.done && (
        <p className="notice" role="status">
          {t('admin.saved')}
        </p>
      )}
      <p role="alert" className="form-error-slot">
        <FieldError id="form-error" errors={errors} name="form" />
      </p>
      {actionData && 'password' in actionData && (
        <p className="notice" role="status">
          {t('admin.users.oneTimePassword')} <code>{actionData.password}</code>
        </p>
      )}
      <section className="admin-panel" aria-labelledby="role-heading">
        <h2 id="role-heading">{t('admin.field.role')}</h2>
        <Form method="post" className="admin-form admin-form--inline">
          <input type="hidden" name="intent" value="role" />
          <label>
            {t('admin.field.role')}
            <select name="role" defaultValue={user.role} disabled={isSelf}>
              {roles.map((role) => (
                <option key={role} value={role}>
                  {t(`admin.role.${role}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button" disabled={isSelf}>
            {t('admin.users.changeRole')}
          </button>
        </Form>
      </section>
      <section className="admin-panel" aria-labelledby="contact-heading">
        <h2 id="contact-heading">{t('admin.users.contactAccess')}</h2>
        <p>{t(hasContact ? 'admin.users.contactGranted' : 'admin.users.contactNotGranted')}</p>
        <Form method="post">
          <input type="hidden" name="intent" value={hasContact ? 'revoke-contact' : 'grant-contact'} />
          <button type="submit" className="button button--secondary">
            {t(hasContact ? 'admin.users.revokeContact' : 'admin.users.grantContact')}
          </button>
        </Form>
      </section>
      {!isSelf && (
        <section className="admin-panel" aria-labelledby="account-heading">
          <h2 id="account-heading">{t('admin.users.accountTitle')}</h2>
          <Form method="post" className="button-row">
            <button
              type="submit"
              name="intent"
              value={user.disabled ? 'enable' : 'disable'}
              className="button button--secondary"
            >
              {t(user.disabled ? 'admin.users.enable' : 'admin.users.disable')}
            </button>
            <button type="submit" name="intent" value="reset-password" className="button button--secondary">
              {t('admin.users.resetPassword')}
            </button>
          </Form>
        </section>
      )}
    </section>
  );
}
