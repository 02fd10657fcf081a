import { eq } from 'drizzle-orm';
import { outboxMessages } from '../../../db/schema/index.ts';
import type { Resealer } from '../crypto/reseal.server.ts';
import { openOutboxColumns, sealOutboxColumns } from './sealed-outbox.ts';

/** outbox_messages for the backfill and key rotation. */
export const outboxResealer: Resealer = {
  table: 'outbox_messages',
  batchSize: 200,
  id: outboxMessages.id,
  keyId: outboxMessages.keyId,
  resealBatch: async (tx, keyring, where, limit) => {
    const rows = await tx
      .select({
        id: outboxMessages.id,
        keyId: outboxMessages.keyId,
        toAddress: outboxMessages.toAddress,
        props: outboxMessages.props,
        html: outboxMessages.html,
        text: outboxMessages.text,
      })
      .from(outboxMessages)
      .where(where)
      .orderBy(outboxMessages.id)
      .limit(limit)
      .for('update');
    for (const row of rows) {
      const sealed = sealOutboxColumns(keyring, openOutboxColumns(keyring, row));
      await tx.update(outboxMessages).set(sealed).where(eq(outboxMessages.id, row.id));
    }
    return rows.map((r) => r.id);
  },
};
