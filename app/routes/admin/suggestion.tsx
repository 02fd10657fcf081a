import { data, Link, useNavigate } from 'react-router';
import { domainErrorResponse } from '../../web/domain-errors.server.ts';
import type { Route } from './+types/suggestion';
import moderationStyles from '../../styles/moderation.css?url';
import { ContactPanel } from '../../components/moderation/contact-panel.tsx';
import { HistoryPanel } from '../../components/moderation/history-panel.tsx';
import { KeyboardHelp, toggleKeyboardHelp } from '../../components/moderation/keyboard-help.tsx';
import { NotesPanel } from '../../components/moderation/notes-panel.tsx';
import { PublicationPanel } from '../../components/moderation/publication-panel.tsx';
import { ReplyPanel } from '../../components/moderation/reply-panel.tsx';
import { ProposalPanel } from '../../components/moderation/proposal-panel.tsx';
import { SimilarPanel } from '../../components/moderation/similar-panel.tsx';
import { SuggestionSummary } from '../../components/moderation/suggestion-summary.tsx';
import { DETAIL_TAGS_ID, TriagePanel } from '../../components/moderation/triage-panel.tsx';
import { useShortcuts, useShortcutsEnabled } from '../../components/moderation/use-shortcuts.ts';
import { DECISION_ID, WorkflowPanel } from '../../components/moderation/workflow-panel.tsx';
import { requireUserWithPermission } from '../../web/require-user.server.ts';
import { openProposal } from '../../domain/categorize/proposals.server.ts';
import { similarSuggestions } from '../../domain/duplicates/queries.server.ts';
import { queueNeighbours } from '../../domain/moderation/filtered-suggestions.server.ts';
import { ModerationError } from '../../domain/authorization/moderation-error.ts';
import { parseQueueQuery } from '../../domain/moderation/queue-filter.ts';
import { queueOptions } from '../../domain/moderation/queue-options.server.ts';
import { suggestionForStaff } from '../../domain/moderation/suggestion-detail.server.ts';
import { publicationForStaff } from '../../domain/feedback/staff-view.server.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { idParam, invalid, parseFormData } from '../../web/parse-form.server.ts';
import { runIntent, SuggestionForm } from './suggestion.server.ts';
import { readForm } from '../../web/read-form.server.ts';
import { invariantResponse } from '../../web/invariant-response.ts';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: moderationStyles }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const viewer = await requireUserWithPermission(request, context, 'read:suggestion:any');
  const id = idParam(params.suggestionId);
  const suggestion = await suggestionForStaff(context.db, { id, viewer });
  invariantResponse(suggestion);
  // The queue's filters come along in the query string, for previous / next in the same order.
  const search = new URL(request.url).search;
  const [options, neighbours, publication, similar, proposal] = await Promise.all([
    queueOptions(context.db, { planId: suggestion.planId }),
    queueNeighbours(context.db, { viewer, query: parseQueueQuery(new URLSearchParams(search)), id }),
    publicationForStaff(context.db, id),
    similarSuggestions(context.db, { viewer, id }),
    openProposal(context.db, { viewer, id }),
  ]);
  const { contact, ...rest } = suggestion;
  return {
    suggestion: rest,
    masked: contact,
    hasEmail: Boolean(contact?.email),
    options,
    publication,
    search,
    neighbours,
    similar,
    proposal,
    canModerate: viewer.permissions.has('moderate:suggestion:any'),
    canReadContact: viewer.permissions.has('read:contact:any'),
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const viewer = await requireUserWithPermission(request, context, 'moderate:suggestion:any');
  const id = idParam(params.suggestionId);
  const form = parseFormData(await readForm(request), SuggestionForm);
  if (!form.ok) return invalid(form.errors, { result: null });
  try {
    const siteUrl = context.config.siteUrl;
    return { result: await runIntent(context, viewer, id, form.data, siteUrl), errors: null };
  } catch (error) {
    const refused = domainErrorResponse(error);
    if (refused) throw refused;
    if (error instanceof ModerationError)
      return data({ result: null, errors: { form: [error.code] } }, { status: error.code === 'not_found' ? 404 : 409 });
    throw error;
  }
}

