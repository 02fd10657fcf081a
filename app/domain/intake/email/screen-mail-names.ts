import { maskContactsInText } from '../../contacts/contacts-in-text.ts';
import { maskFileName } from '../../contacts/screen-text.ts';
import type { MailAttachmentSummary } from './inbound-reasons.ts';

// A mail's subject and its attachments' names are the sender's words, shown
// in the mail queue to moderators who may not read contact details
// («意见-王建国-13912345678»). They are masked like suggestion text
// (decision 057) before they are stored; what masking changed is sealed with
// the row (`inbound_emails.masked_originals`) for contact readers, and goes
// with the raw message at retention and deletion.

export type MailOriginals = { subject?: string; attachmentNames?: { index: number; name: string }[] };

export type ScreenedMailNames = {
  subject: string | null;
  attachmentList: MailAttachmentSummary[] | null;
  originals: MailOriginals | null;
};

export function screenMailNames(
  subject: string | null,
  attachmentList: MailAttachmentSummary[] | null,
): ScreenedMailNames {
  const maskedSubject = subject === null ? null : maskContactsInText(subject);
  const names: { index: number; name: string }[] = [];
  const list =
    attachmentList?.map((file) => {
      const filename = maskFileName(file.filename);
      if (filename !== file.filename) names.push({ index: file.index, name: file.filename });
      return { ...file, filename };
    }) ?? null;
  const originals: MailOriginals = {
    ...(subject !== null && maskedSubject !== subject ? { subject } : {}),
    ...(names.length > 0 ? { attachmentNames: names } : {}),
  };
  const changed = originals.subject !== undefined || originals.attachmentNames !== undefined;
  return { subject: maskedSubject, attachmentList: list, originals: changed ? originals : null };
}
