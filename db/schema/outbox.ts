import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { sealed } from './sealed.ts';

export const outboxStatus = pgEnum('outbox_status', ['pending', 'sent', 'failed']);

// Mail is written here in the same transaction as the change that causes it,
// then delivered by the worker (app/domain/mail). A crash between commit and
// send delays a message; it never loses one or sends one for a rolled-back change.
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    kind: text().notNull(),
    // Sealed (AES-256-GCM) by app/domain/mail: the address and the body
    // (which may quote the sender's name or text). NULL once purged.
    toAddress: sealed(),
    subject: text().notNull(),
    // What to render at delivery: a template name (emails/templates.ts) and
    // its props as sealed JSON. Rows queued before decision 089, and nothing
    // else, carry the rendered html and text instead.
    template: text(),
    props: sealed(),
    html: sealed(),
    text: sealed(),
    // The contact key of the sealed columns; NULL only before the backfill.
    keyId: text(),
    // Extra headers, e.g. Auto-Submitted and In-Reply-To on replies to mail.
    headers: jsonb().$type<Record<string, string>>().notNull().default({}),
    status: outboxStatus().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastError: text(),
    suggestionId: bigint({ mode: 'number' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('outbox_pending_idx')
      .on(t.nextAttemptAt)
      .where(sql`status = 'pending'`),
  ],
);
