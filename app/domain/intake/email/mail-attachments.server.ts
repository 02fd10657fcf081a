import { checkAttachment, MAX_ATTACHMENTS } from '../../suggestions/attachment-type.ts';
import { attachmentText } from '../../files/attachment-text.server.ts';
import type { MailAttachmentSummary } from './inbound-reasons.ts';
import type { ParsedEmail } from './parse-email.server.ts';
import { signatureKind } from './signature-part.ts';

type Files = ParsedEmail['attachments'];

/**
 * What intake does with each attachment of a mail. A signature is recognised
 * and set aside; up to MAX_ATTACHMENTS files of an accepted type go with the
 * suggestion; every other file stays in the stored mail, listed with the
 * reason, for staff to download. One file never holds the whole mail.
 */
export function listAttachments(files: Files): MailAttachmentSummary[] {
  let accepted = 0;
  return files.map((file, index) => {
    // PostgreSQL text and jsonb cannot hold NUL.
    const summary = {
      index,
      filename: file.filename.replaceAll('\u0000', ''),
      contentType: file.contentType.replaceAll('\u0000', ''),
      sizeBytes: file.bytes.length,
    };
    if (signatureKind(file)) return { ...summary, verdict: 'signature' };
    const check = checkAttachment(summary.filename, file.bytes);
    if (!check.ok) return { ...summary, verdict: check.reason };
    if (accepted >= MAX_ATTACHMENTS) return { ...summary, verdict: 'over_count' };
    accepted += 1;
    return { ...summary, contentType: check.contentType, verdict: 'accepted' };
  });
}

export async function sortAttachments(files: Files) {
  const list = listAttachments(files);
  const accepted = [];
  for (const entry of list.filter((file) => file.verdict === 'accepted')) {
    const bytes = files[entry.index]!.bytes;
    const extension = entry.filename.toLowerCase().split('.').pop() ?? '';
    accepted.push({
      filename: entry.filename,
      contentType: entry.contentType,
      bytes,
      ...(await attachmentText(extension, bytes)),
    });
  }
  const signatureEntry = list.find((file) => file.verdict === 'signature');
  const signature = signatureEntry ? signatureKind(files[signatureEntry.index]!) : undefined;
  const notKept = list.filter((file) => file.verdict !== 'accepted' && file.verdict !== 'signature');
  return { accepted, list, signature, notKept };
}
