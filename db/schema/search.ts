import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { staffUsers } from './accounts.ts';
import { categories, plans } from './plans.ts';
import { suggestions } from './suggestions.ts';

const tsvector = customType<{ data: string; driverData: string }>({ dataType: () => 'tsvector' });

// Staff search (docs/decisions/040-chinese-search.md, 041):
// the normalized text (Simplified, half-width, lower case) of title, body and
// attachment text, and a tsvector of its jieba tokens built in the application,
// so that PostgreSQL's parser (which cannot segment Chinese) never sees it.
// One row per suggestion, rewritten by `npm run search:reindex` after the
// segmenter or its dictionary changes (indexVersion says which built it).
export const suggestionSearch = pgTable(
  'suggestion_search',
  {
    suggestionId: bigint({ mode: 'number' })
      .primaryKey()
      .references(() => suggestions.id, { onDelete: 'cascade' }),
    searchText: text().notNull(),
    searchVector: tsvector().notNull(),
    indexVersion: text().notNull(),
    indexedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('suggestion_search_vector_idx').using('gin', t.searchVector),
    // pg_trgm for fragments that are not whole words (3 characters or more).
    index('suggestion_search_text_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    // The search sweep's rows built by another segmenter version: two bounded
    // ranges (below and above the current version), none after a reindex.
    index('suggestion_search_version_idx').on(t.indexVersion, t.suggestionId),
  ],
);

// Near-duplicate detection: MinHash over character shingles of the normalized
// title and body, split into LSH bands. Two suggestions sharing a band are
// candidates; their exact shingle Jaccard decides. clusterId is the smallest
// id of a group of linked near-duplicates (the group's first suggestion).
// linkedAtDocuments: the plan's letter count when the links were last
// computed; links made when the plan was half its size are computed again
// (settle-groups.server.ts, decision 044).
export const suggestionFingerprints = pgTable(
  'suggestion_fingerprints',
  {
    suggestionId: bigint({ mode: 'number' })
      .primaryKey()
      .references(() => suggestions.id, { onDelete: 'cascade' }),
    planId: integer()
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    bands: integer().array().notNull(),
    clusterId: bigint({ mode: 'number' }).notNull(),
    linkedAtDocuments: integer().notNull().default(0),
  },
  (t) => [
    index('suggestion_fingerprints_bands_idx').using('gin', t.bands),
    index('suggestion_fingerprints_cluster_idx').on(t.planId, t.clusterId),
    index('suggestion_fingerprints_linked_at_idx').on(t.planId, t.linkedAtDocuments, t.suggestionId),
  ],
);

// A similar pair, stored once (suggestionId < similarId), with its score.
export const suggestionSimilarities = pgTable(
  'suggestion_similarities',
  {
    suggestionId: bigint({ mode: 'number' })
      .notNull()
      .references(() => suggestions.id, { onDelete: 'cascade' }),
    similarId: bigint({ mode: 'number' })
      .notNull()
      .references(() => suggestions.id, { onDelete: 'cascade' }),
    score: real().notNull(),
    // Which method linked the pair (decision 031): 'shingle' (bigram Jaccard,
    // decision 041) or 'sentences' (sentence alignment); score is that method's.
    method: text({ enum: ['shingle', 'sentences'] })
      .notNull()
      .default('shingle'),
  },
  (t) => [
    primaryKey({ columns: [t.suggestionId, t.similarId] }),
    index('suggestion_similarities_similar_idx').on(t.similarId, t.suggestionId),
  ],
);

// Admin-editable keyword rules per plan: any keyword (normalized) found in a
// suggestion proposes the category and/or the tag.
export const categoryRules = pgTable(
  'category_rules',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    planId: integer()
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    categoryId: integer().references(() => categories.id, { onDelete: 'cascade' }),
    tagName: text(),
    keywords: text().array().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('category_rules_plan_idx').on(t.planId, t.id)],
);

export type ProposedTag = { name: string; confidence: number; source: 'rule' | 'classifier' };

// What the rules and the classifier propose for a suggestion. Never applied
// silently: a moderator accepts it (resolution 'accepted') or sets something
// else. An email's category is pre-filled from it (categoryPrefilled).
export const suggestionProposals = pgTable('suggestion_proposals', {
  suggestionId: bigint({ mode: 'number' })
    .primaryKey()
    .references(() => suggestions.id, { onDelete: 'cascade' }),
  categoryId: integer().references(() => categories.id, { onDelete: 'set null' }),
  confidence: real(),
  source: text().notNull(),
  tags: jsonb().$type<ProposedTag[]>().notNull().default([]),
  /** The words that made a rule propose the category, as staff read them ("饭堂（食堂）"); decision 046. */
  matchedWords: jsonb().$type<string[]>().notNull().default([]),
  categoryPrefilled: boolean().notNull().default(false),
  resolution: text(),
  resolvedBy: integer().references(() => staffUsers.id),
  resolvedAt: timestamp({ withTimezone: true }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