const keys: [string, MessageKey][] = [
  ['j', 'mod.keys.next'],
  ['k', 'mod.keys.previous'],
  ['t', 'mod.keys.tag'],
  ['d', 'mod.keys.decide'],
  ['?', 'mod.keys.help'],
];

export default function Suggestion({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { suggestion: s, neighbours, search } = loaderData;
  const [enabled, setEnabled] = useShortcutsEnabled();
  const href = (id: number | null) => (id ? `/admin/suggestions/${id}${search}` : null);
  const previous = href(neighbours.previous);
  const next = href(neighbours.next);
  useShortcuts(enabled, {
    j: () => next && navigate(next),
    k: () => previous && navigate(previous),
    t: () => document.getElementById(DETAIL_TAGS_ID)?.focus(),
    d: () => document.getElementById(DECISION_ID)?.focus(),
    '?': toggleKeyboardHelp,
  });
  const errorCode =
    actionData?.errors && 'form' in actionData.errors
      ? actionData.errors.form?.[0]
      : actionData?.errors
        ? 'invalid'
        : null;
  return (
    <section>
      <title>{`${s.title} · ${t('mod.queue.title')} · ${t('site.name')}`}</title>
      <nav className="button-row" aria-label={t('mod.queue.title')}>
        <Link to={`/admin/suggestions${search}`}>{t('mod.detail.back')}</Link>
        {previous && (
          <Link to={previous} rel="prev">
            {t('mod.detail.previous')}
          </Link>
        )}
        {next && (
          <Link to={next} rel="next">
            {t('mod.detail.next')}
          </Link>
        )}
      </nav>
      <h1>{s.title}</h1>
      {actionData && 'result' in actionData && actionData.result && (
        <p className="notice" role="status">
          {resultMessage(actionData.result, t)}
        </p>
      )}
      {errorCode && (
        <p className="notice notice--error" role="alert">
          {errorCode === 'invalid' ? t('admin.error.invalid') : t(`mod.error.${errorCode}` as MessageKey)}
        </p>
      )}
      <KeyboardHelp keys={keys} enabled={enabled} onToggle={setEnabled} />
      <div className="suggestion-layout">
        <div>
          <SuggestionSummary s={s} canDownloadEml={loaderData.canReadContact} />
          <ContactPanel
            suggestionId={s.id}
            masked={loaderData.masked}
            textMasked={s.textMasked}
            canReveal={loaderData.canReadContact}
          />
          <SimilarPanel data={loaderData.similar} planId={s.planId} canModerate={loaderData.canModerate} />
          <NotesPanel notes={s.notes} canWrite={loaderData.canModerate} />
        </div>
        <div>
          {loaderData.canModerate && <WorkflowPanel s={s} />}
          {loaderData.proposal && !proposalSettled(loaderData.proposal, s.categoryId) && (
            <ProposalPanel proposal={loaderData.proposal} canModerate={loaderData.canModerate} />
          )}
          {loaderData.canModerate && <TriagePanel s={s} options={loaderData.options} />}
          {loaderData.canModerate && <ReplyPanel hasEmail={loaderData.hasEmail} />}
          <PublicationPanel publication={loaderData.publication} canChange={loaderData.canModerate} />
          <HistoryPanel history={s.history} />
        </div>
      </div>
    </section>
  );
}

function resultMessage(result: string, t: ReturnType<typeof useTranslation>['t']): string {
  if (result === 'replied') return t('mod.reply.sent');
  if (result === 'proposalAccepted') return t('proposal.accepted');
  const [kind, marked, skipped] = result.split(':');
  if (kind === 'markedAll') return t('dup.markedAll', { marked: Number(marked), skipped: Number(skipped) });
  return t('mod.saved');
}

/** Nothing to ask: the proposal is the category the suggestion already has, chosen by a person, and proposes no tag. */
function proposalSettled(
  p: { categoryId: number | null; prefilled: boolean; tags: unknown[] },
  categoryId: number | null,
) {
  return !p.prefilled && p.tags.length === 0 && (p.categoryId === null || p.categoryId === categoryId);
}
