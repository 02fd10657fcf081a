import { eq, sql } from 'drizzle-orm';
import type { Database, Transaction as Tx } from './client.server.ts';
import { campusPlan, developmentPlan, type DemoSection } from './demo/development-plan.ts';
import { demoSuggestions } from './demo/suggestions.ts';
import { reindexSuggestions } from '../app/domain/search/reindex.server.ts';
import { saveContact } from '../app/domain/contacts/contacts.server.ts';
import { categories, planSections, plans, suggestions, suggestionTags, tags } from './schema/index.ts';

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
  const openPlanId = await insertPlan(tx, developmentPlan, 'open', new Date(now.getTime() - 7 * DAY), new Date(now.getTime() + 45 * DAY));
  if (openPlanId) {
    created.push(developmentPlan.slug);
    await insertDemoSuggestions(tx, openPlanId, now);
    // The demo's 采纳情况公示 is published, so /plans/:slug/report has something to show.
    await tx.update(plans).set({ reportPublishedAt: now }).where(eq(plans.id, openPlanId));
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
  if (!plan) return undefined;
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
  return plan.id;
}

async function insertDemoSuggestions(tx: Tx, planId: number, now: Date) {
  const sectionRows = await tx.select({ id: planSections.id, heading: planSections.heading }).from(planSections).where(eq(planSections.planId, planId));
  const categoryRows = await tx.select({ id: categories.id, name: categories.name }).from(categories).where(eq(categories.planId, planId));
  const tagIds = new Map<string, number>();
  const ids: number[] = [];
  for (const demo of demoSuggestions) {
    const submittedAt = new Date(now.getTime() - demo.daysAgo * DAY);
    const decided = ['adopted', 'partially_adopted', 'not_adopted'].includes(demo.status);
    const [row] = await tx
      .insert(suggestions)
      .values({
        trackingCode: demo.code,
        planId,
        sectionId: sectionRows.find((s) => s.heading === demo.section)?.id ?? null,
        categoryId: categoryRows.find((c) => c.name === demo.category)?.id ?? null,
        title: demo.title,
        body: demo.body,
        channel: demo.channel,
        submitterType: demo.submitterType,
        status: demo.status,
        decisionReason: demo.reason ?? null,
        publicReply: demo.reply ?? null,
        publicSummary: demo.summary ?? null,
        publishable: Boolean(demo.summary),
        // The demo's published summaries stand for submitters who chose 匿名公开.
        publicationConsent: demo.summary ? 'anonymous' : 'none',
        reviewStartedAt: decided || demo.status === 'in_review' ? new Date(submittedAt.getTime() + DAY / 2) : null,
        decidedAt: decided ? new Date(submittedAt.getTime() + DAY) : null,
        submittedAt,
        intakeMeta: { demo: true },
      })
      .returning({ id: suggestions.id });
    ids.push(row!.id);
    await saveContact(tx, row!.id, demo.contact);
    for (const name of demo.tags ?? []) {
      if (!tagIds.has(name)) {
        const [tag] = await tx.insert(tags).values({ planId, name }).returning({ id: tags.id });
        tagIds.set(name, tag!.id);
      }
      await tx.insert(suggestionTags).values({ suggestionId: row!.id, tagId: tagIds.get(name)! });
    }
  }
  // Demo rows skip submitSuggestion (they carry decisions); index them the same way.
  await reindexSuggestions(tx, ids);
}
