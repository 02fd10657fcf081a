import { createElement } from 'react';
import { safeErrorMessage } from '../../../utils/safe-error.ts';
import { trackUrl as trackUrlOf } from '../../suggestions/track-url.ts';
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Database, Transaction } from '../../../../db/client.server.ts';
import { inboundEmails, planSections, plans } from '../../../../db/schema/index.ts';
import HeldNotice, { heldNoticeSubject } from '../../../../emails/held-notice.tsx';
import type { Config } from '../../../server/config.ts';
import { contactKeyring } from '../../crypto/installed-keyring.ts';
import { enqueueMail } from '../../mail/outbox.server.ts';
import { consultationWindow } from '../../plans/consultation-window.ts';
import { consumeRateLimit } from '../../rate-limit/rate-limit.server.ts';
import { checkAttachment, MAX_ATTACHMENTS } from '../../suggestions/attachment-type.ts';
import { submitSuggestion } from '../../suggestions/submit-suggestion.server.ts';
import { attachmentText } from './attachment-text.server.ts';
import { linkSection } from './link-section.ts';
import { parseEmail, type ParsedEmail } from './parse-email.server.ts';
import { openRawEmail, sealEmailHtml, sealRawEmail } from './sealed-email.ts';
import { subjectHasMarker, titleFromSubject } from './subject-marker.ts';
import { extractSubmitterDetails } from './submitter-details.ts';

type Status = (typeof inboundEmails.$inferSelect)['status'];
export type EmailOutcome = { status: Status; reason?: string | null; suggestionId?: number | null; trackingCode?: string };
type Row = typeof inboundEmails.$inferSelect;
type Decision = { status: Status; reason?: string; planId?: number; suggestionId?: number; trackingCode?: string };

export type ProcessOptions = { config: Config };

/**
 * Step two of intake: parse a stored message and turn it into a suggestion
 * (through submitSuggestion, like every channel) or put it in a queue for a
 * person: unmatched (no marker, or several plans), held (with the reason),
 * auto_reply or bounce (recorded, never answered). Runs once per message;
 * anything already processed is returned as it is.
 */
export async function processInboundEmail(db: Database, id: number, options: ProcessOptions): Promise<EmailOutcome> {
  const [row] = await db.select().from(inboundEmails).where(eq(inboundEmails.id, id));
  if (!row) throw new Error(`no inbound email ${id}`);
  if (row.status !== 'pending') return { status: row.status, reason: row.statusReason, suggestionId: row.suggestionId };

  const keyring = contactKeyring();
  const raw = openRawEmail(keyring, row);
  if (!raw) return hold(db, row, 'content_purged');
  if (row.sizeBytes > options.config.intake.maxBytes) return holdOversized(db, row, raw, options.config);
  let parsed: ParsedEmail;
  try {
    parsed = await parseEmail(raw);
  } catch (error) {
    return hold(db, row, `parse_error: ${describe(error)}`);
  }
  try {
    return await db.transaction(async (tx) => {
      const [locked] = await tx.select({ status: inboundEmails.status }).from(inboundEmails).where(eq(inboundEmails.id, id)).for('update');
      if (locked!.status !== 'pending') return { status: locked!.status };
      const decision = await decide(tx, row, parsed, options.config);
      await tx
        .update(inboundEmails)
        .set({
          status: decision.status,
          statusReason: decision.reason ?? null,
          subject: parsed.subject.slice(0, 500),
          planId: decision.planId ?? row.planId,
          suggestionId: decision.suggestionId ?? null,
          // Sealed afresh with the current key, all together, so that the
          // row's keyId names the key of every sealed column (rotation relies on it).
          ...sealRawEmail(keyring, raw),
          sanitizedHtml: sealEmailHtml(keyring, parsed.sanitizedHtml),
          attempts: row.attempts + 1,
          processedAt: new Date(),
        })
        .where(eq(inboundEmails.id, id));
      return { status: decision.status, reason: decision.reason, suggestionId: decision.suggestionId, trackingCode: decision.trackingCode };
    });
  } catch (error) {
    return hold(db, row, `processing_error: ${describe(error)}`);
  }
}

