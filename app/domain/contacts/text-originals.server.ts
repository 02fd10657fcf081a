import { eq, inArray } from 'drizzle-orm';
import type { DbExecutor } from '../../../db/client.server.ts';
import { suggestions, suggestionTextOriginals } from '../../../db/schema/index.ts';
import { rowResealer } from '../crypto/reseal.server.ts';
import { contactKeyring } from '../crypto/installed-keyring.ts';
import { openTextOriginal, sealTextOriginal, type OriginalText } from './sealed-text-original.ts';

// The sealed originals of masked suggestion text (issue 13, point 4). Only
// this module reads the table; the one reader of the opened text is
// revealContact (contacts.server.ts), behind read:contact:any and an audit
// entry. They are contact details: deletion on request and retention remove
// them with the contact record, and key rotation re-seals them.

export type { OriginalText } from './sealed-text-original.ts';

export async function saveTextOriginal(tx: DbExecutor, suggestionId: number, original: OriginalText): Promise<void> {
  await tx
    .insert(suggestionTextOriginals)
    .values({ suggestionId, ...sealTextOriginal(contactKeyring(), original) })
    .onConflictDoUpdate({
      target: suggestionTextOriginals.suggestionId,
      set: sealTextOriginal(contactKeyring(), original),
    });
}

export async function readTextOriginal(tx: DbExecutor, suggestionId: number): Promise<OriginalText | undefined> {
  const [row] = await tx
    .select({
      title: suggestionTextOriginals.title,
      body: suggestionTextOriginals.body,
      attachmentTexts: suggestionTextOriginals.attachmentTexts,
      attachmentNames: suggestionTextOriginals.attachmentNames,
    })
    .from(suggestionTextOriginals)
    .where(eq(suggestionTextOriginals.suggestionId, suggestionId));
  return row ? openTextOriginal(contactKeyring(), row) : undefined;
}

/** Whether the suggestion's text had contact details masked (and the original is still kept). */
export async function hasTextOriginal(tx: DbExecutor, suggestionId: number): Promise<boolean> {
  return (await tx.$count(suggestionTextOriginals, eq(suggestionTextOriginals.suggestionId, suggestionId))) > 0;
}

export async function deleteTextOriginal(tx: DbExecutor, suggestionId: number): Promise<number> {
  const removed = await tx
    .delete(suggestionTextOriginals)
    .where(eq(suggestionTextOriginals.suggestionId, suggestionId))
    .returning({ id: suggestionTextOriginals.suggestionId });
  return removed.length;
}

export async function purgePlanTextOriginals(tx: DbExecutor, planId: number): Promise<number> {
  const removed = await tx
    .delete(suggestionTextOriginals)
    .where(
      inArray(
        suggestionTextOriginals.suggestionId,
        tx.select({ id: suggestions.id }).from(suggestions).where(eq(suggestions.planId, planId)),
      ),
    )
    .returning({ id: suggestionTextOriginals.suggestionId });
  return removed.length;
}

/** Key rotation: opened with whatever key sealed them, sealed with the current one. Never written unsealed, so never "legacy". */
export const textOriginalResealer = rowResealer({
  table: suggestionTextOriginals,
  batchSize: 200,
  id: suggestionTextOriginals.suggestionId,
  keyId: suggestionTextOriginals.keyId,
  columns: {
    title: suggestionTextOriginals.title,
    body: suggestionTextOriginals.body,
    attachmentTexts: suggestionTextOriginals.attachmentTexts,
    attachmentNames: suggestionTextOriginals.attachmentNames,
  },
  reseal: (keyring, row) => sealTextOriginal(keyring, openTextOriginal(keyring, row)),
});
