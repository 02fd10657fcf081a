import { Form } from 'react-router';
import { useTranslation } from '../../i18n/use-translation.ts';
import { CurrentPasswordField } from './current-password-field.tsx';
import { describedBy, FieldError, type Errors } from './field-error.tsx';

type Props = {
  data: {
    twoFactorEnabled: boolean;
    twoFactorRequired: boolean;
    enrolment: { secret: string; uri: string; qrDataUrl: string } | null;
    recoveryCodesLeft: number;
  };
  errors: Errors;
  recoveryCodes: string[] | null;
};

export function TwoFactorPanel({ data, errors, recoveryCodes }: Props) {
  const { t } = useTranslation();
  return (
    <section className="admin-panel" id="two-factor" aria-labelledby="two-factor-heading">
      <h2 id="two-factor-heading">{t('admin.twoFactor.panelTitle')}</h2>
      <p>{t(data.twoFactorRequired ? 'admin.twoFactor.required' : 'admin.twoFactor.optional')}</p>
      {recoveryCodes && (
        <div className="notice" role="status">
          <p>{t('admin.twoFactor.recoveryIntro')}</p>
          <ul className="recovery-codes" aria-label={t('admin.twoFactor.recoveryCodes')}>
            {recoveryCodes.map((code) => (
              <li key={code}>
                <code>{code}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      {data.twoFactorEnabled ? (
        <>
          <p className="status-ok">{t('admin.twoFactor.enabled', { count: data.recoveryCodesLeft })}</p>
          {!data.twoFactorRequired && (
            <Form method="post" className="admin-form">
              <input type="hidden" name="intent" value="disable-2fa" />
              <CurrentPasswordField errors={errors} errorName="disablePassword" errorId="disable-error" />
              <button type="submit" className="button button--secondary">
                {t('admin.twoFactor.disable')}
              </button>
            </Form>
          )}
        </>
      ) : data.enrolment ? (
        <>
          <p>{t('admin.twoFactor.scan')}</p>
          <img
            src={data.enrolment.qrDataUrl}
            alt={t('admin.twoFactor.qrAlt')}
            width={200}
            height={200}
            className="qr-code"
          />
          <p>
            {t('admin.twoFactor.manualKey')} <code data-testid="totp-secret">{data.enrolment.secret}</code>
          </p>
          <Form method="post" className="admin-form">
            <input type="hidden" name="intent" value="confirm-2fa" />
            <label>
              {t('admin.twoFactor.code')}
              <input
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                required
                pattern="[0-9 ]{6,7}"
                {...describedBy(errors, 'code', 'code-error')}
              />
              <FieldError id="code-error" errors={errors} name="code" />
            </label>
            <button type="submit" className="button">
              {t('admin.twoFactor.confirm')}
            </button>
          </Form>
        </>
      ) : (
        <Form method="post">
          <input type="hidden" name="intent" value="start-2fa" />
          <CurrentPasswordField errors={errors} errorName="enrolPassword" errorId="enrol-error" />
          <button type="submit" className="button">
            {t('admin.twoFactor.start')}
          </button>
        </Form>
      )}
    </section>
  );
}
