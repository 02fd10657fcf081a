import { Form } from 'react-router';
import {
  MAX_RATING_COMMENT,
  satisfactionLevels,
  type RatingOutcome,
  type Satisfaction,
} from '../../domain/feedback/vocabulary.ts';
import { useTranslation } from '../../i18n/use-translation.ts';

/**
 * 满意 / 基本满意 / 不满意 with an optional comment, once, after a decision.
 * Used on /track (with the code and contact carried in hidden fields, checked
 * again on post) and on the decision email's /rate/<token> page.
 */
export function RateHandling({
  rating,
  outcome,
  hidden,
  action,
}: {
  rating: Satisfaction | null;
  outcome?: RatingOutcome | null;
  hidden: Record<string, string>;
  action?: string;
}) {
  const { t } = useTranslation();
  return (
    <section className="rate" aria-labelledby="rate-heading">
      <h3 id="rate-heading">{t('rating.title')}</h3>
      {outcome && outcome !== 'rated' && (
        <p className="notice notice--error" role="alert">
          {t(`rating.outcome.${outcome}`)}
        </p>
      )}
      {rating ? (
        <p className="notice" role="status" data-testid="rating-given">
          {outcome === 'rated' ? t('rating.thanks') : t('rating.already')}{' '}
          {t('rating.yours', { rating: t(`rating.${rating}`) })}
        </p>
      ) : (
        <Form method="post" action={action} className="rate-form">
          {Object.entries(hidden).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <fieldset className="field">
            <legend className="field__label">{t('rating.question')}</legend>
            <div className="choices">
              {satisfactionLevels.map((level) => (
                <label key={level} className="choice">
                  <input type="radio" name="rating" value={level} required />
                  {t(`rating.${level}`)}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="field">
            <label htmlFor="rating-comment" className="field__label">
              {t('rating.comment')}
            </label>
            <p id="rating-comment-hint" className="field__hint">
              {t('rating.commentHint', { max: MAX_RATING_COMMENT })}
            </p>
            <textarea
              id="rating-comment"
              name="comment"
              rows={3}
              maxLength={MAX_RATING_COMMENT}
              aria-describedby="rating-comment-hint"
            />
          </div>
          <button type="submit" className="button">
            {t('rating.submit')}
          </button>
        </Form>
      )}
    </section>
  );
}
