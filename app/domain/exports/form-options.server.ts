import { asc, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.server.ts';
import { categories, planSections, plans, tags } from '../../../db/schema/index.ts';

export type ExportFormOptions = {
  plans: { id: number; title: string }[];
  plan: { id: number; slug: string; title: string; submitterTypes: string[] } | undefined;
  categories: { id: number; name: string }[];
  sections: { id: number; label: string }[];
  tags: { id: number; name: string }[];
};

/** What the export form offers: every plan (drafts too: staff export any), and the chosen plan's choices. */
export async function exportFormOptions(db: Database, planId: number | undefined): Promise<ExportFormOptions> {
  const planRows = await db
    .select({ id: plans.id, slug: plans.slug, title: plans.title, submitterTypes: plans.submitterTypes })
    .from(plans)
    // Open consultations first: the default is the one staff are working on.
    .orderBy(sql`${plans.status} = 'open' desc`, desc(plans.id))
    .limit(200);
  const plan = planRows.find((p) => p.id === planId) ?? planRows[0];
  if (!plan) return { plans: [], plan: undefined, categories: [], sections: [], tags: [] };
  const [categoryRows, sectionRows, tagRows] = await Promise.all([
    db
      .select({ id: categories.id, name: categories.name })
      .from(categories)
      .where(eq(categories.planId, plan.id))
      .orderBy(asc(categories.position)),
    db
      .select({
        id: planSections.id,
        number: planSections.number,
        heading: planSections.heading,
        level: planSections.level,
      })
      .from(planSections)
      .where(eq(planSections.planId, plan.id))
      .orderBy(asc(planSections.position)),
    db.select({ id: tags.id, name: tags.name }).from(tags).where(eq(tags.planId, plan.id)).orderBy(asc(tags.name)),
  ]);
  return {
    plans: planRows.map(({ id, title }) => ({ id, title })),
    plan,
    categories: categoryRows,
    sections: sectionRows.map((s) => ({
      id: s.id,
      label:
        `${'　'.repeat(Math.max(0, s.level - 1))}${s.number}${/[、.．]$/.test(s.number) ? '' : ' '}${s.heading}`.trimEnd(),
    })),
    tags: tagRows,
  };
}
