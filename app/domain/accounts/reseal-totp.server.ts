import { eq, isNotNull, or } from 'drizzle-orm';
import { staffUsers } from '../../../db/schema/index.ts';
import type { Resealer } from '../crypto/reseal.server.ts';
import { openTotpColumns, sealTotpColumns } from './totp.server.ts';

/** Staff TOTP secrets for the backfill and key rotation; rows without a secret have nothing to seal. */
export const totpResealer: Resealer = {
  table: 'staff_users',
  batchSize: 200,
  id: staffUsers.id,
  keyId: staffUsers.totpKeyId,
  only: or(isNotNull(staffUsers.totpSecret), isNotNull(staffUsers.totpPendingSecret)),
  resealBatch: async (tx, keyring, where, limit) => {
    const rows = await tx
      .select({
        id: staffUsers.id,
        totpKeyId: staffUsers.totpKeyId,
        totpSecret: staffUsers.totpSecret,
        totpPendingSecret: staffUsers.totpPendingSecret,
      })
      .from(staffUsers)
      .where(where)
      .orderBy(staffUsers.id)
      .limit(limit)
      .for('update');
    for (const row of rows) {
      await tx
        .update(staffUsers)
        .set(sealTotpColumns(openTotpColumns(row, keyring), keyring))
        .where(eq(staffUsers.id, row.id));
    }
    return rows.map((r) => r.id);
  },
};
