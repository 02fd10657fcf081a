import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Database, Transaction } from '../../../../db/client.server.ts';
import { inboundEmails, planSections, plans } from '../../../../db/schema/index.ts';
import type { DomainSettings } from '../../settings.ts';
import { contactKeyring } from '../../crypto/installed-keyring.ts';
import { CONTACT_SCREEN_VERSION, maskFileName } from '../../contacts/screen-text.ts';
import { consultationWindow } from '../../plans/consultation-window.ts';
import { submitSuggestion } from '../../suggestions/submit-suggestion.server.ts';
import { trackUrl as trackUrlOf } from '../../suggestions/track-url.ts';
import { describeError, hold, holdOversized } from './hold-email.server.ts';
import type { InboundReason } from './inbound-reasons.ts';
import { linkSection } from './link-section.ts';
import { sortAttachments } from './mail-attachments.server.ts';
import { mayReply, replyHeaders } from './mail-replies.server.ts';
import { mimeShape, MIME_MAX_DEPTH, MIME_MAX_PARTS } from './mime-shape.ts';
import { parseEmail, type ParsedEmail } from './parse-email.server.ts';
import { openRawEmail, sealEmailHtml, sealEmailText, sealMailOriginals, sealRawEmail } from './sealed-email.ts';
import { screenMailNames } from './screen-mail-names.ts';
import { subjectHasMarker, titleFromSubject } from './subject-marker.ts';
import { extractSubmitterDetails } from './submitter-details.ts';

type Status = (typeof inboundEmails.$inferSelect)['status'];
export type EmailOutcome = {
  status: Status;
  reason?: string | null;
  suggestionId?: number | null;
  trackingCode?: string;
};
type Row = typeof inboundEmails.$inferSelect;
type Sorted = Awaited<ReturnType<typeof sortAttachments>>;
type Decision = {
  status: Status;
  reason?: InboundReason;
  planId?: number;
  suggestionId?: number;
  trackingCode?: string;
};

export type ProcessOptions = { config: DomainSettings };

/**
 * Step two of intake: parse a stored message and turn it into a suggestion
 * (through submitSuggestion, like every channel) or put it in a queue for a
 * person: unmatched (no marker, or several plans), held (with the reason),
 * auto_reply or bounce (recorded, never answered). The decoded text and the
 * list of attachments are kept on the row either way, for the moderator who
 * reads it. Runs once per message; anything already processed is returned as it is.
 */
export async function processInboundEmail(db: Database, id: number, options: ProcessOptions): Promise<EmailOutcome> {
  const [row] = await db.select().from(inboundEmails).where(eq(inboundEmails.id, id));
  if (!row) throw new Error(`no inbound email ${id}`);
  if (row.status !== 'pending') return { status: row.status, reason: row.statusReason, suggestionId: row.suggestionId };

  const keyring = contactKeyring();
  // Sealed at rest; NULL once the plan's retention period purged the message.
  const raw = openRawEmail(keyring, row);
  if (!raw) return hold(db, row, 'content_purged');
  // The opened length: over IMAP only the header block of an oversized message was downloaded.
  if (row.sizeBytes > options.config.intake.maxBytes || raw.length < row.sizeBytes)
    return holdOversized(db, row, raw, options.config);
  // Counted before any parser runs: bounded work for every input.
  const shape = mimeShape(raw);
  if (shape.exceeded)
    return hold(db, row, 'mime_too_complex', {
      parts: shape.parts,
      depth: shape.depth,
      maxParts: MIME_MAX_PARTS,
      maxDepth: MIME_MAX_DEPTH,
    });
  let parsed: ParsedEmail;
  try {
    parsed = await parseEmail(raw);
  } catch (error) {
    return hold(db, row, 'parse_error', { error: describeError(error) });
  }
  // PostgreSQL text and jsonb cannot hold NUL; a sender's stray NUL must not hold the mail.
  const text = withoutNul(parsed.text);
  const subject = withoutNul(parsed.subject);
  const messageId = parsed.messageId && withoutNul(parsed.messageId);
  const from = {
    address: parsed.from.address && withoutNul(parsed.from.address),
    name: parsed.from.name && withoutNul(parsed.from.name),
  };
  try {
    const files = await sortAttachments(parsed.attachments);
    return await db.transaction(async (tx) => {
      const [locked] = await tx
        .select({ status: inboundEmails.status })
        .from(inboundEmails)
        .where(eq(inboundEmails.id, id))
        .for('update');
      if (locked!.status !== 'pending') return { status: locked!.status };
      const decision = await decide(tx, row, { ...parsed, text, subject, messageId, from }, files, options.config);
      // The queue shows subject and file names to staff without the contact permission.
      const screened = screenMailNames(subject.slice(0, 500), files.list);
      await tx
        .update(inboundEmails)
        .set({
          status: decision.status,
          statusReason: decision.reason ?? null,
          statusDetail: null,
          subject: screened.subject,
          attachmentList: screened.attachmentList,
          contactScreenVersion: CONTACT_SCREEN_VERSION,
          // Sealed under the current key, like the raw message below (same keyId).
          maskedOriginals: sealMailOriginals(keyring, { keyId: keyring.current.id }, screened.originals),
          text: sealEmailText(keyring, { keyId: keyring.current.id }, text),
          planId: decision.planId ?? row.planId,
          suggestionId: decision.suggestionId ?? null,
          // Sealed afresh with the current key, all together, so that the
          // row's keyId names the key of every sealed column (rotation relies on
          // it). Already under the current key (the usual case: stored a moment
          // ago), the raw message stays as stored: sealing it again and sending
          // it back was a second copy of the whole message per mail (decision 088).
          ...(row.keyId === keyring.current.id ? {} : sealRawEmail(keyring, raw)),
          sanitizedHtml: sealEmailHtml(
            keyring,
            parsed.sanitizedHtml === undefined ? undefined : withoutNul(parsed.sanitizedHtml),
          ),
          attempts: row.attempts + 1,
          processedAt: new Date(),
        })
        .where(eq(inboundEmails.id, id));
      return {
        status: decision.status,
        reason: decision.reason,
        suggestionId: decision.suggestionId,
        trackingCode: decision.trackingCode,
      };
    });
  } catch (error) {
    return hold(db, row, 'processing_error', { error: describeError(error) });
  }
}

