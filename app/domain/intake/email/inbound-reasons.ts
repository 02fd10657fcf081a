// Every reason intake can store on an inbound mail (inbound_emails.status_reason).
// Staff never see these codes: app/i18n/messages/mail-queue.ts has a sentence
// for each, in both languages, and a test keeps the two lists in step.

export const inboundReasons = [
  // unmatched
  'no_marker',
  'several_plans',
  // held
  'plan_closed',
  'empty',
  'message_too_large',
  'mime_too_complex',
  'parse_error',
  'processing_error',
  'failed_repeatedly',
  // The plan's retention period removed the raw message (app/domain/retention).
  'content_purged',
  // Stored by earlier versions, which held a whole mail for one attachment.
  // Such rows still exist; "重新处理" now ingests them.
  'attachments_over_limit',
  'attachment_extension',
  'attachment_content',
  'attachment_empty',
] as const;

export type InboundReason = (typeof inboundReasons)[number];

/**
 * The code of a stored reason. Earlier versions stored errors as
 * "parse_error: message"; anything unknown (a discarded mail's own words) is
 * undefined, so that the page shows a sentence, never a raw string.
 */
export function inboundReasonCode(stored: string | null | undefined): InboundReason | undefined {
  if (!stored) return undefined;
  const code = stored.split(':', 1)[0]!.trim();
  return (inboundReasons as readonly string[]).includes(code) ? (code as InboundReason) : undefined;
}

// What intake did with each attachment of a mail (inbound_emails.attachment_list).
export const attachmentVerdicts = [
  'accepted',
  'signature',
  'extension',
  'content',
  'empty',
  'too_large',
  'over_count',
] as const;
export type AttachmentVerdict = (typeof attachmentVerdicts)[number];

export type MailAttachmentSummary = {
  index: number;
  filename: string;
  contentType: string;
  sizeBytes: number;
  verdict: AttachmentVerdict;
};

// Why a mail cannot become a suggestion even when a moderator assigns it: the
// page says so in words instead of offering a button that would do nothing.
export const unrescuableReasons: readonly InboundReason[] = [
  'empty',
  'message_too_large',
  'mime_too_complex',
  'content_purged',
];
