import { Link } from 'react-router';
import type { Route } from './+types/dashboard';
import { requireUser } from '../../web/require-user.server.ts';
import type { Permission } from '../../domain/authorization/permissions.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { useTranslation } from '../../i18n/use-translation.ts';

// A placeholder until the triage queue and reports exist: it says what this
// account may do, which is also how staff learn what their role means.
export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireUser(request, context);
  return { name: user.name, permissions: [...user.permissions], twoFactorEnabled: user.twoFactorEnabled };
}

const abilities: { permission: Permission; label: MessageKey; to?: string }[] = [
  { permission: 'read:suggestion:any', label: 'admin.can.readSuggestions', to: '/admin/suggestions' },
  { permission: 'moderate:suggestion:any', label: 'admin.can.moderate' },
  { permission: 'export:suggestion:any', label: 'admin.can.export' },
  { permission: 'read:report:any', label: 'admin.can.reports' },
  { permission: 'read:contact:any', label: 'admin.can.contacts' },
  { permission: 'manage:plan:any', label: 'admin.can.plans', to: '/admin/plans' },
  { permission: 'manage:user:any', label: 'admin.can.users', to: '/admin/users' },
  { permission: 'read:audit:any', label: 'admin.can.audit', to: '/admin/audit' },
];

export default function Dashboard({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <section>
      <title>{`${t('admin.dashboard.heading')} · ${t('site.name')}`}</title>
      <h1>{t('admin.dashboard.title', { name: loaderData.name })}</h1>
      <h2>{t('admin.dashboard.youCan')}</h2>
      <ul className="admin-list">
        {abilities
          .filter((a) => loaderData.permissions.includes(a.permission))
          .map((a) => (
            <li key={a.permission}>{a.to ? <Link to={a.to}>{t(a.label)}</Link> : t(a.label)}</li>
          ))}
      </ul>
      {!loaderData.twoFactorEnabled && (
        <p className="notice">
          {t('admin.dashboard.suggest2fa')} <Link to="/admin/account">{t('admin.nav.account')}</Link>
        </p>
      )}
    </section>
  );
}
