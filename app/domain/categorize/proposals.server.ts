import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../../db/client.server.ts';
import { categories, suggestionProposals, suggestions } from '../../../db/schema/index.ts';
import { applyBulkAction } from '../moderation/bulk-actions.server.ts';
import { assertPermission, type Actor } from '../authorization/actor.ts';
import { ModerationError } from '../authorization/moderation-error.ts';

/** The open proposal for a suggestion, with its category's name; null once accepted or dismissed. */
export async function openProposal(db: Database, { viewer, id }: { viewer: Actor; id: number }) {
  assertPermission(viewer, 'read:suggestion:any');
  const [row] = await db
    .select({
      categoryId: suggestionProposals.categoryId,
      categoryName: categories.name,
      confidence: suggestionProposals.confidence,
      source: suggestionProposals.source,
      tags: suggestionProposals.tags,
      matchedWords: suggestionProposals.matchedWords,
      prefilled: suggestionProposals.categoryPrefilled,
    })
    .from(suggestionProposals)
    .leftJoin(categories, eq(categories.id, suggestionProposals.categoryId))
    .where(and(eq(suggestionProposals.suggestionId, id), isNull(suggestionProposals.resolution)));
  return row ?? null;
}

/**
 * A moderator's click on a proposal: accept it (category and tags, through the
 * audited bulk action like any manual change), or dismiss it. Either closes it,
 * and the suggestion's category then counts as a moderator's for the classifier.
 */
export async function resolveProposal(
  db: Database,
  { id, actor, ip, accept }: { id: number; actor: Actor; ip?: string; accept: boolean },
) {
  assertPermission(actor, 'moderate:suggestion:any');
  const proposal = await openProposal(db, { viewer: actor, id });
  if (!proposal) throw new ModerationError('not_found');
  if (accept) {
    const [current] = await db
      .select({ categoryId: suggestions.categoryId })
      .from(suggestions)
      .where(eq(suggestions.id, id));
    if (proposal.categoryId && current?.categoryId !== proposal.categoryId)
      await applyBulkAction(db, {
        ids: [id],
        action: { kind: 'category', categoryId: proposal.categoryId },
        actor,
        ip,
      });
    if (proposal.tags.length > 0)
      await applyBulkAction(db, {
        ids: [id],
        action: { kind: 'addTags', names: proposal.tags.map((t) => t.name) },
        actor,
        ip,
      });
  }
  await db
    .update(suggestionProposals)
    .set({ resolution: accept ? 'accepted' : 'dismissed', resolvedBy: actor.id, resolvedAt: new Date() })
    .where(eq(suggestionProposals.suggestionId, id));
}
