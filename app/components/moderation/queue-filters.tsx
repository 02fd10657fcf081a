import { Form, Link } from 'react-router';
import { channels, statuses } from '../../domain/moderation/statuses.ts';
import { pageSizes, sorts, type QueueQuery } from '../../domain/moderation/queue-filter.ts';
import type { QueueOptions } from './types.ts';
import { useTranslation } from '../../i18n/use-translation.ts';

/** A GET form: every filtered view is a URL, and works without JavaScript. */
export function QueueFilters({ query, options }: { query: QueueQuery; options: QueueOptions }) {
  const { t } = useTranslation();
  return (
    <Form method="get" className="admin-form admin-form--filters" aria-label={t('mod.queue.filters')}>
      <div className="filter filter--search">
        <label htmlFor="filter-q">{t('search.label')}</label>
        <input
          id="filter-q"
          type="search"
          name="q"
          defaultValue={query.q ?? ''}
          maxLength={200}
          placeholder={t('search.placeholder')}
          aria-describedby="filter-q-hint"
        />
        <small id="filter-q-hint" className="muted">
          {t('search.hint')}
        </small>
      </div>
      <Select
        name="plan"
        label={t('mod.queue.plan')}
        value={query.plan}
        choices={options.plans.map((p) => [p.id, p.title])}
      />
      {options.sections.length > 0 && (
        <Select
          name="section"
          label={t('mod.queue.section')}
          value={query.section}
          choices={options.sections.map((s) => [s.id, `${s.number} ${s.heading}`])}
        />
      )}
      <Select
        name="category"
        label={t('mod.queue.category')}
        value={query.category}
        choices={options.categories.map((c) => [c.id, c.name])}
      />
      <Select
        name="status"
        label={t('mod.queue.status')}
        value={query.status}
        choices={statuses.map((s) => [s, t(`status.${s}`)])}
      />
      <Select
        name="channel"
        label={t('mod.queue.channel')}
        value={query.channel}
        choices={channels.map((c) => [c, t(`mod.channel.${c}`)])}
      />
      <Select
        name="submitterType"
        label={t('mod.queue.submitterType')}
        value={query.submitterType}
        choices={options.submitterTypes.map((s) => [s, s])}
      />
      <Select
        name="tag"
        label={t('mod.queue.tag')}
        value={query.tag}
        choices={options.tags.map((g) => [g.id, g.name])}
      />
      <Select
        name="assignee"
        label={t('mod.queue.assignee')}
        value={query.assignee}
        choices={[['none', t('mod.queue.unassigned')], ...options.staff.map((s): [number, string] => [s.id, s.name])]}
      />
      <label>
        {t('mod.queue.from')}
        <input type="date" name="from" defaultValue={query.from ?? ''} />
      </label>
      <label>
        {t('mod.queue.to')}
        <input type="date" name="to" defaultValue={query.to ?? ''} />
      </label>
      <label className="checkbox">
        <input type="checkbox" name="attachments" value="1" defaultChecked={Boolean(query.attachments)} />{' '}
        {t('mod.queue.hasAttachments')}
      </label>
      <label className="checkbox">
        <input type="checkbox" name="held" value="1" defaultChecked={Boolean(query.held)} /> {t('mod.queue.held')}
      </label>
      <label>
        {t('mod.queue.sort')}
        <select name="sort" defaultValue={query.sort}>
          {sorts
            .filter((s) => s !== 'relevance' || query.q)
            .map((s) => (
              <option key={s} value={s}>
                {t(`mod.queue.sort.${s}`)}
              </option>
            ))}
        </select>
      </label>
      <label>
        {t('mod.queue.size')}
        <select name="size" defaultValue={String(query.size)}>
          {pageSizes.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button">
        {t('mod.queue.apply')}
      </button>
      <Link to="/admin/suggestions">{t('mod.queue.reset')}</Link>
    </Form>
  );
}

function Select({
  name,
  label,
  value,
  choices,
}: {
  name: string;
  label: string;
  value: string | number | undefined;
  choices: [string | number, string][];
}) {
  const { t } = useTranslation();
  // label-for rather than a wrapping label: the select's own text stays out of its name.
  return (
    <div className="filter">
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={value === undefined ? '' : String(value)}>
        <option value="">{t('mod.queue.any')}</option>
        {choices.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
