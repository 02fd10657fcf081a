import { maskContactsInText } from './contacts-in-text.ts';

// The reason a staff member types for an audited contact act is the one text
// of a person's own words that an audit row keeps (decision 014). Staff paste
// the very details they went to look up into it (a phone number, an address,
// an ID number), and the audit log is read by admins who may not hold
// read:contact:any, so it goes through the same detector as suggestion text.

/** The reveal forms' limit too (contact-panel.tsx, suggestion-contact.tsx); kept here so no caller can store more. */
export const AUDIT_REASON_MAX_CHARS = 200;

/**
 * The reason as the audit row keeps it: trimmed, contact details masked, then
 * cut to the limit. Masking comes first: a number cut in half at the limit
 * would no longer look like a number, and its digits would stay in clear.
 * Empty when nothing was typed.
 */
export function auditReason(typed: string): string {
  const masked = maskContactsInText(typed.trim());
  // By code point, so the cut never splits a character outside the BMP.
  return Array.from(masked).slice(0, AUDIT_REASON_MAX_CHARS).join('').trim();
}

/**
 * An audit row's details as the audit page shows them. Rows written before
 * reasons were masked hold the words as typed, and the log cannot be
 * rewritten (decision 011), so the reason is masked again when it is read.
 * Masking a masked reason changes at most a labelled number into stars.
 */
export function detailsWithMaskedReason(details: unknown): unknown {
  if (!details || typeof details !== 'object' || Array.isArray(details)) return details;
  const { reason } = details as { reason?: unknown };
  return typeof reason === 'string' ? { ...details, reason: maskContactsInText(reason) } : details;
}
