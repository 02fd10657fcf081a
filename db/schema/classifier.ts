import { bigint, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { plans } from './plans.ts';

// The category and tag classifier's counts (docs/decisions/081): for each
// plan, label and token, how many labelled suggestions hold the token. A
// label is 'all' (every suggestion the classifier may learn from),
// 'category:<id>' or 'tag:<id>'; the token '' counts the suggestions
// themselves. Database triggers (migration 0021) append a change to the
// deltas in the same transaction as the change of category, status, tag,
// proposal or search row; reading the models folds the deltas into the
// counts. So the models never read the plan's suggestions, and concurrent
// submissions only append rows (no hot row to wait on).
export const classifierCounts = pgTable(
  'classifier_counts',
  {
    planId: integer()
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    label: text().notNull(),
    token: text().notNull(),
    count: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.label, t.token] })],
);

export const classifierCountDeltas = pgTable(
  'classifier_count_deltas',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    planId: integer()
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    label: text().notNull(),
    token: text().notNull(),
    delta: integer().notNull(),
  },
  (t) => [index('classifier_count_deltas_plan_idx').on(t.planId)],
);
