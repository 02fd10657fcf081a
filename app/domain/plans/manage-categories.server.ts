import { assertPermission } from '../authorization/actor.ts';
import { asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.server.ts';
import { categories } from '../../../db/schema/index.ts';
import { recordAudit } from '../audit/record-audit.server.ts';
import type { Actor } from './manage-plans.server.ts';

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

export async function listCategories(db: Database, planId: number) {
  return db
    .select({ id: categories.id, name: categories.name, nameEn: categories.nameEn, position: categories.position })
    .from(categories)
    .where(eq(categories.planId, planId))
    .orderBy(asc(categories.position), asc(categories.id));
}

export type CategoryChange =
  | { kind: 'add'; name: string; nameEn: string | null }
  | { kind: 'rename'; categoryId: number; name: string; nameEn: string | null }
  | { kind: 'move'; categoryId: number; direction: 'up' | 'down' }
  | { kind: 'remove'; categoryId: number };

export class CategoryNameTakenError extends Error {}

const auditActions = {
  add: 'plan.category_added',
  rename: 'plan.category_renamed',
  move: 'plan.category_moved',
  remove: 'plan.category_removed',
} as const;

/** One change to a plan's categories. Removing one leaves its suggestions uncategorized (ON DELETE SET NULL). */
export async function changeCategories(
  db: Database,
  { planId, change, viewer, ip }: { planId: number; change: CategoryChange; viewer: Actor; ip: string },
): Promise<boolean> {
  assertPermission(viewer, 'manage:plan:any');
  return db.transaction(async (tx) => {
    // Serialize edits of one plan's list, so positions stay consistent.
    await tx.execute(sql`select pg_advisory_xact_lock(7211050, ${planId})`);
    const list = await tx
      .select()
      .from(categories)
      .where(eq(categories.planId, planId))
      .orderBy(asc(categories.position), asc(categories.id));
    const target = 'categoryId' in change ? list.find((c) => c.id === change.categoryId) : undefined;
    if ('categoryId' in change && !target) return false;
    const nameTaken = (name: string, exceptId?: number) => list.some((c) => c.name === name && c.id !== exceptId);
    if (change.kind === 'add') {
      if (nameTaken(change.name)) throw new CategoryNameTakenError();
      const position = (list.at(-1)?.position ?? -1) + 1;
      await tx.insert(categories).values({ planId, position, name: change.name, nameEn: change.nameEn });
    } else if (change.kind === 'rename') {
      if (nameTaken(change.name, target!.id)) throw new CategoryNameTakenError();
      await tx
        .update(categories)
        .set({ name: change.name, nameEn: change.nameEn })
        .where(eq(categories.id, target!.id));
    } else if (change.kind === 'remove') {
      await tx.delete(categories).where(eq(categories.id, target!.id));
    } else {
      const index = list.indexOf(target!);
      const other = list[change.direction === 'up' ? index - 1 : index + 1];
      if (!other) return true;
      await swapPositions(tx, target!, other);
    }
    await recordAudit(tx, {
      actorId: viewer.id,
      action: auditActions[change.kind],
      targetType: 'plan',
      targetId: planId,
      details: 'categoryId' in change ? { categoryId: change.categoryId } : {},
      ip,
    });
    return true;
  });
}

async function swapPositions(tx: Tx, a: { id: number; position: number }, b: { id: number; position: number }) {
  await tx.update(categories).set({ position: b.position }).where(eq(categories.id, a.id));
  await tx.update(categories).set({ position: a.position }).where(eq(categories.id, b.id));
}
