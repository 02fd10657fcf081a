import { and, count, isNull, ne, or } from 'drizzle-orm';
import type { Database } from '../../../db/client.server.ts';
import { totpResealer } from '../accounts/reseal-totp.server.ts';
import { contactResealer } from '../contacts/reseal-contacts.server.ts';
import { textOriginalResealer } from '../contacts/text-originals.server.ts';
import { inboundEmailResealer } from '../intake/email/reseal-emails.server.ts';
import { outboxResealer } from '../mail/reseal-outbox.server.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { resealTable, type Resealer } from '../crypto/reseal.server.ts';

// Every table with sealed columns. A new sealed column joins its table's
// resealer; a new table joins this list (and the pg_dump test's seed).
export const sealedTables: Resealer[] = [
  contactResealer,
  inboundEmailResealer,
  outboxResealer,
  totpResealer,
  textOriginalResealer,
];

/**
 * Seals rows written before encryption (key_id NULL). Run by every process at
 * start, after the migrations and before serving, so that an upgraded
 * deployment keeps no plaintext; a no-op (one indexed query per table) once done.
 */
export async function sealLegacyRows(db: Database, keyring: Keyring): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of sealedTables) counts[table.table] = await resealTable(db, keyring, table, 'legacy');
  return counts;
}

/** `npm run keys:rotate`: re-seals every row not under the current key. */
export async function resealWithCurrentKey(
  db: Database,
  keyring: Keyring,
  onProgress?: (table: string, done: number) => void,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of sealedTables)
    counts[table.table] = await resealTable(db, keyring, table, 'rotate', (done) => onProgress?.(table.table, done));
  return counts;
}

/** Rows still under another key (or none): zero everywhere means the old keys can go. */
export async function rowsNotUnderCurrentKey(db: Database, keyring: Keyring): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of sealedTables) {
    const [row] = await db
      .select({ n: count() })
      .from(table.id.table)
      .where(and(or(isNull(table.keyId), ne(table.keyId, keyring.current.id)), table.only));
    counts[table.table] = row?.n ?? 0;
  }
  return counts;
}