async function decide(
  tx: Transaction,
  row: Row,
  parsed: ParsedEmail,
  files: Sorted,
  config: DomainSettings,
): Promise<Decision> {
  // Automated mail is recorded, not ingested, unless a moderator read it and
  // assigned it to a plan (a real suggestion sent from a list or a noreply
  // address). Either way it is never answered: answering robots makes loops.
  const automated = parsed.kind !== 'person';
  if (parsed.kind !== 'person' && !row.planId) return { status: parsed.kind };

  const candidates = await tx
    .select()
    .from(plans)
    .where(
      row.planId
        ? eq(plans.id, row.planId)
        : and(inArray(plans.status, ['open', 'closed']), isNotNull(plans.emailMarker)),
    );
  const matches = row.planId
    ? candidates
    : candidates.filter((plan) => subjectHasMarker(parsed.subject, plan.emailMarker!));
  if (matches.length === 0) return { status: 'unmatched', reason: 'no_marker' };
  if (matches.length > 1) return { status: 'unmatched', reason: 'several_plans' };
  const plan = matches[0]!;
  // A moderator's assignment (row.planId) overrides the window.
  if (!row.planId && consultationWindow(plan) !== 'open')
    return { status: 'held', reason: 'plan_closed', planId: plan.id };

  const details = extractSubmitterDetails(parsed.text);
  const firstLine =
    details.text
      .split('\n')
      .find((line) => line.trim())
      ?.trim() ?? '';
  const title = (
    titleFromSubject(parsed.subject, plan.emailMarker) ||
    [...firstLine].slice(0, 50).join('') ||
    '（无标题）'
  ).slice(0, 200);
  // Any text or any file the sender attached is enough for a suggestion; a
  // file the portal does not accept stays in the stored mail for staff.
  const anyFile = files.accepted.length > 0 || files.notKept.length > 0;
  const body = details.text || (anyFile ? '（内容见附件）' : '');
  if (!body) return { status: 'held', reason: 'empty', planId: plan.id };

  const sectionRows = await tx
    .select({ id: planSections.id, number: planSections.number, heading: planSections.heading })
    .from(planSections)
    .where(eq(planSections.planId, plan.id))
    .orderBy(asc(planSections.position));
  const sectionId = linkSection(`${parsed.subject}\n${details.text}`, sectionRows);
  const replyAllowed = !automated && (await mayReply(tx, parsed, config));

  const saved = await submitSuggestion(tx, {
    planId: plan.id,
    // No one chose a category: the enrichment job pre-fills the proposal's for
    // the email channel, marked as proposed for a moderator to confirm.
    channel: 'email',
    sectionId,
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
      // The note on the suggestion: files left in the mail, and a signature seen.
      ...(files.notKept.length
        ? {
            attachmentsNotKept: files.notKept.map(({ index, filename, verdict }) => ({
              index,
              // The note is read by every moderator; the name as sent stays in the sealed mail.
              filename: maskFileName(filename),
              verdict,
            })),
          }
        : {}),
      ...(files.signature ? { signature: files.signature } : {}),
    },
    submittedAt: row.receivedAt,
    trackUrl: trackUrlOf(config.siteUrl),
    acknowledge:
      replyAllowed && parsed.from.address ? { to: parsed.from.address, headers: replyHeaders(parsed) } : false,
  });
  return { status: 'ingested', planId: plan.id, suggestionId: saved.id, trackingCode: saved.trackingCode };
}

const withoutNul = (value: string) => value.replaceAll('\u0000', '');
