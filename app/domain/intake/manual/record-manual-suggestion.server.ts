import type { Database } from '../../../../db/client.server.ts';
import type { ContactDetails } from '../../contacts/contacts.server.ts';
import { submitSuggestion } from '../../suggestions/submit-suggestion.server.ts';
import { chinaDayStart, toChinaLocalInput } from '../../../utils/china-time.ts';
import { auditSuggestions } from '../../audit/audit-suggestions.server.ts';
import { assertPermission, type Actor } from '../../authorization/actor.ts';
import type { ManualChannel } from '../../suggestions/vocabulary.ts';

export type ManualSuggestionInput = {
  planId: number;
  channel: ManualChannel;
  /** The Beijing day the letter, call, visit or meeting happened (YYYY-MM-DD). */
  receivedOn: string;
  submitterType: string;
  contact: ContactDetails;
  categoryId?: number;
  sectionId?: number;
  title: string;
  body: string;
  /** 座谈会: several suggestions share one meeting, recorded with each. */
  meeting?: { name: string; date: string };
  /** The form's one-time key: a double post records one suggestion. */
  formKey: string;
};

/**
 * Staff record a suggestion received by letter, phone, visit or symposium.
 * It goes through submitSuggestion like every channel (same storage, tracking
 * code, acknowledgement when an email address was given), in one transaction
 * with its audit entry.
 */
export async function recordManualSuggestion(
  db: Database,
  { input, actor, trackUrl, ip }: { input: ManualSuggestionInput; actor: Actor; trackUrl: string; ip?: string },
) {
  assertPermission(actor, 'moderate:suggestion:any');
  return db.transaction(async (tx) => {
    const saved = await submitSuggestion(tx, {
      planId: input.planId,
      channel: input.channel,
      sectionId: input.sectionId ?? null,
      categoryId: input.categoryId ?? null,
      title: input.title,
      body: input.body,
      submitterType: input.submitterType,
      contact: input.contact,
      intakeKey: `manual:${input.formKey}`,
      intakeMeta: {
        recordedBy: actor.id,
        receivedOn: input.receivedOn,
        ...(input.meeting ? { meeting: { name: input.meeting.name, date: input.meeting.date } } : {}),
      },
      submittedAt: submittedAt(input.receivedOn),
      trackUrl,
    });
    if (saved.created)
      await auditSuggestions(tx, {
        actor,
        ip,
        action: 'suggestion.recorded',
        ids: [saved.id],
        details: () => ({ channel: input.channel }),
      });
    return saved;
  });
}

// Today's entries keep the time they were typed in, so the queue's "newest"
// shows them first; an earlier day is that day's start in Beijing.
function submittedAt(day: string): Date {
  const today = toChinaLocalInput(new Date()).slice(0, 10);
  return day === today ? new Date() : (chinaDayStart(day) ?? new Date());
}
