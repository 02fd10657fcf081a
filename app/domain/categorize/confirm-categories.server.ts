import { and, inArray, isNull } from 'drizzle-orm';
import type { DbExecutor } from '../../../db/client.server.ts';
import { categories, suggestionProposals, suggestions } from '../../../db/schema/index.ts';
import { assertPermission, type Actor } from '../authorization/actor.ts';
import { ModerationError } from '../authorization/moderation-error.ts';
import { applyBulkAction, MAX_BULK } from '../moderation/bulk-actions.server.ts';

export type CategoryChoice = { id: number; categoryId: number };

/**
 * A moderator files a page of suggestions at once, each under the category
 * shown beside it (its proposal, or the one the moderator picked instead).
 * Categories that change go through the audited bulk action; every open
 * proposal is closed, as accepted when the moderator kept its category and
 * dismissed otherwise, so the live accuracy (decision 043) and the classifier
 * (decision 042) read a person's word. One transaction: a category of another
 * plan refuses the whole page.
 */
export async function confirmCategories(
  db: DbExecutor,
  { choices, actor, ip }: { choices: CategoryChoice[]; actor: Actor; ip?: string },
): Promise<number> {
  assertPermission(actor, 'moderate:suggestion:any');
  const unique = [...new Map(choices.map((c) => [c.id, c])).values()].slice(0, MAX_BULK);
  if (unique.length === 0) return 0;
  return db.transaction(async (tx) => {
    const ids = unique.map((c) => c.id);
    const rows = await tx
      .select({ id: suggestions.id, planId: suggestions.planId, categoryId: suggestions.categoryId })
      .from(suggestions)
      .where(inArray(suggestions.id, ids))
      .for('update');
    if (rows.length !== ids.length) throw new ModerationError('not_found');
    const cats = await tx
      .select({ id: categories.id, planId: categories.planId })
      .from(categories)
      .where(
        inArray(
          categories.id,
          unique.map((c) => c.categoryId),
        ),
      );
    const planOf = new Map(cats.map((c) => [c.id, c.planId]));
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const c of unique) {
      if (!planOf.has(c.categoryId)) throw new ModerationError('not_found');
      if (planOf.get(c.categoryId) !== byId.get(c.id)!.planId) throw new ModerationError('other_plan');
    }
    // Grouped by target, so each category is one audited bulk action.
    const changes = new Map<number, number[]>();
    for (const c of unique)
      if (byId.get(c.id)!.categoryId !== c.categoryId)
        changes.set(c.categoryId, [...(changes.get(c.categoryId) ?? []), c.id]);
    for (const [categoryId, changed] of changes)
      await applyBulkAction(tx, { ids: changed, action: { kind: 'category', categoryId }, actor, ip });

    const open = await tx
      .select({
        id: suggestionProposals.suggestionId,
        categoryId: suggestionProposals.categoryId,
        tags: suggestionProposals.tags,
      })
      .from(suggestionProposals)
      .where(and(inArray(suggestionProposals.suggestionId, ids), isNull(suggestionProposals.resolution)));
    const chosen = new Map(unique.map((c) => [c.id, c.categoryId]));
    // Accepting a proposal takes its tags too, as the detail page's button does.
    for (const p of open)
      if (p.categoryId === chosen.get(p.id) && p.tags.length > 0)
        await applyBulkAction(tx, {
          ids: [p.id],
          action: { kind: 'addTags', names: p.tags.map((t) => t.name) },
          actor,
          ip,
        });
    for (const accepted of [true, false]) {
      const closing = open.filter((p) => (p.categoryId === chosen.get(p.id)) === accepted).map((p) => p.id);
      if (closing.length === 0) continue;
      await tx
        .update(suggestionProposals)
        .set({ resolution: accepted ? 'accepted' : 'dismissed', resolvedBy: actor.id, resolvedAt: new Date() })
        .where(inArray(suggestionProposals.suggestionId, closing));
    }
    return unique.length;
  });
}
