import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, pgEnum, pgTable, primaryKey, smallint, uniqueIndex, text, timestamp } from 'drizzle-orm/pg-core';
import { sealed } from './sealed.ts';

export const staffRole = pgEnum('staff_role', ['admin', 'moderator', 'planner']);

// Staff accounts. Accounts are disabled, never deleted: the audit log refers
// to them for good. Throttling state (failures, lock) lives on the row so that
// every web process sees it.
export const staffUsers = pgTable(
  'staff_users',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    email: text().notNull(),
    name: text().notNull(),
    role: staffRole().notNull(),
    passwordHash: text().notNull(),
    // Set for accounts created with a one-time password: the first login must choose a new one.
    mustChangePassword: boolean().notNull().default(false),
    disabledAt: timestamp({ withTimezone: true }),
    failedLoginCount: smallint().notNull().default(0),
    lockedUntil: timestamp({ withTimezone: true }),
    // Sealed (AES-256-GCM) by app/domain/accounts/totp.server.ts: a database
    // dump must not let anyone mint staff codes.
    totpSecret: sealed(),
    totpPendingSecret: sealed(),
    // The contact key of the two secrets; NULL only before the backfill.
    totpKeyId: text(),
    // The last TOTP time step accepted: a code is never accepted twice.
    totpLastCounter: bigint({ mode: 'number' }),
    totpEnabledAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('staff_users_email_key').on(sql`lower(${t.email})`),
    check('staff_users_email_format', sql`${t.email} ~ '^[^@\\s]+@[^@\\s]+$'`),
  ],
);

// Permissions beyond the role, granted one by one (today: read:contact:any).
export const staffPermissionGrants = pgTable(
  'staff_permission_grants',
  {
    userId: integer()
      .notNull()
      .references(() => staffUsers.id),
    permission: text().notNull(),
    grantedBy: integer().references(() => staffUsers.id),
    grantedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.permission] })],
);

// The cookie holds a random token; only its SHA-256 is stored, so a copy of
// this table (a backup) cannot be replayed as a login.
export const staffSessions = pgTable(
  'staff_sessions',
  {
    idHash: text().primaryKey(),
    userId: integer()
      .notNull()
      .references(() => staffUsers.id),
    // True between the password step and the TOTP step: such a session opens nothing but that step.
    awaitingSecondFactor: boolean().notNull().default(false),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('staff_sessions_user_idx').on(t.userId), index('staff_sessions_expires_idx').on(t.expiresAt)],
);

export const staffRecoveryCodes = pgTable(
  'staff_recovery_codes',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    userId: integer()
      .notNull()
      .references(() => staffUsers.id),
    codeHash: text().notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('staff_recovery_codes_user_idx').on(t.userId, t.codeHash)],
);
