import type { Route } from './+types/exports';
import { requireUserWithPermission } from '../../web/require-user.server.ts';
import { suggestionChannels, suggestionStatuses } from '../../domain/exports/vocabulary.ts';
import { exportFormOptions } from '../../domain/exports/form-options.server.ts';
import { DownloadProgress, useStreamedDownload } from '../../components/admin/streamed-download.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';

export function meta() {
  return [{ title: '导出意见建议 · 建言' }, { name: 'robots', content: 'noindex' }];
}

export async function loader({ request, context }: Route.LoaderArgs) {
  await requireUserWithPermission(request, context, 'export:suggestion:any');
  const planId = Number(new URL(request.url).searchParams.get('planId')) || undefined;
  return exportFormOptions(context.db, planId);
}

// Plain <form>s, not React Router's <Form>: without JavaScript the browser
// itself receives the POST's response and saves it; with JavaScript the same
// POST is read through fetch to show progress (useStreamedDownload).
export default function ExportsPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const download = useStreamedDownload();
  const { plans, plan, categories, sections, tags } = loaderData;
  if (!plan) return <p>{t('exports.noPlans')}</p>;
  return (
    <section className="panel exports">
      <h1>{t('exports.title')}</h1>
      <p>{t('exports.intro')}</p>
      <form method="get" className="exports__plan">
        <div className="field">
          <label htmlFor="export-plan" className="field__label">
            {t('exports.plan')}
          </label>
          <select id="export-plan" name="planId" defaultValue={plan.id}>
            {plans.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {t('exports.choosePlan')}
        </button>
      </form>
      <p>
        <a href={`/admin/plans/${plan.slug}/dashboard`}>{t('exports.dashboardLink')}</a>
      </p>

      <form method="post" action="/admin/exports/download" className="exports__form" onSubmit={download.onSubmit}>
        <input type="hidden" name="planId" value={plan.id} />
        <fieldset className="fieldset">
          <legend>{t('exports.filters')}</legend>
          <fieldset className="field">
            <legend className="field__label">{t('exports.status')}</legend>
            <div className="choices">
              {suggestionStatuses.map((status) => (
                <label key={status} className="choice">
                  <input type="checkbox" name="status" value={status} /> {t(`status.${status}`)}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="grid-2">
            <Select
              id="export-category"
              name="categoryId"
              label={t('exports.category')}
              any={t('exports.any')}
              options={categories.map((c) => [c.id, c.name])}
            />
            <Select
              id="export-section"
              name="sectionId"
              label={t('exports.section')}
              any={t('exports.any')}
              options={sections.map((s) => [s.id, s.label])}
            />
            <Select
              id="export-channel"
              name="channel"
              label={t('exports.channel')}
              any={t('exports.any')}
              options={suggestionChannels.map((c) => [c, t(`exports.channel.${c}`)])}
            />
            <Select
              id="export-submitter"
              name="submitterType"
              label={t('exports.submitterType')}
              any={t('exports.any')}
              options={plan.submitterTypes.map((s) => [s, s])}
            />
            <Select
              id="export-tag"
              name="tagId"
              label={t('exports.tag')}
              any={t('exports.any')}
              options={tags.map((tag) => [tag.id, tag.name])}
            />
            <div />
            <div className="field">
              <label htmlFor="export-from" className="field__label">
                {t('exports.from')}
              </label>
              <input id="export-from" name="from" type="date" />
            </div>
            <div className="field">
              <label htmlFor="export-to" className="field__label">
                {t('exports.to')}
              </label>
              <input id="export-to" name="to" type="date" />
            </div>
          </div>
        </fieldset>

        <fieldset className="fieldset">
          <legend>{t('exports.options')}</legend>
          <fieldset className="field">
            <legend className="field__label">{t('exports.format')}</legend>
            <div className="choices">
              {(['xlsx', 'csv', 'docx', 'json'] as const).map((format) => (
                <label key={format} className="choice">
                  <input type="radio" name="format" value={format} defaultChecked={format === 'xlsx'} />{' '}
                  {t(`exports.format.${format}`)}
                </label>
              ))}
            </div>
          </fieldset>
          <Select
            id="export-encoding"
            name="encoding"
            label={t('exports.encoding')}
            options={[
              ['utf8', t('exports.encoding.utf8')],
              ['gb18030', t('exports.encoding.gb18030')],
            ]}
          />
          <label className="choice">
            <input type="checkbox" name="sheetPerCategory" /> {t('exports.sheetPerCategory')}
          </label>
          <div className="field">
            <label className="choice">
              <input type="checkbox" name="includeContacts" aria-describedby="export-contacts-hint" />{' '}
              {t('exports.includeContacts')}
            </label>
            <p id="export-contacts-hint" className="field__hint">
              {t('exports.includeContactsHint')}
            </p>
          </div>
        </fieldset>

        <p className="actions">
          <button type="submit" name="intent" value="adopted" className="button">
            {t('exports.adoptedPreset')}
          </button>
          <button type="submit" name="intent" value="filter" className="button button--secondary">
            {t('exports.submit')}
          </button>
        </p>
        <DownloadProgress state={download.state} />
      </form>
    </section>
  );
}

type SelectProps = { id: string; name: string; label: string; any?: string; options: [string | number, string][] };

function Select({ id, name, label, any, options }: SelectProps) {
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <select id={id} name={name} defaultValue={any !== undefined ? '' : options[0]?.[0]}>
        {any !== undefined && <option value="">{any}</option>}
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
