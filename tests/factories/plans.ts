import crypto from 'node:crypto';
import type { Database } from '../../db/client.server.ts';
import { categories, planSections, plans } from '../../db/schema/index.ts';

const DAY = 24 * 60 * 60 * 1000;

type PlanOverrides = Partial<typeof plans.$inferInsert>;

/** Inserts a plan (open for 30 days from yesterday unless told otherwise). */
export async function createPlan(db: Database, overrides: PlanOverrides = {}) {
  const now = Date.now();
  const [plan] = await db
    .insert(plans)
    .values({
      slug: `plan-${crypto.randomBytes(4).toString('hex')}`,
      title: '测试规划（征求意见稿）',
      status: 'open',
      opensAt: new Date(now - DAY),
      closesAt: new Date(now + 30 * DAY),
      ...overrides,
    })
    .returning();
  return plan!;
}

export async function addSections(db: Database, planId: number, headings: string[]) {
  return db
    .insert(planSections)
    .values(headings.map((heading, position) => ({ planId, position, heading, number: `第${position + 1}章` })))
    .returning();
}

export async function addCategories(db: Database, planId: number, names: string[]) {
  return db
    .insert(categories)
    .values(names.map((name, position) => ({ planId, position, name })))
    .returning();
}
