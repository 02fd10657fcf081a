// "Never answer automated mail" (RFC 3834 and common practice): answering an
// auto-reply, a list or a bounce starts mail loops and spams lists.

export type MailKind = 'person' | 'auto_reply' | 'bounce';

type HeaderLookup = (name: string) => string | undefined;

const ROBOT_SENDERS = /^(mailer-daemon|postmaster|no-?reply|do-?not-?reply|bounces?)(\+.*)?$/i;

export function classifySender(
  header: HeaderLookup,
  fromAddress: string | undefined,
  contentType: string | undefined,
): MailKind {
  const local = fromAddress?.split('@')[0] ?? '';
  const type = (contentType ?? '').toLowerCase();
  if (/^(mailer-daemon|postmaster)$/i.test(local)) return 'bounce';
  if (type.startsWith('multipart/report') && /report-type\s*=\s*"?delivery-status/.test(type)) return 'bounce';
  if (type.startsWith('message/delivery-status')) return 'bounce';
  const autoSubmitted = header('auto-submitted')?.trim().toLowerCase();
  if (autoSubmitted && autoSubmitted !== 'no') return 'auto_reply';
  if (/^(bulk|list|junk|auto_reply)$/i.test(header('precedence')?.trim() ?? '')) return 'auto_reply';
  if (header('list-id') || header('list-unsubscribe')) return 'auto_reply';
  if (header('x-autoreply') || header('x-autorespond')) return 'auto_reply';
  if (ROBOT_SENDERS.test(local)) return 'auto_reply';
  return 'person';
}
