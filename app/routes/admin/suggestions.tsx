import { data } from 'react-router';
import { domainErrorResponse } from '../../web/domain-errors.server.ts';
import type { Route } from './+types/suggestions';
import moderationStyles from '../../styles/moderation.css?url';
import { BulkBar } from '../../components/moderation/bulk-bar.tsx';
import { ExportCurrentFilter } from '../../components/moderation/export-current-filter.tsx';
import { QueueFilters } from '../../components/moderation/queue-filters.tsx';
import { QueueTable } from '../../components/moderation/queue-table.tsx';
import { StatusCounts } from '../../components/moderation/status-counts.tsx';
import { requireUserWithPermission } from '../../web/require-user.server.ts';
import { filteredSuggestions, statusCounts } from '../../domain/moderation/filtered-suggestions.server.ts';
import { ModerationError } from '../../domain/authorization/moderation-error.ts';
import { parseQueueQuery } from '../../domain/moderation/queue-filter.ts';
import { queueOptions } from '../../domain/moderation/queue-options.server.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { invalid, parseFormData } from '../../web/parse-form.server.ts';
import { BulkForm } from './suggestions.server.ts';
import { runBulkIntent } from './suggestions.server.ts';
import { readForm } from '../../web/read-form.server.ts';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: moderationStyles }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const viewer = await requireUserWithPermission(request, context, 'read:suggestion:any');
  const url = new URL(request.url);
  const query = parseQueueQuery(url.searchParams);
  // The queue and its search read the replica when there is one (decision 096):
  // a decision made a moment ago may show a few seconds late here.
  const [page, counts, options] = await Promise.all([
    filteredSuggestions(context.readDb, { viewer, query }),
    statusCounts(context.readDb, { viewer, query }),
    queueOptions(context.db, { planId: query.plan }),
  ]);
  const params = new URLSearchParams(url.searchParams);
  params.delete('after');
  const base = params.toString();
  if (page.next) params.set('after', page.next);
  return {
    query,
    rows: page.rows,
    counts,
    options,
    canModerate: viewer.permissions.has('moderate:suggestion:any'),
    canExport: viewer.permissions.has('export:suggestion:any'),
    // The queue's filters travel to the detail page, for its previous / next.
    queueSearch: base,
    nextHref: page.next ? `?${params.toString()}` : null,
    firstHref: query.after ? `?${base}` : null,
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const viewer = await requireUserWithPermission(request, context, 'moderate:suggestion:any');
  const form = parseFormData(await readForm(request), BulkForm);
  if (!form.ok) return invalid(form.errors);
  try {
    const count = await runBulkIntent(context, viewer, form.data);
    if (count === null) return invalid({ rowCategory: ['missing'] }, { done: 0 });
    return { done: count, errors: null };
  } catch (error) {
    const refused = domainErrorResponse(error);
    if (refused) throw refused;
    if (error instanceof ModerationError) return data({ done: 0, errors: { form: [error.code] } }, { status: 409 });
    throw error;
  }
}

export default function Suggestions({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { query, options, rows } = loaderData;
  const errors: Record<string, unknown> = actionData?.errors ?? {};
  return (
    <section>
      <title>{`${t('mod.queue.title')} · ${t('site.name')}`}</title>
      <h1>{t('mod.queue.title')}</h1>
      <QueueFilters query={query} options={options} />
      <StatusCounts counts={loaderData.counts} query={query} />
      {loaderData.canExport && <ExportCurrentFilter query={query} />}
      {actionData && 'done' in actionData && actionData.done ? (
        <p className="notice" role="status">
          {t('mod.bulk.done', { count: actionData.done })}
        </p>
      ) : null}
      {Object.keys(errors).length > 0 && (
        <p className="notice notice--error" role="alert">
          {errors.id
            ? t('mod.bulk.noneSelected')
            : errors.rowCategory
              ? t('mod.bulk.categoryMissing')
              : errors.reason
                ? t('mod.bulk.reasonMissing')
                : t('mod.bulk.failed')}
        </p>
      )}
      {loaderData.canModerate && rows.length > 0 && <BulkBar options={options} />}
      <QueueTable
        // A fresh table after each action: selections cleared, each row's
        // category select showing what was saved.
        key={rows.map((r) => `${r.id}:${r.categoryId}:${r.status}`).join()}
        rows={rows}
        categories={options.categories}
        queueSearch={loaderData.queueSearch}
        selectable={loaderData.canModerate}
        nextHref={loaderData.nextHref}
        firstHref={loaderData.firstHref}
      />
    </section>
  );
}
