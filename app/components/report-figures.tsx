import type { ReportFigures } from '../domain/feedback/report-figures.server.ts';
import { useTranslation } from '../i18n/use-translation.ts';

/** 答复率, 平均办理时长 (median) and 满意度 by category on the public adoption report. */
export function ReportFiguresSection({ figures }: { figures: ReportFigures }) {
  const { t } = useTranslation();
  const rate = figures.total ? Math.round((figures.replied / figures.total) * 1000) / 10 : 0;
  const sum = (key: 'satisfied' | 'basicallySatisfied' | 'dissatisfied') =>
    figures.satisfaction.reduce((n, row) => n + row[key], 0);
  return (
    <section aria-labelledby="report-figures">
      <h2 id="report-figures">{t('figures.title')}</h2>
      <dl className="summary">
        <dt>{t('figures.replyRate')}</dt>
        <dd data-testid="reply-rate">
          {t('figures.replyRateValue', { rate, replied: figures.replied, total: figures.total })}
        </dd>
        <dt>{t('figures.medianDays')}</dt>
        <dd data-testid="median-days">
          {figures.medianDaysToDecision === null
            ? t('figures.noneDecided')
            : t('figures.days', { days: figures.medianDaysToDecision })}
        </dd>
      </dl>
      <p className="report__privacy">{t('figures.replyRateNote')}</p>
      {figures.satisfaction.length === 0 ? (
        <p>{t('figures.noRatings')}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="report-satisfaction" tabIndex={0}>
          <table className="data-table">
            <caption id="report-satisfaction">{t('figures.satisfactionCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('report.category')}</th>
                <th scope="col">{t('rating.satisfied')}</th>
                <th scope="col">{t('rating.basically_satisfied')}</th>
                <th scope="col">{t('rating.dissatisfied')}</th>
              </tr>
            </thead>
            <tbody>
              {figures.satisfaction.map((row) => (
                <tr key={row.category ?? ''}>
                  <th scope="row">{row.category ?? t('exports.uncategorized')}</th>
                  <td>{row.satisfied}</td>
                  <td>{row.basicallySatisfied}</td>
                  <td>{row.dissatisfied}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('report.total')}</th>
                <td>{sum('satisfied')}</td>
                <td>{sum('basicallySatisfied')}</td>
                <td>{sum('dissatisfied')}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}
