import { Form, Link, redirect } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/plan-versions';
import { requireUserWithPermission } from '../../web/require-user.server.ts';
import { getPlanForEditing } from '../../domain/plans/manage-plans.server.ts';
import {
  hasUnpublishedEdits,
  listVersionsForAdmin,
  publishVersion,
} from '../../domain/versions/publish-version.server.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { idParam, invalid, parseFormData } from '../../web/parse-form.server.ts';
import { readForm } from '../../web/read-form.server.ts';
import { orRespond } from '../../web/domain-errors.server.ts';
import { invariantResponse } from '../../web/invariant-response.ts';

// Versions of one plan: publish the working text as the next version, and
// open each version's reasons (修改理由).
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const viewer = await requireUserWithPermission(request, context, 'manage:plan:any');
  const plan = await getPlanForEditing(context.db, { id: idParam(params.planId), viewer });
  invariantResponse(plan);
  const [versions, unpublished] = await Promise.all([
    listVersionsForAdmin(context.db, plan.id),
    hasUnpublishedEdits(context.db, plan.id),
  ]);
  const published = Number(new URL(request.url).searchParams.get('published')) || null;
  return {
    plan: { id: plan.id, slug: plan.slug, title: plan.title, status: plan.status },
    versions,
    unpublished,
    published,
  };
}

const PublishForm = z.object({ intent: z.literal('publish'), note: z.string().trim().max(2000).default('') });

export async function action({ request, context, params }: Route.ActionArgs) {
  const viewer = await requireUserWithPermission(request, context, 'manage:plan:any');
  const planId = idParam(params.planId);
  const form = parseFormData(await readForm(request), PublishForm);
  if (!form.ok) return invalid(form.errors);
  const result = await orRespond(() =>
    publishVersion(context.db, { planId, note: form.data.note, viewer, ip: context.clientIp }),
  );
  if (!result.ok) return invalid({ publish: [result.error] });
  throw redirect(`/admin/plans/${planId}/versions/${result.number}?published=1`);
}

export default function PlanVersions({ loaderData, actionData }: Route.ComponentProps) {
  const { t, formatDate } = useTranslation();
  const { plan, versions, unpublished } = loaderData;
  const publishError = actionData?.errors?.publish?.[0];
  const next = (versions[0]?.number ?? 1) + 1;
  return (
    <section>
      <title>{`${t('versions.admin.title')} · ${plan.title} · ${t('site.name')}`}</title>
      <p>
        <Link to={`/admin/plans/${plan.id}`}>{plan.title}</Link>
      </p>
      <h1>{t('versions.admin.title')}</h1>
      <p>{t('versions.admin.intro')}</p>
      <p>
        <Link to={`/admin/plans/${plan.id}/sections`}>{t('admin.plan.sections')}</Link>
        {' · '}
        <Link to={`/admin/plans/${plan.id}/import`}>{t('versions.admin.import')}</Link>
      </p>
      {versions.length === 0 ? (
        <p className="notice">{t('versions.admin.none')}</p>
      ) : (
        <p className="notice" role="status">
          {unpublished ? t('versions.admin.unpublished') : t('versions.admin.upToDate')}
        </p>
      )}
      <section className="admin-panel" aria-labelledby="publish-heading">
        <h2 id="publish-heading">{t('versions.admin.publishTitle')}</h2>
        <p role="alert" className="form-error-slot">
          {publishError && (
            <span id="publish-error" className="field-error">
              {publishError === 'no_changes' || publishError === 'not_published'
                ? t(`versions.admin.error.${publishError}`)
                : t('admin.error.invalid')}
            </span>
          )}
        </p>
        <Form method="post" className="admin-form">
          <input type="hidden" name="intent" value="publish" />
          <label>
            {t('versions.admin.note')}
            <textarea
              name="note"
              rows={3}
              maxLength={2000}
              aria-describedby={publishError ? 'publish-error' : undefined}
            />
          </label>
          <button type="submit" className="button" disabled={plan.status === 'draft'}>
            {t('versions.admin.publish', { n: versions.length ? next : 2 })}
          </button>
        </Form>
      </section>
      {versions.length > 0 && (
        <section className="admin-panel" aria-labelledby="versions-heading">
          <h2 id="versions-heading">{t('versions.admin.list')}</h2>
          <ol className="edit-list" reversed>
            {versions.map((v) => (
              <li key={v.number}>
                <strong>{t('versions.version', { n: v.number })}</strong>{' '}
                {t('versions.publishedAt', { date: formatDate(v.publishedAt) })}
                {v.note && <span className="field-hint"> {v.note}</span>}{' '}
                <Link to={`/plans/${plan.slug}/versions/${v.number}`}>{t('versions.admin.viewPublic')}</Link>
                {v.number > 1 && (
                  <>
                    {' · '}
                    <Link to={`/admin/plans/${plan.id}/versions/${v.number}`}>{t('versions.admin.changes')}</Link>
                  </>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}
    </section>
  );
}
