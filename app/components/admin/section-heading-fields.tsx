import { useTranslation } from '../../i18n/use-translation.ts';
import { describedBy, FieldError, type Errors } from './field-error.tsx';

/**
 * A section's level, number and heading: the fields of SectionFieldsSchema
 * other than the body, which both the add form and the edit form post. Their
 * limits mirror that schema, so they are written once.
 */
export function SectionHeadingFields({
  errors,
  values,
}: {
  errors: Errors;
  /** What the edit form starts from; the add form starts empty at level 1. */
  values?: { level: number; number: string; heading: string };
}) {
  const { t } = useTranslation();
  return (
    <>
      <label>
        {t('admin.section.level')}
        <select name="level" defaultValue={String(values?.level ?? 1)}>
          <option value="1">{t('admin.section.level1')}</option>
          <option value="2">{t('admin.section.level2')}</option>
          {[3, 4, 5, 6].map((n) => (
            <option key={n} value={n}>
              {t('admin.section.levelDeeper', { n })}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('admin.section.number')}
        <input name="number" maxLength={20} defaultValue={values?.number} />
      </label>
      <label>
        {t('admin.section.heading')}
        <input
          name="heading"
          required
          maxLength={200}
          defaultValue={values?.heading}
          {...describedBy(errors, 'heading', 'heading-error')}
        />
        <FieldError id="heading-error" errors={errors} name="heading" />
      </label>
    </>
  );
}
