import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { staffUsers } from './accounts.ts';
import { publicationConsent, suggestions } from './suggestions.ts';
import { satisfactionLevels } from '../../app/domain/suggestions/vocabulary.ts';

// Closing the loop (issue 10): the submitter's rating of how a suggestion was
// handled (《信访工作条例》 Art. 29), the single-purpose links in decision
// emails that let them rate, and consent changes recorded by staff.

export const satisfaction = pgEnum('satisfaction', satisfactionLevels);

// One rating per suggestion: the primary key is what makes "once" hold under
// concurrent posts.
export const suggestionRatings = pgTable(
  'suggestion_ratings',
  {
    suggestionId: bigint({ mode: 'number' })
      .primaryKey()
      .references(() => suggestions.id, { onDelete: 'cascade' }),
    rating: satisfaction().notNull(),
    comment: text(),
    // 'track' (code + contact) or 'email_link' (the token in the decision email).
    via: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('suggestion_ratings_via', sql`${t.via} in ('track', 'email_link')`)],
);

// The rating link's token is stored as its SHA-256 only: a database reader
// cannot rebuild a working link, and the token proves nothing but "may rate
// this one suggestion" (it never shows the reply, status or contact).
export const ratingTokens = pgTable(
  'rating_tokens',
  {
    tokenHash: text().primaryKey(),
    suggestionId: bigint({ mode: 'number' })
      .notNull()
      .references(() => suggestions.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('rating_tokens_suggestion_idx').on(t.suggestionId)],
);

// The publication consent changed: by the submitter themselves (on /track,
// with their proof; no actor), or recorded by a staff member holding the
// contact permission on the submitter's word (a letter, a call). The note
// says how consent was given and may name a person, so it lives here,
// staff-only, and the audit log keeps ids only. Append-only (a trigger).
export const publicationConsentChanges = pgTable(
  'publication_consent_changes',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    suggestionId: bigint({ mode: 'number' })
      .notNull()
      .references(() => suggestions.id, { onDelete: 'cascade' }),
    fromConsent: publicationConsent().notNull(),
    toConsent: publicationConsent().notNull(),
    note: text().notNull(),
    /** 'submitter' (on /track) or 'staff' (recorded on the submitter's word). */
    changedBy: text().$type<'submitter' | 'staff'>().notNull().default('staff'),
    actorId: integer().references(() => staffUsers.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('publication_consent_changes_suggestion_idx').on(t.suggestionId, t.id.desc())],
);

// A submitter's request that a mailed link confirms: today, deleting their
// contact details. Only the token's hash is stored; the link works once.
export const submitterRequests = pgTable(
  'submitter_requests',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    suggestionId: bigint({ mode: 'number' })
      .notNull()
      .references(() => suggestions.id, { onDelete: 'cascade' }),
    kind: text().$type<'delete_contact'>().notNull(),
    tokenHash: text().notNull().unique(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('submitter_requests_suggestion_idx').on(t.suggestionId)],
);
