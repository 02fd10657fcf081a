import { useTranslation } from '../../i18n/use-translation.ts';

type Step = { key: 'received' | 'inReview' | 'decided'; date: Date | null; done: boolean };

/**
 * 已收到 → 办理中 → 已办结, each with its date once reached. A step not yet
 * reached is listed as upcoming, so the submitter sees what comes next.
 */
export function TrackTimeline({
  status,
  submittedAt,
  reviewStartedAt,
  decidedAt,
}: {
  status: string;
  submittedAt: Date;
  reviewStartedAt: Date | null;
  decidedAt: Date | null;
}) {
  const { t, formatDate } = useTranslation();
  const decided = ['adopted', 'partially_adopted', 'not_adopted'].includes(status);
  const inReview = decided || status === 'in_review';
  const steps: Step[] = [
    { key: 'received', date: submittedAt, done: true },
    { key: 'inReview', date: inReview ? reviewStartedAt : null, done: inReview },
    { key: 'decided', date: decided ? decidedAt : null, done: decided },
  ];
  return (
    <ol className="timeline timeline--steps" aria-label={t('track.timeline')}>
      {steps.map((step) => (
        <li
          key={step.key}
          className={step.done ? 'timeline__step timeline__step--done' : 'timeline__step'}
          data-step={step.key}
        >
          <span className="timeline__label">
            {step.key === 'decided' && decided
              ? `${t('track.step.decided')}（${t(`status.${status}` as 'status.adopted')}）`
              : t(`track.step.${step.key}`)}
          </span>
          <span className="timeline__date">
            {step.done ? (step.date ? formatDate(step.date) : t('track.step.dateUnknown')) : t('track.step.pending')}
          </span>
        </li>
      ))}
    </ol>
  );
}
