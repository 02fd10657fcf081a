import { useTranslation } from '../../i18n/use-translation.ts';
import { describedBy, FieldError, type Errors } from './field-error.tsx';

/**
 * The current password, asked again before a change to the account's security
 * (a new password, 2FA on or off). The posted field is always
 * `currentPassword`, but the account page holds several of these forms, so
 * each reports a wrong password under its own `errorName` and shows it under
 * its own `errorId`.
 */
export function CurrentPasswordField({
  errors,
  errorName,
  errorId,
}: {
  errors: Errors;
  errorName: string;
  errorId: string;
}) {
  const { t } = useTranslation();
  return (
    <label>
      {t('admin.field.currentPassword')}
      <input
        type="password"
        name="currentPassword"
        autoComplete="current-password"
        required
        {...describedBy(errors, errorName, errorId)}
      />
      <FieldError id={errorId} errors={errors} name={errorName} />
    </label>
  );
}
