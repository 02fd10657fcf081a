import { assertPermission } from '../authorization/actor.ts';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.server.ts';
import { planSections, plans } from '../../../db/schema/index.ts';
import { recordAudit } from '../audit/record-audit.server.ts';
import { ensureFirstVersion } from '../versions/publish-version.server.ts';
import type { Actor } from './manage-plans.server.ts';

// Outline depth: 编 / 分编 / 章 / 节, or GB/T clauses 5 … 5.1.1.1.1 (docs/decisions/068).
export type SectionLevel = 1 | 2 | 3 | 4 | 5 | 6;
export type SectionFields = { level: SectionLevel; number: string; heading: string; bodyMarkdown: string };
type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

function assertManager(actor: Actor) {
  assertPermission(actor, 'manage:plan:any');
}

// Positions are unique per plan, so every edit of one plan's list takes this
// lock first: two admins reordering at once queue instead of colliding.
async function lockPlan(tx: Tx, planId: number) {
  await tx.execute(sql`select pg_advisory_xact_lock(7211051, ${planId})`);
}

// Before a published plan's text first changes, its text is kept as version 1
// (docs/decisions/050-plan-versions-and-comparison.md).
async function lockAndKeepFirstVersion(tx: Tx, planId: number, actor: Actor) {
  await lockPlan(tx, planId);
  await ensureFirstVersion(tx, planId, actor.id);
}

export async function listSections(db: Database, planId: number) {
  return db
    .select({
      id: planSections.id,
      level: planSections.level,
      number: planSections.number,
      heading: planSections.heading,
      bodyMarkdown: planSections.bodyMarkdown,
      position: planSections.position,
    })
    .from(planSections)
    .where(eq(planSections.planId, planId))
    .orderBy(asc(planSections.position));
}

export async function getSection(db: Database, { planId, sectionId }: { planId: number; sectionId: number }) {
  const [section] = await db
    .select()
    .from(planSections)
    .where(and(eq(planSections.planId, planId), eq(planSections.id, sectionId)));
  return section ?? null;
}

export async function addSection(
  db: Database,
  { planId, fields, viewer, ip }: { planId: number; fields: SectionFields; viewer: Actor; ip: string },
): Promise<number> {
  assertManager(viewer);
  return db.transaction(async (tx) => {
    await lockAndKeepFirstVersion(tx, planId, viewer);
    const [last] = await tx
      .select({ max: sql<number | null>`max(${planSections.position})` })
      .from(planSections)
      .where(eq(planSections.planId, planId));
    const [section] = await tx
      .insert(planSections)
      .values({ planId, position: (last?.max ?? -1) + 1, ...fields })
      .returning({ id: planSections.id });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'plan.section_added',
      targetType: 'plan',
      targetId: planId,
      details: { sectionId: section!.id },
      ip,
    });
    return section!.id;
  });
}

export async function updateSection(
  db: Database,
  {
    planId,
    sectionId,
    fields,
    viewer,
    ip,
  }: { planId: number; sectionId: number; fields: SectionFields; viewer: Actor; ip: string },
): Promise<boolean> {
  assertManager(viewer);
  return db.transaction(async (tx) => {
    await lockAndKeepFirstVersion(tx, planId, viewer);
    const rows = await tx
      .update(planSections)
      .set(fields)
      .where(and(eq(planSections.planId, planId), eq(planSections.id, sectionId)))
      .returning({ id: planSections.id });
    if (!rows.length) return false;
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'plan.section_updated',
      targetType: 'plan',
      targetId: planId,
      details: { sectionId },
      ip,
    });
    return true;
  });
}

export async function removeSection(
  db: Database,
  { planId, sectionId, viewer, ip }: { planId: number; sectionId: number; viewer: Actor; ip: string },
): Promise<boolean> {
  assertManager(viewer);
  return db.transaction(async (tx) => {
    await lockAndKeepFirstVersion(tx, planId, viewer);
    const rows = await tx
      .delete(planSections)
      .where(and(eq(planSections.planId, planId), eq(planSections.id, sectionId)))
      .returning({ id: planSections.id });
    if (!rows.length) return false;
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'plan.section_removed',
      targetType: 'plan',
      targetId: planId,
      details: { sectionId },
      ip,
    });
    return true;
  });
}

export async function moveSection(
  db: Database,
  {
    planId,
    sectionId,
    direction,
    viewer,
    ip,
  }: { planId: number; sectionId: number; direction: 'up' | 'down'; viewer: Actor; ip: string },
): Promise<boolean> {
  assertManager(viewer);
  return db.transaction(async (tx) => {
    await lockAndKeepFirstVersion(tx, planId, viewer);
    const list = await tx
      .select({ id: planSections.id, position: planSections.position })
      .from(planSections)
      .where(eq(planSections.planId, planId))
      .orderBy(asc(planSections.position));
    const index = list.findIndex((s) => s.id === sectionId);
    if (index < 0) return false;
    const other = list[direction === 'up' ? index - 1 : index + 1];
    if (!other) return true;
    const self = list[index]!;
    // (plan_id, position) is unique and not deferrable: park one row at -1 first.
    await tx.update(planSections).set({ position: -1 }).where(eq(planSections.id, self.id));
    await tx.update(planSections).set({ position: self.position }).where(eq(planSections.id, other.id));
    await tx.update(planSections).set({ position: other.position }).where(eq(planSections.id, self.id));
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'plan.section_moved',
      targetType: 'plan',
      targetId: planId,
      details: { sectionId, direction },
      ip,
    });
    return true;
  });
}

/**
 * The .docx import: the plan's sections become exactly these. Drafts only:
 * once published, suggestions point at sections, and replacing them would cut
 * those links.
 */
export async function replaceSections(
  db: Database,
  { planId, sections, viewer, ip }: { planId: number; sections: SectionFields[]; viewer: Actor; ip: string },
): Promise<{ ok: true } | { ok: false; error: 'not_draft' }> {
  assertManager(viewer);
  return db.transaction(async (tx) => {
    await lockPlan(tx, planId);
    const [plan] = await tx.select({ status: plans.status }).from(plans).where(eq(plans.id, planId));
    if (plan?.status !== 'draft') return { ok: false, error: 'not_draft' } as const;
    const removed = await tx
      .delete(planSections)
      .where(eq(planSections.planId, planId))
      .returning({ id: planSections.id });
    if (sections.length)
      await tx.insert(planSections).values(sections.map((s, position) => ({ planId, position, ...s })));
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'plan.sections_imported',
      targetType: 'plan',
      targetId: planId,
      details: { removed: removed.length, added: sections.length },
      ip,
    });
    return { ok: true } as const;
  });
}