async function decide(tx: Transaction, row: Row, parsed: ParsedEmail, config: Config): Promise<Decision> {
  // Automated mail is recorded, not ingested, unless a moderator read it and
  // assigned it to a plan (a real suggestion sent from a list or a noreply
  // address). Either way it is never answered: answering robots makes loops.
  const automated = parsed.kind !== 'person';
  if (parsed.kind !== 'person' && !row.planId) return { status: parsed.kind };

  const candidates = await tx
    .select()
    .from(plans)
    .where(row.planId ? eq(plans.id, row.planId) : and(inArray(plans.status, ['open', 'closed']), isNotNull(plans.emailMarker)));
  const matches = row.planId ? candidates : candidates.filter((plan) => subjectHasMarker(parsed.subject, plan.emailMarker!));
  if (matches.length === 0) return { status: 'unmatched', reason: 'no_marker' };
  if (matches.length > 1) return { status: 'unmatched', reason: 'several_plans' };
  const plan = matches[0]!;
  // A moderator's assignment (row.planId) overrides the window.
  if (!row.planId && consultationWindow(plan) !== 'open') return { status: 'held', reason: 'plan_closed', planId: plan.id };

  const files = await checkFiles(parsed);
  if (files.problem) {
    if (!automated) await notifySender(tx, parsed, plan.title, config);
    return { status: 'held', reason: files.problem, planId: plan.id };
  }

  const details = extractSubmitterDetails(parsed.text);
  const firstLine = details.text.split('\n').find((line) => line.trim())?.trim() ?? '';
  const title = (titleFromSubject(parsed.subject, plan.emailMarker) || [...firstLine].slice(0, 50).join('') || '（无标题）').slice(0, 200);
  const body = details.text || (files.accepted.length ? '（内容见附件）' : '');
  if (!body) return { status: 'held', reason: 'empty', planId: plan.id };

  const sectionRows = await tx.select({ id: planSections.id, number: planSections.number, heading: planSections.heading }).from(planSections).where(eq(planSections.planId, plan.id)).orderBy(asc(planSections.position));
  const sectionId = linkSection(`${parsed.subject}\n${details.text}`, sectionRows);
  const replyAllowed = !automated && (await mayReply(tx, parsed, config));

  const saved = await submitSuggestion(tx, {
    planId: plan.id,
    channel: 'email',
    sectionId,
    // No one chose a category: the rules and classifier's proposal fills it in, marked as proposed.
    prefillCategory: true,
    title,
    body,
    submitterType: '未注明',
    contact: {
      name: details.contact.name ?? parsed.from.name,
      unit: details.contact.unit,
      phone: details.contact.phone,
      email: details.contact.email ?? parsed.from.address,
    },
    attachments: files.accepted,
    intakeKey: `email:${row.dedupeKey}`,
    intakeMeta: {
      inboundEmailId: row.id,
      messageId: parsed.messageId ?? null,
      sentAt: parsed.date?.toISOString() ?? null,
      sectionLinked: sectionId !== undefined,
      // Some text decoded cleanly in no charset: staff should check the original (decision 065).
      undecodableText: parsed.undecodable,
    },
    submittedAt: row.receivedAt,
    trackUrl: trackUrlOf(config.siteUrl),
    acknowledge: replyAllowed && parsed.from.address ? { to: parsed.from.address, headers: replyHeaders(parsed) } : false,
  });
  return { status: 'ingested', planId: plan.id, suggestionId: saved.id, trackingCode: saved.trackingCode };
}

