import type { WindowState } from '../domain/plans/consultation-window.ts';
import { useTranslation } from '../i18n/use-translation.ts';

/** 参与人数 · 意见条数 · 剩余天数, as the NPC's draft-law pages show them. Plain text, no floating badge. */
export function PlanCounters({
  counters,
  window,
}: {
  counters: { submitters: number; suggestions: number; daysLeft: number | null };
  window: WindowState;
}) {
  const { t } = useTranslation();
  return (
    <dl className="plan-counters" aria-label={t('counters.label')}>
      <div>
        <dt>{t('counters.submitters')}</dt>
        <dd data-testid="counter-submitters">{counters.submitters}</dd>
      </div>
      <div>
        <dt>{t('counters.suggestions')}</dt>
        <dd data-testid="counter-suggestions">{counters.suggestions}</dd>
      </div>
      {window === 'open' && counters.daysLeft !== null && (
        <div>
          <dt>{t('counters.daysLeft')}</dt>
          <dd data-testid="counter-days-left">{counters.daysLeft}</dd>
        </div>
      )}
    </dl>
  );
}
