import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbExecutor, Transaction } from '../../../db/client.server.ts';
import { categories, suggestions } from '../../../db/schema/index.ts';
import { auditSuggestions } from '../audit/audit-suggestions.server.ts';
import { assertPermission, type Actor } from '../authorization/actor.ts';
import { ModerationError } from '../authorization/moderation-error.ts';
import { assignableStaff } from './queue-options.server.ts';
import { canMove, type BulkStatus } from './statuses.ts';
import { addTagsByName, removeTagFrom } from './tags.server.ts';

export type BulkAction =
  | { kind: 'status'; status: BulkStatus }
  | { kind: 'addTags'; names: string[] }
  | { kind: 'removeTag'; tagId: number }
  | { kind: 'assign'; assigneeId: number | null }
  | { kind: 'category'; categoryId: number | null };

export const MAX_BULK = 200;

// The start every command on a selection of the queue shares (this one and
// decideSuggestions): the ids taken once each and capped, then the rows locked
// for the command's transaction, so that what it checks still holds when it
// writes. A selection naming a suggestion that is gone is refused whole.

/** The ids a command on a selection acts on: each once, at most MAX_BULK. */
export function bulkSelection(ids: number[]): number[] {
  return [...new Set(ids)].slice(0, MAX_BULK);
}

/** Locks the selected suggestions FOR UPDATE and reads what the commands check. */
export async function lockSelection(tx: Transaction, ids: number[]) {
  const rows = await tx
    .select({
      id: suggestions.id,
      status: suggestions.status,
      planId: suggestions.planId,
      assigneeId: suggestions.assigneeId,
      categoryId: suggestions.categoryId,
    })
    .from(suggestions)
    .where(inArray(suggestions.id, ids))
    .for('update');
  if (rows.length !== ids.length) throw new ModerationError('not_found');
  return rows;
}

/**
 * One action on a selection, in one transaction with its audit rows: if any
 * suggestion cannot take it (a decided one asked to go back to 已收到, a
 * category of another plan), nothing changes.
 */
export async function applyBulkAction(
  db: DbExecutor,
  { ids, action, actor, ip }: { ids: number[]; action: BulkAction; actor: Actor; ip?: string },
): Promise<number> {
  assertPermission(actor, 'moderate:suggestion:any');
  const unique = bulkSelection(ids);
  if (unique.length === 0) return 0;
  return db.transaction(async (tx) => {
    const rows = await lockSelection(tx, unique);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const audit = { actor, ip, ids: unique };
    switch (action.kind) {
      case 'status': {
        if (rows.some((r) => r.status !== action.status && !canMove(r.status, action.status)))
          throw new ModerationError('not_allowed');
        await setStatus(tx, unique, action.status);
        await auditSuggestions(tx, {
          ...audit,
          action: 'suggestion.status_changed',
          details: (id) => ({ from: byId.get(id)!.status, to: action.status, bulk: true }),
        });
        break;
      }
      case 'addTags': {
        const tagIds = await addTagsByName(tx, unique, action.names);
        await touch(tx, unique);
        await auditSuggestions(tx, { ...audit, action: 'suggestion.tagged', details: () => ({ tagIds, bulk: true }) });
        break;
      }
      case 'removeTag': {
        await removeTagFrom(tx, unique, action.tagId);
        await touch(tx, unique);
        await auditSuggestions(tx, {
          ...audit,
          action: 'suggestion.untagged',
          details: () => ({ tagId: action.tagId, bulk: true }),
        });
        break;
      }
      case 'assign': {
        if (action.assigneeId !== null && !(await assignableStaff(tx)).some((s) => s.id === action.assigneeId))
          throw new ModerationError('not_allowed');
        await tx
          .update(suggestions)
          .set({ assigneeId: action.assigneeId, updatedAt: sql`now()` })
          .where(inArray(suggestions.id, unique));
        await auditSuggestions(tx, {
          ...audit,
          action: 'suggestion.assigned',
          details: (id) => ({ from: byId.get(id)!.assigneeId, to: action.assigneeId, bulk: true }),
        });
        break;
      }
      case 'category': {
        if (action.categoryId !== null) {
          const [category] = await tx
            .select({ planId: categories.planId })
            .from(categories)
            .where(eq(categories.id, action.categoryId));
          if (!category) throw new ModerationError('not_found');
          if (rows.some((r) => r.planId !== category.planId)) throw new ModerationError('other_plan');
        }
        await tx
          .update(suggestions)
          .set({ categoryId: action.categoryId, updatedAt: sql`now()` })
          .where(inArray(suggestions.id, unique));
        await auditSuggestions(tx, {
          ...audit,
          action: 'suggestion.category_changed',
          details: (id) => ({ from: byId.get(id)!.categoryId, to: action.categoryId, bulk: true }),
        });
        break;
      }
    }
    return unique.length;
  });
}

/** Leaving 待核验 clears the held reason; anything but a duplicate drops the duplicate link. */
export async function setStatus(tx: Transaction, ids: number[], status: BulkStatus | 'in_review') {
  await tx
    .update(suggestions)
    .set({
      status,
      heldReason: null,
      duplicateOfId: null,
      ...(status === 'in_review' ? { reviewStartedAt: sql`coalesce(${suggestions.reviewStartedAt}, now())` } : {}),
      updatedAt: sql`now()`,
    })
    .where(and(inArray(suggestions.id, ids)));
}

async function touch(tx: Transaction, ids: number[]) {
  await tx
    .update(suggestions)
    .set({ updatedAt: sql`now()` })
    .where(inArray(suggestions.id, ids));
}
