import { bigint, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { staffUsers } from './accounts.ts';

// Append-only: a trigger (migration audit-log-append-only) refuses UPDATE,
// DELETE and TRUNCATE. Details hold ids and field names, never personal data.
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    // Null for the system and the command line, and for failed logins to unknown accounts.
    actorId: integer().references(() => staffUsers.id),
    action: text().notNull(),
    targetType: text(),
    targetId: text(),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    // HMAC of the client address with a per-installation key (app_secrets):
    // lets staff see that attempts came from one place without storing the address.
    ipHash: text(),
  },
  (t) => [
    // The audit page pages by id, newest first, optionally within one actor or action.
    index('audit_log_actor_idx').on(t.actorId, t.id.desc()),
    index('audit_log_action_idx').on(t.action, t.id.desc()),
    index('audit_log_at_idx').on(t.at),
    // A suggestion's history on its detail page (issue 5).
    index('audit_log_target_idx').on(t.targetType, t.targetId, t.id.desc()),
  ],
);

// Random keys made once per installation, shared by every process through the database.
export const appSecrets = pgTable('app_secrets', {
  name: text().primaryKey(),
  value: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
