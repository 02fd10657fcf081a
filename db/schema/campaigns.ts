import { bigint, index, integer, jsonb, pgTable, primaryKey } from 'drizzle-orm/pg-core';
import { plans } from './plans.ts';
import { suggestions } from './suggestions.ts';

// Campaigns by meaning (docs/decisions/031-campaigns-by-meaning.md): each
// suggestion's sentences as folded content words with their stance, and a
// hash of each distinct content word for an index-backed candidate search.
// Written by the enrichment job with the near-duplicate links.
export const suggestionContentWords = pgTable(
  'suggestion_content_words',
  {
    suggestionId: bigint({ mode: 'number' })
      .primaryKey()
      .references(() => suggestions.id, { onDelete: 'cascade' }),
    planId: integer()
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    terms: integer().array().notNull(),
    sentences: jsonb().$type<{ words: string[]; stance: -1 | 0 | 1; actions: string[] }[]>().notNull(),
  },
  (t) => [index('suggestion_content_words_terms_idx').using('gin', t.terms)],
);

// In how many of a plan's suggestions each content word (by its hash) occurs:
// the IDF weights of sentence alignment come from the plan's own letters.
// Term 0 holds the number of the plan's suggestions counted.
export const planTermCounts = pgTable(
  'plan_term_counts',
  {
    planId: integer()
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    term: integer().notNull(),
    documents: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.term] })],
);
