import { Form } from 'react-router';
import { useTranslation } from '../../i18n/use-translation.ts';
import { describedBy, FieldError, type Errors } from './field-error.tsx';
import { ShortWindowField } from './short-window-field.tsx';

export type PlanFormValues = {
  slug: string;
  title: string;
  summary: string;
  organizer: string;
  opensAt: string;
  closesAt: string;
  emailMarker: string;
  bodyMinLength: number;
  bodyMaxLength: number;
  submitterTypes: string;
  allowAnonymous: boolean;
  shortWindowReason: string;
  contactRetentionDays: number;
};

function Field({
  name,
  label,
  errors,
  children,
}: {
  name: string;
  label: string;
  errors: Errors;
  children: (a11y: object) => React.ReactNode;
}) {
  return (
    <label>
      {label}
      {children(describedBy(errors, name, `${name}-error`))}
      <FieldError id={`${name}-error`} errors={errors} name={name} />
    </label>
  );
}

/** The plan's own fields; the window is entered in Beijing time. */
export function PlanForm({
  values,
  errors,
  submitLabel,
}: {
  values: PlanFormValues;
  errors: Errors;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  return (
    <Form method="post" className="admin-form">
      <input type="hidden" name="intent" value="save" />
      <Field name="title" label={t('admin.plan.title')} errors={errors}>
        {(a11y) => <input name="title" required maxLength={200} defaultValue={values.title} {...a11y} />}
      </Field>
      <Field name="slug" label={t('admin.plan.slug')} errors={errors}>
        {(a11y) => (
          <input name="slug" required pattern="[a-z0-9][a-z0-9\-]{0,79}" defaultValue={values.slug} {...a11y} />
        )}
      </Field>
      <Field name="organizer" label={t('admin.plan.organizer')} errors={errors}>
        {(a11y) => <input name="organizer" maxLength={200} defaultValue={values.organizer} {...a11y} />}
      </Field>
      <Field name="summary" label={t('admin.plan.summary')} errors={errors}>
        {(a11y) => <textarea name="summary" rows={5} maxLength={4000} defaultValue={values.summary} {...a11y} />}
      </Field>
      <Field name="opensAt" label={t('admin.plan.opensAt')} errors={errors}>
        {(a11y) => <input type="datetime-local" name="opensAt" defaultValue={values.opensAt} {...a11y} />}
      </Field>
      <Field name="closesAt" label={t('admin.plan.closesAt')} errors={errors}>
        {(a11y) => <input type="datetime-local" name="closesAt" defaultValue={values.closesAt} {...a11y} />}
      </Field>
      <ShortWindowField
        opensAt={values.opensAt}
        closesAt={values.closesAt}
        reason={values.shortWindowReason}
        errors={errors}
      />
      <Field name="emailMarker" label={t('admin.plan.emailMarker')} errors={errors}>
        {(a11y) => <input name="emailMarker" maxLength={100} defaultValue={values.emailMarker} {...a11y} />}
      </Field>
      <Field name="bodyMinLength" label={t('admin.plan.bodyMinLength')} errors={errors}>
        {(a11y) => (
          <input type="number" name="bodyMinLength" min={1} required defaultValue={values.bodyMinLength} {...a11y} />
        )}
      </Field>
      <Field name="bodyMaxLength" label={t('admin.plan.bodyMaxLength')} errors={errors}>
        {(a11y) => (
          <input type="number" name="bodyMaxLength" min={1} required defaultValue={values.bodyMaxLength} {...a11y} />
        )}
      </Field>
      <Field name="submitterTypes" label={t('admin.plan.submitterTypes')} errors={errors}>
        {(a11y) => <textarea name="submitterTypes" rows={5} required defaultValue={values.submitterTypes} {...a11y} />}
      </Field>
      <label className="choice">
        <input type="checkbox" name="allowAnonymous" defaultChecked={values.allowAnonymous} />
        {t('admin.plan.allowAnonymous')}
      </label>
      <label>
        {t('admin.plan.contactRetentionDays')}
        <input
          type="number"
          name="contactRetentionDays"
          min={1}
          max={3650}
          required
          defaultValue={values.contactRetentionDays}
          aria-describedby={
            errors.contactRetentionDays?.length
              ? 'contactRetentionDays-hint contactRetentionDays-error'
              : 'contactRetentionDays-hint'
          }
          {...(errors.contactRetentionDays?.length ? { 'aria-invalid': true } : {})}
        />
        <span id="contactRetentionDays-hint" className="field__hint">
          {t('admin.plan.contactRetentionHint')}
        </span>
        <FieldError id="contactRetentionDays-error" errors={errors} name="contactRetentionDays" />
      </label>
      <button type="submit" className="button">
        {submitLabel}
      </button>
    </Form>
  );
}
