import { isNotNull, or } from 'drizzle-orm';
import { staffUsers } from '../../../db/schema/index.ts';
import { rowResealer } from '../crypto/reseal.server.ts';
import { openTotpColumns, sealTotpColumns } from './totp.server.ts';

/** Staff TOTP secrets for the backfill and key rotation; rows without a secret have nothing to seal. */
export const totpResealer = rowResealer({
  table: staffUsers,
  batchSize: 200,
  id: staffUsers.id,
  keyId: staffUsers.totpKeyId,
  only: or(isNotNull(staffUsers.totpSecret), isNotNull(staffUsers.totpPendingSecret)),
  columns: {
    totpKeyId: staffUsers.totpKeyId,
    totpSecret: staffUsers.totpSecret,
    totpPendingSecret: staffUsers.totpPendingSecret,
  },
  reseal: (keyring, row) => sealTotpColumns(openTotpColumns(row, keyring), keyring),
});
