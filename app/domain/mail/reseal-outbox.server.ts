import { outboxMessages } from '../../../db/schema/index.ts';
import { rowResealer } from '../crypto/reseal.server.ts';
import { openOutboxColumns, sealOutboxColumns } from './sealed-outbox.ts';

/** outbox_messages for the backfill and key rotation. */
export const outboxResealer = rowResealer({
  table: outboxMessages,
  batchSize: 200,
  id: outboxMessages.id,
  keyId: outboxMessages.keyId,
  columns: {
    keyId: outboxMessages.keyId,
    toAddress: outboxMessages.toAddress,
    props: outboxMessages.props,
    html: outboxMessages.html,
    text: outboxMessages.text,
  },
  reseal: (keyring, row) => sealOutboxColumns(keyring, openOutboxColumns(keyring, row)),
});
