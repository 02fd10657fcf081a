import { assertPermission } from '../authorization/actor.ts';
import { asc, desc, eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.server.ts';
import { NotFound } from '../not-found.ts';
import { plans } from '../../../db/schema/index.ts';
import type { StaffUser } from '../accounts/staff-user.server.ts';
import { recordAudit } from '../audit/record-audit.server.ts';
import { ensureFirstVersion } from '../versions/publish-version.server.ts';

// Admin commands and queries for plans. Every command takes the acting admin
// and writes an audit entry in the transaction of the change.

export type Actor = Pick<StaffUser, 'id' | 'permissions'>;
export type PlanStatus = (typeof plans.$inferSelect)['status'];

export type PlanFields = {
  slug: string;
  title: string;
  summary: string;
  organizer: string;
  opensAt: Date | null;
  closesAt: Date | null;
  emailMarker: string | null;
  bodyMinLength: number;
  bodyMaxLength: number;
  submitterTypes: string[];
  allowAnonymous: boolean;
  /** Required when the window is under 30 days (isShortWindow); shown publicly. */
  shortWindowReason?: string | null;
  /** Days after closing until contact details are purged (app/domain/retention). */
  contactRetentionDays?: number;
};

export class SlugTakenError extends Error {}

function assertManager(actor: Actor) {
  assertPermission(actor, 'manage:plan:any');
}

export async function listAllPlans(db: Database, { viewer }: { viewer: Actor }) {
  assertManager(viewer);
  return db
    .select({
      id: plans.id,
      slug: plans.slug,
      title: plans.title,
      status: plans.status,
      opensAt: plans.opensAt,
      closesAt: plans.closesAt,
      updatedAt: plans.updatedAt,
    })
    .from(plans)
    .orderBy(desc(plans.createdAt), asc(plans.id));
}

export async function getPlanForEditing(db: Database, { id, viewer }: { id: number; viewer: Actor }) {
  assertManager(viewer);
  const [plan] = await db.select().from(plans).where(eq(plans.id, id));
  return plan ?? null;
}

export async function createPlan(
  db: Database,
  { fields, viewer, ip }: { fields: PlanFields; viewer: Actor; ip: string },
): Promise<number> {
  assertManager(viewer);
  return db.transaction(async (tx) => {
    const [plan] = await tx
      .insert(plans)
      .values({ ...fields, status: 'draft' })
      .onConflictDoNothing({ target: plans.slug })
      .returning({ id: plans.id });
    if (!plan) throw new SlugTakenError();
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'plan.created',
      targetType: 'plan',
      targetId: plan.id,
      details: { slug: fields.slug },
      ip,
    });
    return plan.id;
  });
}

export async function updatePlan(
  db: Database,
  { id, fields, viewer, ip }: { id: number; fields: PlanFields; viewer: Actor; ip: string },
): Promise<boolean> {
  assertManager(viewer);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(plans).where(eq(plans.id, id)).for('update');
    if (!before) return false;
    if (fields.slug !== before.slug) {
      const [clash] = await tx.select({ id: plans.id }).from(plans).where(eq(plans.slug, fields.slug));
      if (clash) throw new SlugTakenError();
    }
    const changed = (Object.keys(fields) as (keyof PlanFields)[]).filter(
      (key) => String(fields[key]) !== String(before[key]),
    );
    if (!changed.length) return true;
    await tx
      .update(plans)
      .set({ ...fields, updatedAt: new Date() })
      .where(eq(plans.id, id));
    // Field names only: titles and summaries are public, but the log need not copy them.
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'plan.updated',
      targetType: 'plan',
      targetId: id,
      details: { fields: changed },
      ip,
    });
    return true;
  });
}

// publish: draft or closed → open; close: open → closed; archive: closed or draft → archived.
const transitions: Record<'publish' | 'close' | 'archive', { from: PlanStatus[]; to: PlanStatus }> = {
  publish: { from: ['draft', 'closed'], to: 'open' },
  close: { from: ['open'], to: 'closed' },
  archive: { from: ['closed', 'draft'], to: 'archived' },
};
export type PlanTransition = keyof typeof transitions;

export function allowedTransitions(status: PlanStatus): PlanTransition[] {
  return (Object.keys(transitions) as PlanTransition[]).filter((name) => transitions[name].from.includes(status));
}

export async function changePlanStatus(
  db: Database,
  { id, transition, viewer, ip }: { id: number; transition: PlanTransition; viewer: Actor; ip: string },
): Promise<{ ok: true } | { ok: false; error: 'not_allowed' }> {
  assertManager(viewer);
  return db.transaction(async (tx) => {
    const [plan] = await tx.select({ status: plans.status }).from(plans).where(eq(plans.id, id)).for('update');
    if (!plan) throw new NotFound('plan');
    const { from, to } = transitions[transition];
    if (!from.includes(plan.status)) return { ok: false, error: 'not_allowed' } as const;
    await tx.update(plans).set({ status: to, updatedAt: new Date() }).where(eq(plans.id, id));
    // The text as first published is version 1 of the revision history.
    if (transition === 'publish') await ensureFirstVersion(tx, id, viewer.id);
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'plan.status_changed',
      targetType: 'plan',
      targetId: id,
      details: { from: plan.status, to },
      ip,
    });
    return { ok: true } as const;
  });
}
