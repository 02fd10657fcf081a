import { assertPermission, type Actor } from '../authorization/actor.ts';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.server.ts';
import { planSections, plans } from '../../../db/schema/index.ts';
import { recordAudit } from '../audit/record-audit.server.ts';
import type { SectionFields } from './manage-sections.server.ts';
import { pairByHeading } from '../versions/compare-sections.ts';
import { ensureFirstVersion } from '../versions/publish-version.server.ts';

// A revised draft re-imported from Word into a published plan. Unlike the
// draft import (replaceSections), existing sections are kept and updated in
// place where a new section has the same or a similar heading: their ids are
// what suggestions point at and what the versions use to follow a section.
// Only sections with no counterpart are removed (their suggestions keep
// everything but the section link) or added.

export type ReimportPlan = { matches: (number | null)[]; removed: { id: number; number: string; heading: string }[] };

/** Which current section each imported one replaces (by id), and which current ones would go. */
export function planReimport(
  current: { id: number; number: string; heading: string }[],
  imported: { heading: string }[],
): ReimportPlan {
  const pairs = pairByHeading(
    current.map((s) => s.heading),
    imported.map((s) => s.heading),
  );
  const matches: (number | null)[] = imported.map(() => null);
  for (const [i, j] of pairs) matches[j] = current[i]!.id;
  const kept = new Set(matches);
  return { matches, removed: current.filter((s) => !kept.has(s.id)) };
}

export async function previewReimport(
  db: Database,
  { planId, sections }: { planId: number; sections: SectionFields[] },
) {
  const current = await db
    .select({ id: planSections.id, number: planSections.number, heading: planSections.heading })
    .from(planSections)
    .where(eq(planSections.planId, planId))
    .orderBy(asc(planSections.position));
  const plan = planReimport(current, sections);
  return { matches: plan.matches.map((id) => current.find((s) => s.id === id) ?? null), removed: plan.removed };
}

export async function reimportSections(
  db: Database,
  { planId, sections, viewer, ip }: { planId: number; sections: SectionFields[]; viewer: Actor; ip: string },
): Promise<{ ok: true } | { ok: false; error: 'not_published' }> {
  assertPermission(viewer, 'manage:plan:any');
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(7211051, ${planId})`);
    const [plan] = await tx.select({ status: plans.status }).from(plans).where(eq(plans.id, planId));
    if (!plan || plan.status === 'draft') return { ok: false, error: 'not_published' } as const;
    await ensureFirstVersion(tx, planId, viewer.id);
    const current = await tx
      .select({ id: planSections.id, number: planSections.number, heading: planSections.heading })
      .from(planSections)
      .where(eq(planSections.planId, planId))
      .orderBy(asc(planSections.position));
    const { matches, removed } = planReimport(current, sections);
    if (removed.length)
      await tx.delete(planSections).where(
        inArray(
          planSections.id,
          removed.map((s) => s.id),
        ),
      );
    // (plan_id, position) is unique and not deferrable: park the kept rows below zero first.
    await tx
      .update(planSections)
      .set({ position: sql`-1 - ${planSections.position}` })
      .where(eq(planSections.planId, planId));
    for (const [position, fields] of sections.entries()) {
      const id = matches[position];
      if (id)
        await tx
          .update(planSections)
          .set({ ...fields, position })
          .where(eq(planSections.id, id));
      else await tx.insert(planSections).values({ planId, position, ...fields });
    }
    const kept = matches.filter(Boolean).length;
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'plan.sections_imported',
      targetType: 'plan',
      targetId: planId,
      details: { kept, added: sections.length - kept, removed: removed.length },
      ip,
    });
    return { ok: true } as const;
  });
}
