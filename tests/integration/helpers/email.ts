import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { processInboundEmail } from '../../../app/domain/intake/email/process-email.server.ts';
import { storeInboundEmail } from '../../../app/domain/intake/email/store-email.server.ts';
import { enrichSuggestion } from '../../../app/domain/enrichment/enrich-suggestion.server.ts';
import type { Config } from '../../../app/server/config.ts';
import type { Database } from '../../../db/client.server.ts';
import {
  attachments,
  categories,
  outboxMessages,
  planSections,
  suggestionContacts,
  suggestions,
} from '../../../db/schema/index.ts';
import { openContactRow } from '../../../app/domain/contacts/sealed-contact.ts';
import { contactKeyring } from '../../../app/domain/crypto/installed-keyring.ts';
import { outboxMail } from '../../factories/sealed.ts';

export const fixture = (name: string) => fs.readFileSync(path.resolve('tests/fixtures/mail', name));

/** Stores and processes one raw message, then enriches the suggestion (proposal, pre-filled category) as its job would. */
export async function ingest(db: Database, config: Config, raw: Buffer) {
  const stored = await storeInboundEmail(db, raw, 'file');
  const outcome = await processInboundEmail(db, stored.id, { config });
  if (outcome.suggestionId) await enrichSuggestion(db, outcome.suggestionId);
  return { stored, outcome };
}

/** Everything a test wants to know about the suggestion an email became. */
export async function suggestionView(db: Database, id: number) {
  const [row] = await db.select().from(suggestions).where(eq(suggestions.id, id));
  const [sealed] = await db.select().from(suggestionContacts).where(eq(suggestionContacts.suggestionId, id));
  const contact = sealed ? openContactRow(contactKeyring(), sealed) : undefined;
  const files = await db
    .select({ filename: attachments.filename, extractedText: attachments.extractedText })
    .from(attachments)
    .where(eq(attachments.suggestionId, id));
  const mail = await outboxMail(db, eq(outboxMessages.suggestionId, id));
  const section = row!.sectionId
    ? (await db.select().from(planSections).where(eq(planSections.id, row!.sectionId)))[0]
    : undefined;
  const category = row!.categoryId
    ? (await db.select().from(categories).where(eq(categories.id, row!.categoryId)))[0]
    : undefined;
  return { row: row!, contact, files, mail, section: section?.number, category: category?.name };
}
