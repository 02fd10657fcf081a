import { data, Form } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/track';
import { RateHandling } from '../components/track/rate-handling.tsx';
import { TrackTimeline } from '../components/track/track-timeline.tsx';
import { rateByTracking } from '../domain/feedback/ratings.server.ts';
import { consumeRateLimit } from '../domain/rate-limit/rate-limit.server.ts';
import { revisionsForSuggestion } from '../domain/versions/queries.server.ts';
import { TrackRevisions } from '../components/versions/track-revisions.tsx';
import { hasStaffSession } from '../web/staff-session.server.ts';
import { SubmitterPrivacy, type PrivacyOutcome } from '../components/track/submitter-privacy.tsx';
import { changeConsentAsSubmitter } from '../domain/feedback/change-consent.server.ts';
import { publicationConsents, type PublicationConsent } from '../domain/feedback/vocabulary.ts';
import { requestContactDeletion } from '../domain/privacy/contact-deletion.server.ts';
import { ownSuggestionId, trackSuggestion } from '../domain/suggestions/queries.server.ts';
import { useTranslation } from '../i18n/use-translation.ts';
import { readForm, SMALL_FORM_BYTES } from '../web/read-form.server.ts';

const TrackForm = z.object({
  code: z.string().max(40).default(''),
  contact: z.string().max(254).default(''),
  // intent=rate: the rating form, behind the same code + contact check.
  intent: z.enum(['lookup', 'rate', 'consent', 'delete-contact']).default('lookup'),
  consent: z.enum(publicationConsents).optional(),
  confirm: z.literal('yes').optional(),
  rating: z.string().max(40).default(''),
  comment: z.string().max(2000).default(''),
});

export function meta() {
  return [{ title: '进度查询 · 建言' }, { name: 'robots', content: 'noindex' }];
}

// POST, not GET: the contact detail that proves ownership stays out of URLs,
// browser history and access logs.
export async function action({ context, request }: Route.ActionArgs) {
  const limit = await consumeRateLimit(context.db, {
    key: `track:${context.clientIp}`,
    limit: context.config.rateLimits.trackPerHour,
    windowSeconds: 3600,
  });
  if (!limit.allowed) {
    throw data(
      { retryAfterSeconds: limit.retryAfterSeconds },
      { status: 429, headers: { 'Retry-After': String(limit.retryAfterSeconds) } },
    );
  }
  const form = TrackForm.safeParse(Object.fromEntries(await readForm(request, { maxBytes: SMALL_FORM_BYTES })));
  const { code, contact, intent, rating, comment, consent, confirm } = form.success ? form.data : TrackForm.parse({});
  const rated =
    intent === 'rate'
      ? await rateByTracking(context.db, {
          code,
          contact,
          rating,
          comment,
          raterIsStaff: await hasStaffSession(request, context),
        })
      : null;
  const privacy =
    intent === 'consent' || intent === 'delete-contact'
      ? await submitterPrivacyAct(context, { code, contact, intent, consent, confirm })
      : null;
  const found = await trackSuggestion(context.db, code, contact);
  if (!found)
    return data({ found: null, code, contact: '', rated: null, privacy: null, revisions: [] }, { status: 404 });
  // The contact goes back only to the browser that typed it, in this POST
  // response, so the rating form can prove ownership again. After a deletion
  // there is nothing left to prove it with: the page ends there.
  const revisions = await revisionsForSuggestion(context.db, found.trackingCode);
  const failed = (rated && rated !== 'rated') || privacy === 'confirm_needed';
  return data({ found, code, contact, rated, privacy, revisions }, { status: failed ? 400 : 200 });
}

async function submitterPrivacyAct(
  context: Route.ActionArgs['context'],
  {
    code,
    contact,
    intent,
    consent,
    confirm,
  }: {
    code: string;
    contact: string;
    intent: 'consent' | 'delete-contact';
    consent?: PublicationConsent;
    confirm?: 'yes';
  },
): Promise<PrivacyOutcome | null> {
  const id = await ownSuggestionId(context.db, code, contact);
  if (!id) return null;
  if (intent === 'consent') {
    if (!consent) return 'consent_unchanged';
    const changed = await changeConsentAsSubmitter(context.db, {
      id,
      consent,
      ip: context.clientIp,
      siteUrl: context.config.siteUrl,
    });
    return changed === 'changed' ? 'consent_changed' : 'consent_unchanged';
  }
  if (confirm !== 'yes') return 'confirm_needed';
  const outcome = await requestContactDeletion(context.db, {
    suggestionId: id,
    siteUrl: context.config.siteUrl,
    ip: context.clientIp,
  });
  return outcome === 'mailed' ? 'deletion_mailed' : outcome;
}

export default function TrackPage({ actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const found = actionData?.found;
  const decided = found && ['adopted', 'partially_adopted', 'not_adopted'].includes(found.status);
  return (
    <section className="panel">
      <h1>{t('track.title')}</h1>
      <p>{t('track.intro')}</p>
      <Form method="post" className="track-form">
        <div className="field">
          <label htmlFor="track-code" className="field__label">
            {t('track.code')}
          </label>
          <p id="track-code-hint" className="field__hint">
            {t('track.codeHint')}
          </p>
          <input
            id="track-code"
            name="code"
            type="text"
            required
            autoComplete="off"
            defaultValue={actionData?.code}
            aria-describedby="track-code-hint"
          />
        </div>
        <div className="field">
          <label htmlFor="track-contact" className="field__label">
            {t('track.contact')}
          </label>
          <input id="track-contact" name="contact" type="text" required autoComplete="off" />
        </div>
        <button type="submit" className="button">
          {t('track.submit')}
        </button>
      </Form>

      {actionData && !found && (
        <p className="notice notice--error" role="alert">
          {t('track.notFound')}
        </p>
      )}

      {found && (
        <section className="track-result" aria-labelledby="track-result-heading" role="status">
          <h2 id="track-result-heading">{t('track.result')}</h2>
          <dl className="summary">
            <dt>{t('receipt.codeLabel')}</dt>
            <dd>{found.trackingCode}</dd>
            <dt>{t('receipt.plan')}</dt>
            <dd>{found.planTitle}</dd>
            <dt>{t('receipt.suggestionTitle')}</dt>
            <dd>{found.title}</dd>
            <dt>{t('track.status')}</dt>
            <dd>
              <strong>{t(`status.${found.status}`)}</strong>
            </dd>
          </dl>
          <h3>{t('track.timeline')}</h3>
          <TrackTimeline
            status={found.status}
            submittedAt={found.submittedAt}
            reviewStartedAt={found.reviewStartedAt}
            decidedAt={found.decidedAt}
          />
          <h3>{t('track.reply')}</h3>
          <p className="reply">{found.publicReply ?? t('track.noReply')}</p>
          <TrackRevisions revisions={actionData && 'revisions' in actionData ? actionData.revisions : undefined} />
          <SubmitterPrivacy
            consent={found.publicationConsent}
            hasContact={found.hasContact}
            outcome={actionData.privacy}
            hidden={{ code: found.trackingCode, contact: actionData.contact }}
          />
          {decided && (
            <RateHandling
              rating={found.rating}
              outcome={actionData.rated}
              hidden={{ intent: 'rate', code: found.trackingCode, contact: actionData.contact }}
            />
          )}
        </section>
      )}
    </section>
  );
}
