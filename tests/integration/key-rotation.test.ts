import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { confirmTotpEnrolment, startTotpEnrolment } from '../../app/domain/accounts/own-account.server.ts';
import { permissionsOf } from '../../app/domain/authorization/permissions.ts';
import { currentTotp, storedTotp } from '../../app/domain/accounts/totp.server.ts';
import { revealContact } from '../../app/domain/contacts/contacts.server.ts';
import { downloadInboundEmail } from '../../app/domain/moderation/inbound-email-contacts.server.ts';
import { contactKeyring, installKeyring } from '../../app/domain/crypto/installed-keyring.ts';
import { createKeyring, generateMasterKey, KeyringError, parseMasterKey } from '../../app/domain/crypto/keyring.ts';
import { resealWithCurrentKey, rowsNotUnderCurrentKey } from '../../app/domain/key-rotation/sealed-tables.server.ts';
import { trackSuggestion } from '../../app/domain/suggestions/queries.server.ts';
import { readConfig } from '../../app/server/config.ts';
import { suggestionContacts, suggestions } from '../../db/schema/index.ts';
import { createPlan } from '../factories/plans.ts';
import { outboxMail } from '../factories/sealed.ts';
import { createStaff } from '../factories/staff.ts';
import { createSuggestion } from '../factories/suggestions.ts';
import { installTestKeyring, TEST_CONTACT_KEY } from '../setup/contact-keyring.ts';
import { setupTestDatabase } from '../setup/test-database.ts';
import { ingest } from './helpers/email.ts';

// `npm run keys:rotate` with a real PostgreSQL: everything sealed under the
// old key is re-sealed under the new one while suggestions keep arriving, and
// afterwards the old key is not needed (nor enough) to read anything.

const database = setupTestDatabase();
const config = readConfig({ DATABASE_URL: database.url, SEED_DEMO: 'never' });
const oldKey = generateMasterKey();
const newKey = generateMasterKey();
const keyrings = {
  old: createKeyring([parseMasterKey(oldKey)]),
  both: createKeyring([parseMasterKey(newKey), parseMasterKey(oldKey)]),
  new: createKeyring([parseMasterKey(newKey)]),
};
const reader = { id: 0, permissions: permissionsOf('moderator', ['read:contact:any']) };
let planId: number;
let staffId: number;
let mailId: number;
let codes: string[] = [];

afterAll(() => installTestKeyring());

beforeAll(async () => {
  installKeyring(keyrings.old);
  planId = (await createPlan(database.db, { emailMarker: '规划意见' })).id;
  reader.id = (await createStaff(database.db, { role: 'moderator', grants: ['read:contact:any'] })).id;
  for (let i = 0; i < 30; i++) {
    // The first one wrote a phone into its text too: its sealed original rotates with the rest (decision 057).
    const body = i === 0 ? '建议增加实验室开放时间，可致电 13912345000 联系我。' : undefined;
    const saved = await createSuggestion(database.db, planId, {
      contact: { name: `轮换${i}`, phone: `1380000${String(i).padStart(4, '0')}`, email: `rotate${i}@example.edu.cn` },
      acknowledge: {},
      ...(body ? { body } : {}),
    });
    codes.push(saved.trackingCode);
  }
  const raw = Buffer.from(
    `From: =?UTF-8?B?${Buffer.from('轮换来信人').toString('base64')}?= <letter@example.edu.cn>\r\nSubject: =?UTF-8?B?${Buffer.from('规划意见：轮换').toString('base64')}?=\r\nMessage-ID: <rotation@x>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n建议增加实验室开放时间。\r\n电话：13912340000\r\n`,
    'utf8',
  );
  const { stored, outcome } = await ingest(database.db, config, raw);
  expect(outcome.status).toBe('ingested');
  mailId = stored.id;
  const staff = await createStaff(database.db, { role: 'admin' });
  staffId = staff.id;
  const viewer = { id: staff.id, twoFactorRequired: true, twoFactorEnabled: false };
  const started = await startTotpEnrolment(database.db, { viewer, currentPassword: staff.password });
  if (!started.ok) throw new Error(`enrolment refused: ${started.error}`);
  expect(
    (await confirmTotpEnrolment(database.db, { viewer, code: currentTotp(started.secret), ip: '192.0.2.1' })).ok,
  ).toBe(true);
});

async function readEverything() {
  const [first] = await database.db
    .select({ id: suggestions.id })
    .from(suggestions)
    .where(eq(suggestions.trackingCode, codes[0]!));
  return {
    tracked: await trackSuggestion(database.db, codes[0]!, 'rotate0@example.edu.cn'),
    byPhone: await trackSuggestion(database.db, codes[7]!, '0007'),
    contact: await revealContact(database.db, { suggestionId: first!.id, viewer: reader, reason: '轮换核对' }),
    mail: await downloadInboundEmail(database.db, { id: mailId, actor: reader }),
    totp: await storedTotp(database.db, staffId),
    outbox: await outboxMail(database.db),
  };
}

