import { Form } from 'react-router';
import { useTranslation } from '../../i18n/use-translation.ts';
import { CurrentPasswordField } from './current-password-field.tsx';
import { describedBy, FieldError, type Errors } from './field-error.tsx';

export function PasswordPanel({ errors }: { errors: Errors }) {
  const { t } = useTranslation();
  return (
    <section className="admin-panel" aria-labelledby="password-heading">
      <h2 id="password-heading">{t('admin.account.passwordTitle')}</h2>
      <Form method="post" className="admin-form">
        <input type="hidden" name="intent" value="change-password" />
        <CurrentPasswordField errors={errors} errorName="currentPassword" errorId="current-error" />
        <label>
          {t('admin.field.newPassword')}
          <input
            type="password"
            name="newPassword"
            autoComplete="new-password"
            required
            minLength={12}
            {...describedBy(errors, 'newPassword', 'new-error')}
          />
          <span className="field-hint">{t('admin.account.passwordHint')}</span>
          <FieldError id="new-error" errors={errors} name="newPassword" />
        </label>
        <label>
          {t('admin.field.confirmPassword')}
          <input
            type="password"
            name="confirmPassword"
            autoComplete="new-password"
            required
            {...describedBy(errors, 'confirmPassword', 'confirm-error')}
          />
          <FieldError id="confirm-error" errors={errors} name="confirmPassword" />
        </label>
        <button type="submit" className="button">
          {t('admin.account.changePassword')}
        </button>
      </Form>
    </section>
  );
}

export function SessionsPanel() {
  const { t } = useTranslation();
  return (
    <section className="admin-panel" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">{t('admin.account.sessionsTitle')}</h2>
      <p>{t('admin.account.sessionsIntro')}</p>
      <Form method="post">
        <input type="hidden" name="intent" value="logout-everywhere" />
        <button type="submit" className="button button--secondary">
          {t('admin.account.logoutEverywhere')}
        </button>
      </Form>
    </section>
  );
}
