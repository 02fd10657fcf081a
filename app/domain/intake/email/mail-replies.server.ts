import type { Transaction } from '../../../../db/client.server.ts';
import { heldNoticeSubject } from '../../../../emails/held-notice.tsx';
import type { DomainSettings } from '../../settings.ts';
import { enqueueMail } from '../../mail/outbox.server.ts';
import { consumeRateLimit } from '../../rate-limit/rate-limit.server.ts';
import type { ParsedEmail } from './parse-email.server.ts';

// Replies carry Auto-Submitted (RFC 3834) so that well-behaved auto-responders
// do not answer them, and thread under the sender's message.
export function replyHeaders(parsed: Pick<ParsedEmail, 'messageId'>): Record<string, string> {
  const headers: Record<string, string> = { 'Auto-Submitted': 'auto-replied' };
  if (parsed.messageId) Object.assign(headers, { 'In-Reply-To': parsed.messageId, References: parsed.messageId });
  return headers;
}

export async function mayReply(
  tx: Transaction,
  parsed: Pick<ParsedEmail, 'from'>,
  config: DomainSettings,
): Promise<boolean> {
  if (!parsed.from.address || config.intake.repliesPerHour === 0) return false;
  const limit = await consumeRateLimit(tx, {
    key: `mail-reply:${parsed.from.address}`,
    limit: config.intake.repliesPerHour,
    windowSeconds: 3600,
  });
  return limit.allowed;
}

/** The polite explanation to the sender of a mail too large to take. */
export async function notifySender(
  tx: Transaction,
  parsed: Pick<ParsedEmail, 'from' | 'messageId'>,
  planTitle: string,
  config: DomainSettings,
) {
  if (!(await mayReply(tx, parsed, config))) return;
  await enqueueMail(tx, {
    kind: 'held_notice',
    to: parsed.from.address!,
    subject: heldNoticeSubject(),
    body: { template: 'held-notice', props: { planTitle, reason: 'attachments' } },
    headers: replyHeaders(parsed),
  });
}
