import { eq } from 'drizzle-orm';
import { suggestionContacts } from '../../../db/schema/index.ts';
import type { Resealer } from '../crypto/reseal.server.ts';
import { openContactRow, sealContactRow } from './sealed-contact.ts';

/** suggestion_contacts for the backfill and key rotation: opened with whatever key sealed them (or as plaintext), sealed with the current one. */
export const contactResealer: Resealer = {
  table: 'suggestion_contacts',
  batchSize: 500,
  id: suggestionContacts.suggestionId,
  keyId: suggestionContacts.keyId,
  resealBatch: async (tx, keyring, where, limit) => {
    const rows = await tx
      .select({
        suggestionId: suggestionContacts.suggestionId,
        keyId: suggestionContacts.keyId,
        name: suggestionContacts.name,
        unit: suggestionContacts.unit,
        phone: suggestionContacts.phone,
        email: suggestionContacts.email,
      })
      .from(suggestionContacts)
      .where(where)
      .orderBy(suggestionContacts.suggestionId)
      .limit(limit)
      .for('update');
    for (const row of rows) {
      await tx
        .update(suggestionContacts)
        .set(sealContactRow(keyring, openContactRow(keyring, row)))
        .where(eq(suggestionContacts.suggestionId, row.suggestionId));
    }
    return rows.map((r) => r.suggestionId);
  },
};
