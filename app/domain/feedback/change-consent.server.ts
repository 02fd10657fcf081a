import { eq, sql } from 'drizzle-orm';
import type { Database, DbExecutor } from '../../../db/client.server.ts';
import { publicationConsentChanges, suggestions } from '../../../db/schema/index.ts';
import { consentChangedSubject } from '../../../emails/consent-changed.tsx';
import { recordAudit } from '../audit/record-audit.server.ts';
import { assertPermission, type Actor } from '../authorization/actor.ts';
import { replyAddress } from '../contacts/contacts.server.ts';
import { enqueueMail } from '../mail/outbox.server.ts';
import { ModerationError } from '../authorization/moderation-error.ts';
import { NotFound } from '../not-found.ts';
import { trackUrl } from '../suggestions/track-url.ts';
import { isPublicationConsent, MAX_CONSENT_NOTE, type PublicationConsent } from './vocabulary.ts';

// Consent to publish a name is the submitter's (个人信息保护法 Art. 25 asks for
// separate consent). They change it themselves on /track with their proof.
// Staff may record it on the submitter's word (a letter, a call) only with
// the contact permission, since it decides whether a name goes public; a
// narrowing (less public than before) protects the submitter and needs only
// the moderation permission. Either way the submitter is told by mail where
// an address exists, and the change is audited as a contact act.

const openness: Record<PublicationConsent, number> = { none: 0, anonymous: 1, named: 2 };

export async function changePublicationConsent(
  db: Database,
  {
    id,
    consent,
    note,
    actor,
    ip,
    siteUrl,
  }: { id: number; consent: PublicationConsent; note: string; actor: Actor; ip?: string; siteUrl: string },
): Promise<void> {
  assertPermission(actor, 'moderate:suggestion:any');
  if (!isPublicationConsent(consent)) throw new ModerationError('not_allowed');
  const why = note.trim();
  if (why.length < 4 || why.length > MAX_CONSENT_NOTE) throw new ModerationError('consent_note');
  await db.transaction(async (tx) => {
    const current = await lockConsent(tx, id);
    if (current === consent) return;
    if (openness[consent] > openness[current]) assertPermission(actor, 'read:contact:any');
    await recordChange(tx, {
      id,
      from: current,
      to: consent,
      note: why,
      changedBy: 'staff',
      actorId: actor.id,
      ip,
      siteUrl,
    });
  });
}

/** The submitter's own change, after /track checked their proof (the caller passes the suggestion it found). */
export async function changeConsentAsSubmitter(
  db: Database,
  { id, consent, ip, siteUrl }: { id: number; consent: PublicationConsent; ip?: string; siteUrl: string },
): Promise<'changed' | 'unchanged'> {
  if (!isPublicationConsent(consent)) return 'unchanged';
  return db.transaction(async (tx) => {
    const current = await lockConsent(tx, id);
    if (current === consent) return 'unchanged';
    await recordChange(tx, {
      id,
      from: current,
      to: consent,
      note: '提出人在进度查询页自行修改',
      changedBy: 'submitter',
      actorId: null,
      ip,
      siteUrl,
    });
    return 'changed';
  });
}

async function lockConsent(tx: DbExecutor, id: number): Promise<PublicationConsent> {
  const [row] = await tx
    .select({ consent: suggestions.publicationConsent })
    .from(suggestions)
    .where(eq(suggestions.id, id))
    .for('update');
  if (!row) throw new NotFound('suggestion');
  return row.consent;
}

type Change = {
  id: number;
  from: PublicationConsent;
  to: PublicationConsent;
  note: string;
  changedBy: 'staff' | 'submitter';
  actorId: number | null;
  ip?: string;
  siteUrl: string;
};

async function recordChange(tx: DbExecutor, change: Change): Promise<void> {
  const [row] = await tx
    .insert(publicationConsentChanges)
    .values({
      suggestionId: change.id,
      fromConsent: change.from,
      toConsent: change.to,
      note: change.note,
      changedBy: change.changedBy,
      actorId: change.actorId,
    })
    .returning({ id: publicationConsentChanges.id });
  await tx
    .update(suggestions)
    .set({ publicationConsent: change.to, updatedAt: sql`now()` })
    .where(eq(suggestions.id, change.id));
  await recordAudit(tx, {
    actorId: change.actorId,
    action: 'contact.consent_changed',
    targetType: 'suggestion',
    targetId: change.id,
    details: { from: change.from, to: change.to, by: change.changedBy, changeId: row!.id },
    ip: change.ip,
  });
  const to = await replyAddress(tx, change.id);
  if (!to) return;
  const [suggestion] = await tx
    .select({ trackingCode: suggestions.trackingCode, title: suggestions.title, intakeMeta: suggestions.intakeMeta })
    .from(suggestions)
    .where(eq(suggestions.id, change.id));
  const locale = suggestion!.intakeMeta?.locale === 'en' ? 'en' : 'zh-CN';
  await enqueueMail(tx, {
    kind: 'consent_changed',
    to,
    subject: consentChangedSubject({ locale, trackingCode: suggestion!.trackingCode }),
    body: {
      template: 'consent-changed',
      props: {
        locale,
        trackingCode: suggestion!.trackingCode,
        suggestionTitle: suggestion!.title,
        consent: change.to,
        byStaff: change.changedBy === 'staff',
        trackUrl: trackUrl(change.siteUrl),
      },
    },
    suggestionId: change.id,
  });
}
