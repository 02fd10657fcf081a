import { data, Form, Link } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/users';
import { describedBy, FieldError } from '../../components/admin/field-error.tsx';
import { requireUserWithPermission } from '../../web/require-user.server.ts';
import { generatePassword } from '../../domain/accounts/passwords.server.ts';
import { grantablePermissions, roles } from '../../domain/authorization/permissions.ts';
import { createStaffUser, EmailTakenError, listStaff } from '../../domain/accounts/staff.server.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { invalid, parseFormData } from '../../web/parse-form.server.ts';
import { readForm } from '../../web/read-form.server.ts';

export async function loader({ request, context }: Route.LoaderArgs) {
  await requireUserWithPermission(request, context, 'manage:user:any');
  return { staff: await listStaff(context.db) };
}

const InviteForm = z.object({
  email: z.string().trim().email().max(200),
  name: z.string().trim().min(1).max(100),
  role: z.enum(roles),
  grant: z.union([z.enum(grantablePermissions), z.array(z.enum(grantablePermissions))]).optional(),
});

// An invitation creates the account with a one-time password that the admin
// passes on (in person or by phone); the first login must replace it. No mail
// is involved, so no set-password link can leak from an inbox.
export async function action({ request, context }: Route.ActionArgs) {
  const viewer = await requireUserWithPermission(request, context, 'manage:user:any');
  const form = parseFormData(await readForm(request), InviteForm);
  if (!form.ok) return invalid(form.errors);
  const { email, name, role, grant } = form.data;
  const password = generatePassword();
  try {
    const grants = grant === undefined ? [] : [grant].flat();
    const { id } = await createStaffUser(
      context.db,
      { email, name, role, grants, password, mustChangePassword: true },
      { actorId: viewer.id, ip: context.clientIp },
    );
    return data({ created: { id, email, password }, errors: null });
  } catch (error) {
    if (error instanceof EmailTakenError) return invalid({ email: ['taken'] });
    throw error;
  }
}

export default function Users({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const errors = actionData?.errors ?? {};
  const created = actionData && 'created' in actionData ? actionData.created : null;
  return (
    <section>
      <title>{`${t('admin.users.title')} · ${t('site.name')}`}</title>
      <h1>{t('admin.users.title')}</h1>
      {created && (
        <div className="notice" role="status">
          <p>{t('admin.users.created', { email: created.email })}</p>
          <p>
            {t('admin.users.oneTimePassword')} <code data-testid="one-time-password">{created.password}</code>
          </p>
        </div>
      )}
      <div className="table-wrap">
        <table className="admin-table">
          <caption className="visually-hidden">{t('admin.users.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.field.name')}</th>
              <th scope="col">{t('admin.field.email')}</th>
              <th scope="col">{t('admin.field.role')}</th>
              <th scope="col">{t('admin.users.status')}</th>
            </tr>
          </thead>
          <tbody>
            {loaderData.staff.map((user) => (
              <tr key={user.id}>
                <td>
                  <Link to={`/admin/users/${user.id}`}>{user.name}</Link>
                </td>
                <td>{user.email}</td>
                <td>{t(`admin.role.${user.role}`)}</td>
                <td>
                  {[
                    user.disabled ? t('admin.users.disabled') : t('admin.users.active'),
                    user.twoFactorEnabled ? t('admin.users.twoFactorOn') : '',
                    user.grants.includes('read:contact:any') ? t('admin.users.contactAccess') : '',
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section className="admin-panel" aria-labelledby="invite-heading">
        <h2 id="invite-heading">{t('admin.users.invite')}</h2>
        <p>{t('admin.users.inviteIntro')}</p>
        <Form method="post" className="admin-form">
          <label>
            {t('admin.field.email')}
            <input
              type="email"
              name="email"
              required
              autoComplete="off"
              {...describedBy(errors, 'email', 'email-error')}
            />
            <FieldError id="email-error" errors={errors} name="email" />
          </label>
          <label>
            {t('admin.field.name')}
            <input
              name="name"
              required
              maxLength={100}
              autoComplete="off"
              {...describedBy(errors, 'name', 'name-error')}
            />
            <FieldError id="name-error" errors={errors} name="name" />
          </label>
          <label>
            {t('admin.field.role')}
            <select name="role" defaultValue="moderator">
              {roles.map((role) => (
                <option key={role} value={role}>
                  {t(`admin.role.${role}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="checkbox">
            <input type="checkbox" name="grant" value="read:contact:any" /> {t('admin.users.grantContact')}
          </label>
          <button type="submit" className="button">
            {t('admin.users.create')}
          </button>
        </Form>
      </section>
    </section>
  );
}
