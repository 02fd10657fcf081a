import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgEnum, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import type { MailAttachmentSummary } from '../../app/domain/intake/email/inbound-reasons.ts';
import { plans } from './plans.ts';
import { sealed } from './sealed.ts';
import { suggestions } from './suggestions.ts';

// hCaptcha tokens already redeemed, by SHA-256, so that a replayed token is
// refused even when siteverify cannot tell (unreachable, or a lenient fake).
export const usedCaptchaTokens = pgTable('used_captcha_tokens', {
  tokenHash: text().primaryKey(),
  usedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

// What became of an inbound email. 'pending' = stored, not yet processed.
export const inboundEmailStatus = pgEnum('inbound_email_status', [
  'pending',
  'ingested',
  'unmatched',
  'held',
  'auto_reply',
  'bounce',
  'discarded',
]);

// Every inbound email is stored raw first (store, then parse, then flag on the
// IMAP server), so that nothing a sender wrote can be lost, and de-duplicated
// by Message-ID (or the hash of the raw bytes when there is none).
export const inboundEmails = pgTable(
  'inbound_emails',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    dedupeKey: text().notNull().unique('inbound_emails_dedupe_key_key'),
    messageId: text(),
    source: text().notNull(),
    // Sealed (AES-256-GCM): the message carries the sender's address, name and
    // signature. NULL once purged by the plan's retention period.
    raw: sealed(),
    // The header block alone (first 16 KiB), sealed apart, so that the mail
    // queue can show senders without opening whole messages.
    rawHead: sealed(),
    sizeBytes: integer().notNull(),
    status: inboundEmailStatus().notNull().default('pending'),
    // Why it is held, unmatched, or not ingested: a code from
    // app/domain/intake/email/inbound-reasons.ts (a moderator's own words when
    // discarded). Staff see it as a sentence (app/i18n), never as the code.
    statusReason: text(),
    // The figures that sentence needs (sizes, limits, attempts) and, for
    // errors, the technical message for an administrator.
    statusDetail: jsonb().$type<Record<string, string | number>>(),
    // The decoded text, so that a moderator reads a mail before deciding.
    // Contact lines in it are masked on display for staff without the permission.
    // Sealed like `raw`: the text carries the sender's signature.
    text: sealed(),
    // Each attachment by name, with what intake did with it (kept, signature,
    // not accepted and why); null until the message was parsed.
    attachmentList: jsonb().$type<MailAttachmentSummary[]>(),
    // Decoded subject, for the moderators' queues, with contact details in it
    // masked like suggestion text (decision 057); the attachment names in
    // `attachmentList` too. The sender is in `raw` and is read, like any
    // contact detail, only by permitted staff.
    subject: text(),
    // Sealed like `raw`: JSON { subject?, attachmentNames?: [{ index, name }] }
    // of what masking changed, NULL when it changed nothing.
    maskedOriginals: sealed(),
    // The detector version that screened subject and file names; NULL = not yet
    // (mail stored before, masked at start-up, app/domain/privacy/mask-older-mail.server.ts).
    contactScreenVersion: smallint(),
    planId: integer().references(() => plans.id, { onDelete: 'set null' }),
    suggestionId: bigint({ mode: 'number' }).references(() => suggestions.id, { onDelete: 'set null' }),
    // Sanitized HTML of an HTML mail, kept for staff.
    // Sealed like `raw`: signatures carry phone numbers and addresses.
    sanitizedHtml: sealed(),
    // The contact key of `raw` and `sanitizedHtml`; NULL only before the backfill.
    keyId: text(),
    // When the plan's retention period removed the raw message (app/domain/retention).
    contentPurgedAt: timestamp({ withTimezone: true }),
    attempts: integer().notNull().default(0),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('inbound_emails_status_idx').on(t.status, t.id.desc()),
    index('inbound_emails_key_id_idx').on(t.keyId),
    // Empty once every older mail is screened: the start-up check is one empty scan.
    index('inbound_emails_unscreened_idx')
      .on(t.id)
      .where(sql`${t.contactScreenVersion} is null`),
  ],
);

// Where the IMAP poller got to, per mailbox: UIDVALIDITY and the last UID
// fully processed. A changed UIDVALIDITY restarts from the beginning;
// de-duplication makes that safe.
export const imapSyncState = pgTable('imap_sync_state', {
  mailbox: text().primaryKey(),
  uidValidity: bigint({ mode: 'bigint' }).notNull(),
  lastUid: bigint({ mode: 'number' }).notNull().default(0),
  // UIDs are processed in order, so only the next one can be failing. Each
  // attempt is counted before the work starts (a crash counts too); after
  // INTAKE_MAX_FAILURES the message is held and intake moves on.
  failingUid: bigint({ mode: 'number' }),
  failingAttempts: integer().notNull().default(0),
  failingError: text(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
