import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, test } from 'vitest';
import { assignInboundEmail, retryInboundEmail } from '../../app/domain/intake/email/email-queue.server.ts';
import { attachmentVerdicts, inboundReasons } from '../../app/domain/intake/email/inbound-reasons.ts';
import { maskPhone } from '../../app/domain/contacts/mask.ts';
import { suggestionHeldReasons } from '../../app/domain/suggestions/held-reasons.ts';
import { readConfig } from '../../app/server/config.ts';
import { attachments, auditLog, inboundEmails, suggestions } from '../../db/schema/index.ts';
import { createPlan } from '../factories/plans.ts';
import { createStaff, signIn } from '../factories/staff.ts';
import { createSuggestion } from '../factories/suggestions.ts';
import { sealedInboundEmail } from '../factories/sealed.ts';
import { setupTestDatabase } from '../setup/test-database.ts';
import { composeMail } from './helpers/compose-mail.ts';
import { fixture, ingest } from './helpers/email.ts';
import { setupTestPortal } from './helpers/test-portal.ts';

// Mail a moderator can read and rescue (issue 14) and bounded work before
// parsing (issue 15): signatures, files the portal does not accept, too many
// files, empty mail, MIME bombs, NUL bytes, and the queue page that shows it all.
const database = setupTestDatabase();
const portal = setupTestPortal(database);
const config = readConfig({ SEED_DEMO: 'never' });
let planId: number;
let cookie: string;
let moderatorId: number;

beforeAll(async () => {
  planId = (await createPlan(database.db, { emailMarker: '规划意见' })).id;
  moderatorId = (await createStaff(database.db, { role: 'moderator' })).id;
  cookie = `jianyan_staff=${await signIn(database.db, moderatorId)}`;
});

const thirdParty = (name: string) => fixture(`third-party/${name}`);
// Signed S/MIME mail written by hand (tests/fixtures/mail/hand-written/README.md).
const handWritten = (name: string) => fixture(`hand-written/${name}`);
const row = async (id: number) => (await database.db.select().from(inboundEmails).where(eq(inboundEmails.id, id)))[0]!;
const suggestion = async (id: number) =>
  (await database.db.select().from(suggestions).where(eq(suggestions.id, id)))[0]!;
const files = (id: number) =>
  database.db.select({ filename: attachments.filename }).from(attachments).where(eq(attachments.suggestionId, id));

async function rescue(name: string, raw: Buffer = thirdParty(name)) {
  const { stored, outcome } = await ingest(database.db, config, raw);
  expect(outcome).toMatchObject({ status: 'unmatched', reason: 'no_marker' });
  const assigned = await assignInboundEmail(database.db, stored.id, planId, { config });
  expect(assigned?.status, name).toBe('ingested');
  return { id: stored.id, s: await suggestion(assigned!.suggestionId!) };
}

test('a signed S/MIME mail is ingested; its signature is recognised and not an attachment', async () => {
  const { id, s } = await rescue('smime-multipart-signed.eml', handWritten('smime-multipart-signed.eml'));
  expect(s.body).toContain('建议公园南门增设无障碍坡道');
  expect(s.intakeMeta).toMatchObject({ signature: 'smime' });
  expect(s.intakeMeta).not.toHaveProperty('attachmentsNotKept');
  expect(await files(s.id)).toEqual([]);
  expect((await row(id)).attachmentList).toEqual([
    expect.objectContaining({ filename: 'smime.p7s', verdict: 'signature' }),
  ]);
});

test('a signed PGP/MIME mail from another project is ingested; its signature is recognised and not an attachment', async () => {
  const { id, s } = await rescue('pgpmime-signed.eml');
  expect(s.body).toContain('Bob, we need to cancel this contract.');
  expect(s.intakeMeta).toMatchObject({ signature: 'pgp' });
  expect(s.intakeMeta).not.toHaveProperty('attachmentsNotKept');
  expect(await files(s.id)).toEqual([]);
  expect((await row(id)).attachmentList).toEqual([expect.objectContaining({ verdict: 'signature' })]);
});

test('an opaque S/MIME mail, whose text is inside the signature, still becomes a suggestion with the file kept for staff', async () => {
  const { s } = await rescue('smime-onepart-signed.eml', handWritten('smime-onepart-signed.eml'));
  expect(s.body).toBe('（内容见附件）');
  expect(s.intakeMeta.attachmentsNotKept).toEqual([{ index: 0, filename: 'smime.p7m', verdict: 'extension' }]);
});

test.each([
  ['rspamd-bad-ext-exe.eml', 'bad_ext.dotted_file_name.exe'],
  ['rspamd-zip-gz.eml', 'f.zip.gz'],
])(
  'a file of a type the portal does not accept (%s) never holds the mail; staff download it as bytes',
  async (name, filename) => {
    const { id, s } = await rescue(name);
    expect(await files(s.id)).toEqual([]);
    expect(s.intakeMeta.attachmentsNotKept).toEqual([{ index: 0, filename, verdict: 'extension' }]);

    const response = await fetch(`${portal.url}/admin/inbox/${id}/attachments/0`, { headers: { cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/octet-stream');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
    const audits = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'inbound_email.attachment_downloaded'), eq(auditLog.targetId, String(id))));
    expect(audits).toHaveLength(1);
    expect((await fetch(`${portal.url}/admin/inbox/${id}/attachments/7`, { headers: { cookie } })).status).toBe(404);
    expect((await fetch(`${portal.url}/admin/inbox/${id}/attachments/0`, { redirect: 'manual' })).status).not.toBe(200);
  },
);

