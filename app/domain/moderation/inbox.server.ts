import { eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.server.ts';
import { inboundEmails } from '../../../db/schema/index.ts';
import { recordAudit } from '../audit/record-audit.server.ts';
import {
  assignInboundEmail,
  discardInboundEmail,
  listInboundQueue,
  rawInboundEmail,
  retryInboundEmail,
} from '../intake/email/email-queue.server.ts';
import type { Config } from '../../server/config.ts';
import { senderHeaders } from './email-headers.server.ts';
import { assertPermission, ModerationError, type Actor } from './guard.ts';
import { inboxTabs, type InboxTab } from './inbox-tabs.ts';

// The moderators' side of the email queue (app/domain/intake/email does the
// work): permission checks, the sender for those allowed to see it, and an
// audit entry for every act.

export async function inboxPage(
  db: Database,
  { viewer, tab, before, ip }: { viewer: Actor; tab: InboxTab; before?: number; ip?: string },
) {
  assertPermission(viewer, 'read:suggestion:any');
  const limit = 50;
  const rows = await listInboundQueue(db, { statuses: [...inboxTabs[tab]], before, limit: limit + 1 });
  const page = rows.slice(0, limit);
  const senders = new Map<number, string | null>();
  if (viewer.permissions.has('read:contact:any') && page.length) {
    // The header block only (first 16 KiB), one query for the page.
    const heads = await db
      .select({ id: inboundEmails.id, head: sql<Buffer>`substring(${inboundEmails.raw} from 1 for 16384)` })
      .from(inboundEmails)
      .where(
        inArray(
          inboundEmails.id,
          page.map((r) => r.id),
        ),
      );
    for (const { id, head } of heads)
      senders.set(id, (await senderHeaders(Buffer.from(head), { mask: false }).catch(() => null))?.from ?? null);
    await recordAudit(db, {
      actorId: viewer.id,
      action: 'inbound_email.senders_viewed',
      targetType: 'inbound_email',
      details: { ids: page.map((r) => r.id) },
      ip,
    });
  }
  return {
    rows: page.map((r) => ({ ...r, sender: senders.get(r.id) ?? null })),
    nextBefore: rows.length > limit ? page.at(-1)!.id : null,
  };
}

type Act = { id: number; actor: Actor; ip?: string };

export async function assignInboundToPlan(
  db: Database,
  { id, planId, actor, ip, config }: Act & { planId: number; config: Config },
) {
  assertPermission(actor, 'moderate:suggestion:any');
  const outcome = await assignInboundEmail(db, id, planId, { config });
  if (!outcome) throw new ModerationError('not_allowed');
  await recordAudit(db, {
    actorId: actor.id,
    action: 'inbound_email.assigned',
    targetType: 'inbound_email',
    targetId: id,
    details: { planId, status: outcome.status, suggestionId: outcome.suggestionId ?? null },
    ip,
  });
  return outcome;
}

export async function retryInbound(db: Database, { id, actor, ip, config }: Act & { config: Config }) {
  assertPermission(actor, 'moderate:suggestion:any');
  const outcome = await retryInboundEmail(db, id, { config });
  if (!outcome) throw new ModerationError('not_allowed');
  await recordAudit(db, {
    actorId: actor.id,
    action: 'inbound_email.retried',
    targetType: 'inbound_email',
    targetId: id,
    details: { status: outcome.status, suggestionId: outcome.suggestionId ?? null },
    ip,
  });
  return outcome;
}

export async function discardInbound(db: Database, { id, reason, actor, ip }: Act & { reason: string }) {
  assertPermission(actor, 'moderate:suggestion:any');
  if (!(await discardInboundEmail(db, id, reason))) throw new ModerationError('not_allowed');
  // The reason is a moderator's word on the mail, kept on the mail's row; the audit row says who and when.
  await recordAudit(db, {
    actorId: actor.id,
    action: 'inbound_email.discarded',
    targetType: 'inbound_email',
    targetId: id,
    ip,
  });
}

/** The original .eml holds the sender and everything they wrote: contact permission, and audited. */
export async function downloadInboundEmail(db: Database, { id, actor, ip }: Act) {
  assertPermission(actor, 'read:contact:any');
  const mail = await rawInboundEmail(db, id);
  if (!mail) return null;
  await recordAudit(db, {
    actorId: actor.id,
    action: 'inbound_email.downloaded',
    targetType: 'inbound_email',
    targetId: id,
    ip,
  });
  return mail;
}

/**
 * The HTML of an HTML mail, as sanitized at intake, for staff who may see
 * contact details (signatures carry the lines moved to the contact record).
 * Audited like the .eml download.
 */
export async function viewInboundEmailHtml(db: Database, { id, actor, ip }: Act): Promise<string | null> {
  assertPermission(actor, 'read:contact:any');
  const [row] = await db.select({ html: inboundEmails.sanitizedHtml }).from(inboundEmails).where(eq(inboundEmails.id, id));
  if (!row?.html) return null;
  await recordAudit(db, { actorId: actor.id, action: 'inbound_email.html_viewed', targetType: 'inbound_email', targetId: id, ip });
  return row.html;
}
