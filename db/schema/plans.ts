import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';

export const planStatus = pgEnum('plan_status', ['draft', 'open', 'closed', 'archived']);

export const plans = pgTable(
  'plans',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    slug: text().notNull().unique('plans_slug_key'),
    title: text().notNull(),
    summary: text().notNull().default(''),
    organizer: text().notNull().default(''),
    status: planStatus().notNull().default('draft'),
    opensAt: timestamp({ withTimezone: true }),
    closesAt: timestamp({ withTimezone: true }),
    // The words a sender must put in the subject line, as the seed notice asks:
    // 「来稿请注明'十四五'规划意见建议字样」. Matched leniently by email intake.
    emailMarker: text(),
    // Per-plan form settings (issue 4). Submitter types are labels shown as
    // written, in the plan's language; the defaults suit a university.
    bodyMinLength: integer().notNull().default(10),
    bodyMaxLength: integer().notNull().default(5000),
    submitterTypes: text()
      .array()
      .notNull()
      .default(sql`array['在校学生','教职工','校友','社会人士','单位或团体']::text[]`),
    allowAnonymous: boolean().notNull().default(false),
    // 采纳情况公示: /plans/:slug/report is public from this moment (issue 7).
    reportPublishedAt: timestamp({ withTimezone: true }),
    // 《重大行政决策程序暂行条例》 Art. 15: a comment period under 30 days must
    // be explained. Required by the plan form then, and shown on the plan page.
    shortWindowReason: text(),
    // Contact details and raw mail of this plan's submitters are purged this
    // many days after it closes (app/domain/retention); suggestions,
    // decisions and counts stay.
    contactRetentionDays: integer().notNull().default(180),
    // Set by the purge; the participant count is frozen then, because the
    // addresses it was counted by are gone.
    contactsPurgedAt: timestamp({ withTimezone: true }),
    participantCountAtPurge: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('plans_status_opens_at_idx').on(t.status, t.opensAt.desc(), t.id.desc()),
    check('plans_slug_format', sql`${t.slug} ~ '^[a-z0-9][a-z0-9-]{0,79}$'`),
    check('plans_body_lengths', sql`${t.bodyMinLength} >= 1 and ${t.bodyMaxLength} >= ${t.bodyMinLength}`),
    check('plans_contact_retention_days', sql`${t.contactRetentionDays} between 1 and 3650`),
    check('plans_window_order', sql`${t.closesAt} is null or ${t.opensAt} is null or ${t.closesAt} > ${t.opensAt}`),
  ],
);

export const planSections = pgTable(
  'plan_sections',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    planId: integer()
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    // 1 = top of the outline (第一编, 第三章, 5) … 6 = deepest (5.1.1.1.1). Kept flat
    // and ordered so the table of contents is one indexed query (docs/decisions/068).
    level: smallint().notNull().default(1),
    number: text().notNull().default(''),
    heading: text().notNull(),
    bodyMarkdown: text().notNull().default(''),
  },
  (t) => [
    unique('plan_sections_plan_position_key').on(t.planId, t.position),
    check('plan_sections_level', sql`${t.level} between 1 and 6`),
  ],
);

export const categories = pgTable(
  'categories',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    planId: integer()
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    name: text().notNull(),
    nameEn: text(),
  },
  (t) => [
    unique('categories_plan_name_key').on(t.planId, t.name),
    index('categories_plan_position_idx').on(t.planId, t.position),
  ],
);
