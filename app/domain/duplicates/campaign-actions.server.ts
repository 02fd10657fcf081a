import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.server.ts';
import { suggestionFingerprints, suggestions } from '../../../db/schema/index.ts';
import { assertPermission, type Actor } from '../authorization/actor.ts';
import { confirmCategories } from '../categorize/confirm-categories.server.ts';
import { applyBulkAction, MAX_BULK } from '../moderation/bulk-actions.server.ts';
import { decideSuggestion, type DecisionInput } from '../moderation/decide-suggestion.server.ts';
import { ModerationError } from '../authorization/moderation-error.ts';
import { NotFound } from '../not-found.ts';
import { replyToSubmitter } from '../moderation/reply-to-submitter.server.ts';
import { canMove } from '../moderation/statuses.ts';

// One action on a whole campaign (decision 032): decide, tag or reply to
// every copy at once. Each copy goes through the same command as a single
// action (same checks, same audit row, same mail), all in one transaction.

export type CampaignAction =
  | { kind: 'decide'; input: DecisionInput; categoryId?: number }
  | { kind: 'tag'; names: string[] }
  | { kind: 'reply'; message: string };

/** A campaign larger than this is acted on in several passes (the page says so). */
export const MAX_CAMPAIGN_ACTION = 2000;

export async function actOnCampaign(
  db: Database,
  {
    planId,
    clusterId,
    action,
    actor,
    ip,
    siteUrl,
  }: { planId: number; clusterId: number; action: CampaignAction; actor: Actor; ip?: string; siteUrl?: string },
): Promise<{ done: number; skipped: number }> {
  assertPermission(actor, 'moderate:suggestion:any');
  return db.transaction(async (tx) => {
    // The members are read by plan and cluster together, locked: a cluster id
    // of another plan finds nothing, and no copy changes status meanwhile.
    const members = await tx
      .select({ id: suggestions.id, status: suggestions.status })
      .from(suggestionFingerprints)
      .innerJoin(suggestions, eq(suggestions.id, suggestionFingerprints.suggestionId))
      .where(
        and(
          eq(suggestionFingerprints.planId, planId),
          eq(suggestionFingerprints.clusterId, clusterId),
          eq(suggestions.planId, planId),
        ),
      )
      .orderBy(asc(suggestions.id))
      .limit(MAX_CAMPAIGN_ACTION)
      .for('update', { of: suggestions });
    if (members.length === 0) throw new NotFound('campaign');
    let done = 0;
    let skipped = 0;
    switch (action.kind) {
      case 'decide':
        // Filed under one category with the decision (decision 033): every copy,
        // its open proposal closed as a person's word.
        if (action.categoryId)
          for (let i = 0; i < members.length; i += MAX_BULK) {
            const slice = members.slice(i, i + MAX_BULK).filter((m) => m.status !== 'spam');
            const choices = slice.map((m) => ({ id: m.id, categoryId: action.categoryId! }));
            await confirmCategories(tx, { choices, actor, ip });
          }
        for (const m of members) {
          // Copies already decided, duplicates and spam keep what a person decided.
          if (!canMove(m.status, action.input.decision) || m.status === action.input.decision) {
            skipped++;
            continue;
          }
          await decideSuggestion(tx, { id: m.id, actor, input: action.input, ip, siteUrl });
          done++;
        }
        break;
      case 'tag':
        for (let i = 0; i < members.length; i += MAX_BULK) {
          const ids = members.slice(i, i + MAX_BULK).map((m) => m.id);
          done += await applyBulkAction(tx, { ids, action: { kind: 'addTags', names: action.names }, actor, ip });
        }
        break;
      case 'reply':
        for (const m of members) {
          if (m.status === 'spam') {
            skipped++;
            continue;
          }
          try {
            await replyToSubmitter(tx, { id: m.id, message: action.message, actor, ip });
            done++;
          } catch (error) {
            // A copy sent without an email address (a paper letter, a phone call) cannot be answered by mail.
            if (!(error instanceof ModerationError && error.code === 'no_email')) throw error;
            skipped++;
          }
        }
        break;
    }
    return { done, skipped };
  });
}
