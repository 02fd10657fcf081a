import { eq } from 'drizzle-orm';
import type { Transaction } from '../../../db/client.server.ts';
import { plans, suggestions } from '../../../db/schema/index.ts';
import { decisionSubject } from '../../../emails/decision.tsx';
import { translator } from '../../i18n/index.ts';
import { replyAddress } from '../contacts/contacts.server.ts';
import { enqueueMail } from '../mail/outbox.server.ts';
import { issueRatingToken } from './ratings.server.ts';
import { siteLink } from '../site-link.ts';
import { trackUrl } from '../suggestions/track-url.ts';

/**
 * The decision email (办理结果告知): written to the outbox in the decision's
 * transaction, with a fresh rating link. Nothing is sent to a submitter who
 * gave no email address (letters, calls): they rate on /track.
 */
export async function notifyDecision(
  tx: Transaction,
  { id, siteUrl }: { id: number; siteUrl: string },
): Promise<boolean> {
  const to = await replyAddress(tx, id);
  if (!to) return false;
  const [row] = await tx
    .select({
      title: suggestions.title,
      trackingCode: suggestions.trackingCode,
      status: suggestions.status,
      publicReply: suggestions.publicReply,
      planTitle: plans.title,
      organizer: plans.organizer,
    })
    .from(suggestions)
    .innerJoin(plans, eq(plans.id, suggestions.planId))
    .where(eq(suggestions.id, id));
  if (!row) return false;
  const token = await issueRatingToken(tx, id);
  const t = translator('zh-CN');
  await enqueueMail(tx, {
    kind: 'decision',
    to,
    subject: decisionSubject({ trackingCode: row.trackingCode, suggestionTitle: row.title }),
    body: {
      template: 'decision',
      props: {
        planTitle: row.planTitle,
        organizer: row.organizer,
        suggestionTitle: row.title,
        trackingCode: row.trackingCode,
        decisionLabel: t(`status.${row.status}` as 'status.adopted'),
        publicReply: row.publicReply,
        trackUrl: trackUrl(siteUrl),
        rateUrl: siteLink(siteUrl, `/rate/${token}`),
      },
    },
    suggestionId: id,
  });
  return true;
}
