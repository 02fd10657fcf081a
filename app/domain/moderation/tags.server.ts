import { and, eq, inArray } from 'drizzle-orm';
import type { DbExecutor } from '../../../db/client.server.ts';
import { suggestions, suggestionTagRemovals, suggestionTags, tags } from '../../../db/schema/index.ts';

// Tags belong to a plan. Moderators type a name; an unknown name creates the
// tag in that plan, so tagging never needs a detour through a settings page.

export function normalizeTagName(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').slice(0, 40);
}

/** The tag ids for these names in one plan, creating the missing ones. */
export async function ensureTags(tx: DbExecutor, planId: number, names: string[]): Promise<number[]> {
  const wanted = [...new Set(names.map(normalizeTagName).filter(Boolean))];
  if (wanted.length === 0) return [];
  await tx
    .insert(tags)
    .values(wanted.map((name) => ({ planId, name })))
    .onConflictDoNothing();
  const rows = await tx
    .select({ id: tags.id })
    .from(tags)
    .where(and(eq(tags.planId, planId), inArray(tags.name, wanted)));
  return rows.map((r) => r.id);
}

/**
 * Adds tags by name to suggestions, each tag created in the suggestion's own
 * plan. Returns the tag ids used, per plan, for the audit entry.
 */
export async function addTagsByName(tx: DbExecutor, suggestionIds: number[], names: string[]) {
  const rows = await tx
    .select({ id: suggestions.id, planId: suggestions.planId })
    .from(suggestions)
    .where(inArray(suggestions.id, suggestionIds));
  const tagIds = new Set<number>();
  for (const planId of new Set(rows.map((r) => r.planId))) {
    const ids = await ensureTags(tx, planId, names);
    ids.forEach((id) => tagIds.add(id));
    const targets = rows.filter((r) => r.planId === planId);
    if (ids.length && targets.length) {
      await tx
        .insert(suggestionTags)
        .values(targets.flatMap((s) => ids.map((tagId) => ({ suggestionId: s.id, tagId }))))
        .onConflictDoNothing();
      // Put back by a person: no longer a removal the theme job must respect.
      await tx.delete(suggestionTagRemovals).where(
        and(
          inArray(
            suggestionTagRemovals.suggestionId,
            targets.map((s) => s.id),
          ),
          inArray(suggestionTagRemovals.tagId, ids),
        ),
      );
    }
  }
  return [...tagIds];
}

export async function removeTagFrom(tx: DbExecutor, suggestionIds: number[], tagId: number): Promise<number> {
  const removed = await tx
    .delete(suggestionTags)
    .where(and(inArray(suggestionTags.suggestionId, suggestionIds), eq(suggestionTags.tagId, tagId)))
    .returning({ id: suggestionTags.suggestionId });
  // A moderator's correction stands: the theme job never puts this tag back (decision 047).
  if (removed.length > 0)
    await tx
      .insert(suggestionTagRemovals)
      .values(removed.map((r) => ({ suggestionId: r.id, tagId })))
      .onConflictDoNothing();
  return removed.length;
}
