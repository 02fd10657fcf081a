import { Form } from 'react-router';
import { publicationConsents, type PublicationConsent } from '../../domain/feedback/vocabulary.ts';
import { useTranslation } from '../../i18n/use-translation.ts';

export type PrivacyOutcome =
  'consent_changed' | 'consent_unchanged' | 'deletion_mailed' | 'deleted' | 'nothing_to_delete' | 'confirm_needed';

/**
 * On /track, after the proof: the submitter changes how their suggestion may
 * be published, or asks to delete their contact details. Plain POST forms
 * carrying the code and contact in hidden fields, checked again on post.
 */
export function SubmitterPrivacy({
  consent,
  hasContact,
  outcome,
  hidden,
}: {
  consent: PublicationConsent;
  hasContact: boolean;
  outcome?: PrivacyOutcome | null;
  hidden: Record<string, string>;
}) {
  const { t } = useTranslation();
  const fields = Object.entries(hidden).map(([name, value]) => (
    <input key={name} type="hidden" name={name} value={value} />
  ));
  return (
    <section className="privacy" aria-labelledby="privacy-heading">
      <h3 id="privacy-heading">{t('track.privacy.title')}</h3>
      {outcome && (
        <p
          className={outcome === 'confirm_needed' ? 'notice notice--error' : 'notice'}
          role={outcome === 'confirm_needed' ? 'alert' : 'status'}
        >
          {t(`track.privacy.outcome.${outcome}`)}
        </p>
      )}
      <Form method="post" className="privacy-form">
        {fields}
        <input type="hidden" name="intent" value="consent" />
        <fieldset className="field">
          <legend className="field__label">{t('consent.legend')}</legend>
          <div className="choices">
            {publicationConsents.map((value) => (
              <label key={value} className="choice">
                <input type="radio" name="consent" value={value} defaultChecked={value === consent} required />
                {t(`consent.${value}`)}（{t(`consent.${value}.detail`)}）
              </label>
            ))}
          </div>
        </fieldset>
        <button type="submit" className="button button--secondary">
          {t('track.privacy.saveConsent')}
        </button>
      </Form>
      {hasContact ? (
        <Form method="post" className="privacy-form">
          {fields}
          <input type="hidden" name="intent" value="delete-contact" />
          <h4>{t('track.privacy.deleteTitle')}</h4>
          <p>{t('track.privacy.deleteExplain')}</p>
          <label className="choice">
            <input type="checkbox" name="confirm" value="yes" required />
            {t('track.privacy.deleteConfirm')}
          </label>
          <button type="submit" className="button button--secondary">
            {t('track.privacy.deleteSubmit')}
          </button>
        </Form>
      ) : (
        <p>{t('track.privacy.noContact')}</p>
      )}
    </section>
  );
}
