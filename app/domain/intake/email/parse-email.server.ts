import iconv from 'iconv-lite';
import { simpleParser, type Attachment } from 'mailparser';
import sanitizeHtml from 'sanitize-html';
import { classifySender, type MailKind } from './automated.ts';
import { repairCharsets } from './charset-repair.server.ts';

export type ParsedEmail = {
  messageId: string | undefined;
  subject: string;
  from: { address: string | undefined; name: string | undefined };
  date: Date | undefined;
  text: string;
  sanitizedHtml: string | undefined;
  attachments: { filename: string; contentType: string; bytes: Buffer }[];
  kind: MailKind;
  /**
   * Set when some header or text part decoded cleanly in no candidate charset:
   * the best decoding is kept, and a person should read the mail. The reason
   * sentence is `mod.inbox.reason.undecodableText` in app/i18n.
   */
  undecodable: boolean;
};

/**
 * Decodes a raw message in any charset a Chinese sender's client produces.
 * Plain text wins; an HTML-only mail becomes clean text, and its HTML is kept
 * sanitized for staff. Inline images of multipart/related (signatures, logos)
 * are not attachments. Forwarded and quoted text is kept as written.
 */
export async function parseEmail(raw: Buffer): Promise<ParsedEmail> {
  const repaired = repairCharsets(raw);
  const parsed = await simpleParser(repaired.raw, { skipImageLinks: true, skipTextLinks: true });
  const header = (name: string) => {
    const value = parsed.headers.get(name);
    if (value === undefined) return undefined;
    return typeof value === 'string' ? value : JSON.stringify(value);
  };
  const from = parsed.from?.value[0];
  const contentType = parsed.headers.get('content-type') as
    { value?: string; params?: Record<string, string> } | undefined;
  const contentTypeText = contentType?.value
    ? `${contentType.value}; ${Object.entries(contentType.params ?? {})
        .map(([k, v]) => `${k}=${v}`)
        .join('; ')}`
    : undefined;
  const html = typeof parsed.html === 'string' ? parsed.html : undefined;
  const text = normalizeText(parsed.text ?? (html ? htmlToText(html) : ''));
  return {
    messageId: parsed.messageId?.trim() || undefined,
    subject: (parsed.subject ?? '').replace(/\s+/g, ' ').trim(),
    from: { address: from?.address?.toLowerCase(), name: from?.name?.trim() || undefined },
    date: parsed.date,
    // Broken MIME (a boundary that never appears) can leave nothing decoded:
    // then keep the raw body's words rather than lose them.
    text: text || (parsed.attachments.length === 0 ? normalizeText(rawBodyText(raw)) : ''),
    sanitizedHtml: html ? sanitizeHtml(html, { allowedSchemes: ['http', 'https', 'mailto'] }) : undefined,
    attachments: parsed.attachments.filter(isRealAttachment).map((a) => ({
      filename: a.filename?.trim() || 'attachment',
      contentType: a.contentType,
      bytes: a.content,
    })),
    kind: classifySender(header, from?.address, contentTypeText),
    undecodable: repaired.problems.length > 0,
  };
}

function isRealAttachment(attachment: Attachment): boolean {
  if (attachment.related) return false;
  if (attachment.contentDisposition === 'inline' && attachment.cid && attachment.contentType.startsWith('image/'))
    return false;
  // Delivery reports' machine parts are not attachments a person sent.
  return !/^(message\/delivery-status|text\/rfc822-headers)$/i.test(attachment.contentType);
}

function htmlToText(html: string): string {
  // [^<>]: an attempt stops at the next tag, so "<br<br<br…" with no ">" stays linear.
  const withBreaks = html.replace(/<(br|\/p|\/div|\/li|\/tr|\/h\d)\b[^<>]*>/gi, '\n');
  return sanitizeHtml(withBreaks, { allowedTags: [], allowedAttributes: {} })
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}

function rawBodyText(raw: Buffer): string {
  const end = raw.indexOf('\r\n\r\n') >= 0 ? raw.indexOf('\r\n\r\n') + 4 : raw.indexOf('\n\n') + 2;
  const body = end > 1 ? raw.subarray(end) : Buffer.alloc(0);
  const asUtf8 = new TextDecoder('utf-8').decode(body);
  const broken = (asUtf8.match(/\uFFFD/g) ?? []).length;
  const decoded = broken <= Math.max(4, asUtf8.length / 10) ? asUtf8 : iconv.decode(body, 'gb18030');
  // eslint-disable-next-line no-control-regex -- dropping undecodable bytes and control characters
  return decoded.replace(/[\uFFFD\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
}

function normalizeText(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      // Linear on any input: the lookbehind lets only the first blank of a run
      // start a match, so a long run with no newline is scanned once, not once
      // per blank (which made /[ \t]+\n/ quadratic).
      .replace(/(?<![ \t])[ \t]+\n/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  );
}
