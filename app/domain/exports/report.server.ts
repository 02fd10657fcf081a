import { and, eq, inArray, isNotNull, notInArray, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.server.ts';
import { categories, plans, suggestions } from '../../../db/schema/index.ts';
import { publicNames } from '../contacts/contacts.server.ts';
import { supportCount } from '../suggestions/published-suggestion.ts';
import { reportFigures, type ReportFigures } from '../feedback/report-figures.server.ts';
import type { decisionStatuses } from './vocabulary.ts';

type DecisionStatus = (typeof decisionStatuses)[number];

// The public adoption report (采纳情况公示). It reads suggestions' public
// fields (the moderator's summary, never the submitted text) and lists only
// those whose submitter agreed to publication (署名公开 or 匿名公开). A name
// comes from the contacts module, which gives it for 署名公开 only; no unit
// or contact detail can appear.

const publicPlanStatuses = ['open', 'closed', 'archived'] as const;

export type ReportCountRow = {
  category: string | null;
  adopted: number;
  partiallyAdopted: number;
  notAdopted: number;
  pending: number;
  total: number;
};
// supporters: this submitter and everyone whose suggestion was marked a duplicate of it (批量雷同来信 count once).
export type ReportItem = {
  id: number;
  category: string | null;
  status: 'adopted' | 'partially_adopted';
  submitterType: string;
  summary: string;
  reply: string | null;
  /** Only with 署名公开. */
  name: string | null;
  supporters: number;
  /** 附议 recorded for it on the public form (decision 048). */
  supports: number;
};
export type PublicReport = {
  plan: { slug: string; title: string; organizer: string; publishedAt: Date };
  counts: ReportCountRow[];
  items: ReportItem[];
  figures: ReportFigures;
};

/** The report of a published plan, or null: unpublished reports do not exist for the public. */
export async function getPublicReport(db: Database, slug: string): Promise<PublicReport | null> {
  const [plan] = await db
    .select({
      id: plans.id,
      slug: plans.slug,
      title: plans.title,
      organizer: plans.organizer,
      publishedAt: plans.reportPublishedAt,
    })
    .from(plans)
    .where(
      and(eq(plans.slug, slug), inArray(plans.status, [...publicPlanStatuses]), isNotNull(plans.reportPublishedAt)),
    );
  if (!plan?.publishedAt) return null;
  const count = (status: DecisionStatus) =>
    sql<number>`(count(*) filter (where ${suggestions.status} = ${status}))::int`;
  const [counts, items, figures] = await Promise.all([
    db
      .select({
        category: categories.name,
        adopted: count('adopted'),
        partiallyAdopted: count('partially_adopted'),
        notAdopted: count('not_adopted'),
        pending: sql<number>`(count(*) filter (where ${suggestions.status} not in ('adopted', 'partially_adopted', 'not_adopted')))::int`,
        total: sql<number>`count(*)::int`,
      })
      .from(suggestions)
      .leftJoin(categories, eq(categories.id, suggestions.categoryId))
      // Spam is not a suggestion, and a duplicate is counted with its original.
      .where(and(eq(suggestions.planId, plan.id), notInArray(suggestions.status, ['spam', 'duplicate'])))
      .groupBy(categories.id)
      .orderBy(sql`min(${categories.position}) nulls last`),
    db
      .select({
        id: suggestions.id,
        category: categories.name,
        status: suggestions.status,
        submitterType: suggestions.submitterType,
        summary: suggestions.publicSummary,
        reply: suggestions.publicReply,
        supporters: sql<number>`(1 + (select count(*) from ${suggestions} d where d.duplicate_of_id = ${suggestions.id} and d.status = 'duplicate'))::int`,
        supports: supportCount,
      })
      .from(suggestions)
      .leftJoin(categories, eq(categories.id, suggestions.categoryId))
      .where(
        and(
          eq(suggestions.planId, plan.id),
          eq(suggestions.publishable, true),
          inArray(suggestions.status, ['adopted', 'partially_adopted']),
          isNotNull(suggestions.publicSummary),
          inArray(suggestions.publicationConsent, ['named', 'anonymous']),
        ),
      )
      .orderBy(sql`${categories.position} nulls last`, suggestions.id),
    reportFigures(db, plan.id),
  ]);
  const names = await publicNames(
    db,
    items.map((item) => item.id),
  );
  return {
    plan: { slug: plan.slug, title: plan.title, organizer: plan.organizer, publishedAt: plan.publishedAt },
    counts,
    items: items.map((item) => ({
      ...item,
      status: item.status as ReportItem['status'],
      summary: item.summary ?? '',
      name: names.get(item.id) ?? null,
    })),
    figures,
  };
}

/** Makes /plans/:slug/report public. Publishing again keeps the first date. */
export async function publishReport(db: Database, planId: number, now = new Date()): Promise<Date | null> {
  const [row] = await db
    .update(plans)
    .set({ reportPublishedAt: sql`coalesce(${plans.reportPublishedAt}, ${now.toISOString()}::timestamptz)` })
    .where(eq(plans.id, planId))
    .returning({ publishedAt: plans.reportPublishedAt });
  return row?.publishedAt ?? null;
}

/** Any plan, drafts included, for staff pages addressed by slug. */
export async function findPlanForStaff(db: Database, slug: string) {
  const [plan] = await db
    .select({
      id: plans.id,
      slug: plans.slug,
      title: plans.title,
      status: plans.status,
      reportPublishedAt: plans.reportPublishedAt,
    })
    .from(plans)
    .where(eq(plans.slug, slug));
  return plan;
}
