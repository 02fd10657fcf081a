import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.server.ts';
import type { Database } from '../../../db/client.server.ts';
import {
  attachments,
  auditLog,
  categories,
  inboundEmails,
  planSections,
  plans,
  staffUsers,
  suggestions,
  suggestionSupports,
  suggestionTags,
  tags,
} from '../../../db/schema/index.ts';
import { maskedContact } from '../contacts/contacts.server.ts';
import { hasTextOriginal } from '../contacts/text-originals.server.ts';
import { contactKeyring } from '../crypto/installed-keyring.ts';
import { openRawHead } from '../intake/email/sealed-email.ts';
import { senderHeaders, type SenderHeaders } from './email-headers.server.ts';
import { assertPermission, type Actor } from '../authorization/actor.ts';
import { notesFor } from './notes.server.ts';

/** Everything the detail page shows about one suggestion, contact details masked. */
export async function suggestionForStaff(db: Database, { id, viewer }: { id: number; viewer: Actor }) {
  assertPermission(viewer, 'read:suggestion:any');
  const [row] = await db
    .select({
      suggestion: suggestions,
      planTitle: plans.title,
      categoryName: categories.name,
      sectionNumber: planSections.number,
      sectionHeading: planSections.heading,
      assigneeName: staffUsers.name,
      // 附议 (decision 048): supporters of the published suggestion.
      supportCount: sql<number>`(select count(*)::int from ${suggestionSupports} where ${suggestionSupports.suggestionId} = ${suggestions.id})`,
    })
    .from(suggestions)
    .innerJoin(plans, eq(plans.id, suggestions.planId))
    .leftJoin(categories, eq(categories.id, suggestions.categoryId))
    .leftJoin(planSections, eq(planSections.id, suggestions.sectionId))
    .leftJoin(staffUsers, eq(staffUsers.id, suggestions.assigneeId))
    .where(eq(suggestions.id, id));
  if (!row) return null;
  const s = row.suggestion;
  const inboundEmailId =
    s.channel === 'email' && typeof s.intakeMeta.inboundEmailId === 'number' ? s.intakeMeta.inboundEmailId : null;
  const [files, tagRows, related, contact, history, notes, email, textMasked] = await Promise.all([
    db
      .select({
        id: attachments.id,
        filename: attachments.filename,
        contentType: attachments.contentType,
        sizeBytes: attachments.sizeBytes,
        extractedText: attachments.extractedText,
        textNote: attachments.textNote,
      })
      .from(attachments)
      .where(eq(attachments.suggestionId, id))
      .orderBy(asc(attachments.id)),
    db
      .select({ id: tags.id, name: tags.name })
      .from(suggestionTags)
      .innerJoin(tags, eq(tags.id, suggestionTags.tagId))
      .where(eq(suggestionTags.suggestionId, id))
      .orderBy(asc(tags.name)),
    // The original this one duplicates, and the duplicates pointing here.
    db
      .select({
        id: suggestions.id,
        trackingCode: suggestions.trackingCode,
        title: suggestions.title,
        status: suggestions.status,
      })
      .from(suggestions)
      .where(
        s.duplicateOfId
          ? sql`${suggestions.id} = ${s.duplicateOfId} or ${suggestions.duplicateOfId} = ${id}`
          : eq(suggestions.duplicateOfId, id),
      )
      .orderBy(asc(suggestions.id)),
    maskedContact(db, id),
    db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        action: auditLog.action,
        details: auditLog.details,
        actorName: staffUsers.name,
      })
      .from(auditLog)
      .leftJoin(staffUsers, eq(staffUsers.id, auditLog.actorId))
      .where(and(eq(auditLog.targetType, 'suggestion'), eq(auditLog.targetId, String(id))))
      .orderBy(desc(auditLog.id))
      .limit(50),
    notesFor(db, id),
    inboundEmailId
      ? db
          .select({
            id: inboundEmails.id,
            keyId: inboundEmails.keyId,
            rawHead: inboundEmails.rawHead,
            raw: sql<Buffer | null>`case when ${inboundEmails.keyId} is null then ${inboundEmails.raw} end`,
            receivedAt: inboundEmails.receivedAt,
            hasHtml: sql<boolean>`${inboundEmails.sanitizedHtml} is not null`,
          })
          .from(inboundEmails)
          .where(eq(inboundEmails.id, inboundEmailId))
      : Promise.resolve([]),
    hasTextOriginal(db, id),
  ]);
  const mail = email[0];
  let headers: SenderHeaders | null = null;
  const head = mail ? openRawHead(contactKeyring(), mail) : null;
  if (head) headers = await senderHeaders(head).catch(() => null);
  return {
    id: s.id,
    trackingCode: s.trackingCode,
    planId: s.planId,
    planTitle: row.planTitle,
    title: s.title,
    body: s.body,
    channel: s.channel,
    submitterType: s.submitterType,
    status: s.status,
    heldReason: s.heldReason,
    categoryId: s.categoryId,
    categoryName: row.categoryName,
    section: row.sectionHeading ? `${row.sectionNumber} ${row.sectionHeading}`.trim() : null,
    assigneeId: s.assigneeId,
    assigneeName: row.assigneeName,
    decisionReason: s.decisionReason,
    publicReply: s.publicReply,
    publicSummary: s.publicSummary,
    publishable: s.publishable,
    decidedAt: s.decidedAt,
    submittedAt: s.submittedAt,
    updatedAt: s.updatedAt,
    intakeMeta: s.intakeMeta,
    duplicateOf: related.find((r) => r.id === s.duplicateOfId) ?? null,
    duplicates: related.filter((r) => r.id !== s.duplicateOfId),
    attachments: files,
    tags: tagRows,
    supportCount: row.supportCount,
    contact,
    // Contact details in the title, body or attachment text were masked; the original opens with the contact reveal.
    textMasked,
    // Why someone looked at the contact details is for the audit page's
    // readers only; every other reader of this page gets the entry without it.
    history: history.map((entry) => (entry.action === 'contact.revealed' ? { ...entry, details: {} } : entry)),
    notes,
    email: mail ? { inboundEmailId: mail.id, receivedAt: mail.receivedAt, headers, hasHtml: mail.hasHtml } : null,
  };
}

export type SuggestionForStaff = NonNullable<Awaited<ReturnType<typeof suggestionForStaff>>>;
/** What the page receives: contact details travel separately, masked. */
export type SuggestionView = Omit<SuggestionForStaff, 'contact'>;

/** One attachment's bytes for the download route. */
export async function attachmentForStaff(
  db: Database,
  {
    suggestionId,
    attachmentId,
    viewer,
    ip,
  }: { suggestionId: number; attachmentId: number; viewer: Actor; ip?: string },
) {
  assertPermission(viewer, 'read:suggestion:any');
  // A scanned letter carries the sender's name and address: every download
  // is audited, in the transaction that reads it.
  return db.transaction(async (tx) => {
    const [file] = await tx
      .select({ filename: attachments.filename, contentType: attachments.contentType, content: attachments.content })
      .from(attachments)
      .where(and(eq(attachments.id, attachmentId), eq(attachments.suggestionId, suggestionId)));
    if (!file) return null;
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'attachment.downloaded',
      targetType: 'suggestion',
      targetId: suggestionId,
      details: { attachmentId },
      ip,
    });
    return file;
  });
}
