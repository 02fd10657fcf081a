import { expect, test } from 'vitest';
import { knownAuditActions } from '../../app/domain/audit/audit-actions.ts';
import { recordAudit } from '../../app/domain/audit/record-audit.server.ts';
import { permissionsOf } from '../../app/domain/authorization/permissions.ts';
import { revealContact } from '../../app/domain/contacts/contacts.server.ts';
import { translator } from '../../app/i18n/index.ts';
import { createPlan } from '../factories/plans.ts';
import { createStaff, signIn } from '../factories/staff.ts';
import { createSuggestion } from '../factories/suggestions.ts';
import { setupTestDatabase } from '../setup/test-database.ts';
import { setupTestPortal } from './helpers/test-portal.ts';

// The audit page over HTTP: one entry of every known action, with details
// shaped like the ones the domain writes, read in both languages. Staff see
// sentences; no stored code (action, target type, detail key or value code)
// reaches the text of the page or its loader data.

const database = setupTestDatabase();
const web = setupTestPortal(database);

// Details as the domain records them (see each recordAudit call).
const samples: Record<string, Record<string, unknown>> = {
  'auth.login': { method: 'recovery_code', twoFactorRequired: true, knownDevice: false },
  'auth.login_failed': { reason: 'wrong_password' },
  'auth.unlock_link_refused': { reason: 'too_many' },
  'user.created': { role: 'planner', grants: ['read:contact:any'], via: 'admin' },
  'user.role_changed': { from: 'moderator', to: 'planner' },
  'user.permission_granted': { permission: 'read:contact:any' },
  'plan.updated': { fields: ['title', 'closesAt', 'contactRetentionDays'] },
  'plan.status_changed': { from: 'draft', to: 'open' },
  'plan.section_moved': { sectionId: 4, direction: 'up' },
  'plan.contacts_purged': {
    contacts: 3,
    emails: 1,
    outgoing: 0,
    textOriginals: 2,
    retentionDays: 180,
    closedAt: '2026-01-14T16:30:00.000Z',
  },
  'suggestion.status_changed': { from: 'pending_verification', to: 'in_review', bulk: true },
  'suggestion.decided': { from: 'in_review', to: 'not_adopted', publicReply: true, publishable: false },
  'suggestion.marked_duplicate': { from: 'received', originalId: 8, notesMoved: 1 },
  'suggestion.recorded': { channel: 'symposium' },
  'contact.revealed': { reason: '核实来信人身份', originalText: true },
  'contact.consent_changed': { from: 'none', to: 'anonymous', by: 'submitter', changeId: 2 },
  'contact.deleted': { by: 'submitter', via: 'mailed_link', contactRows: 1, textOriginals: 0, rawMails: 1 },
  'export.suggestions': {
    format: 'xlsx',
    rows: 12,
    includedContacts: false,
    completed: true,
    filter: { planId: 1, statuses: ['adopted', 'partially_adopted'], channel: 'email', assignee: 'none' },
  },
  'inbound_email.assigned': { planId: 1, status: 'auto_reply', suggestionId: null },
};
const targets = ['suggestion', 'plan', 'user', 'inbound_email'];
const valueCodes = [
  'recovery_code',
  'wrong_password',
  'too_many',
  'read:contact:any',
  'closesAt',
  'contactRetentionDays',
  'pending_verification',
  'in_review',
  'not_adopted',
  'partially_adopted',
  'mailed_link',
  'auto_reply',
  'inbound_email',
];
const detailKeys = [...new Set(Object.values(samples).flatMap((d) => Object.keys(d)))];

function visibleText(html: string): string {
  return html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, ' ');
}

// One audit row and two page loads for every known action: 9 s on a quiet machine, past 30 s at load 10.
test('staff read every action, target and detail as words, in Chinese and English', async () => {
  const admin = await createStaff(database.db, { role: 'admin', totp: true });
  const cookie = `jianyan_staff=${await signIn(database.db, admin.id)}`;
  for (const [i, action] of knownAuditActions.entries())
    await recordAudit(database.db, {
      actorId: admin.id,
      action,
      targetType: targets[i % targets.length],
      targetId: i + 1,
      details: samples[action] ?? {},
    });
  for (const lng of ['zh-CN', 'en'] as const) {
    const t = translator(lng);
    // The unfiltered page: its text, and the loader data behind it.
    for (const path of [`/admin/audit?lng=${lng}`, `/admin/audit.data?lng=${lng}`]) {
      const response = await fetch(`${web.url}${path}`, { headers: { cookie } });
      expect(response.status, path).toBe(200);
      const body = await response.text();
      const text = path.includes('.data') ? body : visibleText(body);
      for (const code of [...knownAuditActions, ...valueCodes]) expect(text, `${path}: ${code}`).not.toContain(code);
      for (const key of detailKeys) expect(text, `${path}: ${key}`).not.toMatch(new RegExp(`"${key}"\\s*:`));
      if (!path.includes('.data')) {
        // The filter offers every action by its sentence.
        for (const action of knownAuditActions)
          expect(body).toContain(`>${t(`audit.action.${action}` as never)}</option>`);
      }
    }
    // Each action filtered on its own: its sentence in the table, its details in words.
    for (const action of knownAuditActions) {
      const response = await fetch(`${web.url}/admin/audit?lng=${lng}&action=${action}`, { headers: { cookie } });
      const html = await response.text();
      const text = visibleText(html);
      expect(html).toContain(`<td>${t(`audit.action.${action}` as never)}</td>`);
      for (const code of [...knownAuditActions, ...valueCodes])
        expect(text, `${lng} ${action}: ${code}`).not.toContain(code);
    }
  }
  const zh = visibleText(
    await (await fetch(`${web.url}/admin/audit?action=suggestion.decided`, { headers: { cookie } })).text(),
  );
  const zhT = translator('zh-CN');
  expect(zh).toContain(`原为：${zhT('status.in_review')}`);
  expect(zh).toContain(`改为：${zhT('status.not_adopted')}`);
  const en = visibleText(
    await (await fetch(`${web.url}/admin/audit?lng=en&action=export.suggestions`, { headers: { cookie } })).text(),
  );
  const enT = translator('en');
  expect(en).toContain(
    `Filter: Plan: #1; Statuses: ${enT('status.adopted')}, ${enT('status.partially_adopted')}; Channel: ${enT('exports.channel.email')}; Handled by: nobody`,
  );
}, 120_000);

