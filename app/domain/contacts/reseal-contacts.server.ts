import { suggestionContacts } from '../../../db/schema/index.ts';
import { rowResealer } from '../crypto/reseal.server.ts';
import { openContactRow, sealContactRow } from './sealed-contact.ts';

/** suggestion_contacts for the backfill and key rotation: opened with whatever key sealed them (or as plaintext), sealed with the current one. */
export const contactResealer = rowResealer({
  table: suggestionContacts,
  batchSize: 500,
  id: suggestionContacts.suggestionId,
  keyId: suggestionContacts.keyId,
  columns: {
    keyId: suggestionContacts.keyId,
    name: suggestionContacts.name,
    unit: suggestionContacts.unit,
    phone: suggestionContacts.phone,
    email: suggestionContacts.email,
  },
  reseal: (keyring, row) => sealContactRow(keyring, openContactRow(keyring, row)),
});
