import { eq } from 'drizzle-orm';
import { expect, test } from 'vitest';
import { permissionsOf } from '../../app/domain/authorization/permissions.ts';
import { revealContact } from '../../app/domain/contacts/contacts.server.ts';
import { fingerprintNormalized } from '../../app/domain/duplicates/fingerprint.ts';
import { linkNearDuplicates } from '../../app/domain/duplicates/link-duplicates.server.ts';
import { CONTACT_SCREEN_VERSION } from '../../app/domain/contacts/screen-text.ts';
import { maskOlderSuggestionText } from '../../app/domain/privacy/mask-older-text.server.ts';
import { indexSuggestions } from '../../app/domain/search/index-suggestion.server.ts';
import {
  attachments,
  suggestionFingerprints,
  suggestions,
  suggestionSearch,
  suggestionTextOriginals,
} from '../../db/schema/index.ts';
import { createPlan } from '../factories/plans.ts';
import { createStaff } from '../factories/staff.ts';
import { createSuggestion } from '../factories/suggestions.ts';
import { setupTestDatabase } from '../setup/test-database.ts';

// Suggestions stored before contact details in text were masked: their
// title, body, attachment text, search row and fingerprint hold the details.
// The start-up pass masks them once, seals the originals, and rebuilds
// search and fingerprint; a second run changes nothing.

const database = setupTestDatabase();
const olderBody = '建议在图书馆增设电源插座。有问题请打我手机 13711112222 或写信 old.reader@example.edu.cn。';
const olderFileText = '插座位置图。联系人：沈清和';

async function asStoredBefore(planId: number, body: string, fileText?: string) {
  const { id } = await createSuggestion(database.db, planId, {
    body: '占位',
    attachments: fileText
      ? [{ filename: '附件.txt', contentType: 'text/plain', bytes: Buffer.from(fileText), extractedText: '占位' }]
      : [],
  });
  // What the previous release stored: the words as written, indexed as written.
  await database.db.update(suggestions).set({ body, contactScreenVersion: null }).where(eq(suggestions.id, id));
  if (fileText)
    await database.db.update(attachments).set({ extractedText: fileText }).where(eq(attachments.suggestionId, id));
  await database.db.transaction(async (tx) => {
    await indexSuggestions(tx, [id]);
    const [row] = await tx
      .select({ text: suggestionSearch.searchText })
      .from(suggestionSearch)
      .where(eq(suggestionSearch.suggestionId, id));
    await linkNearDuplicates(tx, { id, planId, searchText: row!.text });
  });
  return id;
}

test('older rows are masked once: text, attachment text, search row and fingerprint; the original opens for a contact reader', async () => {
  const plan = await createPlan(database.db);
  const withDetails = await asStoredBefore(plan.id, olderBody, olderFileText);
  const plain = await asStoredBefore(plan.id, '建议图书馆延长开放时间。');
  const [before] = await database.db
    .select({ text: suggestionSearch.searchText })
    .from(suggestionSearch)
    .where(eq(suggestionSearch.suggestionId, withDetails));
  expect(before!.text).toContain('13711112222');

  expect(await maskOlderSuggestionText(database.db)).toBe(1);

  const [row] = await database.db.select().from(suggestions).where(eq(suggestions.id, withDetails));
  expect(row!.body).toBe('建议在图书馆增设电源插座。有问题请打我手机 137******** 或写信 o***@example.edu.cn。');
  expect(row!.contactScreenVersion).toBe(CONTACT_SCREEN_VERSION);
  const [file] = await database.db
    .select({ text: attachments.extractedText })
    .from(attachments)
    .where(eq(attachments.suggestionId, withDetails));
  expect(file!.text).toBe('插座位置图。联系人：沈**');
  const [search] = await database.db
    .select({ text: suggestionSearch.searchText })
    .from(suggestionSearch)
    .where(eq(suggestionSearch.suggestionId, withDetails));
  for (const secret of ['13711112222', 'old.reader', '沈清和', '清和']) expect(search!.text).not.toContain(secret);
  const [fingerprint] = await database.db
    .select({ bands: suggestionFingerprints.bands })
    .from(suggestionFingerprints)
    .where(eq(suggestionFingerprints.suggestionId, withDetails));
  expect(fingerprint!.bands).toEqual(fingerprintNormalized(search!.text).bands);
  const [untouched] = await database.db.select().from(suggestions).where(eq(suggestions.id, plain));
  expect(untouched).toMatchObject({ body: '建议图书馆延长开放时间。', contactScreenVersion: CONTACT_SCREEN_VERSION });

  const reader = await createStaff(database.db, { role: 'planner', grants: ['read:contact:any'], totp: true });
  const revealed = await revealContact(database.db, {
    suggestionId: withDetails,
    viewer: { id: reader.id, permissions: permissionsOf('planner', ['read:contact:any']) },
    reason: '核对插座位置',
  });
  expect(revealed?.original).toMatchObject({ body: olderBody, attachments: [{ text: olderFileText }] });

  const sealedBefore = await database.db
    .select()
    .from(suggestionTextOriginals)
    .where(eq(suggestionTextOriginals.suggestionId, withDetails));
  expect(await maskOlderSuggestionText(database.db)).toBe(0);
  expect(
    await database.db
      .select()
      .from(suggestionTextOriginals)
      .where(eq(suggestionTextOriginals.suggestionId, withDetails)),
  ).toEqual(sealedBefore);
});
