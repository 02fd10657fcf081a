import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Database } from '../../../../db/client.server.ts';
import { inboundEmails, plans } from '../../../../db/schema/index.ts';
import type { DomainSettings } from '../../settings.ts';
import { safeErrorMessage } from '../../../utils/safe-error.ts';
import type { InboundReason } from './inbound-reasons.ts';
import { notifySender } from './mail-replies.server.ts';
import { parseEmail } from './parse-email.server.ts';
import { subjectHasMarker } from './subject-marker.ts';
import { sealMailOriginals } from './sealed-email.ts';
import { screenMailNames } from './screen-mail-names.ts';
import { contactKeyring } from '../../crypto/installed-keyring.ts';

type Row = typeof inboundEmails.$inferSelect;
export type HeldOutcome = { status: 'held'; reason: InboundReason };

/** Holds a pending mail for a person, with its reason and the figures its sentence needs. */
export async function hold(
  db: Database,
  row: Row,
  reason: InboundReason,
  detail: Record<string, string | number> = {},
): Promise<HeldOutcome> {
  await db
    .update(inboundEmails)
    .set({
      status: 'held',
      statusReason: reason,
      statusDetail: detail,
      attempts: row.attempts + 1,
      processedAt: new Date(),
    })
    .where(and(eq(inboundEmails.id, row.id), eq(inboundEmails.status, 'pending')));
  return { status: 'held', reason };
}

// A message over INTAKE_MAX_BYTES is kept, unparsed, for a person. Its header
// block alone tells who sent it and for which plan, so the sender still gets
// the polite explanation (unless the mail is automated). Over IMAP only the
// header block was downloaded (the opened raw is shorter than row.sizeBytes).
// `raw` is the opened message: the row's column is sealed.
export async function holdOversized(db: Database, row: Row, raw: Buffer, config: DomainSettings): Promise<HeldOutcome> {
  const head = await parseEmail(headerBlock(raw)).catch(() => undefined);
  const detail = {
    sizeBytes: row.sizeBytes,
    maxBytes: config.intake.maxBytes,
    downloaded: raw.length >= row.sizeBytes ? 'whole' : 'headers',
  };
  return db.transaction(async (tx) => {
    const [held] = await tx
      .update(inboundEmails)
      .set({
        status: 'held',
        statusReason: 'message_too_large',
        statusDetail: detail,
        ...maskedSubject(row, head?.subject.replaceAll('\u0000', '').slice(0, 500) ?? null),
        attempts: row.attempts + 1,
        processedAt: new Date(),
      })
      .where(and(eq(inboundEmails.id, row.id), eq(inboundEmails.status, 'pending')))
      .returning({ id: inboundEmails.id });
    if (held && head?.kind === 'person' && head.from.address) {
      const open = await tx
        .select({ title: plans.title, emailMarker: plans.emailMarker })
        .from(plans)
        .where(and(inArray(plans.status, ['open', 'closed']), isNotNull(plans.emailMarker)));
      const matching = open.filter((plan) => subjectHasMarker(head.subject, plan.emailMarker!));
      await notifySender(tx, head, matching.length === 1 ? matching[0]!.title : '本次征求意见', config);
    }
    return { status: 'held' as const, reason: 'message_too_large' as const };
  });
}

// The queue shows the subject to moderators without the contact permission (screen-mail-names.ts).
function maskedSubject(row: Row, subject: string | null) {
  const screened = screenMailNames(subject, null);
  return {
    subject: screened.subject,
    maskedOriginals: sealMailOriginals(contactKeyring(), row, screened.originals),
    // Not the version: the attachment names are still to be read (email-queue.server.ts fills them).
  };
}

export function headerBlock(raw: Buffer): Buffer {
  const limit = Math.min(raw.length, 256 * 1024);
  for (const separator of ['\r\n\r\n', '\n\n']) {
    const end = raw.subarray(0, limit).indexOf(separator);
    if (end >= 0) return raw.subarray(0, end + separator.length);
  }
  return raw.subarray(0, limit);
}

// The database's own words, not Drizzle's "Failed query: … params: …" wrapper,
// whose parameters would copy the mail (and its sender) into the reason
// (safeErrorMessage unwraps the cause and strips quoted values).
export function describeError(error: unknown): string {
  return safeErrorMessage(error).replaceAll('\u0000', '');
}
