import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { verifyAndSpendTotp, currentTotp, storedTotp } from '../../app/domain/accounts/totp.server.ts';
import { permissionsOf } from '../../app/domain/authorization/permissions.ts';
import { revealContact } from '../../app/domain/contacts/contacts.server.ts';
import {
  downloadInboundEmail,
  viewInboundEmailHtml,
} from '../../app/domain/moderation/inbound-email-contacts.server.ts';
import { contactKeyring } from '../../app/domain/crypto/installed-keyring.ts';
import { openEmailText } from '../../app/domain/intake/email/sealed-email.ts';
import { rowsNotUnderCurrentKey } from '../../app/domain/key-rotation/sealed-tables.server.ts';
import { trackSuggestion } from '../../app/domain/suggestions/queries.server.ts';
import { installContactKeys } from '../../app/server/contact-keys.ts';
import { connect, type Database } from '../../db/client.server.ts';
import { inboundEmails } from '../../db/schema/index.ts';
import { migrateDatabase, migrationsFolder } from '../../db/migrate.server.ts';
import { outboxMail } from '../factories/sealed.ts';
import { TEST_CONTACT_KEY } from '../setup/contact-keyring.ts';
import { withDatabaseName } from '../setup/global-database.ts';
import { dumpDatabase, encodingsOf } from './helpers/dump-database.ts';

// An upgraded deployment: a database at the last migration before encryption
// at rest, holding plaintext contacts, mail, outgoing mail and a TOTP
// secret, is migrated and started. Afterwards nothing is plaintext and
// everything still reads.

const adminUrl = inject('databaseAdminUrl');
const name = `jianyan_legacy_${crypto.randomBytes(4).toString('hex')}`;
const url = withDatabaseName(adminUrl, name);
let handle: { db: Database; sql: postgres.Sql };
const raw =
  'From: =?UTF-8?B?5Lqs5Y6f5bCP5bed?= <jingyuan.xiaochuan@example.edu.cn>\r\nSubject: old\r\nMessage-ID: <legacy-1@x>\r\n\r\n建议保留老校区的银杏大道。\r\n电话：13711112222\r\n';
const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
// The body as the previous release kept it: the signature's phone in the text (decision 057).
const legacyBody = '建议保留老校区的银杏大道。\n此致\n敬礼\n京原小川 13711112222';
// The decoded text the mail queue keeps (inbound_emails.text, before it was sealed).
const legacyText = '建议保留老校区的银杏大道。\n京原小川 电话：13711112222';

/** The committed migrations up to and including `last`, as an older release shipped them. */
function migrationsUpTo(last: number): string {
  const folder = path.resolve('.tmp', `migrations-upto-${last}-${crypto.randomBytes(3).toString('hex')}`);
  fs.mkdirSync(path.join(folder, 'meta'), { recursive: true });
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
    entries: { idx: number; tag: string }[];
  };
  journal.entries = journal.entries.filter((e) => e.idx <= last);
  fs.writeFileSync(path.join(folder, 'meta/_journal.json'), JSON.stringify(journal));
  for (const e of journal.entries)
    fs.copyFileSync(path.join(migrationsFolder, `${e.tag}.sql`), path.join(folder, `${e.tag}.sql`));
  return folder;
}

beforeAll(async () => {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const before = postgres(url, { max: 1, onnotice: () => {} });
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
    entries: { idx: number; tag: string }[];
  };
  const encryption = journal.entries.find((e) => e.tag.endsWith('encryption-at-rest'))!;
  await migrate(drizzle(before), { migrationsFolder: migrationsUpTo(encryption.idx - 1) });
  // Rows as the previous release wrote them: plaintext text columns.
  await before.unsafe(`
    insert into plans (slug, title, status) values ('legacy-plan', '旧版规划', 'open');
    insert into suggestions (tracking_code, plan_id, title, body, channel, submitter_type)
      values ('JY-7K3F-9QXD', (select id from plans where slug = 'legacy-plan'), '旧意见', '${legacyBody}', 'email', '校友');
    insert into suggestion_contacts (suggestion_id, name, unit, phone, email)
      values ((select id from suggestions where tracking_code = 'JY-7K3F-9QXD'), '京原小川', '老校区校友会', '13711112222', 'jingyuan.xiaochuan@example.edu.cn');
    insert into outbox_messages (kind, to_address, subject, html, text)
      values ('acknowledgement', 'jingyuan.xiaochuan@example.edu.cn', '意见建议已收到', '<p>京原小川您好</p>', '京原小川您好');
    insert into staff_users (email, name, role, password_hash, totp_secret, totp_enabled_at)
      values ('legacy-admin@test.jianyan.invalid', '旧管理员', 'admin', 'x', '${secret}', now());
  `);
  await before`insert into inbound_emails (dedupe_key, source, raw, size_bytes, status, sanitized_html, text, suggestion_id)
    values ('legacy', 'imap', ${Buffer.from(raw)}, ${raw.length}, 'ingested', '<p>电话：13711112222</p>', ${legacyText}, (select id from suggestions where tracking_code = 'JY-7K3F-9QXD'))`;
  await before.end();

  // The upgrade: `npm start` migrates, then seals before serving.
  await migrateDatabase(url);
  handle = connect(url, 2);
  const dataDir = path.resolve('.tmp', `legacy-${crypto.randomBytes(3).toString('hex')}`);
  await installContactKeys({ dataDir, contactKeys: { current: TEST_CONTACT_KEY, previous: [] } }, handle.db, {
    info: () => {},
    warn: () => {},
  });
});

