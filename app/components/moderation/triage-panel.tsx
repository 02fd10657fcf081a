import { Form } from 'react-router';
import type { SuggestionView } from '../../domain/moderation/suggestion-detail.server.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import type { QueueOptions } from './types.ts';

export const DETAIL_TAGS_ID = 'detail-tags';

/** Tags, assignee and category of one suggestion. */
export function TriagePanel({ s, options }: { s: SuggestionView; options: QueueOptions }) {
  const { t } = useTranslation();
  return (
    <section className="admin-panel" aria-labelledby="triage-heading">
      <h2 id="triage-heading">{t('mod.detail.tags')}</h2>
      <ul className="tag-list">
        {s.tags.map((tag) => (
          <li key={tag.id}>
            <Form method="post">
              <input type="hidden" name="tagId" value={tag.id} />
              {tag.name}{' '}
              <button
                type="submit"
                name="intent"
                value="removeTag"
                className="link-button"
                aria-label={t('mod.detail.removeTag', { name: tag.name })}
              >
                ×
              </button>
            </Form>
          </li>
        ))}
      </ul>
      <Form method="post" className="admin-form admin-form--inline">
        <label htmlFor={DETAIL_TAGS_ID}>{t('mod.bulk.addTags')}</label>
        <input id={DETAIL_TAGS_ID} name="tags" maxLength={400} list="detail-tag-names" autoComplete="off" />
        <datalist id="detail-tag-names">
          {options.tags.map((tag) => (
            <option key={tag.id} value={tag.name} />
          ))}
        </datalist>
        <button type="submit" name="intent" value="addTags" className="button button--secondary">
          {t('mod.detail.addTags')}
        </button>
      </Form>
      <Form method="post" className="admin-form admin-form--inline">
        <label htmlFor="detail-assignee">{t('mod.detail.assignee')}</label>
        <select id="detail-assignee" name="assignee" defaultValue={s.assigneeId ?? 'none'}>
          <option value="none">{t('mod.queue.unassigned')}</option>
          {options.staff.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
            </option>
          ))}
        </select>
        <button type="submit" name="intent" value="assign" className="button button--secondary">
          {t('mod.detail.assign')}
        </button>
      </Form>
      <Form method="post" className="admin-form admin-form--inline">
        <label htmlFor="detail-category">{t('mod.detail.category')}</label>
        <select id="detail-category" name="category" defaultValue={s.categoryId ?? 'none'}>
          <option value="none">{t('mod.bulk.noCategory')}</option>
          {options.categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        <button type="submit" name="intent" value="category" className="button button--secondary">
          {t('mod.detail.changeCategory')}
        </button>
      </Form>
    </section>
  );
}
