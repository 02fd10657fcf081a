import { Form } from 'react-router';
import { publicationConsents, type PublicationConsent, type Satisfaction } from '../../domain/feedback/vocabulary.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { formatChinaDateTime } from '../../utils/china-time.ts';

type Publication = {
  consent: PublicationConsent;
  changes: {
    id: number;
    fromConsent: PublicationConsent;
    toConsent: PublicationConsent;
    note: string;
    actor: string;
    createdAt: Date;
  }[];
  rating: { rating: Satisfaction; comment: string | null; via: string; createdAt: Date } | null;
};

/**
 * Publication consent and the submitter's rating on the staff page. The
 * consent is the submitter's: a moderator changes it only with a note of how
 * the submitter gave it (the change and the note are recorded).
 */
export function PublicationPanel({ publication, canChange }: { publication: Publication; canChange: boolean }) {
  const { t } = useTranslation();
  const { consent, changes, rating } = publication;
  return (
    <section className="admin-panel" aria-labelledby="publication-heading">
      <h2 id="publication-heading">{t('consent.staff.title')}</h2>
      <p>
        {t('consent.staff.current')}：<strong>{t(`consent.${consent}`)}</strong>
      </p>
      {canChange && (
        <Form method="post" className="admin-form">
          <input type="hidden" name="intent" value="consent" />
          <label>
            {t('consent.staff.newChoice')}
            <select name="consent" defaultValue={consent}>
              {publicationConsents.map((c) => (
                <option key={c} value={c}>
                  {t(`consent.${c}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('consent.staff.note')}
            <span className="field-hint">{t('consent.staff.noteHint')}</span>
            <textarea name="note" required minLength={4} maxLength={500} rows={3} />
          </label>
          <button type="submit" className="button button--secondary">
            {t('consent.staff.change')}
          </button>
        </Form>
      )}
      {changes.length > 0 && (
        <>
          <h3>{t('consent.staff.changes')}</h3>
          <ul className="admin-list">
            {changes.map((c) => (
              <li key={c.id}>
                {formatChinaDateTime(c.createdAt)} · {c.actor}：{t(`consent.${c.fromConsent}`)} →{' '}
                {t(`consent.${c.toConsent}`)}（{c.note}）
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('rating.staff.title')}</h3>
      {rating ? (
        <p>
          <strong>{t(`rating.${rating.rating}`)}</strong> · {formatChinaDateTime(rating.createdAt)} ·{' '}
          {t(rating.via === 'email_link' ? 'rating.staff.viaEmail' : 'rating.staff.viaTrack')}
          {rating.comment && <span className="reply">：{rating.comment}</span>}
        </p>
      ) : (
        <p>{t('rating.staff.none')}</p>
      )}
    </section>
  );
}
