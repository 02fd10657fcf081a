import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { permissionsOf } from '../../app/domain/authorization/permissions.ts';
import { revealContact } from '../../app/domain/contacts/contacts.server.ts';
import { contactKeyring, installKeyring } from '../../app/domain/crypto/installed-keyring.ts';
import { createKeyring, generateMasterKey, parseMasterKey } from '../../app/domain/crypto/keyring.ts';
import { resealWithCurrentKey } from '../../app/domain/key-rotation/sealed-tables.server.ts';
import { listInboundQueue } from '../../app/domain/intake/email/email-queue.server.ts';
import { openMailOriginals } from '../../app/domain/intake/email/sealed-email.ts';
import { confirmContactDeletion, requestContactDeletion } from '../../app/domain/privacy/contact-deletion.server.ts';
import { maskOlderMailNames } from '../../app/domain/privacy/mask-older-mail.server.ts';
import { maskOlderSuggestionText } from '../../app/domain/privacy/mask-older-text.server.ts';
import { purgeExpiredContacts } from '../../app/domain/retention/purge-expired-contacts.server.ts';
import { readConfig } from '../../app/server/config.ts';
import {
  attachments,
  inboundEmails,
  outboxMessages,
  plans,
  suggestions,
  suggestionTextOriginals,
} from '../../db/schema/index.ts';
import { outboxMail } from '../factories/sealed.ts';
import { createPlan } from '../factories/plans.ts';
import { createStaff } from '../factories/staff.ts';
import { createSuggestion } from '../factories/suggestions.ts';
import { installTestKeyring, TEST_CONTACT_KEY } from '../setup/contact-keyring.ts';
import { setupTestDatabase } from '../setup/test-database.ts';
import { ingest } from './helpers/email.ts';

// Issue 13: a mail's subject and an attachment's file name are the sender's
// words like the body, and reached moderators without the contact
// permission whole. They are masked before they are stored, and what masking
// changed is sealed for contact readers; retention, deletion, key rotation
// and the start-up masking of older rows cover them like the body's original.

const database = setupTestDatabase();
const config = readConfig({ DATABASE_URL: database.url, PUBLIC_URL: 'https://jianyan.example.edu.cn' });
const phone = '13655557777';
const email = 'ximen.chuixue@example.edu.cn';
const filePhone = '13566668888';
const reader = { id: 0, permissions: permissionsOf('moderator', ['read:contact:any']) };
let planId: number;

const b64 = (text: string) => `=?UTF-8?B?${Buffer.from(text).toString('base64')}?=`;

function mail({ subject, fileName, id }: { subject: string; fileName: string; id: string }): Buffer {
  return Buffer.from(
    [
      `From: ${b64('西门吹雪')} <${email}>`,
      'To: ghy@example.edu.cn',
      `Subject: ${b64(subject)}`,
      `Message-ID: <${id}@mail.example.edu.cn>`,
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="m1"',
      '',
      '--m1',
      'Content-Type: text/plain; charset=utf-8',
      '',
      '建议在体育馆增设夜间照明。',
      '--m1',
      `Content-Type: text/plain; charset=utf-8; name="${b64(fileName)}"`,
      `Content-Disposition: attachment; filename="${b64(fileName)}"`,
      '',
      '照明位置示意。',
      '--m1--',
      '',
    ].join('\r\n'),
    'utf8',
  );
}

beforeAll(async () => {
  planId = (await createPlan(database.db, { emailMarker: '体育馆意见' })).id;
  reader.id = (await createStaff(database.db, { role: 'moderator', grants: ['read:contact:any'] })).id;
});
afterAll(() => installTestKeyring());

