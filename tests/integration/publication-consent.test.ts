import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, test } from 'vitest';
import { auditLog, outboxMessages, publicationConsentChanges, suggestions } from '../../db/schema/index.ts';
import { Forbidden } from '../../app/domain/authorization/actor.ts';
import { NotFound } from '../../app/domain/not-found.ts';
import { permissionsOf } from '../../app/domain/authorization/permissions.ts';
import { changePublicationConsent } from '../../app/domain/feedback/change-consent.server.ts';
import { recordManualSuggestion } from '../../app/domain/intake/manual/record-manual-suggestion.server.ts';
import { readConfig } from '../../app/server/config.ts';
import { createPlan } from '../factories/plans.ts';
import { createStaff } from '../factories/staff.ts';
import { createSuggestion } from '../factories/suggestions.ts';
import { setupTestDatabase } from '../setup/test-database.ts';
import { fixture, ingest } from './helpers/email.ts';
import { outboxMail } from '../factories/sealed.ts';

const database = setupTestDatabase();
let planId: number;
let moderator: { id: number; permissions: ReturnType<typeof permissionsOf> };
const planner = { id: 0, permissions: permissionsOf('planner', []) };
let contactReader: { id: number; permissions: ReturnType<typeof permissionsOf> };
const SITE = 'https://jianyan.example.edu.cn';

const consentOf = async (id: number) =>
  (await database.db.select({ c: suggestions.publicationConsent }).from(suggestions).where(eq(suggestions.id, id)))[0]!
    .c;

beforeAll(async () => {
  planId = (await createPlan(database.db)).id;
  const staff = await createStaff(database.db, { role: 'moderator' });
  moderator = { id: staff.id, permissions: permissionsOf('moderator', []) };
  const reader = await createStaff(database.db, { role: 'moderator', grants: ['read:contact:any'], totp: true });
  contactReader = { id: reader.id, permissions: permissionsOf('moderator', ['read:contact:any']) };
});

test('submitSuggestion keeps a suggestion unpublished unless told otherwise', async () => {
  const { id } = await createSuggestion(database.db, planId);
  expect(await consentOf(id)).toBe('none');
  const named = await createSuggestion(database.db, planId, { publicationConsent: 'named' });
  expect(await consentOf(named.id)).toBe('named');
});

test('署名公开 without a name is stored as 匿名公开: there is no name to show', async () => {
  const { id } = await createSuggestion(database.db, planId, {
    publicationConsent: 'named',
    contact: { email: 'noname@example.edu.cn' },
  });
  expect(await consentOf(id)).toBe('anonymous');
});

test('an email suggestion defaults to 不公开', async () => {
  await createPlan(database.db, { emailMarker: "'十四五'规划意见建议" });
  const config = readConfig({ DATABASE_URL: database.url, PUBLIC_URL: 'https://jianyan.example.edu.cn' });
  const { outcome } = await ingest(database.db, config, fixture('utf8-qp.eml'));
  expect(outcome.status).toBe('ingested');
  expect(await consentOf(outcome.suggestionId!)).toBe('none');
});

test('a staff-recorded suggestion (letter, call, visit, symposium) defaults to 不公开', async () => {
  const saved = await recordManualSuggestion(database.db, {
    input: {
      planId,
      channel: 'letter',
      receivedOn: '2026-11-20',
      submitterType: '社会人士',
      contact: { name: '王五', phone: '13900001111' },
      title: '来信',
      body: '建议增加社区服务。',
      formKey: crypto.randomUUID(),
    },
    actor: moderator,
    trackUrl: 'http://localhost/track',
  });
  expect(await consentOf(saved.id)).toBe('none');
});

test("a moderator cannot make a name public: only a contact reader records the submitter's word, with a note", async () => {
  const { id } = await createSuggestion(database.db, planId);
  // Without the contact permission, widening is refused whatever the note says.
  for (const consent of ['named', 'anonymous'] as const) {
    await expect(
      changePublicationConsent(database.db, {
        id,
        consent,
        note: '2026-12-03 来电，本人同意署名公开',
        actor: moderator,
        siteUrl: SITE,
      }),
    ).rejects.toBeInstanceOf(Forbidden);
  }
  expect(await consentOf(id)).toBe('none');
  for (const note of ['', '  ', 'ok']) {
    await expect(
      changePublicationConsent(database.db, { id, consent: 'named', note, actor: contactReader, siteUrl: SITE }),
    ).rejects.toMatchObject({ code: 'consent_note' });
  }
  expect(await consentOf(id)).toBe('none');

  const note = '2026-12-03 来电，本人同意署名公开';
  await changePublicationConsent(database.db, {
    id,
    consent: 'named',
    note,
    actor: contactReader,
    ip: '10.0.0.1',
    siteUrl: SITE,
  });
  expect(await consentOf(id)).toBe('named');
  const changes = await database.db
    .select()
    .from(publicationConsentChanges)
    .where(eq(publicationConsentChanges.suggestionId, id));
  expect(changes).toHaveLength(1);
  expect(changes[0]).toMatchObject({
    fromConsent: 'none',
    toConsent: 'named',
    note,
    actorId: contactReader.id,
    changedBy: 'staff',
  });
  // Audited as a contact act, without the note.
  const audit = await database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'contact.consent_changed'), eq(auditLog.targetId, String(id))));
  expect(audit).toHaveLength(1);
  expect(audit[0]!.actorId).toBe(contactReader.id);
  expect(audit[0]!.details).toEqual({ from: 'none', to: 'named', by: 'staff', changeId: changes[0]!.id });
  expect(JSON.stringify(audit[0]!.details)).not.toContain('来电');
  // The submitter is told, at the address they gave.
  const [mail] = await outboxMail(
    database.db,
    and(eq(outboxMessages.suggestionId, id), eq(outboxMessages.kind, 'consent_changed')),
  );
  expect(mail).toMatchObject({ toAddress: 'zhang@example.edu.cn' });
  expect(mail!.text).toContain('署名公开');
  expect(mail!.text).toContain(`${SITE}/track`);
  // The change record is append-only.
  await expect(
    database.db
      .update(publicationConsentChanges)
      .set({ note: 'x' })
      .where(eq(publicationConsentChanges.id, changes[0]!.id)),
  ).rejects.toMatchObject({ cause: expect.objectContaining({ message: expect.stringMatching(/append-only/) }) });
  // Narrowing protects the submitter: a moderator may do it, and it is audited and mailed too.
  await changePublicationConsent(database.db, {
    id,
    consent: 'none',
    note: '本人来电要求不公开',
    actor: moderator,
    siteUrl: SITE,
  });
  expect(await consentOf(id)).toBe('none');
  expect(
    await database.db.$count(
      outboxMessages,
      and(eq(outboxMessages.suggestionId, id), eq(outboxMessages.kind, 'consent_changed')),
    ),
  ).toBe(2);
});

test('a planner cannot change consent, and an unknown suggestion is not found', async () => {
  const { id } = await createSuggestion(database.db, planId);
  await expect(
    changePublicationConsent(database.db, { id, consent: 'none', note: '本人书面同意', actor: planner, siteUrl: SITE }),
  ).rejects.toBeInstanceOf(Forbidden);
  expect(await consentOf(id)).toBe('none');
  await expect(
    changePublicationConsent(database.db, {
      id: 99_999_999,
      consent: 'anonymous',
      note: '本人书面同意',
      actor: contactReader,
      siteUrl: SITE,
    }),
  ).rejects.toBeInstanceOf(NotFound);
});
