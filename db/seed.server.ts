import { sql } from 'drizzle-orm';
import type { Database, Transaction as Tx } from './client.server.ts';
import { campusPlan, developmentPlan, type DemoSection } from './demo/development-plan.ts';
import { categories, planSections, plans } from './schema/index.ts';

const DAY = 24 * 60 * 60 * 1000;
const SEED_LOCK = 7_211_043;

type DemoPlan = {
  slug: string;
  title: string;
  organizer: string;
  emailMarker: string;
  summary: string;
  categories: readonly (readonly [string, string])[];
  sections: DemoSection[];
};

/**
 * Seeds the demo consultations when the database has no plan at all. Safe to
 * call from several processes at once: the advisory lock makes it run once.
 */
export async function seedIfEmpty(db: Database, now = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
    const existing = await tx.select({ id: plans.id }).from(plans).limit(1);
    if (existing.length > 0) return false;
    await insertDemoPlans(tx, now);
    return true;
  });
}

/** `npm run db:seed`: adds the demo plans unless plans with their slugs exist. */
export async function seedDemoData(db: Database, now = new Date()): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
    return insertDemoPlans(tx, now);
  });
}

async function insertDemoPlans(tx: Tx, now: Date): Promise<string[]> {
  const created: string[] = [];
  // The open consultation's window is placed around "now" so that a fresh
  // install always has a consultation accepting suggestions.
  if (await insertPlan(tx, developmentPlan, 'open', new Date(now.getTime() - 7 * DAY), new Date(now.getTime() + 45 * DAY))) {
    created.push(developmentPlan.slug);
  }
  if (await insertPlan(tx, campusPlan, 'closed', new Date(now.getTime() - 200 * DAY), new Date(now.getTime() - 170 * DAY))) {
    created.push(campusPlan.slug);
  }
  return created;
}

async function insertPlan(tx: Tx, demo: DemoPlan, status: 'open' | 'closed', opensAt: Date, closesAt: Date) {
  const [plan] = await tx
    .insert(plans)
    .values({
      slug: demo.slug,
      title: demo.title,
      organizer: demo.organizer,
      summary: demo.summary,
      emailMarker: demo.emailMarker,
      status,
      opensAt,
      closesAt,
    })
    .onConflictDoNothing({ target: plans.slug })
    .returning({ id: plans.id });
  if (!plan) return false;
  await tx.insert(planSections).values(
    demo.sections.map((section, position) => ({
      planId: plan.id,
      position,
      level: section.level,
      number: section.number,
      heading: section.heading,
      bodyMarkdown: section.body,
    })),
  );
  await tx
    .insert(categories)
    .values(demo.categories.map(([name, nameEn], position) => ({ planId: plan.id, position, name, nameEn })));
  return true;
}
