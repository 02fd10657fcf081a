import { desc, eq, sql } from 'drizzle-orm';
import type { DbExecutor } from '../../../db/client.server.ts';
import { inboundEmails, outboxMessages, plans, suggestions } from '../../../db/schema/index.ts';
import { staffReplySubject } from '../../../emails/staff-reply.tsx';
import { replyAddress } from '../contacts/contacts.server.ts';
import { enqueueMail } from '../mail/outbox.server.ts';
import { auditSuggestions } from '../audit/audit-suggestions.server.ts';
import { assertPermission, type Actor } from '../authorization/actor.ts';
import { ModerationError } from '../authorization/moderation-error.ts';
import { NotFound } from '../not-found.ts';

export const MAX_REPLY_LENGTH = 5000;

/**
 * Emails the submitter through the outbox, to the address they gave (read
 * inside the transaction by the contacts module, never shown to the sender).
 * A reply to an email suggestion threads under the original message and, like
 * the intake's own replies, carries Auto-Submitted so that the submitter's
 * vacation responder does not answer it back (RFC 3834).
 */
export async function replyToSubmitter(
  db: DbExecutor,
  { id, message, actor, ip }: { id: number; message: string; actor: Actor; ip?: string },
) {
  assertPermission(actor, 'moderate:suggestion:any');
  const text = message.trim().slice(0, MAX_REPLY_LENGTH);
  if (!text) throw new ModerationError('not_allowed');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        id: suggestions.id,
        title: suggestions.title,
        trackingCode: suggestions.trackingCode,
        channel: suggestions.channel,
        intakeMeta: suggestions.intakeMeta,
        planTitle: plans.title,
        organizer: plans.organizer,
      })
      .from(suggestions)
      .innerJoin(plans, eq(plans.id, suggestions.planId))
      .where(eq(suggestions.id, id));
    if (!row) throw new NotFound('suggestion');
    const to = await replyAddress(tx, id);
    if (!to) throw new ModerationError('no_email');
    const headers = row.channel === 'email' ? await threadHeaders(tx, row.intakeMeta) : {};
    await enqueueMail(tx, {
      kind: 'staff_reply',
      to,
      subject: staffReplySubject({ trackingCode: row.trackingCode, suggestionTitle: row.title }),
      body: {
        template: 'staff-reply',
        props: {
          planTitle: row.planTitle,
          organizer: row.organizer,
          suggestionTitle: row.title,
          trackingCode: row.trackingCode,
          message: text,
        },
      },
      suggestionId: id,
      headers,
    });
    const [queued] = await tx
      .select({ id: outboxMessages.id })
      .from(outboxMessages)
      .where(eq(outboxMessages.suggestionId, id))
      .orderBy(desc(outboxMessages.id))
      .limit(1);
    await tx
      .update(suggestions)
      .set({ updatedAt: sql`now()` })
      .where(eq(suggestions.id, id));
    await auditSuggestions(tx, {
      actor,
      ip,
      action: 'suggestion.replied',
      ids: [id],
      details: () => ({ outboxId: queued?.id ?? null }),
    });
  });
}

async function threadHeaders(tx: DbExecutor, meta: Record<string, unknown>): Promise<Record<string, string>> {
  let messageId = typeof meta.messageId === 'string' ? meta.messageId : undefined;
  if (!messageId && typeof meta.inboundEmailId === 'number') {
    const [mail] = await tx
      .select({ messageId: inboundEmails.messageId })
      .from(inboundEmails)
      .where(eq(inboundEmails.id, meta.inboundEmailId));
    messageId = mail?.messageId ?? undefined;
  }
  const headers: Record<string, string> = { 'Auto-Submitted': 'auto-replied' };
  if (messageId) Object.assign(headers, { 'In-Reply-To': messageId, References: messageId });
  return headers;
}
