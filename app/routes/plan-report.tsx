import { Link } from 'react-router';
import type { Route } from './+types/plan-report';
import { PrintButton } from '../components/print-button.tsx';
import { ReportFiguresSection } from '../components/report-figures.tsx';
import { getPublicReport } from '../domain/exports/report.server.ts';
import { useTranslation } from '../i18n/use-translation.ts';
import { invariantResponse } from '../web/invariant-response.ts';

// 采纳情况公示. Public once staff publish it; until then it does not exist (404).
// Shows counts, publishable summaries and replies of suggestions whose
// submitter agreed to publication, with the name only for 署名公开.
export async function loader({ context, params }: Route.LoaderArgs) {
  const report = await getPublicReport(context.db, params.slug);
  invariantResponse(report);
  return { report };
}

export function meta({ data: loaderData }: Route.MetaArgs) {
  return [{ title: loaderData ? `意见建议采纳情况公示 · ${loaderData.report.plan.title} · 建言` : '建言' }];
}

export default function PlanReportPage({ loaderData }: Route.ComponentProps) {
  const { report } = loaderData;
  const { t, formatDate } = useTranslation();
  const sum = (key: 'adopted' | 'partiallyAdopted' | 'notAdopted' | 'pending' | 'total') =>
    report.counts.reduce((n, row) => n + row[key], 0);
  const decided = sum('adopted') + sum('partiallyAdopted') + sum('notAdopted');
  return (
    <article className="report">
      <header>
        <p className="report__plan">
          <Link to={`/plans/${report.plan.slug}`}>{report.plan.title}</Link>
        </p>
        <h1>{t('report.title')}</h1>
        <p>{t('report.intro', { plan: report.plan.title, total: sum('total'), decided })}</p>
        <p className="report__meta">
          {report.plan.organizer && (
            <span className="report__organizer">{t('home.organizer', { organizer: report.plan.organizer })}</span>
          )}
          {t('report.publishedAt', { date: formatDate(report.plan.publishedAt) })}
        </p>
        <p className="no-print">
          <PrintButton label={t('report.print')} />
        </p>
      </header>

      <section aria-labelledby="report-counts">
        <h2 id="report-counts">{t('report.countsTitle')}</h2>
        <div className="table-scroll" role="region" aria-labelledby="report-counts" tabIndex={0}>
          <table className="data-table">
            <caption>{t('report.countsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('report.category')}</th>
                <th scope="col">{t('status.adopted')}</th>
                <th scope="col">{t('status.partially_adopted')}</th>
                <th scope="col">{t('status.not_adopted')}</th>
                <th scope="col">{t('report.pending')}</th>
                <th scope="col">{t('report.total')}</th>
              </tr>
            </thead>
            <tbody>
              {report.counts.map((row) => (
                <tr key={row.category ?? ''}>
                  <th scope="row">{row.category ?? t('exports.uncategorized')}</th>
                  <td>{row.adopted}</td>
                  <td>{row.partiallyAdopted}</td>
                  <td>{row.notAdopted}</td>
                  <td>{row.pending}</td>
                  <td>{row.total}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('report.total')}</th>
                <td>{sum('adopted')}</td>
                <td>{sum('partiallyAdopted')}</td>
                <td>{sum('notAdopted')}</td>
                <td>{sum('pending')}</td>
                <td>{sum('total')}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      </section>

      <ReportFiguresSection figures={report.figures} />

      <section aria-labelledby="report-items">
        <h2 id="report-items">{t('report.adoptedTitle')}</h2>
        {report.items.length === 0 ? (
          <p>{t('report.none')}</p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby="report-items" tabIndex={0}>
            <table className="data-table data-table--text">
              <caption>{t('report.adoptedCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('report.category')}</th>
                  <th scope="col">{t('report.summary')}</th>
                  <th scope="col">{t('report.submitter')}</th>
                  <th scope="col">{t('report.submitterType')}</th>
                  <th scope="col">{t('report.decision')}</th>
                  <th scope="col">{t('report.reply')}</th>
                </tr>
              </thead>
              <tbody>
                {report.items.map((item) => (
                  <tr key={item.id}>
                    <td>{item.category ?? t('exports.uncategorized')}</td>
                    <th scope="row">
                      {item.summary}
                      {item.supporters > 1 && (
                        <div className="muted">{t('report.supporters', { count: item.supporters })}</div>
                      )}
                      {item.supports > 0 && (
                        <div className="muted">{t('report.supports', { count: item.supports })}</div>
                      )}
                    </th>
                    <td>{item.name ?? t('report.anonymous')}</td>
                    <td>{item.submitterType}</td>
                    <td>{t(`status.${item.status}`)}</td>
                    <td>{item.reply ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <p className="report__privacy">{t('report.privacy')}</p>
    </article>
  );
}
