import { maskEmail, maskName, maskPhone, maskUnit } from '../../contacts/mask.ts';
import { maskContactsInText } from '../../contacts/contacts-in-text.ts';
import { extractSubmitterDetails } from './submitter-details.ts';

// What the mail queue shows of a mail's text: the words as written, with the
// signature's contact lines (姓名、单位、电话、邮箱) and any address or number
// in the text masked, as contact details are for staff everywhere. The
// unmasked original is the .eml download, for those allowed, audited.

const PREVIEW_CHARS = 20_000;

export type MailPreview = { text: string; signedBy: string | null; truncated: boolean };

export function mailPreview(text: string): MailPreview {
  const { text: body, contact } = extractSubmitterDetails(text);
  const signedBy = [
    contact.name && maskName(contact.name),
    contact.unit && maskUnit(contact.unit),
    contact.phone && maskPhone(contact.phone),
    contact.email && maskEmail(contact.email),
  ]
    .filter(Boolean)
    .join(' · ');
  const chars = [...body];
  return {
    text: maskContactsInText(chars.slice(0, PREVIEW_CHARS).join('')),
    signedBy: signedBy || null,
    truncated: chars.length > PREVIEW_CHARS,
  };
}
