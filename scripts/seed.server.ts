import { eq, sql } from 'drizzle-orm';
import type { Database, Transaction as Tx } from '../db/client.server.ts';
import { campusPlan, developmentPlan, type DemoSection } from './demo/development-plan.ts';
import { demoSuggestions, type DemoSuggestion } from './demo/suggestions.ts';
import { campusRevisions, campusSuggestions } from './demo/campus-suggestions.ts';
import { campaignLetters } from './demo/campaign-letters.ts';
import { reindexSuggestions } from '../app/domain/enrichment/reindex.server.ts';
import { saveContact } from '../app/domain/contacts/contacts.server.ts';
import { freezeWorkingText } from '../app/domain/versions/publish-version.server.ts';
import {
  categories,
  planSections,
  plans,
  planVersionChanges,
  planVersionChangeSuggestions,
  suggestionRatings,
  suggestions,
  suggestionTags,
  tags,
} from '../db/schema/index.ts';

const DAY = 24 * 60 * 60 * 1000;

/** How many suggestions the demo seeds across both consultations. */
export const demoSuggestionCount = demoSuggestions.length + campaignLetters.length + campusSuggestions.length;
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
  const openPlanId = await insertPlan(
    tx,
    developmentPlan,
    'open',
    new Date(now.getTime() - 7 * DAY),
    new Date(now.getTime() + 45 * DAY),
  );
  if (openPlanId) {
    created.push(developmentPlan.slug);
    await insertDemoSuggestions(tx, openPlanId, [...demoSuggestions, ...campaignLetters], now);
    // The demo's 采纳情况公示 is published, so /plans/:slug/report has something to show.
    await tx.update(plans).set({ reportPublishedAt: now }).where(eq(plans.id, openPlanId));
  }
  const campusOpens = new Date(now.getTime() - 200 * DAY);
  const campusCloses = new Date(now.getTime() - 170 * DAY);
  const campusPlanId = await insertPlan(tx, campusPlan, 'closed', campusOpens, campusCloses);
  if (campusPlanId) {
    created.push(campusPlan.slug);
    await finishCampusConsultation(tx, campusPlanId, campusCloses, now);
  }
  return created;
}

/**
 * The closed consultation as a finished one looks: decisions with replies,
 * ratings, a published 采纳情况, and version 2 whose 修改对照表 cites the
 * adopted suggestions. Version 1 is the text as it was opened for comment.
 */
async function finishCampusConsultation(tx: Tx, planId: number, closesAt: Date, now: Date) {
  const ids = await insertDemoSuggestions(tx, planId, campusSuggestions, now);
  await freezeWorkingText(tx, {
    planId,
    number: 1,
    note: '',
    actorId: null,
    publishedAt: new Date(closesAt.getTime() - 30 * DAY),
  });
  const sectionRows = await tx
    .select({ id: planSections.id, heading: planSections.heading })
    .from(planSections)
    .where(eq(planSections.planId, planId));
  for (const revision of campusRevisions) {
    const section = sectionRows.find((s) => s.heading === revision.heading)!;
    await tx.update(planSections).set({ bodyMarkdown: revision.body }).where(eq(planSections.id, section.id));
  }
  const revisedAt = new Date(closesAt.getTime() + 20 * DAY);
  const versionId = await freezeWorkingText(tx, {
    planId,
    number: 2,
    note: '根据征求意见修订',
    actorId: null,
    publishedAt: revisedAt,
  });
  for (const revision of campusRevisions) {
    const section = sectionRows.find((s) => s.heading === revision.heading)!;
    const [change] = await tx
      .insert(planVersionChanges)
      .values({ versionId, sectionKey: section.id, reason: revision.reason })
      .returning({ id: planVersionChanges.id });
    const linked = revision.codes.map((code) => ids.get(code)!);
    await tx
      .insert(planVersionChangeSuggestions)
      .values(linked.map((suggestionId) => ({ changeId: change!.id, suggestionId })));
  }
  await tx
    .update(plans)
    .set({ reportPublishedAt: new Date(Math.min(now.getTime(), revisedAt.getTime() + DAY)) })
    .where(eq(plans.id, planId));
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

/** Inserts demo suggestions with their contacts, tags and ratings; returns their ids by tracking code. */
async function insertDemoSuggestions(
  tx: Tx,
  planId: number,
  demos: DemoSuggestion[],
  now: Date,
): Promise<Map<string, number>> {
  const sectionRows = await tx
    .select({ id: planSections.id, heading: planSections.heading })
    .from(planSections)
    .where(eq(planSections.planId, planId));
  const categoryRows = await tx
    .select({ id: categories.id, name: categories.name })
    .from(categories)
    .where(eq(categories.planId, planId));
  const tagIds = new Map<string, number>();
  const ids = new Map<string, number>();
  for (const demo of demos) {
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
        // Published summaries stand for submitters who chose 匿名公开, unless
        // the (fictional) submitter chose 署名公开.
        publicationConsent: demo.summary ? (demo.consent ?? 'anonymous') : 'none',
        reviewStartedAt: decided || demo.status === 'in_review' ? new Date(submittedAt.getTime() + DAY / 2) : null,
        decidedAt: decided ? new Date(submittedAt.getTime() + DAY) : null,
        submittedAt,
        intakeMeta: { demo: true },
      })
      .returning({ id: suggestions.id });
    ids.set(demo.code, row!.id);
    await saveContact(tx, row!.id, demo.contact);
    if (demo.rating)
      await tx.insert(suggestionRatings).values({
        suggestionId: row!.id,
        rating: demo.rating,
        via: 'track',
        createdAt: new Date(submittedAt.getTime() + 2 * DAY),
      });
    for (const name of demo.tags ?? []) {
      if (!tagIds.has(name)) {
        const [tag] = await tx.insert(tags).values({ planId, name }).returning({ id: tags.id });
        tagIds.set(name, tag!.id);
      }
      await tx.insert(suggestionTags).values({ suggestionId: row!.id, tagId: tagIds.get(name)! });
    }
  }
  // Demo rows skip submitSuggestion (they carry decisions); index them the same way.
  await reindexSuggestions(tx, [...ids.values()]);
  return ids;
}