async function checkFiles(parsed: ParsedEmail) {
  const accepted: { filename: string; contentType: string; bytes: Buffer; extractedText?: string }[] = [];
  if (parsed.attachments.length > MAX_ATTACHMENTS) return { problem: 'attachments_over_limit', accepted };
  for (const file of parsed.attachments) {
    const check = checkAttachment(file.filename, file.bytes);
    if (!check.ok) return { problem: check.reason === 'too_large' ? 'attachments_over_limit' : `attachment_${check.reason}`, accepted };
    accepted.push({ filename: file.filename, contentType: check.contentType, bytes: file.bytes, extractedText: await attachmentText(check.extension, file.bytes) });
  }
  return { problem: undefined, accepted };
}

// Replies carry Auto-Submitted (RFC 3834) so that well-behaved auto-responders
// do not answer them, and thread under the sender's message.
function replyHeaders(parsed: ParsedEmail): Record<string, string> {
  const headers: Record<string, string> = { 'Auto-Submitted': 'auto-replied' };
  if (parsed.messageId) Object.assign(headers, { 'In-Reply-To': parsed.messageId, References: parsed.messageId });
  return headers;
}

async function mayReply(tx: Transaction, parsed: ParsedEmail, config: Config): Promise<boolean> {
  if (!parsed.from.address || config.intake.repliesPerHour === 0) return false;
  const limit = await consumeRateLimit(tx, { key: `mail-reply:${parsed.from.address}`, limit: config.intake.repliesPerHour, windowSeconds: 3600 });
  return limit.allowed;
}

async function notifySender(tx: Transaction, parsed: ParsedEmail, planTitle: string, config: Config) {
  if (!(await mayReply(tx, parsed, config))) return;
  await enqueueMail(tx, {
    kind: 'held_notice',
    to: parsed.from.address!,
    subject: heldNoticeSubject(),
    body: createElement(HeldNotice, { planTitle, reason: 'attachments' }),
    headers: replyHeaders(parsed),
  });
}

// A message over INTAKE_MAX_BYTES is kept, unparsed, for a person. Its header
// block alone tells who sent it and for which plan, so the sender still gets
// the polite explanation (unless the mail is automated).
async function holdOversized(db: Database, row: Row, raw: Buffer, config: Config): Promise<EmailOutcome> {
  const head = await parseEmail(headerBlock(raw)).catch(() => undefined);
  return db.transaction(async (tx) => {
    const [held] = await tx
      .update(inboundEmails)
      .set({ status: 'held', statusReason: 'message_too_large', subject: head?.subject.slice(0, 500) ?? null, attempts: row.attempts + 1, processedAt: new Date() })
      .where(and(eq(inboundEmails.id, row.id), eq(inboundEmails.status, 'pending')))
      .returning({ id: inboundEmails.id });
    if (held && head?.kind === 'person' && head.from.address) {
      const open = await tx.select({ title: plans.title, emailMarker: plans.emailMarker }).from(plans).where(and(inArray(plans.status, ['open', 'closed']), isNotNull(plans.emailMarker)));
      const matching = open.filter((plan) => subjectHasMarker(head.subject, plan.emailMarker!));
      await notifySender(tx, head, matching.length === 1 ? matching[0]!.title : '本次征求意见', config);
    }
    return { status: 'held' as const, reason: 'message_too_large' };
  });
}

function headerBlock(raw: Buffer): Buffer {
  const limit = Math.min(raw.length, 256 * 1024);
  for (const separator of ['\r\n\r\n', '\n\n']) {
    const end = raw.subarray(0, limit).indexOf(separator);
    if (end >= 0) return raw.subarray(0, end + separator.length);
  }
  return raw.subarray(0, limit);
}

async function hold(db: Database, row: Row, reason: string): Promise<EmailOutcome> {
  await db
    .update(inboundEmails)
    .set({ status: 'held', statusReason: reason.slice(0, 500), attempts: row.attempts + 1, processedAt: new Date() })
    .where(and(eq(inboundEmails.id, row.id), eq(inboundEmails.status, 'pending')));
  return { status: 'held', reason };
}

// Staff see this note: never the failed statement or the values it carried.
function describe(error: unknown): string {
  return safeErrorMessage(error);
}
