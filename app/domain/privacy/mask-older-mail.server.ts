import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import type { Database, Transaction } from '../../../db/client.server.ts';
import { inIdBatches, type IdBatch } from '../../../db/in-id-batches.server.ts';
import { inboundEmails } from '../../../db/schema/index.ts';
import { CONTACT_SCREEN_VERSION } from '../contacts/screen-text.ts';
import { contactKeyring } from '../crypto/installed-keyring.ts';
import { openMailOriginals, sealMailOriginals } from '../intake/email/sealed-email.ts';
import { screenMailNames } from '../intake/email/screen-mail-names.ts';

// Mail stored before subjects and attachment names were masked still shows
// them whole in the mail queue. Every process masks them at start, after
// sealing legacy rows (so each row's key is known) and before serving, like
// mask-older-text.server.ts: batches by id, each locked in a short
// transaction; a partial index makes the check at start one empty scan once
// done. A row screened before keeps its sealed originals and is screened from them.

const BATCH = 200;

/** Returns how many mails had their subject or a file name masked. */
export async function maskOlderMailNames(db: Database): Promise<number> {
  return inIdBatches(db, screenBatch);
}

async function screenBatch(tx: Transaction, afterId: number): Promise<IdBatch | null> {
  const rows = await tx
    .select({
      id: inboundEmails.id,
      keyId: inboundEmails.keyId,
      subject: inboundEmails.subject,
      attachmentList: inboundEmails.attachmentList,
      maskedOriginals: inboundEmails.maskedOriginals,
    })
    .from(inboundEmails)
    .where(and(isNull(inboundEmails.contactScreenVersion), gt(inboundEmails.id, afterId)))
    .orderBy(asc(inboundEmails.id))
    .limit(BATCH)
    .for('update');
  if (rows.length === 0) return null;
  const keyring = contactKeyring();
  let masked = 0;
  for (const row of rows) {
    const kept = openMailOriginals(keyring, row);
    const written = row.attachmentList?.map((file) => ({
      ...file,
      filename: kept?.attachmentNames?.find((n) => n.index === file.index)?.name ?? file.filename,
    }));
    const screened = screenMailNames(kept?.subject ?? row.subject, written ?? null);
    if (screened.originals) masked += 1;
    await tx
      .update(inboundEmails)
      .set({
        subject: screened.subject,
        attachmentList: screened.attachmentList,
        maskedOriginals: sealMailOriginals(keyring, row, screened.originals),
        contactScreenVersion: CONTACT_SCREEN_VERSION,
      })
      .where(eq(inboundEmails.id, row.id));
  }
  return { lastId: rows[rows.length - 1]!.id, count: masked };
}
