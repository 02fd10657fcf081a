import { Form } from 'react-router';
import { bulkStatuses, decisions } from '../../domain/moderation/statuses.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import type { QueueOptions } from './types.ts';

export const BULK_FORM_ID = 'bulk-form';
export const BULK_TAGS_ID = 'bulk-tags';

/**
 * The selection's checkboxes sit in the table and join this form through
 * their `form` attribute, so bulk actions work without JavaScript. Each
 * button submits its own intent with the field next to it.
 */
export function BulkBar({ options }: { options: QueueOptions }) {
  const { t } = useTranslation();
  return (
    <Form method="post" id={BULK_FORM_ID} className="admin-panel bulk-bar" aria-labelledby="bulk-heading">
      <h2 id="bulk-heading">{t('mod.bulk.title')}</h2>
      <div className="admin-form admin-form--inline">
        <p className="muted" id="bulk-confirm-hint">
          {t('mod.bulk.confirmHint')}
        </p>
        <button
          type="submit"
          name="intent"
          value="confirmCategories"
          className="button"
          aria-describedby="bulk-confirm-hint"
        >
          {t('mod.bulk.confirmCategories')}
        </button>
      </div>
      <fieldset className="admin-form admin-form--inline">
        <legend>{t('mod.bulk.decideTitle')}</legend>
        <label htmlFor="bulk-decision">{t('mod.decide.decision')}</label>
        <select id="bulk-decision" name="decision">
          {decisions.map((d) => (
            <option key={d} value={d}>
              {t(`status.${d}`)}
            </option>
          ))}
        </select>
        <label htmlFor="bulk-reason">{t('mod.bulk.reason')}</label>
        <textarea id="bulk-reason" name="reason" maxLength={2000} rows={2} />
        <button type="submit" name="intent" value="decide" className="button button--secondary">
          {t('mod.bulk.decide')}
        </button>
      </fieldset>
      <div className="admin-form admin-form--inline">
        <label htmlFor={BULK_TAGS_ID}>{t('mod.bulk.addTags')}</label>
        <input id={BULK_TAGS_ID} name="tags" maxLength={400} list="bulk-tag-names" autoComplete="off" />
        <datalist id="bulk-tag-names">
          {[...new Set(options.tags.map((tag) => tag.name))].map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        <button type="submit" name="intent" value="addTags" className="button button--secondary">
          {t('mod.bulk.apply')}
          <span className="visually-hidden">：{t('mod.bulk.addTags')}</span>
        </button>
      </div>
      <BulkSelect
        intent="removeTag"
        name="removeTag"
        label={t('mod.bulk.removeTag')}
        choices={options.tags.map((tag) => [String(tag.id), tag.name])}
      />
      <BulkSelect
        intent="status"
        name="status"
        label={t('mod.bulk.setStatus')}
        choices={bulkStatuses.map((s) => [s, t(`status.${s}`)])}
      />
      <BulkSelect
        intent="assign"
        name="assignee"
        label={t('mod.bulk.assign')}
        choices={[
          ['none', t('mod.queue.unassigned')],
          ...options.staff.map((s): [string, string] => [String(s.id), s.name]),
        ]}
      />
      <BulkSelect
        intent="category"
        name="category"
        label={t('mod.bulk.category')}
        choices={[
          ['none', t('mod.bulk.noCategory')],
          ...options.categories.map((c): [string, string] => [String(c.id), c.name]),
        ]}
      />
    </Form>
  );
}

function BulkSelect({
  intent,
  name,
  label,
  choices,
}: {
  intent: string;
  name: string;
  label: string;
  choices: [string, string][];
}) {
  const { t } = useTranslation();
  const id = `bulk-${name}`;
  return (
    <div className="admin-form admin-form--inline">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name}>
        {choices.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
      <button type="submit" name="intent" value={intent} className="button button--secondary">
        {t('mod.bulk.apply')}
        <span className="visually-hidden">：{label}</span>
      </button>
    </div>
  );
}
