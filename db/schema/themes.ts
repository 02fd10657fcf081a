import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { staffUsers } from './accounts.ts';
import { plans } from './plans.ts';
import { suggestions, tags } from './suggestions.ts';

// Themes proposed while a consultation is open (decision 047): groups of
// content words that recur together, which moderators accept, rename, merge
// or reject. An accepted theme is a plan tag (`tagId`) that a job assigns.

export const themes = pgTable(
  'themes',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    planId: integer()
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    /** proposed | accepted | rejected | merged */
    status: text().notNull().default('proposed'),
    /** What moderators call it; the top terms until someone renames it. */
    label: text().notNull(),
    /** The word group, most frequent first: a suggestion belongs when it has the first and one other. */
    terms: jsonb().$type<string[]>().notNull(),
    /** The first two terms, sorted: the same group found again updates its row instead of adding one. */
    signature: text().notNull(),
    /** A sentence that carries most of the terms, contact details masked. */
    representative: text().notNull(),
    /** Suggestions of the sample that belong, at the last discovery. */
    size: integer().notNull(),
    mergedIntoId: integer(),
    tagId: integer().references(() => tags.id, { onDelete: 'set null' }),
    decidedBy: integer().references(() => staffUsers.id),
    decidedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('themes_plan_signature_key').on(t.planId, t.signature),
    index('themes_plan_status_idx').on(t.planId, t.status),
  ],
);

/** A tag a moderator took off a suggestion: the theme job never puts it back (decision 047). */
export const suggestionTagRemovals = pgTable(
  'suggestion_tag_removals',
  {
    suggestionId: bigint({ mode: 'number' })
      .notNull()
      .references(() => suggestions.id, { onDelete: 'cascade' }),
    tagId: integer()
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
    removedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.suggestionId, t.tagId] })],
);
