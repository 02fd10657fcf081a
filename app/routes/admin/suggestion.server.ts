import { eq } from 'drizzle-orm';
import type { AppLoadContext } from 'react-router';
import { z } from 'zod';
import { suggestions } from '../../../db/schema/index.ts';
import type { StaffUser } from '../../domain/accounts/staff-user.server.ts';
import { changePublicationConsent } from '../../domain/feedback/change-consent.server.ts';
import { MAX_CONSENT_NOTE, publicationConsents } from '../../domain/feedback/vocabulary.ts';
import { applyBulkAction } from '../../domain/moderation/bulk-actions.server.ts';
import { decideSuggestion, moveSuggestion } from '../../domain/moderation/decide-suggestion.server.ts';
import { ModerationError } from '../../domain/authorization/moderation-error.ts';
import { markDuplicate } from '../../domain/moderation/mark-duplicate.server.ts';
import { resolveProposal } from '../../domain/categorize/proposals.server.ts';
import { markClusterDuplicates } from '../../domain/duplicates/merge-cluster.server.ts';
import { addNote, MAX_NOTE_LENGTH } from '../../domain/moderation/notes.server.ts';
import { MAX_REPLY_LENGTH, replyToSubmitter } from '../../domain/moderation/reply-to-submitter.server.ts';
import { decisions } from '../../domain/moderation/statuses.ts';
import { normalizeTrackingCode } from '../../domain/suggestions/tracking-code.ts';
import { splitTags } from './suggestions.server.ts';

// The detail page's forms, one `intent` each; the route checks
// moderate:suggestion:any before parsing, the domain checks it again.
const optionalId = z.union([z.literal('none'), z.coerce.number().int().positive()]);
export const SuggestionForm = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('move'),
    move: z.enum(['verify', 'reject_spam', 'start_review', 'back_to_received', 'reopen']),
  }),
  z.object({
    intent: z.literal('decide'),
    decision: z.enum(decisions),
    reason: z.string().trim().min(2).max(2000),
    publicReply: z.string().trim().max(2000).optional(),
    publicSummary: z.string().trim().max(500).optional(),
    publishable: z.literal('on').optional(),
  }),
  z.object({ intent: z.literal('addTags'), tags: z.string().trim().min(1).max(400) }),
  z.object({ intent: z.literal('removeTag'), tagId: z.coerce.number().int().positive() }),
  z.object({ intent: z.literal('assign'), assignee: optionalId }),
  z.object({ intent: z.literal('category'), category: optionalId }),
  z.object({ intent: z.literal('duplicate'), original: z.string().trim().min(1).max(40) }),
  z.object({
    intent: z.literal('note'),
    body: z.string().trim().min(1).max(MAX_NOTE_LENGTH),
    parentId: z.coerce.number().int().positive().optional(),
  }),
  z.object({ intent: z.literal('reply'), message: z.string().trim().min(2).max(MAX_REPLY_LENGTH) }),
  z.object({
    intent: z.literal('consent'),
    consent: z.enum(publicationConsents),
    note: z.string().trim().min(4).max(MAX_CONSENT_NOTE),
  }),
  z.object({ intent: z.literal('markClusterDuplicates') }),
  z.object({ intent: z.literal('acceptProposal') }),
  z.object({ intent: z.literal('dismissProposal') }),
]);
export type SuggestionFormData = z.infer<typeof SuggestionForm>;

/** Runs one intent; a ModerationError comes back as its code for the page to explain. */
export async function runIntent(
  context: AppLoadContext,
  viewer: StaffUser,
  id: number,
  f: SuggestionFormData,
  siteUrl: string,
): Promise<string> {
  const actor = viewer;
  const ip = context.clientIp;
  const db = context.db;
  switch (f.intent) {
    case 'move':
      await moveSuggestion(db, { id, move: f.move, actor, ip, siteUrl });
      return 'saved';
    case 'decide':
      await decideSuggestion(db, {
        id,
        actor,
        ip,
        input: {
          decision: f.decision,
          reason: f.reason,
          publicReply: f.publicReply,
          publicSummary: f.publicSummary,
          publishable: f.publishable === 'on',
        },
        siteUrl,
      });
      return 'saved';
    case 'addTags':
      await applyBulkAction(db, { ids: [id], action: { kind: 'addTags', names: splitTags(f.tags) }, actor, ip });
      return 'saved';
    case 'removeTag':
      await applyBulkAction(db, { ids: [id], action: { kind: 'removeTag', tagId: f.tagId }, actor, ip });
      return 'saved';
    case 'assign':
      await applyBulkAction(db, {
        ids: [id],
        action: { kind: 'assign', assigneeId: f.assignee === 'none' ? null : f.assignee },
        actor,
        ip,
      });
      return 'saved';
    case 'category':
      await applyBulkAction(db, {
        ids: [id],
        action: { kind: 'category', categoryId: f.category === 'none' ? null : f.category },
        actor,
        ip,
      });
      return 'saved';
    case 'duplicate':
      await markDuplicate(db, { id, originalId: await resolveSuggestion(context, f.original), actor, ip });
      return 'saved';
    case 'note':
      await addNote(db, { suggestionId: id, parentId: f.parentId, body: f.body, actor, ip });
      return 'saved';
    case 'reply':
      await replyToSubmitter(db, { id, message: f.message, actor, ip });
      return 'replied';
    case 'consent':
      await changePublicationConsent(db, { id, consent: f.consent, note: f.note, actor, ip, siteUrl });
      return 'saved';
    case 'acceptProposal':
    case 'dismissProposal':
      await resolveProposal(db, { id, actor, ip, accept: f.intent === 'acceptProposal' });
      return f.intent === 'acceptProposal' ? 'proposalAccepted' : 'saved';
    case 'markClusterDuplicates': {
      const { marked, skipped } = await markClusterDuplicates(db, { keepId: id, actor, ip });
      return `markedAll:${marked}:${skipped}`;
    }
  }
}

/** "JY-7K3F-9QXD" or "42": moderators know suggestions by either. */
async function resolveSuggestion(context: AppLoadContext, value: string): Promise<number> {
  if (/^\d+$/.test(value)) return Number(value);
  const code = normalizeTrackingCode(value);
  if (!code) throw new ModerationError('not_found');
  const [row] = await context.db
    .select({ id: suggestions.id })
    .from(suggestions)
    .where(eq(suggestions.trackingCode, code));
  if (!row) throw new ModerationError('not_found');
  return row.id;
}
