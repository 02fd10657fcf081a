import { bigint, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { suggestions } from './suggestions.ts';

// 附议: one row per supporter per published suggestion (decision 048). The
// supporter is a random id kept in an HttpOnly cookie; only its SHA-256 is
// stored, so a row says nothing about who supported. A repeat is a no-op.
export const suggestionSupports = pgTable(
  'suggestion_supports',
  {
    suggestionId: bigint({ mode: 'number' })
      .notNull()
      .references(() => suggestions.id, { onDelete: 'cascade' }),
    supporterHash: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.suggestionId, t.supporterHash] })],
);
