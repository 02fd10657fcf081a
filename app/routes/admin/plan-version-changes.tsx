import { Form, Link, redirect } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/plan-version-changes';
import { DiffSide } from '../../components/versions/diff-text.tsx';
import { requireUserWithPermission } from '../../web/require-user.server.ts';
import { getPlanForEditing } from '../../domain/plans/manage-plans.server.ts';
import {
  getVersionChangesForAdmin,
  saveChangeNote,
  type CodeProblem,
} from '../../domain/versions/change-notes.server.ts';
import { MAX_LINKED } from '../../domain/versions/limits.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import versionStyles from '../../styles/versions.css?url';
import { idParam, invalid, parseFormData } from '../../web/parse-form.server.ts';
import { readForm } from '../../web/read-form.server.ts';
import { invariantResponse } from '../../web/invariant-response.ts';

// 修改理由 of one version: per changed section, a reason and the tracking
// codes of the adopted suggestions that led to it.
export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: versionStyles }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const viewer = await requireUserWithPermission(request, context, 'manage:plan:any');
  const plan = await getPlanForEditing(context.db, { id: idParam(params.planId), viewer });
  const changes =
    plan && (await getVersionChangesForAdmin(context.db, { planId: plan.id, number: idParam(params.n), viewer }));
  invariantResponse(plan && changes);
  const url = new URL(request.url);
  return {
    plan: { id: plan.id, slug: plan.slug, title: plan.title },
    version: { number: changes.version.number },
    rows: changes.rows,
    published: url.searchParams.has('published'),
    saved: Number(url.searchParams.get('saved')) || null,
  };
}

const NoteForm = z.object({
  sectionKey: z.coerce.number().int().positive(),
  reason: z.string().trim().max(2000).default(''),
  codes: z.string().max(2000).default(''),
});

export async function action({ request, context, params }: Route.ActionArgs) {
  const viewer = await requireUserWithPermission(request, context, 'manage:plan:any');
  const planId = idParam(params.planId);
  const number = idParam(params.n);
  const form = parseFormData(await readForm(request), NoteForm);
  if (!form.ok) return invalid(form.errors, { sectionKey: null, problems: [] as CodeProblem[], typed: null });
  const { sectionKey, reason, codes } = form.data;
  const result = await saveChangeNote(context.db, {
    planId,
    number,
    sectionKey,
    reason,
    codes,
    viewer,
    ip: context.clientIp,
  });
  if (result.ok) throw redirect(`/admin/plans/${planId}/versions/${number}?saved=${sectionKey}#change-${sectionKey}`);
  invariantResponse(result.error !== 'not_found');
  // The form comes back with what was typed, not what is saved.
  return invalid(
    { codes: [result.error] },
    { sectionKey, problems: result.error === 'codes' ? result.problems : [], typed: { reason, codes } },
  );
}

export default function PlanVersionChanges({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { plan, version, rows } = loaderData;
  const failed =
    actionData && 'sectionKey' in actionData
      ? (actionData as {
          sectionKey: number | null;
          problems: CodeProblem[];
          errors: Record<string, string[]>;
          typed: { reason: string; codes: string } | null;
        })
      : null;
  return (
    <section>
      <title>{`${t('versions.admin.changesTitle', { n: version.number })} · ${plan.title} · ${t('site.name')}`}</title>
      <p>
        <Link to={`/admin/plans/${plan.id}/versions`}>{t('versions.admin.title')}</Link>
      </p>
      <h1>{t('versions.admin.changesTitle', { n: version.number })}</h1>
      {loaderData.published && (
        <p className="notice" role="status">
          {t('versions.admin.published', { n: version.number })}
        </p>
      )}
      <p>{t('versions.admin.changesIntro', { n: version.number })}</p>
      <p>
        <Link to={`/plans/${plan.slug}/compare?from=${version.number - 1}&to=${version.number}`}>
          {t('versions.compareTitle')}
        </Link>
      </p>
      {rows.length === 0 && <p className="notice">{t('versions.admin.noRows')}</p>}
      {rows.map((row) => {
        const section = row.after ?? row.before!;
        const name = `${section.number}${section.heading}`;
        const mine = failed?.sectionKey === row.key ? failed : null;
        const errorId = `codes-error-${row.key}`;
        return (
          <section
            key={row.key}
            id={`change-${row.key}`}
            className="admin-panel"
            aria-labelledby={`change-h-${row.key}`}
          >
            <h2 id={`change-h-${row.key}`}>
              {section.number} {section.heading}
              <span className="diff-kind">{t(`versions.kind.${row.kind === 'unchanged' ? 'moved' : row.kind}`)}</span>
            </h2>
            <div className="dashboard__pair">
              <div>
                <h3>{t('versions.col.before')}</h3>
                {row.before ? <DiffSide ops={row.body} side="before" /> : <p>{t('versions.noSection')}</p>}
              </div>
              <div>
                <h3>{t('versions.col.after')}</h3>
                {row.after ? <DiffSide ops={row.body} side="after" /> : <p>{t('versions.noSection')}</p>}
              </div>
            </div>
            {loaderData.saved === row.key && !mine && (
              <p className="notice" role="status">
                {t('versions.admin.saved')}
              </p>
            )}
            <Form method="post" className="admin-form" key={mine ? 'failed' : 'saved'}>
              <input type="hidden" name="sectionKey" value={row.key} />
              <label>
                {t('versions.admin.reason')}
                <textarea name="reason" rows={3} maxLength={2000} defaultValue={mine?.typed?.reason ?? row.reason} />
              </label>
              <label>
                {t('versions.admin.codes')}
                <input
                  type="text"
                  name="codes"
                  defaultValue={mine?.typed?.codes ?? row.codes.join(' ')}
                  aria-describedby={`codes-hint-${row.key}${mine ? ` ${errorId}` : ''}`}
                  aria-invalid={mine ? true : undefined}
                />
                <span className="field-hint" id={`codes-hint-${row.key}`}>
                  {t('versions.admin.codesHint')}
                </span>
              </label>
              {mine && (
                <ul id={errorId} className="field-error" role="alert">
                  {mine.problems.map((p) => (
                    <li key={p.code}>{t(`versions.admin.error.${p.problem}`, { code: p.code })}</li>
                  ))}
                  {mine.errors.codes?.includes('too_many') && (
                    <li>{t('versions.admin.error.too_many', { max: MAX_LINKED })}</li>
                  )}
                </ul>
              )}
              <button type="submit" className="button" aria-label={t('versions.admin.saveFor', { name })}>
                {t('versions.admin.save')}
              </button>
            </Form>
          </section>
        );
      })}
    </section>
  );
}
