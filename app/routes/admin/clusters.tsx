import { Link } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/clusters';
import moderationStyles from '../../styles/moderation.css?url';
import { requireUserWithPermission } from '../../web/require-user.server.ts';
import { clusterList } from '../../domain/duplicates/queries.server.ts';
import { groupsSettling } from '../../domain/duplicates/settle-groups.server.ts';
import { queueOptions } from '../../domain/moderation/queue-options.server.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { formatChinaDateTime } from '../../utils/china-time.ts';
import { PlanFilterForm } from '../../components/admin/plan-filter-form.tsx';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: moderationStyles }];

const Query = z.object({
  plan: z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined),
  // Keyset: the last group's size and cluster id ("12.345").
  after: z
    .string()
    .regex(/^\d{1,6}\.\d{1,15}$/)
    .optional()
    .catch(undefined),
});

export async function loader({ request, context }: Route.LoaderArgs) {
  const viewer = await requireUserWithPermission(request, context, 'read:suggestion:any');
  const url = new URL(request.url);
  const query = Query.parse(Object.fromEntries(url.searchParams));
  const options = await queueOptions(context.db, {});
  const planId = query.plan ?? (options.plans.length === 1 ? options.plans[0]!.id : undefined);
  if (!planId) return { plans: options.plans, planId: null, rows: [], nextHref: null, settling: false };
  const [size, clusterId] = query.after ? query.after.split('.').map(Number) : [];
  const page = await clusterList(context.db, {
    viewer,
    planId,
    after: size && clusterId ? { size, clusterId } : undefined,
  });
  const nextHref = page.next ? `?plan=${planId}&after=${page.next.size}.${page.next.clusterId}` : null;
  // Decision 044: letters linked when the plan was half its size are being linked again.
  const settling = await groupsSettling(context.db, planId);
  return { plans: options.plans, planId, rows: page.rows, nextHref, settling };
}

export default function Clusters({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { plans, planId, rows } = loaderData;
  return (
    <section>
      <title>{`${t('dup.clustersTitle')} · ${t('site.name')}`}</title>
      <h1>{t('dup.clustersTitle')}</h1>
      <PlanFilterForm id="clusters-plan" plans={plans} planId={planId} />
      <p>{t('dup.clustersIntro')}</p>
      {loaderData.settling && <p className="notice">{t('dup.settling')}</p>}
      {planId && rows.length === 0 && <p className="notice">{t('dup.clustersEmpty')}</p>}
      {rows.length > 0 && (
        <div className="table-wrap">
          <table className="admin-table">
            <caption className="visually-hidden">{t('dup.clustersTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dup.firstTitle')}</th>
                <th scope="col">{t('dup.size')}</th>
                <th scope="col">{t('dup.merged')}</th>
                <th scope="col">{t('dup.period')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.clusterId}>
                  <td>
                    <Link to={`/admin/suggestions?plan=${planId}&cluster=${row.clusterId}`}>{row.title}</Link>
                    {row.campaign && <div className="badge badge--warning">{t('dup.campaign')}</div>}{' '}
                    <Link to={`/admin/clusters/${row.clusterId}?plan=${planId}`}>{t('campaign.open')}</Link>
                  </td>
                  <td>{row.size}</td>
                  <td>{row.merged}</td>
                  <td>
                    {formatChinaDateTime(new Date(row.from))} – {formatChinaDateTime(new Date(row.to))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {loaderData.nextHref && (
        <p>
          <Link to={loaderData.nextHref}>{t('dup.more')}</Link>
        </p>
      )}
    </section>
  );
}
