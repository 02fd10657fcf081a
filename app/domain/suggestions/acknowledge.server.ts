import { eq } from 'drizzle-orm';
import type { DbExecutor } from '../../../db/client.server.ts';
import { plans, suggestions } from '../../../db/schema/index.ts';
import { acknowledgementSubject } from '../../../emails/acknowledgement.tsx';
import { replyAddress } from '../contacts/contacts.server.ts';
import { enqueueMail } from '../mail/outbox.server.ts';
import type { Locale } from '../../i18n/index.ts';

type AcknowledgementMail = {
  suggestionId: number;
  to: string;
  locale: Locale;
  trackingCode: string;
  planTitle: string;
  organizer: string;
  suggestionTitle: string;
  trackUrl: string;
  headers?: Record<string, string>;
};

/** The receipt mail, queued in the caller's transaction (the outbox sends it). */
export async function enqueueAcknowledgement(tx: DbExecutor, mail: AcknowledgementMail): Promise<void> {
  await enqueueMail(tx, {
    kind: 'acknowledgement',
    to: mail.to,
    subject: acknowledgementSubject({ locale: mail.locale, trackingCode: mail.trackingCode }),
    body: {
      template: 'acknowledgement',
      props: {
        locale: mail.locale,
        trackingCode: mail.trackingCode,
        planTitle: mail.planTitle,
        organizer: mail.organizer,
        suggestionTitle: mail.suggestionTitle,
        trackUrl: mail.trackUrl,
      },
    },
    suggestionId: mail.suggestionId,
    headers: mail.headers,
  });
}

/**
 * A held (待核验) suggestion sends no mail: an unverified post could
 * otherwise make the portal mail its text to any address typed into the form.
 * When a moderator verifies it, the submitter gets the receipt they would
 * have had, in the language they wrote in.
 */
export async function acknowledgeVerifiedSuggestion(
  tx: DbExecutor,
  suggestionId: number,
  trackUrl: string,
): Promise<void> {
  const to = await replyAddress(tx, suggestionId);
  if (!to) return;
  const [row] = await tx
    .select({
      trackingCode: suggestions.trackingCode,
      title: suggestions.title,
      intakeMeta: suggestions.intakeMeta,
      planTitle: plans.title,
      organizer: plans.organizer,
    })
    .from(suggestions)
    .innerJoin(plans, eq(plans.id, suggestions.planId))
    .where(eq(suggestions.id, suggestionId));
  if (!row) return;
  const locale: Locale = row.intakeMeta?.locale === 'en' ? 'en' : 'zh-CN';
  await enqueueAcknowledgement(tx, {
    suggestionId,
    to,
    locale,
    trackingCode: row.trackingCode,
    planTitle: row.planTitle,
    organizer: row.organizer,
    suggestionTitle: row.title,
    trackUrl,
  });
}
