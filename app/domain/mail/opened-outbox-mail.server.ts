import type { outboxMessages } from '../../../db/schema/index.ts';
import { contactKeyring } from '../crypto/installed-keyring.ts';
import { renderMail, storedMailBody } from './render-mail.server.ts';
import { openOutboxColumns } from './sealed-outbox.ts';

/**
 * An outbox row as it will be sent: address opened, body rendered from its
 * template, or, for a row queued before decision 089, the HTML and text it
 * was stored with. A purged row comes back with nulls.
 */
export async function openedOutboxMail(
  row: typeof outboxMessages.$inferSelect,
): Promise<{ to: string | null; html: string | null; text: string | null }> {
  const opened = openOutboxColumns(contactKeyring(), row);
  if (row.template === null || opened.props === null) return opened;
  return { to: opened.to, ...(await renderMail(storedMailBody(row.template, opened.props))) };
}
