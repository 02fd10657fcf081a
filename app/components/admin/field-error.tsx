import type { MessageKey } from '../../i18n/index.ts';
import { useTranslation } from '../../i18n/use-translation.ts';

export type Errors = Record<string, string[] | undefined>;

// zod issue codes and domain errors shown in words; anything else is "invalid".
const known: Record<string, MessageKey> = {
  too_small: 'admin.error.tooShort',
  too_big: 'admin.error.tooLong',
  mismatch: 'admin.error.mismatch',
  wrong_password: 'admin.error.wrongPassword',
  too_many_tries: 'admin.error.tooManyPasswordTries',
  wrong_code: 'admin.error.wrongCode',
  required: 'admin.error.twoFactorRequired',
  taken: 'admin.error.taken',
  self: 'admin.error.self',
  not_draft: 'admin.error.notDraft',
  not_allowed: 'admin.error.notAllowed',
  not_docx: 'admin.error.notDocx',
  zip_bomb: 'admin.error.zipBomb',
  unsupported_zip: 'admin.error.unsupportedZip',
  window_order: 'admin.error.windowOrder',
  length_order: 'admin.error.lengthOrder',
  short_window_reason: 'window.reasonRequired',
  retention_range: 'admin.error.retentionRange',
  invalid_format: 'admin.error.slugFormat',
  choose_tag: 'admin.error.chooseTag',
  choose_theme: 'themes.error.chooseTheme',
  theme_gone: 'themes.error.gone',
};

/** The message for a field, linked to its input by id (aria-describedby). */
export function FieldError({ id, errors, name }: { id: string; errors: Errors; name: string }) {
  const { t } = useTranslation();
  const codes = errors[name];
  if (!codes?.length) return null;
  return (
    <span id={id} className="field-error">
      {codes.map((code) => t(known[code] ?? 'admin.error.invalid')).join(' ')}
    </span>
  );
}

export function describedBy(
  errors: Errors,
  name: string,
  id: string,
): { 'aria-describedby'?: string; 'aria-invalid'?: true } {
  return errors[name]?.length ? { 'aria-describedby': id, 'aria-invalid': true } : {};
}
