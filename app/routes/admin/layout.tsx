import { Form, isRouteErrorResponse, NavLink, Outlet } from 'react-router';
import type { Route } from './+types/layout';
import { setupPending } from '../../domain/accounts/staff-user.server.ts';
import { requireUser } from '../../web/require-user.server.ts';
import type { Permission } from '../../domain/authorization/permissions.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { RequestProblemPage, requestProblemOf } from '../../web/request-problem.tsx';

// The frame of the signed-in admin area. Its loader checks the session too,
// but every child route still checks its own permission: a layout is not a guard.
export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireUser(request, context, { allowSetupPending: true });
  return { name: user.name, role: user.role, permissions: [...user.permissions], setupPending: setupPending(user) };
}

const links: { to: string; label: MessageKey; permission?: Permission }[] = [
  { to: '/admin', label: 'admin.nav.dashboard' },
  { to: '/admin/suggestions', label: 'mod.nav.queue', permission: 'read:suggestion:any' },
  { to: '/admin/intake/new', label: 'mod.nav.intake', permission: 'moderate:suggestion:any' },
  { to: '/admin/inbox', label: 'mod.nav.inbox', permission: 'read:suggestion:any' },
  { to: '/admin/clusters', label: 'dup.nav', permission: 'read:suggestion:any' },
  { to: '/admin/themes', label: 'themes.nav', permission: 'read:suggestion:any' },
  { to: '/admin/plans', label: 'admin.nav.plans', permission: 'manage:plan:any' },
  { to: '/admin/exports', label: 'admin.nav.exports', permission: 'export:suggestion:any' },
  { to: '/admin/users', label: 'admin.nav.users', permission: 'manage:user:any' },
  { to: '/admin/audit', label: 'admin.nav.audit', permission: 'read:audit:any' },
  { to: '/admin/account', label: 'admin.nav.account' },
];

export default function AdminLayout({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const visible = loaderData.setupPending
    ? links.filter((link) => link.to === '/admin/account')
    : links.filter((link) => !link.permission || loaderData.permissions.includes(link.permission));
  return (
    <div className="admin">
      <nav className="admin-nav" aria-label={t('admin.nav.label')}>
        <ul>
          {visible.map((link) => (
            <li key={link.to}>
              <NavLink to={link.to} end={link.to === '/admin'}>
                {t(link.label)}
              </NavLink>
            </li>
          ))}
        </ul>
        <div className="admin-nav__user">
          <span>
            {loaderData.name} · {t(`admin.role.${loaderData.role}`)}
          </span>
          <Form method="post" action="/admin/logout">
            <button type="submit" className="link-button">
              {t('admin.nav.logout')}
            </button>
          </Form>
        </div>
      </nav>
      <Outlet />
    </div>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  const { t } = useTranslation();
  const problem = requestProblemOf(error);
  if (problem) return <RequestProblemPage problem={problem} />;
  const forbidden = isRouteErrorResponse(error) && error.status === 403;
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  const title = forbidden ? t('admin.forbidden.title') : notFound ? t('error.notFound') : t('error.title');
  return (
    <section className="error-page">
      <title>{`${title} · ${t('site.name')}`}</title>
      <h1>{title}</h1>
      <p>{forbidden ? t('admin.forbidden.detail') : notFound ? t('error.notFoundDetail') : t('error.generic')}</p>
      <p>
        <a href="/admin">{t('admin.nav.dashboard')}</a>
      </p>
    </section>
  );
}
