import type { DbExecutor } from '../../../db/client.server.ts';
import { recordAudit } from './record-audit.server.ts';
import type { Actor } from '../authorization/actor.ts';

export type SuggestionAuditAction =
  | 'suggestion.status_changed'
  | 'suggestion.decided'
  | 'suggestion.reopened'
  | 'suggestion.tagged'
  | 'suggestion.untagged'
  | 'suggestion.assigned'
  | 'suggestion.category_changed'
  | 'suggestion.marked_duplicate'
  | 'suggestion.note_added'
  | 'suggestion.replied'
  | 'suggestion.recorded'
  | 'suggestion.consent_changed';

/** One audit row per suggestion touched, so each suggestion's history reads whole. Ids and statuses only, never text. */
export async function auditSuggestions(
  tx: DbExecutor,
  {
    actor,
    ip,
    action,
    ids,
    details = () => ({}),
  }: {
    actor: Actor;
    ip?: string;
    action: SuggestionAuditAction;
    ids: number[];
    details?: (id: number) => Record<string, unknown>;
  },
) {
  for (const id of ids) {
    await recordAudit(tx, {
      actorId: actor.id,
      action,
      targetType: 'suggestion',
      targetId: id,
      details: details(id),
      ip,
    });
  }
}
