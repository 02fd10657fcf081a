import { simpleParser } from 'mailparser';
import { maskEmail } from '../contacts/mask.ts';
import { maskContactsInText } from '../contacts/contacts-in-text.ts';

export type SenderHeaders = {
  from: string | null;
  to: string | null;
  date: Date | null;
  subject: string | null;
  messageId: string | null;
};

/**
 * The headers of an original message, for the detail page. Only the header
 * block is parsed (attachments are not decoded), and the sender's address is
 * masked like any contact detail unless the caller checked read:contact:any.
 */
export async function senderHeaders(raw: Buffer, { mask = true }: { mask?: boolean } = {}): Promise<SenderHeaders> {
  const end = raw.indexOf('\r\n\r\n') >= 0 ? raw.indexOf('\r\n\r\n') : raw.indexOf('\n\n');
  const head = end >= 0 ? raw.subarray(0, end) : raw.subarray(0, 64 * 1024);
  const parsed = await simpleParser(Buffer.concat([head, Buffer.from('\r\n\r\n')]));
  const from = parsed.from?.value[0];
  const to = Array.isArray(parsed.to) ? parsed.to.map((a) => a.text).join(', ') : (parsed.to?.text ?? null);
  return {
    from: from?.address ? (mask ? maskEmail(from.address) : from.address) : null,
    to,
    date: parsed.date ?? null,
    // The subject is the sender's words: a phone or an address in it is masked like the body (decision 058).
    subject: parsed.subject ? (mask ? maskContactsInText(parsed.subject) : parsed.subject) : null,
    messageId: parsed.messageId ?? null,
  };
}
