import { publicationConsents } from '../domain/feedback/vocabulary.ts';
import { useTranslation } from '../i18n/use-translation.ts';

/**
 * 署名公开 / 匿名公开 / 不公开 on the suggestion form. A separate choice from
 * the privacy consent (个人信息保护法 Art. 25), with 不公开 preselected.
 */
export function PublicationChoice({
  name,
  initialValue,
  errors,
  errorId,
  errorText,
}: {
  name: string;
  initialValue: string | undefined;
  errors: string[] | undefined;
  errorId: string;
  errorText: (error: string) => string;
}) {
  const { t } = useTranslation();
  const chosen = publicationConsents.includes(initialValue as never) ? initialValue : 'none';
  return (
    <fieldset className={errors ? 'field field--invalid' : 'field'} aria-describedby={`publication-hint ${errorId}`}>
      <legend className="field__label">{t('consent.legend')}</legend>
      <p id="publication-hint" className="field__hint">
        {t('consent.hint')}
      </p>
      <div className="choices choices--stacked">
        {publicationConsents.map((consent) => (
          <label key={consent} className="choice">
            <input type="radio" name={name} value={consent} defaultChecked={chosen === consent} />
            <span>
              {t(`consent.${consent}`)}
              <span className="choice__detail">{t(`consent.${consent}.detail`)}</span>
            </span>
          </label>
        ))}
      </div>
      <div id={errorId} className="field__errors" aria-live="polite">
        {errors?.map((error) => (
          <p key={error} className="field__error">
            {errorText(error)}
          </p>
        ))}
      </div>
    </fieldset>
  );
}
