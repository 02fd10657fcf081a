import { assertPermission, type Actor } from '../authorization/actor.ts';
import { asc, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.server.ts';
import { NotFound } from '../not-found.ts';
import { planSections, planVersionSections, planVersions, plans } from '../../../db/schema/index.ts';
import { recordAudit } from '../audit/record-audit.server.ts';

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

// plan_sections is the working text: admins edit it (or re-import it) and then
// publish it as the next version, which freezes a copy. Version 1 is taken the
// first time a published plan's text is about to change, or when a draft is
// published, so the text the public first commented on is always kept.

const sectionColumns = {
  sectionKey: planSections.id,
  position: planSections.position,
  level: planSections.level,
  number: planSections.number,
  heading: planSections.heading,
  bodyMarkdown: planSections.bodyMarkdown,
};

/** Freezes the plan's working text as version `number`. Exported for the demo seed, which builds a finished consultation. */
export async function freezeWorkingText(
  tx: Tx,
  {
    planId,
    number,
    note,
    actorId,
    publishedAt,
  }: { planId: number; number: number; note: string; actorId: number | null; publishedAt?: Date },
) {
  const [version] = await tx
    .insert(planVersions)
    .values({ planId, number, note, publishedById: actorId, ...(publishedAt ? { publishedAt } : {}) })
    .returning({ id: planVersions.id });
  const sections = await tx
    .select(sectionColumns)
    .from(planSections)
    .where(eq(planSections.planId, planId))
    .orderBy(asc(planSections.position));
  // Positions are renumbered 0…n-1: the working copy's may have gaps.
  if (sections.length)
    await tx
      .insert(planVersionSections)
      .values(sections.map((s, position) => ({ ...s, position, versionId: version!.id })));
  return version!.id;
}

/**
 * Keeps the published text as version 1 before its first change. A no-op for
 * drafts (their text is not public yet) and for plans that have versions.
 * Call inside the transaction of any change to a plan's sections.
 */
export async function ensureFirstVersion(tx: Tx, planId: number, actorId: number | null): Promise<void> {
  const [plan] = await tx
    .select({
      status: plans.status,
      since: sql<Date>`least(coalesce(${plans.opensAt}, ${plans.createdAt}), now())`.mapWith(
        (v: string) => new Date(v),
      ),
    })
    .from(plans)
    .where(eq(plans.id, planId));
  if (!plan || plan.status === 'draft') return;
  const [existing] = await tx
    .select({ id: planVersions.id })
    .from(planVersions)
    .where(eq(planVersions.planId, planId))
    .limit(1);
  if (existing) return;
  await freezeWorkingText(tx, { planId, number: 1, note: '', actorId, publishedAt: plan.since });
}

export type PublishResult = { ok: true; number: number } | { ok: false; error: 'not_published' | 'no_changes' };

/** Publishes the working text of a plan as its next version (修订稿). */
export async function publishVersion(
  db: Database,
  { planId, note, viewer, ip }: { planId: number; note: string; viewer: Actor; ip: string },
): Promise<PublishResult> {
  assertPermission(viewer, 'manage:plan:any');
  return db.transaction(async (tx) => {
    // The same lock as section edits (manage-sections): the copy is of one consistent text.
    await tx.execute(sql`select pg_advisory_xact_lock(7211051, ${planId})`);
    const [plan] = await tx.select({ status: plans.status }).from(plans).where(eq(plans.id, planId));
    if (!plan) throw new NotFound('plan');
    if (plan.status === 'draft') return { ok: false, error: 'not_published' } as const;
    await ensureFirstVersion(tx, planId, viewer.id);
    const [latest] = await tx
      .select({ id: planVersions.id, number: planVersions.number })
      .from(planVersions)
      .where(eq(planVersions.planId, planId))
      .orderBy(desc(planVersions.number))
      .limit(1);
    if (!(await workingTextDiffers(tx, planId, latest!.id))) return { ok: false, error: 'no_changes' } as const;
    const number = latest!.number + 1;
    const versionId = await freezeWorkingText(tx, { planId, number, note, actorId: viewer.id });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'plan.version_published',
      targetType: 'plan',
      targetId: planId,
      details: { version: number, versionId },
      ip,
    });
    return { ok: true, number } as const;
  });
}

/** The plan's versions, newest first, for the admin page. */
export async function listVersionsForAdmin(db: Database, planId: number) {
  return db
    .select({ number: planVersions.number, note: planVersions.note, publishedAt: planVersions.publishedAt })
    .from(planVersions)
    .where(eq(planVersions.planId, planId))
    .orderBy(desc(planVersions.number));
}

/** Whether the working text differs from the latest version (edits not yet published). */
export async function hasUnpublishedEdits(db: Database | Tx, planId: number): Promise<boolean> {
  const [latest] = await db
    .select({ id: planVersions.id })
    .from(planVersions)
    .where(eq(planVersions.planId, planId))
    .orderBy(desc(planVersions.number))
    .limit(1);
  return latest ? workingTextDiffers(db, planId, latest.id) : false;
}

async function workingTextDiffers(db: Database | Tx, planId: number, versionId: number): Promise<boolean> {
  const v = planVersionSections;
  const [frozen, working] = await Promise.all([
    db
      .select({ key: v.sectionKey, level: v.level, number: v.number, heading: v.heading, body: v.bodyMarkdown })
      .from(v)
      .where(eq(v.versionId, versionId))
      .orderBy(asc(v.position)),
    db
      .select({
        key: planSections.id,
        level: planSections.level,
        number: planSections.number,
        heading: planSections.heading,
        body: planSections.bodyMarkdown,
      })
      .from(planSections)
      .where(eq(planSections.planId, planId))
      .orderBy(asc(planSections.position)),
  ]);
  return JSON.stringify(frozen) !== JSON.stringify(working);
}
