import { and, asc, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { Database, Transaction } from '../../../db/client.server.ts';
import { inIdBatches, type IdBatch } from '../../../db/in-id-batches.server.ts';
import { attachments, suggestions, suggestionSearch } from '../../../db/schema/index.ts';
import { CONTACT_SCREEN_VERSION, screenSubmittedText } from '../contacts/screen-text.ts';
import { readTextOriginal, saveTextOriginal } from '../contacts/text-originals.server.ts';
import { linkNearDuplicates } from '../duplicates/link-duplicates.server.ts';
import { indexSuggestions } from '../search/index-suggestion.server.ts';

// Suggestions stored before contact details in text were masked (decision
// 057) still hold them in title, body, attachment text, the search row and
// the near-duplicate fingerprint. Every process masks them at start, after
// sealing legacy rows and before serving, like decision 060's backfill: in
// batches keyed by id, each locked in its own short transaction, so intake
// goes on. Idempotent: a screened row carries the detector's version, and
// the start-up check is one scan of a partial index that is empty once done.
// A later detector version that must re-screen sets the column back to NULL
// in its migration; rows with a sealed original are then screened from it.

const BATCH = 200;

/** Returns how many suggestions had contact details masked. */
export async function maskOlderSuggestionText(db: Database): Promise<number> {
  return inIdBatches(db, screenBatch);
}

async function screenBatch(tx: Transaction, afterId: number): Promise<IdBatch | null> {
  const rows = await tx
    .select({ id: suggestions.id, planId: suggestions.planId, title: suggestions.title, body: suggestions.body })
    .from(suggestions)
    .where(and(isNull(suggestions.contactScreenVersion), gt(suggestions.id, afterId)))
    .orderBy(asc(suggestions.id))
    .limit(BATCH)
    .for('update');
  if (rows.length === 0) return null;
  const files = await tx
    .select({
      id: attachments.id,
      suggestionId: attachments.suggestionId,
      text: attachments.extractedText,
      name: attachments.filename,
    })
    .from(attachments)
    .where(
      inArray(
        attachments.suggestionId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(attachments.id));
  const changed: { id: number; planId: number }[] = [];
  for (const row of rows) {
    if (
      await screenOne(
        tx,
        row,
        files.filter((f) => f.suggestionId === row.id),
      )
    )
      changed.push(row);
  }
  await tx
    .update(suggestions)
    .set({ contactScreenVersion: CONTACT_SCREEN_VERSION })
    .where(
      inArray(
        suggestions.id,
        rows.map((r) => r.id),
      ),
    );
  if (changed.length > 0) await rebuildSearchAndDuplicates(tx, changed);
  return { lastId: rows[rows.length - 1]!.id, count: changed.length };
}

async function screenOne(
  tx: Transaction,
  row: { id: number; title: string; body: string },
  files: { id: number; text: string | null; name: string }[],
): Promise<boolean> {
  // Screen what the submitter wrote: the sealed original where an earlier version kept one.
  const kept = await readTextOriginal(tx, row.id);
  const written = {
    title: kept?.title ?? row.title,
    body: kept?.body ?? row.body,
    attachmentTexts: files.map((f) => kept?.attachments.find((a) => a.attachmentId === f.id)?.text ?? f.text),
    attachmentNames: files.map((f) => kept?.attachmentNames.find((a) => a.attachmentId === f.id)?.name ?? f.name),
  };
  const screened = screenSubmittedText(written);
  if (!screened.original) return false;
  await saveTextOriginal(tx, row.id, {
    title: screened.original.title,
    body: screened.original.body,
    attachments: screened.original.attachments.map(({ index, text }) => ({ attachmentId: files[index]!.id, text })),
    attachmentNames: screened.original.attachmentNames.map(({ index, name }) => ({
      attachmentId: files[index]!.id,
      name,
    })),
  });
  await tx.update(suggestions).set({ title: screened.title, body: screened.body }).where(eq(suggestions.id, row.id));
  for (const { index } of screened.original.attachments) {
    await tx
      .update(attachments)
      .set({ extractedText: screened.attachmentTexts[index] ?? null })
      .where(eq(attachments.id, files[index]!.id));
  }
  for (const { index } of screened.original.attachmentNames) {
    await tx
      .update(attachments)
      .set({ filename: screened.attachmentNames[index]! })
      .where(eq(attachments.id, files[index]!.id));
  }
  return true;
}

// The search row and the fingerprint were built from the unmasked text: a
// search for the phone number would still find the suggestion.
async function rebuildSearchAndDuplicates(tx: Transaction, changed: { id: number; planId: number }[]) {
  const ids = changed.map((c) => c.id);
  await indexSuggestions(tx, ids);
  const rows = await tx
    .select({ id: suggestionSearch.suggestionId, searchText: suggestionSearch.searchText })
    .from(suggestionSearch)
    .where(inArray(suggestionSearch.suggestionId, ids));
  for (const { id, planId } of changed) {
    const searchText = rows.find((r) => r.id === id)?.searchText;
    if (searchText !== undefined) await linkNearDuplicates(tx, { id, planId, searchText });
  }
}