test('a suggestion’s history panel reads in words too, and keeps the reveal reason to the audit page', async () => {
  const plan = await createPlan(database.db);
  const suggestion = await createSuggestion(database.db, plan.id, { enrich: false });
  const moderator = await createStaff(database.db, { role: 'moderator' });
  const cookie = `jianyan_staff=${await signIn(database.db, moderator.id)}`;
  for (const action of ['suggestion.decided', 'contact.revealed', 'suggestion.assigned'] as const)
    await recordAudit(database.db, {
      actorId: moderator.id,
      action,
      targetType: 'suggestion',
      targetId: suggestion.id,
      details: action === 'suggestion.assigned' ? { from: null, to: moderator.id } : samples[action],
    });
  const html = await (await fetch(`${web.url}/admin/suggestions/${suggestion.id}`, { headers: { cookie } })).text();
  const text = visibleText(html);
  const t = translator('zh-CN');
  expect(text).toContain(t('audit.action.suggestion.decided'));
  expect(text).toContain(`改为：${t('status.not_adopted')}`);
  expect(text).toContain(t('audit.action.contact.revealed'));
  expect(text).toContain('原为：未分配');
  expect(html).not.toContain('核实来信人身份');
  for (const code of [...knownAuditActions, ...valueCodes]) expect(text, code).not.toContain(code);
});

// 11010519491231002X passes the GB 11643 check, so the detector takes it for an ID number.
const typedReason = '回电13812345678核实，邮箱zhang.san@example.com，身份证号11010519491231002X';
const maskedReason = '回电138********核实，邮箱z***@example.com，身份证号******************';
const typedDetails = ['13812345678', '5678', 'zhang.san', '11010519491231002X', '19491231'];

// The page's visible text, the data script inside its HTML, and its loader data. The last four
// digits are looked for in the text only: a random CSP nonce in the HTML may hold any four digits.
function expectNoneTyped(html: string, data: string) {
  for (const typed of typedDetails) {
    expect(visibleText(html), typed).not.toContain(typed);
    expect(data, typed).not.toContain(typed);
    if (typed !== '5678') expect(html, typed).not.toContain(typed);
  }
}

async function revealsOnTheAuditPage(cookie: string) {
  const bodies: string[] = [];
  for (const path of ['/admin/audit?action=contact.revealed', '/admin/audit.data?action=contact.revealed']) {
    const response = await fetch(`${web.url}${path}`, { headers: { cookie } });
    expect(response.status, path).toBe(200);
    bodies.push(await response.text());
  }
  return bodies;
}

test('an admin without the contact permission reads a reveal’s reason masked on the audit page and in its data', async () => {
  const plan = await createPlan(database.db);
  const suggestion = await createSuggestion(database.db, plan.id, {
    enrich: false,
    contact: { name: '张三丰', phone: '13812345678', email: 'zhang.san@example.com' },
  });
  const holder = await createStaff(database.db, { role: 'moderator', grants: ['read:contact:any'], totp: true });
  await revealContact(database.db, {
    suggestionId: suggestion.id,
    viewer: { id: holder.id, permissions: permissionsOf('moderator', ['read:contact:any']) },
    reason: typedReason,
  });
  const admin = await createStaff(database.db, { role: 'admin', totp: true });
  const [html, data] = await revealsOnTheAuditPage(`jianyan_staff=${await signIn(database.db, admin.id)}`);
  expect(visibleText(html!)).toContain(`原因：${maskedReason}`);
  expect(data).toContain(maskedReason);
  expectNoneTyped(html!, data!);
});

test('a reason stored as typed, before reasons were masked, is shown masked on the audit page', async () => {
  const plan = await createPlan(database.db);
  const suggestion = await createSuggestion(database.db, plan.id, { enrich: false });
  const admin = await createStaff(database.db, { role: 'admin', totp: true });
  // As the reveal wrote it until decision 014; the append-only log keeps such rows.
  await recordAudit(database.db, {
    actorId: admin.id,
    action: 'contact.revealed',
    targetType: 'suggestion',
    targetId: suggestion.id,
    details: { reason: typedReason },
  });
  const [html, data] = await revealsOnTheAuditPage(`jianyan_staff=${await signIn(database.db, admin.id)}`);
  expect(visibleText(html!)).toContain(`原因：${maskedReason}`);
  expect(data).toContain(maskedReason);
  expectNoneTyped(html!, data!);
});
