import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.server.ts';
import { publicationConsentChanges, suggestions } from '../../../db/schema/index.ts';
import { auditSuggestions } from '../moderation/audit.server.ts';
import { assertPermission, type Actor } from '../authorization/actor.ts';
import { ModerationError } from '../moderation/guard.ts';
import { isPublicationConsent, MAX_CONSENT_NOTE, type PublicationConsent } from './vocabulary.ts';

/**
 * A moderator changes how a suggestion may appear in public, on the
 * submitter's recorded word only (个人信息保护法 Art. 25 asks for separate
 * consent): the note says how and when it was given ("2026-12-03 来电，本人同意
 * 署名公开"). The note is kept staff-only with the change; the audit log gets
 * the ids and the two choices.
 */
export async function changePublicationConsent(
  db: Database,
  {
    id,
    consent,
    note,
    actor,
    ip,
  }: { id: number; consent: PublicationConsent; note: string; actor: Actor; ip?: string },
): Promise<void> {
  assertPermission(actor, 'moderate:suggestion:any');
  if (!isPublicationConsent(consent)) throw new ModerationError('not_allowed');
  const why = note.trim();
  if (why.length < 4 || why.length > MAX_CONSENT_NOTE) throw new ModerationError('consent_note');
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ consent: suggestions.publicationConsent })
      .from(suggestions)
      .where(eq(suggestions.id, id))
      .for('update');
    if (!row) throw new ModerationError('not_found');
    if (row.consent === consent) return;
    const [change] = await tx
      .insert(publicationConsentChanges)
      .values({ suggestionId: id, fromConsent: row.consent, toConsent: consent, note: why, actorId: actor.id })
      .returning({ id: publicationConsentChanges.id });
    await tx
      .update(suggestions)
      .set({ publicationConsent: consent, updatedAt: sql`now()` })
      .where(eq(suggestions.id, id));
    await auditSuggestions(tx, {
      actor,
      ip,
      action: 'suggestion.consent_changed',
      ids: [id],
      details: () => ({ from: row.consent, to: consent, changeId: change!.id }),
    });
  });
}
