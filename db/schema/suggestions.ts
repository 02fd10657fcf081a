import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { staffUsers } from './accounts.ts';
import { categories, planSections, plans } from './plans.ts';
import { sealed } from './sealed.ts';
import { channels, publicationConsents, statuses } from '../../app/domain/suggestions/vocabulary.ts';

// The values live in app/domain/suggestions/vocabulary.ts, with what each means.
export const suggestionChannel = pgEnum('suggestion_channel', channels);

export const publicationConsent = pgEnum('publication_consent', publicationConsents);

export const suggestionStatus = pgEnum('suggestion_status', statuses);

export const suggestions = pgTable(
  'suggestions',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    trackingCode: text().notNull().unique('suggestions_tracking_code_key'),
    planId: integer()
      .notNull()
      .references(() => plans.id),
    sectionId: integer().references(() => planSections.id, { onDelete: 'set null' }),
    categoryId: integer().references(() => categories.id, { onDelete: 'set null' }),
    title: text().notNull(),
    body: text().notNull(),
    channel: suggestionChannel().notNull(),
    submitterType: text().notNull(),
    status: suggestionStatus().notNull().default('received'),
    // Why a suggestion is held (pending_verification): 'captcha_unavailable',
    // 'captcha_missing', … Shown to moderators, never to the public.
    heldReason: text(),
    // Makes every intake idempotent: the web form's one-time key, an email's
    // Message-ID hash. A retry finds the existing row instead of adding one.
    intakeKey: text().unique('suggestions_intake_key_key'),
    // Channel details that are not contact details (e.g. the form's locale).
    intakeMeta: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    publicReply: text(),
    // The moderator's rationale for 采纳 / 部分采纳 / 不予采纳 (internal;
    // exported to planners). The public sees publicReply only.
    decisionReason: text(),
    // A short public summary for the adoption report, and whether staff chose
    // to publish this suggestion there (never with a name or contact).
    publicSummary: text(),
    publishable: boolean().notNull().default(false),
    decidedAt: timestamp({ withTimezone: true }),
    // When review first started (the /track timeline's 办理中 date); kept through reopening.
    reviewStartedAt: timestamp({ withTimezone: true }),
    publicationConsent: publicationConsent().notNull().default('none'),
    // The moderator in charge (triage assignment); staff are never deleted.
    assigneeId: integer().references(() => staffUsers.id),
    // Set with status 'duplicate': the suggestion that was kept. Both rows and
    // both submitters' records stay.
    duplicateOfId: bigint({ mode: 'number' }).references((): AnyPgColumn => suggestions.id),
    submittedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    // Which version of the contact detector masked title, body and attachment
    // text (docs/decisions/057); NULL: written before it, masked at start-up.
    contactScreenVersion: smallint(),
    // When the enrichment job (search row, near-duplicate links, proposal)
    // finished; NULL until then. The search sweep finds what its job missed
    // through the partial index below, without reading the table
    // (docs/decisions/083-search-sweep-by-partial-index.md).
    enrichedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    // Lists are paged by key (id), newest first, within a plan or a status.
    index('suggestions_plan_id_idx').on(t.planId, t.id.desc()),
    index('suggestions_status_id_idx').on(t.status, t.id.desc()),
    index('suggestions_section_idx').on(t.sectionId),
    index('suggestions_category_idx').on(t.categoryId),
    // Exports filtered by date and the dashboard's submissions per day.
    index('suggestions_plan_submitted_idx').on(t.planId, t.submittedAt),
    // The triage queue pages by (submitted_at, id) or (updated_at, id), keyset,
    // in either direction, within a plan and status, an assignee, or all.
    // NULLS FIRST on purpose: a plain `order by x desc` means DESC NULLS
    // FIRST, and the planner uses an index only when the null order matches
    // too (drizzle-kit's .desc() alone writes NULLS LAST: measured, a 1M-row
    // first page fell back to a full sort, 2.3 s).
    index('suggestions_submitted_idx').on(t.submittedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('suggestions_updated_idx').on(t.updatedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('suggestions_plan_status_submitted_idx').on(
      t.planId,
      t.status,
      t.submittedAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    index('suggestions_plan_updated_idx').on(t.planId, t.updatedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('suggestions_status_submitted_idx').on(t.status, t.submittedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('suggestions_assignee_submitted_idx')
      .on(t.assigneeId, t.submittedAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`${t.assigneeId} is not null`),
    index('suggestions_duplicate_of_idx')
      .on(t.duplicateOfId)
      .where(sql`${t.duplicateOfId} is not null`),
    // The start-up masking of older rows finds what is left in one index scan (none, once done).
    index('suggestions_unscreened_idx')
      .on(t.id)
      .where(sql`${t.contactScreenVersion} is null`),
    index('suggestions_unenriched_idx')
      .on(t.id)
      .where(sql`${t.enrichedAt} is null`),
  ],
);

// Contact details live apart from the suggestion, so that no public query can
// reach them by accident: only app/domain/contacts may read this table.
export const suggestionContacts = pgTable(
  'suggestion_contacts',
  {
    suggestionId: bigint({ mode: 'number' })
      .primaryKey()
      .references(() => suggestions.id, { onDelete: 'cascade' }),
    // Sealed (AES-256-GCM); see app/domain/contacts.
    name: sealed(),
    unit: sealed(),
    phone: sealed(),
    email: sealed(),
    // Blind indexes (keyed HMAC) for /track's proof and the participant
    // count: equal values match without any plaintext in the database.
    emailIndex: sealed(),
    phoneIndex: sealed(),
    phoneLast4Index: sealed(),
    // The contact key that sealed this row; NULL only for rows written before
    // encryption, which the start-up backfill seals.
    keyId: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('suggestion_contacts_key_id_idx').on(t.keyId)],
);

// What a submitter wrote before the contact details in it were masked
// (issue 13, point 4): only for holders of read:contact:any, through the
// audited reveal. A row exists only where masking changed something. Sealed
// like suggestion_contacts; app/domain/contacts/text-originals.server.ts owns it.
export const suggestionTextOriginals = pgTable(
  'suggestion_text_originals',
  {
    suggestionId: bigint({ mode: 'number' })
      .primaryKey()
      .references(() => suggestions.id, { onDelete: 'cascade' }),
    title: sealed(),
    body: sealed(),
    // JSON [{ attachmentId, text }] of the attachments whose text was masked.
    attachmentTexts: sealed(),
    // JSON [{ attachmentId, name }] of the attachments whose file name was masked.
    attachmentNames: sealed(),
    keyId: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('suggestion_text_originals_key_id_idx').on(t.keyId)],
);

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

export const attachments = pgTable(
  'attachments',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    suggestionId: bigint({ mode: 'number' })
      .notNull()
      .references(() => suggestions.id, { onDelete: 'cascade' }),
    filename: text().notNull(),
    contentType: text().notNull(),
    sizeBytes: integer().notNull(),
    sha256: text().notNull(),
    // Stored in PostgreSQL so that a receipt means the file is committed with
    // the suggestion (docs/decisions/002-attachments-in-postgres.md).
    content: bytea().notNull(),
    // Text of .docx/.pdf/.txt attachments, for staff reading and search.
    extractedText: text(),
    // Why no text was extracted when a budget stopped it ('zip_limits',
    // 'time_limit', 'memory_limit'); shown to staff as a sentence.
    textNote: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('attachments_suggestion_idx').on(t.suggestionId), check('attachments_size', sql`${t.sizeBytes} >= 0`)],
);

// Moderators' tags, per plan.
export const tags = pgTable(
  'tags',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    planId: integer()
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('tags_plan_name_key').on(t.planId, t.name)],
);

export const suggestionTags = pgTable(
  'suggestion_tags',
  {
    suggestionId: bigint({ mode: 'number' })
      .notNull()
      .references(() => suggestions.id, { onDelete: 'cascade' }),
    tagId: integer()
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.suggestionId, t.tagId] }),
    index('suggestion_tags_tag_idx').on(t.tagId, t.suggestionId),
  ],
);
