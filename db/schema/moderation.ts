import { bigint, index, integer, pgTable, primaryKey, text, timestamp, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { staffUsers } from './accounts.ts';
import { suggestions } from './suggestions.ts';

// Staff-only notes on a suggestion, threaded (a reply points at its parent).
// Never shown to the public or exported to the report.
export const suggestionNotes = pgTable(
  'suggestion_notes',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    suggestionId: bigint({ mode: 'number' })
      .notNull()
      .references(() => suggestions.id, { onDelete: 'cascade' }),
    parentId: bigint({ mode: 'number' }).references((): AnyPgColumn => suggestionNotes.id, { onDelete: 'cascade' }),
    authorId: integer()
      .notNull()
      .references(() => staffUsers.id),
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('suggestion_notes_suggestion_idx').on(t.suggestionId, t.id)],
);

// "@name" in a note, resolved to the colleague when the note is written, so
// that a later rename does not lose it and "notes mentioning me" is one index.
export const suggestionNoteMentions = pgTable(
  'suggestion_note_mentions',
  {
    noteId: bigint({ mode: 'number' })
      .notNull()
      .references(() => suggestionNotes.id, { onDelete: 'cascade' }),
    staffUserId: integer()
      .notNull()
      .references(() => staffUsers.id),
  },
  (t) => [
    primaryKey({ columns: [t.noteId, t.staffUserId] }),
    index('suggestion_note_mentions_staff_idx').on(t.staffUserId, t.noteId),
  ],
);
