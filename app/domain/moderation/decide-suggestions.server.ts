import type { Database } from '../../../db/client.server.ts';
import { assertPermission, type Actor } from '../authorization/actor.ts';
import { ModerationError } from '../authorization/moderation-error.ts';
import { bulkSelection, lockSelection } from './bulk-actions.server.ts';
import { decideSuggestion, type DecisionInput } from './decide-suggestion.server.ts';
import { canMove } from './statuses.ts';

/**
 * One decision, with one reason, for a selection of the queue (decision 033):
 * the consultation office's 统一答复 for suggestions that get the same answer.
 * Each suggestion goes through the single decision command (same checks, same
 * audit row, same mail to its submitter) inside one transaction; if any of
 * them cannot take the decision (already decided, spam, a duplicate), nothing
 * changes and the page says so.
 */
export async function decideSuggestions(
  db: Database,
  {
    ids,
    input,
    actor,
    ip,
    siteUrl,
  }: { ids: number[]; input: DecisionInput; actor: Actor; ip?: string; siteUrl?: string },
): Promise<number> {
  assertPermission(actor, 'moderate:suggestion:any');
  const unique = bulkSelection(ids);
  if (unique.length === 0) return 0;
  return db.transaction(async (tx) => {
    const rows = await lockSelection(tx, unique);
    if (rows.some((r) => !canMove(r.status, input.decision))) throw new ModerationError('not_allowed');
    for (const id of unique) await decideSuggestion(tx, { id, actor, input, ip, siteUrl });
    return unique.length;
  });
}
