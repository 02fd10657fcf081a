import type { ReactNode } from 'react';
import { useTranslation } from '../i18n/use-translation.ts';
import type { MessageKey } from '../i18n/index.ts';

/** Translates an error that may carry parameters (`key|{"name":"a.pdf"}`). */
export function useErrorText() {
  const { t } = useTranslation();
  return (error: string, extra: Record<string, string | number> = {}) => {
    const [key, json] = error.split('|', 2);
    const params = json ? (JSON.parse(json) as Record<string, string>) : {};
    return t(key as MessageKey, { ...extra, ...params });
  };
}

type FieldProps = {
  id: string;
  label: string;
  required?: boolean;
  hint?: string;
  hintId?: string;
  errors?: string[];
  errorId: string;
  errorParams?: Record<string, string | number>;
  children: ReactNode;
};

/** Label, control, hint and errors, wired with ids for screen readers. */
export function Field({ id, label, required, hint, hintId, errors, errorId, errorParams, children }: FieldProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (
    <div className={errors?.length ? 'field field--invalid' : 'field'}>
      <label htmlFor={id} className="field__label">
        {label}
        {required && (
          <span className="field__required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
        {required && <span className="visually-hidden">{t('suggest.required')}</span>}
      </label>
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {children}
      <div id={errorId} className="field__errors" aria-live="polite">
        {errors?.map((error) => (
          <p key={error} className="field__error">
            {errorText(error, errorParams)}
          </p>
        ))}
      </div>
    </div>
  );
}
