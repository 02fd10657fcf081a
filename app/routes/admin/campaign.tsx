import { data, Form, Link } from 'react-router';
import type { Route } from './+types/campaign';
import moderationStyles from '../../styles/moderation.css?url';
import { requireUserWithPermission } from '../../web/require-user.server.ts';
import { campaignView } from '../../domain/duplicates/campaign-view.server.ts';
import { queueOptions } from '../../domain/moderation/queue-options.server.ts';
import { ModerationError } from '../../domain/authorization/moderation-error.ts';
import { decisions } from '../../domain/moderation/statuses.ts';
import { ReplyMessageField } from '../../components/moderation/reply-panel.tsx';
import type { MessageKey } from '../../i18n/index.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { formatChinaDateTime } from '../../utils/china-time.ts';
import { idParam, invalid, parseFormData } from '../../web/parse-form.server.ts';
import { domainErrorResponse, orRespond } from '../../web/domain-errors.server.ts';
import { readForm } from '../../web/read-form.server.ts';
import { invariantResponse } from '../../web/invariant-response.ts';
import { CampaignForm, PlanQuery, runCampaignIntent } from './campaign.server.ts';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: moderationStyles }];

function target(request: Request, clusterIdParam: string | undefined) {
  const query = PlanQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  invariantResponse(query.success);
  return { planId: query.data.plan, after: query.data.after, clusterId: idParam(clusterIdParam) };
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const viewer = await requireUserWithPermission(request, context, 'read:suggestion:any');
  const { planId, clusterId, after } = target(request, params.clusterId);
  const [view, options] = await Promise.all([
    orRespond(() => campaignView(context.db, { viewer, planId, clusterId, after })),
    queueOptions(context.db, { planId }),
  ]);
  return { view, categories: options.categories, canModerate: viewer.permissions.has('moderate:suggestion:any') };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const viewer = await requireUserWithPermission(request, context, 'moderate:suggestion:any');
  const { planId, clusterId } = target(request, params.clusterId);
  const form = parseFormData(await readForm(request), CampaignForm);
  if (!form.ok) return invalid(form.errors, { result: null });
  try {
    const result = await runCampaignIntent(context, viewer, { planId, clusterId }, form.data);
    return { result, errors: null };
  } catch (error) {
    const refused = domainErrorResponse(error);
    if (refused) throw refused;
    if (error instanceof ModerationError)
      return data({ result: null, errors: { form: [error.code] } }, { status: 409 });
    throw error;
  }
}

export default function Campaign({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { view, canModerate } = loaderData;
  const rep = view.representative;
  const formError = actionData?.errors && 'form' in actionData.errors ? actionData.errors.form?.[0] : undefined;
  const fieldErrors = actionData?.errors && !formError;
  const done = actionData && 'result' in actionData ? actionData.result : null;
  return (
    <section>
      <title>{`${t('campaign.title', { title: rep.title })} · ${t('site.name')}`}</title>
      <h1>{t('campaign.title', { title: rep.title })}</h1>
      <p>{t('campaign.intro')}</p>
      <p>
        <strong>{t('campaign.copies', { copies: view.copies, submitters: view.submitters })}</strong>{' '}
        {t('campaign.undecided', { count: view.undecided })}
      </p>
      <p className="muted">{t('campaign.submittersHint')}</p>
      <div role="status" aria-live="polite">
        {done && <p className="notice">{t('campaign.done', done)}</p>}
        {formError && <p className="notice notice--error">{t(`mod.error.${formError}` as MessageKey)}</p>}
        {fieldErrors && <p className="notice notice--error">{t('mod.error.not_allowed')}</p>}
      </div>

      <section className="admin-panel" aria-labelledby="campaign-representative">
        <h2 id="campaign-representative">{t('campaign.representative')}</h2>
        <p className="muted">{t('campaign.representativeHint')}</p>
        <h3>
          <Link to={`/admin/suggestions/${rep.id}`}>{rep.title}</Link>
        </h3>
        <p className="muted">{`${rep.trackingCode} · ${formatChinaDateTime(new Date(rep.submittedAt))}`}</p>
        <div className="suggestion-body">{rep.body}</div>
      </section>

      <section className="admin-panel" aria-labelledby="campaign-copies">
        <h2 id="campaign-copies">{t('campaign.copiesTitle')}</h2>
        <ol className="campaign-copies">
          {view.rows.map((row) => (
            <li key={row.id}>
              <Link to={`/admin/suggestions/${row.id}`}>{row.title}</Link>{' '}
              <span className="muted">
                {`${row.trackingCode} · ${t(`status.${row.status}`)} · ${formatChinaDateTime(new Date(row.submittedAt))}`}
                {row.representative && ` ${t('campaign.isRepresentative')}`}
              </span>
              {row.additions.length > 0 ? (
                <div>
                  <strong>{t('campaign.additions')}</strong>
                  <ul>
                    {row.additions.map((a, i) => (
                      <li key={i}>{a}</li>
                    ))}
                  </ul>
                </div>
              ) : (
                !row.representative && <p className="muted">{t('campaign.noAdditions')}</p>
              )}
            </li>
          ))}
        </ol>
        {view.next && (
          <p>
            <Link to={`?plan=${view.planId}&after=${view.next}`}>{t('campaign.more')}</Link>
          </p>
        )}
      </section>

      {canModerate && (
        <section className="admin-panel" aria-labelledby="campaign-actions">
          <h2 id="campaign-actions">{t('campaign.actionsTitle')}</h2>
          <p className="muted">{t('campaign.actionsHint')}</p>
          <Form method="post" className="admin-form">
            <h3>{t('campaign.decideTitle')}</h3>
            <input type="hidden" name="intent" value="decide" />
            <label>
              {t('mod.decide.decision')}
              <select name="decision" required>
                {decisions.map((d) => (
                  <option key={d} value={d}>
                    {t(`status.${d}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('campaign.category')}
              <select name="category" defaultValue={view.category ?? ''}>
                <option value="">{t('campaign.categoryKeep')}</option>
                {loaderData.categories.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('mod.decide.reason')}
              <textarea name="reason" required minLength={2} maxLength={2000} rows={3} />
            </label>
            <label>
              {t('mod.decide.publicReply')}
              <textarea name="publicReply" maxLength={2000} rows={3} />
            </label>
            <label>
              <input type="checkbox" name="publishable" /> {t('mod.decide.publishable')}
            </label>
            <button type="submit" className="button">
              {t('campaign.decideSubmit')}
            </button>
          </Form>
          <Form method="post" className="admin-form">
            <h3>{t('campaign.tagTitle')}</h3>
            <input type="hidden" name="intent" value="tag" />
            <label>
              {t('campaign.tags')}
              <input name="tags" required maxLength={400} />
            </label>
            <button type="submit" className="button button--secondary">
              {t('campaign.tagSubmit')}
            </button>
          </Form>
          <Form method="post" className="admin-form">
            <h3>{t('campaign.replyTitle')}</h3>
            <p className="muted">{t('campaign.replyHint')}</p>
            <input type="hidden" name="intent" value="reply" />
            <ReplyMessageField rows={4} />
            <button type="submit" className="button button--secondary">
              {t('campaign.replySubmit')}
            </button>
          </Form>
        </section>
      )}
    </section>
  );
}
