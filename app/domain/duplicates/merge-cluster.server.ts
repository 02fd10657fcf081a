import { and, eq, ne } from 'drizzle-orm';
import type { Database } from '../../../db/client.server.ts';
import { suggestionFingerprints, suggestions } from '../../../db/schema/index.ts';
import { assertPermission, type Actor } from '../authorization/actor.ts';
import { ModerationError } from '../authorization/moderation-error.ts';
import { NotFound } from '../not-found.ts';
import { markDuplicateIn } from '../moderation/mark-duplicate.server.ts';
import { canMove } from '../moderation/statuses.ts';

/**
 * "Mark all as duplicates of this one": every other member of keepId's cluster
 * becomes a duplicate of it, in one transaction, through the same command as a
 * single duplicate (each row and each submitter's record stays, each change is
 * audited). Members already decided or marked spam are left as they are and
 * counted as skipped.
 */
export async function markClusterDuplicates(
  db: Database,
  { keepId, actor, ip }: { keepId: number; actor: Actor; ip?: string },
) {
  assertPermission(actor, 'moderate:suggestion:any');
  return db.transaction(async (tx) => {
    const [keep] = await tx
      .select({
        planId: suggestionFingerprints.planId,
        clusterId: suggestionFingerprints.clusterId,
        status: suggestions.status,
      })
      .from(suggestionFingerprints)
      .innerJoin(suggestions, eq(suggestions.id, suggestionFingerprints.suggestionId))
      .where(eq(suggestionFingerprints.suggestionId, keepId));
    if (!keep) throw new NotFound('suggestion');
    // The kept suggestion must be one that can be decided on (not itself a duplicate or spam).
    if (keep.status === 'duplicate' || keep.status === 'spam') throw new ModerationError('not_allowed');
    const members = await tx
      .select({ id: suggestions.id, status: suggestions.status, duplicateOfId: suggestions.duplicateOfId })
      .from(suggestionFingerprints)
      .innerJoin(suggestions, eq(suggestions.id, suggestionFingerprints.suggestionId))
      .where(
        and(
          eq(suggestionFingerprints.planId, keep.planId),
          eq(suggestionFingerprints.clusterId, keep.clusterId),
          ne(suggestions.id, keepId),
        ),
      )
      .orderBy(suggestions.id);
    let marked = 0;
    let skipped = 0;
    for (const member of members) {
      // Already a duplicate: of this one, or of a member that is about to point here (links are re-pointed to the root).
      if (member.status === 'duplicate') continue;
      if (!canMove(member.status, 'duplicate')) {
        skipped++;
        continue;
      }
      await markDuplicateIn(tx, { id: member.id, originalId: keepId, actor, ip });
      marked++;
    }
    return { marked, skipped };
  });
}