test('a mail that becomes a suggestion: subject, title, file names and the intake note are stored masked; the reveal shows them as sent', async () => {
  const subject = `体育馆意见：夜间照明 ${phone} ${email}`;
  const fileName = `照明_${filePhone}.txt`;
  const { stored, outcome } = await ingest(database.db, config, mail({ subject, fileName, id: 'subject-1' }));
  expect(outcome.status).toBe('ingested');
  const [row] = await database.db.select().from(inboundEmails).where(eq(inboundEmails.id, stored.id));
  const [suggestion] = await database.db.select().from(suggestions).where(eq(suggestions.id, outcome.suggestionId!));
  const files = await database.db.select().from(attachments).where(eq(attachments.suggestionId, outcome.suggestionId!));
  const readable = JSON.stringify({
    subject: row!.subject,
    list: row!.attachmentList,
    title: suggestion!.title,
    meta: suggestion!.intakeMeta,
    files: files.map((f) => f.filename),
  });
  for (const value of [phone, phone.slice(-8), email, filePhone, filePhone.slice(-8)])
    expect(readable, value).not.toContain(value);
  expect(row!.subject).toContain('体育馆意见：夜间照明');
  expect(files.map((f) => f.filename)).toEqual([expect.stringMatching(/^照明_.*\.txt$/)]);
  expect(row!.contactScreenVersion).not.toBeNull();

  // The mail's sealed originals open for the portal, not as plaintext in the row.
  expect(row!.maskedOriginals!.toString('utf8')).not.toContain(phone);
  expect(openMailOriginals(contactKeyring(), row!)).toEqual({
    subject,
    attachmentNames: [{ index: 0, name: fileName }],
  });
  const revealed = await revealContact(database.db, {
    suggestionId: outcome.suggestionId!,
    viewer: reader,
    reason: '核实来信人',
  });
  expect(revealed?.original?.title).toContain(phone);
  expect(revealed?.original?.attachmentNames).toEqual([{ attachmentId: files[0]!.id, name: fileName }]);
});

test('a mail left in the queue: the queue lists its subject and file names masked', async () => {
  const subject = `无标记来信 ${phone}`;
  const { outcome } = await ingest(database.db, config, mail({ subject, fileName: `${email}.txt`, id: 'subject-2' }));
  expect(outcome.status).toBe('unmatched');
  const queue = await listInboundQueue(database.db, { statuses: ['unmatched'], maxBytes: 1_000_000 });
  const listed = JSON.stringify(queue.map((m) => ({ subject: m.subject, list: m.attachmentList })));
  expect(listed).toContain('无标记来信');
  expect(listed).not.toContain(phone.slice(-8));
  expect(listed).not.toContain('ximen.chuixue');
});

test('older mail and suggestions are masked at start: subject and file names, once, with their originals sealed', async () => {
  const { stored, outcome } = await ingest(
    database.db,
    config,
    mail({ subject: '体育馆意见：旧信', fileName: '旧附件.txt', id: 'subject-3' }),
  );
  // What the previous release stored: the subject and names as sent, never screened.
  const oldSubject = `体育馆意见：旧信 ${phone}`;
  const oldName = `旧附件_${filePhone}.txt`;
  await database.db
    .update(inboundEmails)
    .set({
      subject: oldSubject,
      attachmentList: [{ index: 0, filename: oldName, contentType: 'text/plain', sizeBytes: 10, verdict: 'accepted' }],
      maskedOriginals: null,
      contactScreenVersion: null,
    })
    .where(eq(inboundEmails.id, stored.id));
  await database.db
    .update(attachments)
    .set({ filename: oldName })
    .where(eq(attachments.suggestionId, outcome.suggestionId!));
  await database.db
    .update(suggestions)
    .set({ contactScreenVersion: null })
    .where(eq(suggestions.id, outcome.suggestionId!));

  expect(await maskOlderMailNames(database.db)).toBeGreaterThanOrEqual(1);
  expect(await maskOlderSuggestionText(database.db)).toBeGreaterThanOrEqual(1);
  const [row] = await database.db.select().from(inboundEmails).where(eq(inboundEmails.id, stored.id));
  const [file] = await database.db
    .select()
    .from(attachments)
    .where(eq(attachments.suggestionId, outcome.suggestionId!));
  expect(JSON.stringify([row!.subject, row!.attachmentList, file!.filename])).not.toMatch(/55557777|66668888/);
  expect(openMailOriginals(contactKeyring(), row!)).toEqual({
    subject: oldSubject,
    attachmentNames: [{ index: 0, name: oldName }],
  });
  const revealed = await revealContact(database.db, {
    suggestionId: outcome.suggestionId!,
    viewer: reader,
    reason: '核实旧信',
  });
  expect(revealed?.original?.attachmentNames).toEqual([{ attachmentId: file!.id, name: oldName }]);
  // Idempotent: nothing left to screen.
  expect(await maskOlderMailNames(database.db)).toBe(0);
});

