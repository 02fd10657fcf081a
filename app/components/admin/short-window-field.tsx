import { isShortWindow, MIN_COMMENT_DAYS } from '../../domain/plans/consultation-window.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { fromChinaLocalInput } from '../../utils/china-time.ts';
import { describedBy, FieldError, type Errors } from './field-error.tsx';

/**
 * The reason for a comment period under 30 days (《重大行政决策程序暂行条例》
 * Art. 15). Always offered, so the form works without JavaScript; the warning
 * shows when the saved window is short or a save was refused for want of it.
 */
export function ShortWindowField({
  opensAt,
  closesAt,
  reason,
  errors,
}: {
  opensAt: string;
  closesAt: string;
  reason: string;
  errors: Errors;
}) {
  const { t } = useTranslation();
  const short = isShortWindow({ opensAt: fromChinaLocalInput(opensAt), closesAt: fromChinaLocalInput(closesAt) });
  const warn = short || Boolean(errors.shortWindowReason?.length);
  return (
    <>
      {warn && (
        <p className="notice notice--error" id="short-window-warning">
          {t('window.shortWarning', { days: MIN_COMMENT_DAYS })}
        </p>
      )}
      <label>
        {t('window.reasonLabel')}
        <span className="field-hint">{t('window.reasonHint', { days: MIN_COMMENT_DAYS })}</span>
        <textarea
          name="shortWindowReason"
          rows={3}
          maxLength={1000}
          defaultValue={reason}
          required={short}
          {...describedBy(errors, 'shortWindowReason', 'shortWindowReason-error')}
        />
        <FieldError id="shortWindowReason-error" errors={errors} name="shortWindowReason" />
      </label>
    </>
  );
}
