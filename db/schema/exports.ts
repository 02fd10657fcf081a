import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

// One row per export download (issue 7). Temporary home of the export audit:
// when the staff branch's append-only audit_log is merged, recordExportAudit
// writes there instead and this table can be dropped. No personal data: the
// filter holds ids and enum values, never a name or free text typed by a submitter.
export const exportLog = pgTable(
  'export_log',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    // The staff member; null until staff accounts exist on this branch.
    actorId: integer(),
    planId: integer(),
    format: text().notNull(),
    filter: jsonb().$type<Record<string, unknown>>().notNull(),
    rowCount: integer().notNull(),
    includedContacts: boolean().notNull(),
    // False when the client went away or the export failed part way.
    completed: boolean().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('export_log_at_idx').on(t.at.desc())],
);
