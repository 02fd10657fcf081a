import type { Database } from '../../../../db/client.server.ts';
import type { DomainSettings } from '../../settings.ts';
import { receiveRawEmail } from '../email/receive-raw-email.server.ts';

/**
 * The file channel: a message saved by hand (.eml) goes through the same
 * pipeline as the mailbox, recorded with source 'file'. The caller
 * (scripts/cli/intake.ts) reads the file; an unreadable file never gets here.
 */
export async function intakeEmailFile(db: Database, raw: Buffer, settings: DomainSettings) {
  return receiveRawEmail(db, raw, 'file', settings);
}
