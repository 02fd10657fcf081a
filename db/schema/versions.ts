import { bigint, index, integer, pgTable, primaryKey, smallint, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { staffUsers } from './accounts.ts';
import { plans } from './plans.ts';
import { suggestions } from './suggestions.ts';

// Published versions of a plan's draft (issue 10). plan_sections stays the
// working text that every other query reads; publishing a version copies it
// here, frozen, so that each version stays readable at a stable URL.
// Version 1 is the draft as first published.
export const planVersions = pgTable(
  'plan_versions',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    planId: integer()
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    number: integer().notNull(),
    // 修订说明: a public note on what this version changes overall.
    note: text().notNull().default(''),
    publishedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    // Null when the system took the snapshot (version 1 of a plan published before versions existed).
    publishedById: integer().references(() => staffUsers.id),
  },
  (t) => [unique('plan_versions_plan_number_key').on(t.planId, t.number)],
);

export const planVersionSections = pgTable(
  'plan_version_sections',
  {
    versionId: integer()
      .notNull()
      .references(() => planVersions.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    // The plan_sections id the text was copied from: a section keeps its id
    // through edits and moves, so this identifies it across versions. No
    // foreign key: a section removed later is still part of old versions.
    sectionKey: integer().notNull(),
    level: smallint().notNull(),
    number: text().notNull(),
    heading: text().notNull(),
    bodyMarkdown: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.position] })],
);

// Why a section changed in a version, and the adopted suggestions behind it
// (修改理由). Keyed by section, not by version section, so that a removed
// section (absent from the new version) can carry a reason too.
export const planVersionChanges = pgTable(
  'plan_version_changes',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    versionId: integer()
      .notNull()
      .references(() => planVersions.id, { onDelete: 'cascade' }),
    sectionKey: integer().notNull(),
    reason: text().notNull().default(''),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('plan_version_changes_version_section_key').on(t.versionId, t.sectionKey)],
);

export const planVersionChangeSuggestions = pgTable(
  'plan_version_change_suggestions',
  {
    changeId: integer()
      .notNull()
      .references(() => planVersionChanges.id, { onDelete: 'cascade' }),
    suggestionId: bigint({ mode: 'number' })
      .notNull()
      .references(() => suggestions.id, { onDelete: 'cascade' }),
  },
  // /track asks "which changes cite this suggestion": by suggestion first.
  (t) => [
    primaryKey({ columns: [t.changeId, t.suggestionId] }),
    index('plan_version_change_suggestions_suggestion_idx').on(t.suggestionId, t.changeId),
  ],
);
