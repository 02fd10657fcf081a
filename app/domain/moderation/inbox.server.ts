import type { Database } from '../../../db/client.server.ts';
import { recordAudit } from '../audit/record-audit.server.ts';
import {
  assignInboundEmail,
  cannotRescue,
  discardInboundEmail,
  inboundAttachment,
  listInboundQueue,
  retryInboundEmail,
} from '../intake/email/email-queue.server.ts';
import { mailPreview } from '../intake/email/mail-preview.ts';
import type { DomainSettings } from '../settings.ts';
import { inboundSenders } from './inbound-email-contacts.server.ts';
import { assertPermission, type Actor } from '../authorization/actor.ts';
import { ModerationError } from '../authorization/moderation-error.ts';
import { inboxTabs, type InboxTab } from './inbox-tabs.ts';

// The moderators' side of the email queue (app/domain/intake/email does the
// work): permission checks, the sender for those allowed to see it, and an
// audit entry for every act.

export async function inboxPage(
  db: Database,
  {
    viewer,
    tab,
    before,
    ip,
    maxBytes = 40 * 1024 * 1024,
  }: { viewer: Actor; tab: InboxTab; before?: number; ip?: string; maxBytes?: number },
) {
  assertPermission(viewer, 'read:suggestion:any');
  const limit = 20;
  const rows = await listInboundQueue(db, { statuses: [...inboxTabs[tab]], before, limit: limit + 1, maxBytes });
  const page = rows.slice(0, limit);
  // Unmasked senders only for contact readers, through the contacts module (audited there).
  const senders = viewer.permissions.has('read:contact:any')
    ? await inboundSenders(db, { viewer, ids: page.map((r) => r.id), ip })
    : new Map<number, string | null>();
  return {
    rows: page.map(({ text, statusDetail, ...r }) => ({
      ...r,
      // The technical message of an error is for those who may read the whole mail.
      statusDetail: viewer.permissions.has('read:contact:any') ? statusDetail : withoutError(statusDetail),
      preview: text === null ? null : mailPreview(text),
      cannotRescue: cannotRescue(r) ?? null,
      sender: senders.get(r.id) ?? null,
    })),
    nextBefore: rows.length > limit ? page.at(-1)!.id : null,
  };
}

function withoutError(detail: Record<string, string | number> | null) {
  if (!detail) return detail;
  const { error: _error, ...rest } = detail;
  return rest;
}

/** A file left in a mail (not accepted, or beyond the count), for staff to download. Audited. */
export async function downloadInboundAttachment(
  db: Database,
  { id, index, actor, ip, maxBytes }: Act & { index: number; maxBytes: number },
) {
  assertPermission(actor, 'read:suggestion:any');
  const file = await inboundAttachment(db, { id, index, maxBytes });
  if (!file) return undefined;
  await recordAudit(db, {
    actorId: actor.id,
    action: 'inbound_email.attachment_downloaded',
    targetType: 'inbound_email',
    targetId: id,
    details: { index },
    ip,
  });
  return file;
}

type Act = { id: number; actor: Actor; ip?: string };

export async function assignInboundToPlan(
  db: Database,
  { id, planId, actor, ip, config }: Act & { planId: number; config: DomainSettings },
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

export async function retryInbound(db: Database, { id, actor, ip, config }: Act & { config: DomainSettings }) {
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