test('key rotation re-seals the masked originals of mail and file names', async () => {
  const newKey = generateMasterKey();
  installKeyring(createKeyring([parseMasterKey(newKey), parseMasterKey(TEST_CONTACT_KEY)]));
  await resealWithCurrentKey(database.db, contactKeyring());
  installKeyring(createKeyring([parseMasterKey(newKey)]));
  const rows = await database.db.select().from(inboundEmails);
  const withOriginals = rows.filter((r) => r.maskedOriginals);
  expect(withOriginals.length).toBeGreaterThanOrEqual(2);
  for (const row of withOriginals) expect(openMailOriginals(contactKeyring(), row)?.subject).toContain(phone);
  const originals = await database.db.select().from(suggestionTextOriginals);
  expect(originals.some((o) => o.attachmentNames)).toBe(true);
  for (const o of originals) {
    const revealed = await revealContact(database.db, {
      suggestionId: o.suggestionId,
      viewer: reader,
      reason: '轮换后核实',
    });
    expect(revealed?.original).toBeDefined();
  }
});

test('retention removes the sealed originals of subject and file names with the raw mail', async () => {
  const closed = await createPlan(database.db, {
    emailMarker: '已结束意见',
    contactRetentionDays: 1,
  });
  const { stored, outcome } = await ingest(
    database.db,
    config,
    mail({ subject: `已结束意见：照明 ${phone}`, fileName: `附件_${filePhone}.txt`, id: 'subject-4' }),
  );
  expect(outcome.status).toBe('ingested');
  await database.db
    .update(plans)
    .set({
      status: 'closed',
      opensAt: new Date(Date.now() - 10 * 86_400_000),
      closesAt: new Date(Date.now() - 3 * 86_400_000),
    })
    .where(eq(plans.id, closed.id));
  await purgeExpiredContacts(database.db);
  const [row] = await database.db.select().from(inboundEmails).where(eq(inboundEmails.id, stored.id));
  expect(row!.maskedOriginals).toBeNull();
  expect(row!.subject).not.toContain(phone.slice(-8));
  const kept = await database.db
    .select()
    .from(suggestionTextOriginals)
    .where(eq(suggestionTextOriginals.suggestionId, outcome.suggestionId!));
  expect(kept).toEqual([]);
});

test('a web or staff suggestion with a contact in a file name keeps it only sealed', async () => {
  const { id } = await createSuggestion(database.db, planId, {
    attachments: [
      {
        filename: `联系电话${filePhone}.txt`,
        contentType: 'text/plain',
        bytes: Buffer.from('附件'),
        extractedText: '附件',
      },
    ],
  });
  const [file] = await database.db.select().from(attachments).where(eq(attachments.suggestionId, id));
  expect(file!.filename).not.toContain(filePhone.slice(-8));
  const revealed = await revealContact(database.db, { suggestionId: id, viewer: reader, reason: '核实附件' });
  expect(revealed?.original?.attachmentNames).toEqual([{ attachmentId: file!.id, name: `联系电话${filePhone}.txt` }]);
});

test("deletion on the submitter's request removes the sealed originals of subject and file names", async () => {
  const { stored, outcome } = await ingest(
    database.db,
    config,
    mail({ subject: `体育馆意见：删除 ${phone}`, fileName: `删除_${filePhone}.txt`, id: 'subject-5' }),
  );
  expect(outcome.status).toBe('ingested');
  const suggestionId = outcome.suggestionId!;
  expect(await requestContactDeletion(database.db, { suggestionId, siteUrl: 'https://jianyan.example.edu.cn' })).toBe(
    'mailed',
  );
  const [confirm] = await outboxMail(
    database.db,
    and(eq(outboxMessages.suggestionId, suggestionId), eq(outboxMessages.kind, 'confirm_deletion')),
  );
  const token = /\/track\/delete\/([A-Za-z0-9_-]{43})/.exec(confirm!.text)![1]!;
  expect(await confirmContactDeletion(database.db, { token })).toBe('deleted');
  const [row] = await database.db.select().from(inboundEmails).where(eq(inboundEmails.id, stored.id));
  expect(row!.maskedOriginals).toBeNull();
  expect(
    await database.db
      .select()
      .from(suggestionTextOriginals)
      .where(eq(suggestionTextOriginals.suggestionId, suggestionId)),
  ).toEqual([]);
});