test('beyond five attachments: five go with the suggestion, the rest stay in the mail, listed on it', async () => {
  const raw = await composeMail({
    subject: '规划意见 关于实验室开放',
    text: '建议实验室周末开放，详见附件。',
    attachments: Array.from({ length: 7 }, (_, i) => ({ filename: `附件${i + 1}.txt`, content: `第${i + 1}份材料` })),
  });
  const { outcome, stored } = await ingest(database.db, config, raw);
  expect(outcome.status).toBe('ingested');
  expect((await files(outcome.suggestionId!)).map((f) => f.filename)).toEqual([
    '附件1.txt',
    '附件2.txt',
    '附件3.txt',
    '附件4.txt',
    '附件5.txt',
  ]);
  expect((await suggestion(outcome.suggestionId!)).intakeMeta.attachmentsNotKept).toEqual([
    { index: 5, filename: '附件6.txt', verdict: 'over_count' },
    { index: 6, filename: '附件7.txt', verdict: 'over_count' },
  ]);
  const response = await fetch(`${portal.url}/admin/inbox/${stored.id}/attachments/6`, { headers: { cookie } });
  expect(Buffer.from(await response.arrayBuffer()).toString('utf8')).toBe('第7份材料');
  const page = await (
    await fetch(`${portal.url}/admin/suggestions/${outcome.suggestionId}`, { headers: { cookie } })
  ).text();
  expect(page).toContain('以下附件没有随意见建议保存');
  expect(page).toContain(`/admin/inbox/${stored.id}/attachments/6`);
});

test('a mail with neither text nor attachment is held as empty, and the page says why instead of offering the button', async () => {
  const raw = await composeMail({ subject: '规划意见', text: '', messageId: '<empty-1@example.edu.cn>' });
  const { outcome, stored } = await ingest(database.db, config, raw);
  expect(outcome).toMatchObject({ status: 'held', reason: 'empty' });
  const html = await (await fetch(`${portal.url}/admin/inbox?tab=held`, { headers: { cookie } })).text();
  const block = mailBlock(html, stored.id);
  expect(block).toContain('无法转为意见建议：这封邮件既没有正文，也没有附件');
  expect(block).not.toContain('value="assign"');
});

test('multiparts nested beyond the limit are held before any parser runs, with the figures in the sentence', async () => {
  let body = 'Content-Type: text/plain; charset=utf-8\r\n\r\n规划意见正文\r\n';
  for (let i = 40; i > 0; i--)
    body = `Content-Type: multipart/mixed; boundary="n${i}"\r\n\r\n--n${i}\r\n${body}--n${i}--\r\n`;
  const raw = Buffer.from(
    `From: deep@example.edu.cn\r\nSubject: =?UTF-8?B?${Buffer.from('规划意见 嵌套').toString('base64')}?=\r\nMessage-ID: <deep@x>\r\n${body}`,
    'utf8',
  );
  const { outcome, stored } = await ingest(database.db, config, raw);
  expect(outcome).toMatchObject({ status: 'held', reason: 'mime_too_complex' });
  expect((await row(stored.id)).statusDetail).toMatchObject({ depth: 17, maxDepth: 16 });
  const block = mailBlock(
    await (await fetch(`${portal.url}/admin/inbox?tab=held`, { headers: { cookie } })).text(),
    stored.id,
  );
  expect(block).toContain('嵌套 17 层，上限为 250 个部分、16 层');
  expect(block).not.toContain('value="assign"');
});

test('a NUL byte in the Message-ID and in the text does not stop the mail', async () => {
  const raw = Buffer.from(
    `From: nul@example.edu.cn\r\nSubject: =?UTF-8?B?${Buffer.from('规划意见 空字节').toString('base64')}?=\r\nMessage-ID: <nul\u0000id@x>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n建议\u0000增加自习室。\r\n`,
    'utf8',
  );
  const { outcome, stored } = await ingest(database.db, config, raw);
  expect(outcome.status).toBe('ingested');
  expect((await row(stored.id)).messageId).toBe('<nulid@x>');
  expect((await suggestion(outcome.suggestionId!)).body).toBe('建议增加自习室。');
});

