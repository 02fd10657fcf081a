import { eq, sql } from 'drizzle-orm';
import { acknowledgeVerifiedSuggestion } from '../suggestions/acknowledge.server.ts';
import { trackUrl } from '../suggestions/track-url.ts';
import type { Database, DbExecutor, Transaction } from '../../../db/client.server.ts';
import { suggestions } from '../../../db/schema/index.ts';
import { notifyDecision } from '../feedback/notify-decision.server.ts';
import { auditSuggestions } from '../audit/audit-suggestions.server.ts';
import { assertPermission, type Actor } from '../authorization/actor.ts';
import { ModerationError } from '../authorization/moderation-error.ts';
import { NotFound } from '../not-found.ts';
import { canMove, isDecision, type Decision, type Status } from './statuses.ts';

async function lockSuggestion(tx: Transaction, id: number) {
  const [row] = await tx
    .select({ id: suggestions.id, status: suggestions.status })
    .from(suggestions)
    .where(eq(suggestions.id, id))
    .for('update');
  if (!row) throw new NotFound('suggestion');
  return row;
}

export type DecisionInput = {
  decision: Decision;
  reason: string;
  publicReply?: string;
  publicSummary?: string;
  publishable: boolean;
};

/**
 * 采纳 / 部分采纳 / 不予采纳 with the moderator's reason (required), and
 * optionally a public reply (shown on /track) and a summary for the adoption
 * report. Sets decidedAt; audited with statuses, never the text. With
 * `siteUrl`, the submitter is emailed the outcome and a rating link in the
 * same transaction (when they gave an address).
 */
export async function decideSuggestion(
  db: DbExecutor,
  { id, actor, input, ip, siteUrl }: { id: number; actor: Actor; input: DecisionInput; ip?: string; siteUrl?: string },
) {
  assertPermission(actor, 'moderate:suggestion:any');
  const reason = input.reason.trim();
  if (!reason || !isDecision(input.decision)) throw new ModerationError('not_allowed');
  return db.transaction(async (tx) => {
    const row = await lockSuggestion(tx, id);
    if (!canMove(row.status, input.decision)) throw new ModerationError('not_allowed');
    await tx
      .update(suggestions)
      .set({
        status: input.decision,
        decisionReason: reason,
        publicReply: input.publicReply?.trim() || null,
        publicSummary: input.publicSummary?.trim() || null,
        publishable: input.publishable,
        decidedAt: sql`now()`,
        // A suggestion decided straight from 已收到 was reviewed when it was decided.
        reviewStartedAt: sql`coalesce(${suggestions.reviewStartedAt}, now())`,
        heldReason: null,
        updatedAt: sql`now()`,
      })
      .where(eq(suggestions.id, id));
    await auditSuggestions(tx, {
      actor,
      ip,
      action: 'suggestion.decided',
      ids: [id],
      details: () => ({
        from: row.status,
        to: input.decision,
        publicReply: Boolean(input.publicReply?.trim()),
        publishable: input.publishable,
      }),
    });
    if (siteUrl) await notifyDecision(tx, { id, siteUrl });
  });
}

export type Move = 'verify' | 'reject_spam' | 'start_review' | 'back_to_received' | 'reopen';
const targets: Record<Move, Status> = {
  verify: 'received',
  reject_spam: 'spam',
  start_review: 'in_review',
  back_to_received: 'received',
  reopen: 'in_review',
};

/**
 * The moves that need no form: verify a 待核验 suggestion (→ received) or
 * reject it as spam, start the review, and reopen a decision. Reopening keeps
 * the reason and replies for the next decision to revise; decidedAt is
 * cleared, and the audit log keeps what was decided before.
 */
export async function moveSuggestion(
  db: Database,
  { id, move, actor, ip, siteUrl }: { id: number; move: Move; actor: Actor; ip?: string; siteUrl: string },
) {
  assertPermission(actor, 'moderate:suggestion:any');
  const to = targets[move];
  return db.transaction(async (tx) => {
    const row = await lockSuggestion(tx, id);
    if (!canMove(row.status, to)) throw new ModerationError('not_allowed');
    if (move === 'verify' && row.status !== 'pending_verification') throw new ModerationError('not_allowed');
    const reopening = isDecision(row.status) || row.status === 'duplicate';
    await tx
      .update(suggestions)
      .set({
        status: to,
        heldReason: null,
        duplicateOfId: null,
        ...(reopening ? { decidedAt: null } : {}),
        ...(to === 'in_review' ? { reviewStartedAt: sql`coalesce(${suggestions.reviewStartedAt}, now())` } : {}),
        updatedAt: sql`now()`,
      })
      .where(eq(suggestions.id, id));
    if (move === 'verify') await acknowledgeVerifiedSuggestion(tx, id, trackUrl(siteUrl));
    await auditSuggestions(tx, {
      actor,
      ip,
      action: reopening ? 'suggestion.reopened' : 'suggestion.status_changed',
      ids: [id],
      details: () => ({ from: row.status, to }),
    });
  });
}
