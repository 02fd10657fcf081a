import crypto from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Database, DbExecutor } from '../../../db/client.server.ts';
import { inboundEmails, outboxMessages, submitterRequests, suggestions } from '../../../db/schema/index.ts';
import { confirmDeletionSubject } from '../../../emails/confirm-deletion.tsx';
import { recordAudit } from '../audit/record-audit.server.ts';
import { deleteContactDetails, hasContactDetails, replyAddress } from '../contacts/contacts.server.ts';
import { deleteTextOriginal } from '../contacts/text-originals.server.ts';
import { enqueueMail } from '../mail/outbox.server.ts';
import { siteLink } from '../site-link.ts';

// A submitter may have their contact details deleted: the suggestion stays,
// anonymous, with its decision and counts. Asked on /track with the tracking
// code and proof; where an email address is on file, a link mailed there
// confirms it, so that someone who only guessed the phone's last four digits
// cannot erase another person's details. With no address, the /track proof
// and an explicit confirmation on the page are all there is.

const LINK_DAYS = 7;

export type DeletionRequestOutcome = 'mailed' | 'deleted' | 'nothing_to_delete';

export async function requestContactDeletion(
  db: Database,
  { suggestionId, siteUrl, ip, now = new Date() }: { suggestionId: number; siteUrl: string; ip?: string; now?: Date },
): Promise<DeletionRequestOutcome> {
  return db.transaction(async (tx) => {
    if (!(await hasContactDetails(tx, suggestionId))) return 'nothing_to_delete';
    const to = await replyAddress(tx, suggestionId);
    if (!to) {
      await deleteContact(tx, suggestionId, { via: 'track', ip });
      return 'deleted';
    }
    const token = crypto.randomBytes(32).toString('base64url');
    await tx.insert(submitterRequests).values({
      suggestionId,
      kind: 'delete_contact',
      tokenHash: hashToken(token),
      expiresAt: new Date(now.getTime() + LINK_DAYS * 86_400_000),
    });
    const [row] = await tx
      .select({ trackingCode: suggestions.trackingCode, intakeMeta: suggestions.intakeMeta })
      .from(suggestions)
      .where(eq(suggestions.id, suggestionId));
    const locale = row!.intakeMeta?.locale === 'en' ? 'en' : 'zh-CN';
    const confirmUrl = siteLink(siteUrl, `/track/delete/${token}`);
    await enqueueMail(tx, {
      kind: 'confirm_deletion',
      to,
      subject: confirmDeletionSubject({ locale, trackingCode: row!.trackingCode }),
      body: { template: 'confirm-deletion', props: { locale, trackingCode: row!.trackingCode, confirmUrl } },
      suggestionId,
    });
    await recordAudit(tx, {
      actorId: null,
      action: 'contact.deletion_requested',
      targetType: 'suggestion',
      targetId: suggestionId,
      details: { by: 'submitter' },
      ip,
    });
    return 'mailed';
  });
}

export type DeletionConfirmOutcome = 'deleted' | 'invalid';

/** The mailed link: valid once, for seven days. */
export async function confirmContactDeletion(
  db: Database,
  { token, ip, now = new Date() }: { token: string; ip?: string; now?: Date },
): Promise<DeletionConfirmOutcome> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return 'invalid';
  return db.transaction(async (tx) => {
    const [request] = await tx
      .update(submitterRequests)
      .set({ usedAt: now })
      .where(
        and(
          eq(submitterRequests.tokenHash, hashToken(token)),
          eq(submitterRequests.kind, 'delete_contact'),
          isNull(submitterRequests.usedAt),
          gt(submitterRequests.expiresAt, now),
        ),
      )
      .returning({ suggestionId: submitterRequests.suggestionId });
    if (!request) return 'invalid';
    await deleteContact(tx, request.suggestionId, { via: 'mailed_link', ip });
    return 'deleted';
  });
}

/**
 * Deletes the contact row and the raw mail that carried it (its headers name
 * the sender), the mail's HTML, and the address on outgoing mail; mail still
 * queued for it is not sent.
 */
async function deleteContact(
  tx: DbExecutor,
  suggestionId: number,
  { via, ip }: { via: 'track' | 'mailed_link'; ip?: string },
): Promise<void> {
  const contactRows = await deleteContactDetails(tx, suggestionId);
  // What the text said before its contact details were masked goes too (decision 057).
  const textOriginals = await deleteTextOriginal(tx, suggestionId);
  const mails = await tx
    .update(inboundEmails)
    .set({
      raw: null,
      rawHead: null,
      text: null,
      sanitizedHtml: null,
      maskedOriginals: null,
      contentPurgedAt: new Date(),
    })
    .where(eq(inboundEmails.suggestionId, suggestionId))
    .returning({ id: inboundEmails.id });
  // Mail already sent or still queued keeps no copy of the address either.
  await tx
    .update(outboxMessages)
    .set({
      toAddress: null,
      props: null,
      html: null,
      text: null,
      status: sql`case when ${outboxMessages.status} = 'pending' then 'failed'::outbox_status else ${outboxMessages.status} end`,
      lastError: sql`case when ${outboxMessages.status} = 'pending' then 'contact deleted by the submitter' else ${outboxMessages.lastError} end`,
    })
    .where(eq(outboxMessages.suggestionId, suggestionId));
  await recordAudit(tx, {
    actorId: null,
    action: 'contact.deleted',
    targetType: 'suggestion',
    targetId: suggestionId,
    details: { by: 'submitter', via, contactRows, textOriginals, rawMails: mails.length },
    ip,
  });
}

function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}
