import type { ProposalAccuracy } from '../domain/categorize/proposal-accuracy.server.ts';
import { MIN_REVIEWED_FOR_INTERVAL } from '../domain/categorize/proposal-accuracy-limits.ts';
import { percent } from '../domain/exports/dashboard-tables.ts';
import { useTranslation } from '../i18n/use-translation.ts';

const shown = (value: number | null) => (value === null ? '—' : percent(value));

/** The dashboard's live check of category and tag proposals against moderators (decision 043). */
export function ProposalAccuracySection({ accuracy, csvHref }: { accuracy: ProposalAccuracy; csvHref: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="dash-accuracy" className="dashboard__block">
      <h2 id="dash-accuracy">{t('accuracy.title')}</h2>
      <p>{t('accuracy.explain')}</p>
      {accuracy.reviewed === 0 ? (
        <p>{t('accuracy.none')}</p>
      ) : (
        <>
          <p>
            {t('accuracy.category', {
              reviewed: accuracy.reviewed,
              proposed: accuracy.proposed,
              correct: accuracy.correct,
              accuracy: shown(accuracy.accuracy),
            })}{' '}
            {accuracy.interval
              ? t('accuracy.interval', { low: percent(accuracy.interval.low), high: percent(accuracy.interval.high) })
              : t('accuracy.tooFew', { min: MIN_REVIEWED_FOR_INTERVAL, reviewed: accuracy.reviewed })}
          </p>
          <p>
            {t('accuracy.tags', {
              proposed: accuracy.tags.proposed,
              final: accuracy.tags.final,
              agreed: accuracy.tags.agreed,
              precision: shown(accuracy.tags.precision),
              recall: shown(accuracy.tags.recall),
              f1: shown(accuracy.tags.f1),
            })}
          </p>
        </>
      )}
      <p>
        <a href={csvHref} download>
          {t('accuracy.download')}
        </a>
      </p>
    </section>
  );
}
