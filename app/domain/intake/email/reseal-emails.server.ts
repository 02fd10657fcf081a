import { inboundEmails } from '../../../../db/schema/index.ts';
import { rowResealer } from '../../crypto/reseal.server.ts';
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
export const inboundEmailResealer = rowResealer({
  table: inboundEmails,
  batchSize: 10,
  id: inboundEmails.id,
  keyId: inboundEmails.keyId,
  columns: {
    keyId: inboundEmails.keyId,
    raw: inboundEmails.raw,
    text: inboundEmails.text,
    sanitizedHtml: inboundEmails.sanitizedHtml,
    maskedOriginals: inboundEmails.maskedOriginals,
  },
  reseal: (keyring, row) => {
    const raw = openRawEmail(keyring, row);
    const html = openEmailHtml(keyring, row);
    const text = openEmailText(keyring, row);
    const originals = openMailOriginals(keyring, row);
    return {
      // A purged message keeps nothing to seal, but its row is marked as done.
      ...(raw ? sealRawEmail(keyring, raw) : { raw: null, rawHead: null, keyId: keyring.current.id }),
      sanitizedHtml: sealEmailHtml(keyring, html),
      text: sealEmailText(keyring, { keyId: keyring.current.id }, text),
      maskedOriginals: sealMailOriginals(keyring, { keyId: keyring.current.id }, originals),
    };
  },
});
