import { and, asc, desc, eq, gt, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.server.ts';
import { categories, planSections, plans } from '../../../db/schema/index.ts';

// Public queries. They read plans, sections and categories only: contact
// details live in another table that nothing here touches.

const publicStatuses = ['open', 'closed', 'archived'] as const;

const planSummaryColumns = {
  id: plans.id,
  slug: plans.slug,
  title: plans.title,
  summary: plans.summary,
  organizer: plans.organizer,
  status: plans.status,
  opensAt: plans.opensAt,
  closesAt: plans.closesAt,
};

export type PlanSummary = {
  id: number;
  slug: string;
  title: string;
  summary: string;
  organizer: string;
  status: 'draft' | 'open' | 'closed' | 'archived';
  opensAt: Date | null;
  closesAt: Date | null;
};

/** Consultations taking suggestions now, newest first (by opening date). */
export async function listOpenPlans(db: Database, { now = new Date(), limit = 50 } = {}): Promise<PlanSummary[]> {
  return db
    .select(planSummaryColumns)
    .from(plans)
    .where(
      and(
        eq(plans.status, 'open'),
        or(isNull(plans.opensAt), lte(plans.opensAt, now)),
        or(isNull(plans.closesAt), gt(plans.closesAt, now)),
      ),
    )
    .orderBy(sql`${plans.opensAt} desc nulls last`, desc(plans.id))
    .limit(limit);
}

/** Recently ended consultations, most recently closed first. */
export async function listClosedPlans(db: Database, { now = new Date(), limit = 10 } = {}): Promise<PlanSummary[]> {
  return db
    .select(planSummaryColumns)
    .from(plans)
    .where(or(eq(plans.status, 'closed'), and(eq(plans.status, 'open'), lte(plans.closesAt, now))))
    .orderBy(sql`${plans.closesAt} desc nulls last`, desc(plans.id))
    .limit(limit);
}

export type PublicPlan = PlanSummary & {
  emailMarker: string | null;
  bodyMinLength: number;
  bodyMaxLength: number;
  submitterTypes: string[];
  allowAnonymous: boolean;
  shortWindowReason: string | null;
  sections: { id: number; level: number; number: string; heading: string; bodyMarkdown: string }[];
  categories: { id: number; name: string; nameEn: string | null }[];
};

/** A published plan with its sections and categories; drafts are not public. */
export async function getPublicPlan(db: Database, slug: string): Promise<PublicPlan | null> {
  const [plan] = await db
    .select({
      ...planSummaryColumns,
      emailMarker: plans.emailMarker,
      bodyMinLength: plans.bodyMinLength,
      bodyMaxLength: plans.bodyMaxLength,
      submitterTypes: plans.submitterTypes,
      allowAnonymous: plans.allowAnonymous,
      shortWindowReason: plans.shortWindowReason,
    })
    .from(plans)
    .where(and(eq(plans.slug, slug), inArray(plans.status, [...publicStatuses])))
    .limit(1);
  if (!plan) return null;
  const [sectionRows, categoryRows] = await Promise.all([
    db
      .select({
        id: planSections.id,
        level: planSections.level,
        number: planSections.number,
        heading: planSections.heading,
        bodyMarkdown: planSections.bodyMarkdown,
      })
      .from(planSections)
      .where(eq(planSections.planId, plan.id))
      .orderBy(asc(planSections.position)),
    db
      .select({ id: categories.id, name: categories.name, nameEn: categories.nameEn })
      .from(categories)
      .where(eq(categories.planId, plan.id))
      .orderBy(asc(categories.position)),
  ]);
  return { ...plan, sections: sectionRows, categories: categoryRows };
}
