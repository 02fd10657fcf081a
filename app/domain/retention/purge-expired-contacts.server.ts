import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.server.ts';
import { plans } from '../../../db/schema/index.ts';
import { recordAudit } from '../audit/record-audit.server.ts';
import { countSubmitters, purgePlanContacts } from '../contacts/contacts.server.ts';
import { purgePlanTextOriginals } from '../contacts/text-originals.server.ts';
import { purgePlanEmails } from '../intake/email/purge-emails.server.ts';
import { purgePlanOutbox } from '../mail/purge-outbox.server.ts';

// Retention (个人信息保护法 Art. 19 and 47: keep personal information no longer
// than the purpose needs). Each plan keeps its submitters' contact details,
// raw mail and sent mail for `contact_retention_days` after it closes; then
// they are purged. Suggestions, decisions, replies and every count stay.
// Run daily by the worker and by `npm run retention`; idempotent, and safe
// with several workers (each plan is purged under a row lock).

export type PlanPurge = { planId: number; contacts: number; emails: number; outgoing: number };

export const DAY_MS = 24 * 60 * 60 * 1000;

/** Plans whose retention period has run out: closed, and closes_at + days is past. */
export async function plansDueForPurge(db: Database, now: Date): Promise<number[]> {
  const rows = await db
    .select({ id: plans.id })
    .from(plans)
    .where(
      and(
        isNotNull(plans.closesAt),
        sql`${plans.closesAt} + make_interval(days => ${plans.contactRetentionDays}) <= ${now.toISOString()}::timestamptz`,
      ),
    )
    .orderBy(plans.id);
  return rows.map((r) => r.id);
}

export async function purgeExpiredContacts(
  db: Database,
  { now = new Date() }: { now?: Date } = {},
): Promise<PlanPurge[]> {
  const done: PlanPurge[] = [];
  for (const planId of await plansDueForPurge(db, now)) {
    const purge = await purgePlan(db, planId, now);
    if (purge) done.push(purge);
  }
  return done;
}

async function purgePlan(db: Database, planId: number, now: Date): Promise<PlanPurge | null> {
  return db.transaction(async (tx) => {
    const [plan] = await tx
      .select({ closesAt: plans.closesAt, days: plans.contactRetentionDays, purgedAt: plans.contactsPurgedAt })
      .from(plans)
      .where(eq(plans.id, planId))
      .for('update');
    if (!plan?.closesAt || plan.closesAt.getTime() + plan.days * DAY_MS > now.getTime()) return null;
    // Counted before the addresses it is counted by are gone (and again after
    // a later purge, for suggestions recorded since).
    const participants = await countSubmitters(tx, planId);
    const contacts = await purgePlanContacts(tx, planId);
    const emails = await purgePlanEmails(tx, planId, now);
    const outgoing = await purgePlanOutbox(tx, planId);
    // The sealed originals of masked suggestion text are contact details too (decision 057).
    const textOriginals = await purgePlanTextOriginals(tx, planId);
    if (plan.purgedAt && contacts + emails + outgoing + textOriginals === 0) return null;
    // The database's clock, like suggestions.created_at: the counter adds the suggestions recorded after this moment.
    await tx
      .update(plans)
      .set({ contactsPurgedAt: sql`now()`, participantCountAtPurge: participants })
      .where(eq(plans.id, planId));
    await recordAudit(tx, {
      actorId: null,
      action: 'plan.contacts_purged',
      targetType: 'plan',
      targetId: planId,
      details: {
        contacts,
        emails,
        outgoing,
        textOriginals,
        retentionDays: plan.days,
        closedAt: plan.closesAt.toISOString(),
      },
    });
    return { planId, contacts, emails, outgoing, textOriginals };
  });
}
