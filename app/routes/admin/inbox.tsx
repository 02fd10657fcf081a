import { data, Form, Link } from 'react-router';
import { domainErrorResponse } from '../../web/domain-errors.server.ts';
import { z } from 'zod';
import type { Route } from './+types/inbox';
import moderationStyles from '../../styles/moderation.css?url';
import { InboxMail } from '../../components/moderation/inbox-mail.tsx';
import { requireUserWithPermission } from '../../web/require-user.server.ts';
import { ModerationError } from '../../domain/authorization/moderation-error.ts';
import { assignInboundToPlan, discardInbound, inboxPage, retryInbound } from '../../domain/moderation/inbox.server.ts';
import { inboxTabs, type InboxTab } from '../../domain/moderation/inbox-tabs.ts';
import { queueOptions } from '../../domain/moderation/queue-options.server.ts';
import { inboundReasonText } from '../../i18n/reason-text.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { invalid, parseFormData } from '../../web/parse-form.server.ts';
import { readForm } from '../../web/read-form.server.ts';

const tabs = Object.keys(inboxTabs) as InboxTab[];
const Query = z.object({
  tab: z.enum(tabs as [InboxTab, ...InboxTab[]]).catch('unmatched'),
  before: z.coerce.number().int().positive().optional().catch(undefined),
});

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: moderationStyles }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const viewer = await requireUserWithPermission(request, context, 'read:suggestion:any');
  const query = Query.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [page, options] = await Promise.all([
    inboxPage(context.db, {
      viewer,
      tab: query.tab,
      before: query.before,
      ip: context.clientIp,
      maxBytes: context.config.intake.maxBytes,
    }),
    queueOptions(context.db, {}),
  ]);
  return {
    tab: query.tab,
    ...page,
    maxBytes: context.config.intake.maxBytes,
    plans: options.plans,
    canModerate: viewer.permissions.has('moderate:suggestion:any'),
    canReadContact: viewer.permissions.has('read:contact:any'),
  };
}

const id = z.coerce.number().int().positive();
const InboxForm = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('assign'), id, planId: id }),
  z.object({ intent: z.literal('retry'), id }),
  z.object({ intent: z.literal('discard'), id, reason: z.string().trim().min(2).max(500) }),
]);

type Outcome = { status: string; reason?: string | null; suggestionId?: number | null; trackingCode?: string };

export async function action({ request, context }: Route.ActionArgs) {
  const viewer = await requireUserWithPermission(request, context, 'moderate:suggestion:any');
  const form = parseFormData(await readForm(request), InboxForm);
  if (!form.ok) return invalid(form.errors, { done: null });
  const f = form.data;
  const act = { id: f.id, actor: viewer, ip: context.clientIp, config: context.config };
  const done = (outcome: Outcome) => ({
    done: {
      id: f.id,
      status: outcome.status,
      reason: outcome.reason ?? null,
      suggestionId: outcome.suggestionId ?? null,
      trackingCode: outcome.trackingCode ?? null,
    },
    errors: null,
  });
  try {
    if (f.intent === 'assign') return done(await assignInboundToPlan(context.db, { ...act, planId: f.planId }));
    if (f.intent === 'retry') return done(await retryInbound(context.db, act));
    await discardInbound(context.db, { ...act, reason: f.reason });
    return done({ status: 'discarded' });
  } catch (error) {
    const refused = domainErrorResponse(error);
    if (refused) throw refused;
    if (error instanceof ModerationError) return data({ done: null, errors: { form: [error.code] } }, { status: 409 });
    throw error;
  }
}

export default function Inbox({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { rows, tab, plans, canModerate, canReadContact, maxBytes } = loaderData;
  const done = actionData && 'done' in actionData ? actionData.done : null;
  return (
    <section>
      <title>{`${t('mod.inbox.title')} · ${t('site.name')}`}</title>
      <h1>{t('mod.inbox.title')}</h1>
      <p>{t('mod.inbox.intro')}</p>
      <nav aria-label={t('mod.inbox.title')} className="status-counts">
        <ul>
          {tabs.map((name) => (
            <li key={name}>
              <Link to={`?tab=${name}`} aria-current={name === tab ? 'page' : undefined}>
                {t(`mod.inbox.tab.${name}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {done && (
        <p className="notice" role="status">
          {done.status === 'ingested' ? (
            <>
              {t('mail.queue.result.ingested', { code: done.trackingCode ?? '' })}{' '}
              {done.suggestionId && (
                <Link to={`/admin/suggestions/${done.suggestionId}`}>{t('mail.queue.openSuggestion')}</Link>
              )}
            </>
          ) : done.status === 'discarded' ? (
            t('mail.queue.result.discarded')
          ) : (
            t('mail.queue.result.notIngested', {
              reason: inboundReasonText(t, { status: done.status, statusReason: done.reason }, maxBytes),
            })
          )}
        </p>
      )}
      {actionData?.errors && (
        <p className="notice notice--error" role="alert">
          {t('mod.error.not_allowed')}
        </p>
      )}
      {rows.length === 0 ? (
        <p className="notice">{t('mod.inbox.empty')}</p>
      ) : (
        <ul className="inbox-list">
          {rows.map((row) => (
            <InboxMail key={row.id} row={row} maxBytes={maxBytes} canReadContact={canReadContact}>
              {canModerate && (
                <InboxActions
                  id={row.id}
                  status={row.status}
                  planId={row.planId}
                  cannotRescue={row.cannotRescue !== null}
                  plans={plans}
                />
              )}
            </InboxMail>
          ))}
        </ul>
      )}
      {loaderData.nextBefore && (
        <p>
          <Link to={`?tab=${tab}&before=${loaderData.nextBefore}`}>{t('mod.inbox.older')}</Link>
        </p>
      )}
    </section>
  );
}

function InboxActions({
  id,
  status,
  planId,
  cannotRescue,
  plans,
}: {
  id: number;
  status: string;
  planId: number | null;
  cannotRescue: boolean;
  plans: { id: number; title: string }[];
}) {
  const { t } = useTranslation();
  return (
    <div className="button-row">
      {status !== 'bounce' && !cannotRescue && (
        <Form method="post" className="admin-form admin-form--inline">
          <input type="hidden" name="id" value={id} />
          <label>
            {t('mod.intake.plan')}
            <select name="planId" defaultValue={planId ?? undefined}>
              {plans.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" name="intent" value="assign" className="button button--secondary">
            {t('mod.inbox.assign')}
          </button>
        </Form>
      )}
      {status === 'held' && !cannotRescue && (
        <Form method="post">
          <input type="hidden" name="id" value={id} />
          <button type="submit" name="intent" value="retry" className="button button--secondary">
            {t('mod.inbox.retry')}
          </button>
        </Form>
      )}
      <Form method="post" className="admin-form admin-form--inline">
        <input type="hidden" name="id" value={id} />
        <label>
          {t('mod.inbox.discardReason')}
          <input name="reason" required minLength={2} maxLength={500} autoComplete="off" />
        </label>
        <button type="submit" name="intent" value="discard" className="button button--danger">
          {t('mod.inbox.discard')}
        </button>
      </Form>
    </div>
  );
}
