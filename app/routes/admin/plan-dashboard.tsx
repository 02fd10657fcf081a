import { data, redirect } from 'react-router';
import type { Route } from './+types/plan-dashboard';
import { BarChart } from '../../components/bar-chart.tsx';
import { ChartPngButton } from '../../components/chart-png.tsx';
import { recordAudit } from '../../domain/audit/record-audit.server.ts';
import { requireUserWithPermission } from '../../web/require-user.server.ts';
import { proposalAccuracy } from '../../domain/categorize/proposal-accuracy.server.ts';
import { ProposalAccuracySection } from '../../components/proposal-accuracy.tsx';
import { dashboardTables } from '../../domain/exports/dashboard-tables.ts';
import { planDashboard } from '../../domain/exports/dashboard.server.ts';
import { findPlanForStaff, publishReport } from '../../domain/exports/report.server.ts';
import { translator } from '../../i18n/index.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { readForm } from '../../web/read-form.server.ts';
import { invariantResponse } from '../../web/invariant-response.ts';

export function meta({ data: loaderData }: Route.MetaArgs) {
  return [
    { title: loaderData ? `数据看板 · ${loaderData.plan.title} · 建言` : '建言' },
    { name: 'robots', content: 'noindex' },
  ];
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const viewer = await requireUserWithPermission(request, context, 'read:report:any');
  const plan = await findPlanForStaff(context.db, params.slug);
  invariantResponse(plan);
  const [dashboard, accuracy] = await Promise.all([
    planDashboard(context.readDb, plan.id),
    proposalAccuracy(context.db, { viewer, planId: plan.id }),
  ]);
  return { plan, dashboard, accuracy };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const { id: actorId } = await requireUserWithPermission(request, context, 'manage:plan:any');
  const plan = await findPlanForStaff(context.db, params.slug);
  invariantResponse(plan);
  const form = await readForm(request);
  if (form.get('intent') !== 'publish-report') throw data(null, { status: 400 });
  await publishReport(context.db, plan.id);
  await recordAudit(context.db, {
    actorId,
    action: 'plan.report_published',
    targetType: 'plan',
    targetId: plan.id,
    ip: context.clientIp,
  });
  return redirect(`/admin/plans/${plan.slug}/dashboard`);
}

export default function PlanDashboardPage({ loaderData }: Route.ComponentProps) {
  const { plan, dashboard, accuracy } = loaderData;
  const { t, locale, formatDate } = useTranslation();
  const tables = dashboardTables(dashboard, translator(locale));
  return (
    <article className="dashboard">
      <header>
        <p>{plan.title}</p>
        <h1>{t('dashboard.title')}</h1>
        <p className="lead">{t('dashboard.total', { total: dashboard.total })}</p>
        {dashboard.excluded > 0 && <p>{t('dashboard.excluded', { excluded: dashboard.excluded })}</p>}
        <div className="actions">
          {/* Two clicks from here to the Word summary: this button, then open the file. */}
          <form method="post" action="/admin/exports/download">
            <input type="hidden" name="planId" value={plan.id} />
            <input type="hidden" name="format" value="docx" />
            <button type="submit" name="intent" value="adopted" className="button">
              {t('dashboard.exportDocx')}
            </button>
          </form>
          <a href={`/admin/exports?planId=${plan.id}`}>{t('dashboard.moreExports')}</a>
        </div>
        {plan.reportPublishedAt ? (
          <p>
            {t('dashboard.reportPublished', { date: formatDate(plan.reportPublishedAt) })}{' '}
            <a href={`/plans/${plan.slug}/report`}>{t('dashboard.viewReport')}</a>
          </p>
        ) : (
          <form method="post">
            <button type="submit" name="intent" value="publish-report" className="button button--secondary">
              {t('dashboard.publishReport')}
            </button>
          </form>
        )}
      </header>
      {tables.map((table) => (
        <section key={table.key} aria-labelledby={`dash-${table.key}`} className="dashboard__block">
          <h2 id={`dash-${table.key}`}>{table.title}</h2>
          {table.rows.length === 0 ? (
            <p>{t('dashboard.empty')}</p>
          ) : (
            <div className="dashboard__pair">
              <div className="table-scroll" role="region" aria-labelledby={`dash-${table.key}`} tabIndex={0}>
                <table className="data-table">
                  <caption className="visually-hidden">{table.title}</caption>
                  <thead>
                    <tr>
                      {table.headers.map((h) => (
                        <th key={h} scope="col">
                          {h}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {table.rows.map((row, i) => (
                      <tr key={i}>
                        {row.map((cell, j) =>
                          j === 0 ? (
                            <th key={j} scope="row">
                              {cell}
                            </th>
                          ) : (
                            <td key={j}>{cell}</td>
                          ),
                        )}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {table.bars && <BarChart bars={table.bars} id={`chart-${table.key}`} />}
            </div>
          )}
          <p>
            <a href={`/admin/plans/${plan.slug}/dashboard/csv/${table.key}`} download>
              {t('dashboard.downloadCsv')}
              <span className="visually-hidden">：{table.title}</span>
            </a>{' '}
            {table.bars && table.rows.length > 0 && (
              <ChartPngButton
                chartId={`chart-${table.key}`}
                filename={`${plan.title}-${table.title}.png`}
                label={table.title}
              />
            )}
          </p>
        </section>
      ))}
      <ProposalAccuracySection
        accuracy={accuracy}
        csvHref={`/admin/plans/${plan.slug}/dashboard/proposal-accuracy.csv`}
      />
    </article>
  );
}
