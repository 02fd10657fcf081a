import { eq } from 'drizzle-orm';
import { inboundEmails } from '../../../../db/schema/index.ts';
import type { Resealer } from '../../crypto/reseal.server.ts';
import {
  openEmailHtml,
  openEmailText,
  openMailOriginals,
  openRawEmail,
  sealEmailHtml,
  sealEmailText,
  sealMailOriginals,
  sealRawEmail,
} from './sealed-email.ts';

/** inbound_emails for the backfill and key rotation. Few rows per batch: one message may be 40 MB. */
export const inboundEmailResealer: Resealer = {
  table: 'inbound_emails',
  batchSize: 10,
  id: inboundEmails.id,
  keyId: inboundEmails.keyId,
  resealBatch: async (tx, keyring, where, limit) => {
    const rows = await tx
      .select({
        id: inboundEmails.id,
        keyId: inboundEmails.keyId,
        raw: inboundEmails.raw,
        text: inboundEmails.text,
        sanitizedHtml: inboundEmails.sanitizedHtml,
        maskedOriginals: inboundEmails.maskedOriginals,
      })
      .from(inboundEmails)
      .where(where)
      .orderBy(inboundEmails.id)
      .limit(limit)
      .for('update');
    for (const row of rows) {
      const raw = openRawEmail(keyring, row);
      const html = openEmailHtml(keyring, row);
      const text = openEmailText(keyring, row);
      const originals = openMailOriginals(keyring, row);
      await tx
        .update(inboundEmails)
        .set({
          // A purged message keeps nothing to seal, but its row is marked as done.
          ...(raw ? sealRawEmail(keyring, raw) : { raw: null, rawHead: null, keyId: keyring.current.id }),
          sanitizedHtml: sealEmailHtml(keyring, html),
          text: sealEmailText(keyring, { keyId: keyring.current.id }, text),
          maskedOriginals: sealMailOriginals(keyring, { keyId: keyring.current.id }, originals),
        })
        .where(eq(inboundEmails.id, row.id));
    }
    return rows.map((r) => r.id);
  },
};
