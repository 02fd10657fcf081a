import { Form } from 'react-router';
import { describedBy, FieldError, type Errors } from '../admin/field-error.tsx';
import { manualChannels } from '../../domain/moderation/statuses.ts';
import { useTranslation } from '../../i18n/use-translation.ts';

type Data = {
  plan: { id: number; title: string } | null;
  categories: { id: number; name: string }[];
  sections: { id: number; number: string; heading: string }[];
  submitterTypes: string[];
  formKey: string;
  today: string;
  prefill: Record<string, string>;
};

/** The manual-entry form for one chosen plan. */
export function ManualIntakeFields({ data, errors }: { data: Data; errors: Errors }) {
  const { t } = useTranslation();
  const { prefill } = data;
  const field = (name: string, label: string, input: React.ReactNode) => (
    <label>
      {label}
      {input}
      <FieldError id={`${name}-error`} errors={errors} name={name} />
    </label>
  );
  const text = (name: string, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) =>
    field(
      name,
      label,
      <input
        name={name}
        defaultValue={prefill[name] ?? ''}
        autoComplete="off"
        {...describedBy(errors, name, `${name}-error`)}
        {...props}
      />,
    );
  return (
    <Form method="post" className="admin-form">
      <input type="hidden" name="formKey" value={data.formKey} />
      <input type="hidden" name="planId" value={data.plan!.id} />
      {field(
        'channel',
        t('mod.intake.channel'),
        <select name="channel" defaultValue={prefill.channel || 'letter'}>
          {manualChannels.map((c) => (
            <option key={c} value={c}>
              {t(`mod.channel.${c}`)}
            </option>
          ))}
        </select>,
      )}
      {text('receivedOn', t('mod.intake.receivedOn'), {
        type: 'date',
        required: true,
        defaultValue: prefill.receivedOn || data.today,
      })}
      <fieldset>
        <legend>{t('mod.detail.meeting')}</legend>
        <p className="muted">{t('mod.intake.meetingHint')}</p>
        {text('meetingName', t('mod.intake.meetingName'), { maxLength: 200 })}
        {text('meetingDate', t('mod.intake.meetingDate'), { type: 'date' })}
      </fieldset>
      {field(
        'submitterType',
        t('mod.intake.submitterType'),
        <select name="submitterType" defaultValue={prefill.submitterType || data.submitterTypes[0]}>
          {data.submitterTypes.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>,
      )}
      <fieldset>
        <legend>{t('mod.intake.contact')}</legend>
        {text('name', t('mod.detail.name'), { maxLength: 100 })}
        {text('unit', t('mod.detail.unit'), { maxLength: 200 })}
        {text('phone', t('mod.detail.phone'), { maxLength: 40, type: 'tel' })}
        {text('email', t('mod.detail.emailAddress'), { maxLength: 254, type: 'email' })}
      </fieldset>
      {field(
        'categoryId',
        t('mod.detail.category'),
        <select name="categoryId" defaultValue="">
          <option value="">{t('mod.detail.none')}</option>
          {data.categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>,
      )}
      {field(
        'sectionId',
        t('mod.detail.section'),
        <select name="sectionId" defaultValue="">
          <option value="">{t('mod.detail.none')}</option>
          {data.sections.map((s) => (
            <option key={s.id} value={s.id}>
              {s.number} {s.heading}
            </option>
          ))}
        </select>,
      )}
      {text('title', t('mod.intake.title_field'), { required: true, maxLength: 200 })}
      {field(
        'body',
        t('mod.intake.body'),
        <textarea name="body" required rows={8} maxLength={20000} {...describedBy(errors, 'body', 'body-error')} />,
      )}
      <div className="button-row">
        <button type="submit" name="intent" value="save" className="button">
          {t('mod.intake.save')}
        </button>
        <button type="submit" name="intent" value="saveAndNext" className="button button--secondary">
          {t('mod.intake.saveAndNext')}
        </button>
      </div>
    </Form>
  );
}
