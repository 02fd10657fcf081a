import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../../../db/client.server.ts';
import { suggestionNotes, suggestions, suggestionTags } from '../../../db/schema/index.ts';
import { auditSuggestions } from '../audit/audit-suggestions.server.ts';
import { assertPermission, type Actor } from '../authorization/actor.ts';
import { ModerationError } from '../authorization/moderation-error.ts';
import { canMove } from './statuses.ts';

/**
 * Marks `id` as a duplicate of `originalId` (same plan). Both rows and both
 * submitters' records stay; the duplicate points at the original, which gains
 * the duplicate's tags, and the notes move to the original so the discussion
 * lives in one place. A duplicate of a duplicate points at the root instead.
 * Similar suggestions are found by app/domain/duplicates; marking a whole
 * cluster runs this once per member in one transaction.
 */
export async function markDuplicate(db: Database, args: { id: number; originalId: number; actor: Actor; ip?: string }) {
  return db.transaction((tx) => markDuplicateIn(tx, args));
}

export async function markDuplicateIn(
  tx: Transaction,
  { id, originalId, actor, ip }: { id: number; originalId: number; actor: Actor; ip?: string },
) {
  assertPermission(actor, 'moderate:suggestion:any');
  if (id === originalId) throw new ModerationError('same_suggestion');
  const rows = await tx
    .select({
      id: suggestions.id,
      status: suggestions.status,
      planId: suggestions.planId,
      duplicateOfId: suggestions.duplicateOfId,
    })
    .from(suggestions)
    .where(inArray(suggestions.id, [id, originalId]))
    .orderBy(suggestions.id)
    .for('update');
  const duplicate = rows.find((r) => r.id === id);
  const original = rows.find((r) => r.id === originalId);
  if (!duplicate || !original) throw new ModerationError('not_found');
  if (duplicate.planId !== original.planId) throw new ModerationError('other_plan');
  const rootId = original.status === 'duplicate' && original.duplicateOfId ? original.duplicateOfId : original.id;
  if (rootId === id || !canMove(duplicate.status, 'duplicate')) throw new ModerationError('not_allowed');
  await tx
    .update(suggestions)
    .set({ status: 'duplicate', duplicateOfId: rootId, heldReason: null, updatedAt: sql`now()` })
    .where(eq(suggestions.id, id));
  // Anything that pointed at the duplicate now points at the root: one level of links, always.
  await tx
    .update(suggestions)
    .set({ duplicateOfId: rootId, updatedAt: sql`now()` })
    .where(and(eq(suggestions.duplicateOfId, id)));
  await tx.execute(
    sql`insert into ${suggestionTags} (suggestion_id, tag_id) select ${rootId}, tag_id from ${suggestionTags} where suggestion_id = ${id} on conflict do nothing`,
  );
  const moved = await tx
    .update(suggestionNotes)
    .set({ suggestionId: rootId })
    .where(eq(suggestionNotes.suggestionId, id))
    .returning({ id: suggestionNotes.id });
  await tx
    .update(suggestions)
    .set({ updatedAt: sql`now()` })
    .where(eq(suggestions.id, rootId));
  await auditSuggestions(tx, {
    actor,
    ip,
    action: 'suggestion.marked_duplicate',
    ids: [id],
    details: () => ({ from: duplicate.status, originalId: rootId, notesMoved: moved.length }),
  });
  return rootId;
}