test('mail that the earlier version held for an attachment is made a suggestion by one retry', async () => {
  const raw = thirdParty('rspamd-bad-ext-exe.eml');
  // As that version stored it: before encryption at rest (key_id NULL, not yet sealed by the start-up backfill).
  const [legacy] = await database.db
    .insert(inboundEmails)
    .values({
      dedupeKey: 'legacy-exe',
      source: 'imap',
      raw,
      sizeBytes: raw.length,
      status: 'held',
      statusReason: 'attachment_extension',
      planId,
    })
    .returning({ id: inboundEmails.id });
  const html = await (await fetch(`${portal.url}/admin/inbox?tab=held`, { headers: { cookie } })).text();
  // Read before deciding: the queue read the stored mail once to list its file.
  expect(mailBlock(html, legacy!.id)).toContain('bad_ext.dotted_file_name.exe');
  expect(mailBlock(html, legacy!.id)).toContain('旧版本因附件类型不受支持暂缓了这封邮件');
  expect((await retryInboundEmail(database.db, legacy!.id, { config }))?.status).toBe('ingested');
});

test('the queue shows each mail’s text with contacts masked, its files by name and why it waits, in words, and a form post rescues it', async () => {
  const raw = await composeMail({
    subject: '关于校车的建议',
    text: '建议增开早班校车。\n如有疑问请打 13912345678 或写信到 lisi@example.edu.cn。\n\n姓名：李四\n电话：13700001111',
    messageId: '<masked-1@example.edu.cn>',
    attachments: [{ filename: '线路图.txt', content: '南门—北门' }],
  });
  const { stored } = await ingest(database.db, config, raw);
  const html = await (await fetch(`${portal.url}/admin/inbox?tab=unmatched`, { headers: { cookie } })).text();
  const block = mailBlock(html, stored.id);
  expect(block).toContain('建议增开早班校车。');
  expect(block).toContain(maskPhone('13912345678'));
  expect(block).toContain('l***@example.edu.cn');
  expect(block).toContain('李**');
  for (const secret of ['13912345678', 'lisi@example.edu.cn', '13700001111', '李四', 'zhangming@example.edu.cn'])
    expect(block).not.toContain(secret);
  expect(block).toContain('线路图.txt');
  expect(block).toContain('邮件主题中没有征求意见规定的标识');

  const response = await fetch(`${portal.url}/admin/inbox?tab=unmatched`, {
    method: 'POST',
    headers: { cookie, origin: portal.url, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ id: String(stored.id), planId: String(planId), intent: 'assign' }),
  });
  const after = await response.text();
  expect(after).toMatch(/已转为意见建议，跟踪编号 JY-[0-9A-Z]{4}-[0-9A-Z]{4}/);
  expect((await row(stored.id)).status).toBe('ingested');
});

test('no stored code reaches the pages: every queue tab and the triage list, in both languages', async () => {
  await createSuggestion(database.db, planId, { status: 'pending_verification', heldReason: 'captcha_missing' });
  await createSuggestion(database.db, planId, { status: 'pending_verification', heldReason: 'honeypot' });
  await ingest(database.db, config, fixture('auto-reply.eml'));
  await ingest(database.db, config, fixture('bounce.eml'));
  for (const code of inboundReasons) {
    const raw = Buffer.from(
      `From: x@example.edu.cn\r\nSubject: code ${code}\r\nMessage-ID: <code-${code}@x>\r\n\r\ntext\r\n`,
    );
    await database.db.insert(inboundEmails).values({
      dedupeKey: `code-${code}`,
      source: 'test',
      ...sealedInboundEmail(raw, undefined, 'text'),
      sizeBytes: raw.length,
      status: code === 'no_marker' || code === 'several_plans' ? 'unmatched' : 'held',
      statusReason: code,
      statusDetail: { attempts: 3 },
    });
  }
  const codes = [
    ...inboundReasons,
    ...suggestionHeldReasons,
    ...attachmentVerdicts.filter((v) => v.includes('_')),
    'auto_reply',
    'pending_verification',
  ];
  for (const lng of ['zh-CN', 'en']) {
    for (const path of [
      '/admin/inbox?tab=unmatched',
      '/admin/inbox?tab=held',
      '/admin/inbox?tab=automated',
      '/admin/suggestions?status=pending_verification',
      '/admin/suggestions',
    ]) {
      const response = await fetch(`${portal.url}${path}&lng=${lng}`.replace('suggestions&', 'suggestions?'), {
        headers: { cookie },
      });
      expect(response.status, path).toBe(200);
      const visible = visibleText(await response.text());
      // One-word codes (empty) are ordinary English words: looked for in Chinese pages only.
      for (const code of codes.filter((c) => c.includes('_') || lng === 'zh-CN'))
        expect(visible, `${lng} ${path}: ${code}`).not.toContain(code);
    }
  }
});

// The HTML of one mail's panel in the queue (from its discard form's id field back to the panel start).
function mailBlock(html: string, id: number): string {
  const marker = `name="id" value="${id}"`;
  const at = html.indexOf(marker);
  expect(at, `mail ${id} on the page`).toBeGreaterThan(0);
  const start = html.lastIndexOf('<li class="admin-panel"', at);
  const end = html.indexOf('</li>', html.lastIndexOf(marker));
  return html.slice(start, end);
}

// What a reader sees: text and attribute values a screen reader may announce, without the
// React Router payload script (it carries loader data, which is not rendered).
function visibleText(html: string): string {
  return html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, ' ');
}
