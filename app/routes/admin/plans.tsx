import { Link } from 'react-router';
import type { Route } from './+types/plans';
import { requireUserWithPermission } from '../../web/require-user.server.ts';
import { listAllPlans } from '../../domain/plans/manage-plans.server.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { formatChinaDateTime } from '../../utils/china-time.ts';

export async function loader({ request, context }: Route.LoaderArgs) {
  const viewer = await requireUserWithPermission(request, context, 'manage:plan:any');
  const plans = await listAllPlans(context.db, { viewer });
  return {
    plans: plans.map((p) => ({ ...p, closesAt: p.closesAt ? formatChinaDateTime(p.closesAt) : '' })),
  };
}

export default function Plans({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <section>
      <title>{`${t('admin.plans.title')} · ${t('site.name')}`}</title>
      <h1>{t('admin.plans.title')}</h1>
      <p>
        <Link to="/admin/plans/new" className="button">
          {t('admin.plans.new')}
        </Link>
      </p>
      <div className="table-wrap">
        <table className="admin-table">
          <caption className="visually-hidden">{t('admin.plans.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.plan.title')}</th>
              <th scope="col">{t('admin.plan.status')}</th>
              <th scope="col">{t('admin.plan.closesAt')}</th>
            </tr>
          </thead>
          <tbody>
            {loaderData.plans.map((plan) => (
              <tr key={plan.id}>
                <td>
                  <Link to={`/admin/plans/${plan.id}`}>{plan.title}</Link>
                </td>
                <td>{t(`admin.planStatus.${plan.status}`)}</td>
                <td>{plan.closesAt}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