afterAll(async () => {
  await handle?.sql.end({ timeout: 5 });
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
});

test('after the upgrade no row is left as plaintext, and a dump shows none of the old details', async () => {
  expect(await rowsNotUnderCurrentKey(handle.db, contactKeyring())).toEqual({
    suggestion_contacts: 0,
    inbound_emails: 0,
    outbox_messages: 0,
    staff_users: 0,
    suggestion_text_originals: 0,
  });
  const [body] = await handle.sql<
    { body: string }[]
  >`select body from suggestions where tracking_code = 'JY-7K3F-9QXD'`;
  expect(body!.body).toBe('建议保留老校区的银杏大道。\n此致\n敬礼\n京**');
  const dump = (await dumpDatabase(url)).text.toLowerCase();
  expect(dump).toContain('jy-7k3f-9qxd');
  const needles = [
    '京原小川',
    '老校区校友会',
    '13711112222',
    'jingyuan.xiaochuan@example.edu.cn',
    '=?UTF-8?B?5Lqs5Y6f5bCP5bed?=',
    secret,
  ];
  expect(
    needles.flatMap((n) =>
      encodingsOf(n)
        .filter((form) => dump.includes(form.toLowerCase()))
        .map((form) => `${n} as ${form}`),
    ),
  ).toEqual([]);
});

test('the sealed rows read as before: /track, a reveal, the raw mail and its HTML, outgoing mail, and sign-in codes', async () => {
  const db = handle.db;
  expect(await trackSuggestion(db, 'JY-7K3F-9QXD', 'Jingyuan.Xiaochuan@example.edu.cn')).not.toBeNull();
  expect(await trackSuggestion(db, 'JY-7K3F-9QXD', '2222')).not.toBeNull();
  const [staff] = await handle.sql<
    { id: number }[]
  >`select id from staff_users where email = 'legacy-admin@test.jianyan.invalid'`;
  const actor = { id: staff!.id, permissions: permissionsOf('admin', ['read:contact:any']) };
  const [suggestion] = await handle.sql<
    { id: number }[]
  >`select id from suggestions where tracking_code = 'JY-7K3F-9QXD'`;
  expect(await revealContact(db, { suggestionId: Number(suggestion!.id), viewer: actor, reason: '升级核对' })).toEqual({
    name: '京原小川',
    unit: '老校区校友会',
    phone: '13711112222',
    email: 'jingyuan.xiaochuan@example.edu.cn',
    original: { body: legacyBody, attachments: [], attachmentNames: [] },
  });
  const [mail] = await handle.sql<{ id: number }[]>`select id from inbound_emails where dedupe_key = 'legacy'`;
  expect((await downloadInboundEmail(db, { id: Number(mail!.id), actor }))!.raw.toString('utf8')).toBe(raw);
  expect(await viewInboundEmailHtml(db, { id: Number(mail!.id), actor })).toBe('<p>电话：13711112222</p>');
  const [stored] = await db
    .select({ keyId: inboundEmails.keyId, text: inboundEmails.text })
    .from(inboundEmails)
    .where(eq(inboundEmails.id, Number(mail!.id)));
  expect(openEmailText(contactKeyring(), stored!)).toBe(legacyText);
  expect((await outboxMail(db)).map((m) => [m.toAddress, m.text])).toEqual([
    ['jingyuan.xiaochuan@example.edu.cn', '京原小川您好'],
  ]);
  expect((await storedTotp(db, staff!.id)).secret).toBe(secret);
  expect(await verifyAndSpendTotp(db, staff!.id, currentTotp(secret))).toBe(true);
});