test('a rotation re-seals every table while suggestions keep arriving; then the new key alone reads everything and the old one nothing', async () => {
  const before = await readEverything();
  expect(before.contact).toMatchObject({ name: '轮换0', email: 'rotate0@example.edu.cn' });

  // The portal runs with both keys (new one sealing) while the rotation goes.
  installKeyring(keyrings.both);
  expect((await rowsNotUnderCurrentKey(database.db, keyrings.both)).suggestion_contacts).toBeGreaterThanOrEqual(30);
  const arriving = Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      createSuggestion(database.db, planId, {
        contact: { name: `新到${i}`, email: `arrive${i}@example.edu.cn` },
        acknowledge: {},
      }),
    ),
  );
  const [counts, arrived] = await Promise.all([resealWithCurrentKey(database.db, keyrings.both), arriving]);
  codes = codes.concat(arrived.map((a) => a.trackingCode));
  expect(counts.suggestion_contacts).toBeGreaterThanOrEqual(30);
  expect(counts.inbound_emails).toBe(1);
  expect(counts.staff_users).toBe(1);
  expect(counts.outbox_messages).toBeGreaterThanOrEqual(31);
  expect(counts.suggestion_text_originals).toBe(1);
  expect(await rowsNotUnderCurrentKey(database.db, keyrings.both)).toEqual({
    suggestion_contacts: 0,
    inbound_emails: 0,
    outbox_messages: 0,
    staff_users: 0,
    suggestion_text_originals: 0,
  });

  installKeyring(keyrings.new);
  const after = await readEverything();
  expect(after.tracked).not.toBeNull();
  expect(after.byPhone).not.toBeNull();
  expect(after.contact).toEqual(before.contact);
  expect(after.contact?.original?.body).toBe('建议增加实验室开放时间，可致电 13912345000 联系我。');
  expect(after.mail!.raw.equals(before.mail!.raw)).toBe(true);
  expect(after.totp).toEqual(before.totp);
  expect(after.outbox.map((m) => m.toAddress).sort()).toEqual(
    expect.arrayContaining(before.outbox.map((m) => m.toAddress).sort()),
  );
  expect(await trackSuggestion(database.db, codes.at(-1)!, 'arrive9@example.edu.cn')).not.toBeNull();

  installKeyring(keyrings.old);
  await expect(readEverything()).rejects.toBeInstanceOf(KeyringError);
  // The blind index moved too: the old key's index no longer matches.
  expect(await trackSuggestion(database.db, codes[0]!, 'rotate0@example.edu.cn')).toBeNull();
});

function cli(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/cli/keys-rotate.ts', ...args], {
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        LOG_LEVEL: 'silent',
        CONTACT_KEY: '',
        CONTACT_KEY_PREVIOUS: '',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c) => (out += String(c)));
    child.stderr.on('data', (c) => (out += String(c)));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
}

test(
  '`npm run keys:rotate -- --new-key` on the key file adds a key, re-seals, and `--drop-old` then forgets the old one',
  { timeout: 120_000 },
  async () => {
    // Start from data sealed under the key in the file.
    installKeyring(createKeyring([parseMasterKey(TEST_CONTACT_KEY), parseMasterKey(newKey)]));
    const fresh = await createSuggestion(database.db, planId, {
      contact: { name: '文件密钥', email: 'file-key@example.edu.cn' },
    });
    await resealWithCurrentKey(database.db, contactKeyring());
    const dataDir = path.resolve('.tmp', `keys-${crypto.randomBytes(4).toString('hex')}`);
    fs.mkdirSync(dataDir, { recursive: true });
    const file = path.join(dataDir, 'contact-keys');
    fs.writeFileSync(file, `${TEST_CONTACT_KEY}\n`, { mode: 0o600 });

    const rotated = await cli(['--new-key'], { DATA_DIR: dataDir });
    expect(rotated.out).toContain('rows under another key: 0');
    expect(rotated.code).toBe(0);
    const keys = fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'));
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(TEST_CONTACT_KEY);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    const dropped = await cli(['--drop-old'], { DATA_DIR: dataDir });
    expect(dropped.code).toBe(0);
    const left = fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'));
    expect(left).toEqual([keys[0]]);

    installKeyring(createKeyring([parseMasterKey(keys[0]!)]));
    expect(await trackSuggestion(database.db, fresh.trackingCode, 'file-key@example.edu.cn')).not.toBeNull();
    const [row] = await database.db
      .select({ keyId: suggestionContacts.keyId })
      .from(suggestionContacts)
      .where(eq(suggestionContacts.suggestionId, fresh.id));
    expect(row!.keyId).toBe(contactKeyring().current.id);
  },
);

test('with CONTACT_KEY, --new-key prints a key and the steps and changes nothing', async () => {
  const result = await cli(['--new-key'], { CONTACT_KEY: newKey });
  expect(result.code).toBe(0);
  expect(result.out).toMatch(/Set CONTACT_KEY=[A-Za-z0-9+/]{43}=/);
  expect(result.out).toContain('CONTACT_KEY_PREVIOUS');
});
