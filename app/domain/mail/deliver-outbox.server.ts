import { and, asc, eq, lte } from 'drizzle-orm';
import type { Database } from '../../../db/client.server.ts';
import { outboxMessages } from '../../../db/schema/index.ts';
import { crashPoint } from '../../utils/crash-point.ts';
import { openedOutboxMail } from './opened-outbox-mail.server.ts';
import type { MailTransport } from './transport.server.ts';

export const MAX_ATTEMPTS = 8;

/** 1, 2, 4 … minutes between attempts, at most an hour. */
export function backoffSeconds(attempts: number): number {
  return Math.min(3600, 60 * 2 ** Math.max(0, attempts - 1));
}

/**
 * Sends due outbox messages one at a time. Each is locked with SKIP LOCKED
 * for the length of its send, so several workers never send the same message.
 * Delivery is at least once: a crash after the SMTP server accepted a message
 * but before the commit sends it again on the next run, with the same
 * Message-ID, so that mail clients and servers can recognise the duplicate.
 */
export async function deliverDueMail(
  db: Database,
  transport: MailTransport,
  { from, now = () => new Date(), limit = 20 }: { from: string; now?: () => Date; limit?: number },
): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (let i = 0; i < limit; i++) {
    const outcome = await db.transaction(async (tx) => {
      const [message] = await tx
        .select()
        .from(outboxMessages)
        .where(and(eq(outboxMessages.status, 'pending'), lte(outboxMessages.nextAttemptAt, now())))
        .orderBy(asc(outboxMessages.nextAttemptAt))
        .limit(1)
        .for('update', { skipLocked: true });
      if (!message) return 'idle' as const;
      try {
        const { to, html, text } = await openedOutboxMail(message);
        // Purged by retention before it could be sent: nothing left to send.
        if (!to) throw new Error('recipient purged');
        await transport.send({
          from,
          to,
          subject: message.subject,
          html: html ?? '',
          text: text ?? '',
          headers: message.headers,
          messageId: outboxMessageId(message, from),
        });
        crashPoint('mail-after-smtp-accept');
        await tx
          .update(outboxMessages)
          .set({ status: 'sent', sentAt: now(), attempts: message.attempts + 1, lastError: null })
          .where(eq(outboxMessages.id, message.id));
        return 'sent' as const;
      } catch (error) {
        const attempts = message.attempts + 1;
        const giveUp = attempts >= MAX_ATTEMPTS;
        await tx
          .update(outboxMessages)
          .set({
            attempts,
            status: giveUp ? 'failed' : 'pending',
            nextAttemptAt: new Date(now().getTime() + backoffSeconds(attempts) * 1000),
            // The error text may quote the address; keep only its class and code.
            lastError: describeError(error),
          })
          .where(eq(outboxMessages.id, message.id));
        return 'failed' as const;
      }
    });
    if (outcome === 'idle') break;
    if (outcome === 'sent') sent += 1;
    else failed += 1;
  }
  return { sent, failed };
}

/** The same for every attempt at one outbox row: the row's id and creation time. */
export function outboxMessageId(message: { id: number; createdAt: Date }, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'localhost';
  return `<jianyan.outbox.${message.id}.${message.createdAt.getTime()}@${domain}>`;
}

function describeError(error: unknown): string {
  if (error && typeof error === 'object') {
    const { code, responseCode, name } = error as { code?: string; responseCode?: number; name?: string };
    return [name, code, responseCode].filter(Boolean).join(' ') || 'error';
  }
  return 'error';
}
