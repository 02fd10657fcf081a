import type { Database } from '../../../../db/client.server.ts';
import type { DomainSettings } from '../../settings.ts';
import { processInboundEmail } from './process-email.server.ts';
import { storeInboundEmail, type EmailSource } from './store-email.server.ts';

/**
 * One raw MIME message from outside the mailbox (the HTTP endpoint, a saved
 * file): stored first, so nothing is lost if processing fails, then processed
 * like mail from IMAP. A message stored before (same Message-ID or bytes)
 * comes back as a duplicate with its first outcome, not a second suggestion.
 */
export async function receiveRawEmail(db: Database, raw: Buffer, source: EmailSource, settings: DomainSettings) {
  const stored = await storeInboundEmail(db, raw, source);
  const outcome = await processInboundEmail(db, stored.id, { config: settings });
  return { id: stored.id, duplicate: stored.duplicate, ...outcome };
}
