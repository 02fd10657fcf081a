import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  uniqueIndex,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { sealed } from './sealed.ts';

export const staffRole = pgEnum('staff_role', ['admin', 'moderator', 'planner']);

// Staff accounts. Accounts are disabled, never deleted: the audit log refers
// to them for good. Sign-in throttling lives in rate_limits (decision 075).
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

// A browser the owner has signed in from (or opened an emailed unlock link
// in). Its cookie holds a random token, stored here as a SHA-256 only. Sign-in
// attempts from a known device are counted per device, not per address, so
// someone guessing from the same address cannot lock the owner out
// (docs/decisions/090).
export const staffKnownDevices = pgTable(
  'staff_known_devices',
  {
    tokenHash: text().primaryKey(),
    userId: integer()
      .notNull()
      .references(() => staffUsers.id),
    // 'sign_in' or 'unlock_link': how the browser became known (for the audit and the owner).
    via: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('staff_known_devices_user_idx').on(t.userId)],
);

// Single-use links mailed to a staff member who cannot sign in: opening one
// (with a POST, never a GET: mail scanners follow links) makes that browser a
// known device. The token is stored as a SHA-256 only.
export const staffUnlockLinks = pgTable(
  'staff_unlock_links',
  {
    tokenHash: text().primaryKey(),
    userId: integer()
      .notNull()
      .references(() => staffUsers.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('staff_unlock_links_user_idx').on(t.userId)],
);
