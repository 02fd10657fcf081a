import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Database, DbExecutor } from '../../../db/client.server.ts';
import { categories, planSections, plans, staffUsers, tags } from '../../../db/schema/index.ts';

/**
 * The choices offered by the queue's filters and bulk actions. A fixed number
 * of queries: sections, categories and tags are those of the chosen plan, or
 * of every plan (named with the plan) when none is chosen.
 */
export async function queueOptions(db: Database, { planId }: { planId?: number }) {
  const [planRows, categoryRows, sectionRows, tagRows, staffRows] = await Promise.all([
    db
      .select({ id: plans.id, title: plans.title, submitterTypes: plans.submitterTypes })
      .from(plans)
      .orderBy(asc(plans.id)),
    db
      .select({ id: categories.id, name: categories.name, planId: categories.planId })
      .from(categories)
      .where(planId ? eq(categories.planId, planId) : undefined)
      .orderBy(asc(categories.planId), asc(categories.position)),
    planId
      ? db
          .select({ id: planSections.id, number: planSections.number, heading: planSections.heading })
          .from(planSections)
          .where(eq(planSections.planId, planId))
          .orderBy(asc(planSections.position))
      : Promise.resolve([]),
    db
      .select({ id: tags.id, name: tags.name, planId: tags.planId })
      .from(tags)
      .where(planId ? eq(tags.planId, planId) : undefined)
      .orderBy(asc(tags.planId), asc(tags.name)),
    assignableStaff(db),
  ]);
  const submitterTypes = [
    ...new Set(planRows.filter((p) => !planId || p.id === planId).flatMap((p) => p.submitterTypes)),
    '未注明',
  ];
  return {
    plans: planRows.map(({ id, title }) => ({ id, title })),
    categories: categoryRows,
    sections: sectionRows,
    tags: tagRows,
    staff: staffRows,
    submitterTypes,
  };
}

/** Moderators and admins who can take a suggestion (active accounts only). */
export function assignableStaff(db: DbExecutor) {
  return db
    .select({ id: staffUsers.id, name: staffUsers.name })
    .from(staffUsers)
    .where(and(isNull(staffUsers.disabledAt), sql`${staffUsers.role} in ('admin', 'moderator')`))
    .orderBy(asc(staffUsers.name), asc(staffUsers.id));
}
