import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq, like } from 'drizzle-orm';
import { inboundEmails } from '../../db/schema/index.ts';
import { createPlan } from '../factories/plans.ts';
import { composeMail } from '../integration/helpers/compose-mail.ts';
import { expect, expectNoAxeViolations, test } from './fixtures.ts';
import { closeStaffDatabase, createE2eStaff, db, loginAs } from './staff.ts';

test.afterAll(async () => {
  await closeStaffDatabase();
});

const thirdParty = (name: string) => fs.readFileSync(path.resolve('tests/fixtures/mail/third-party', name));
// Written by hand (tests/fixtures/mail/hand-written/README.md).
const handWritten = (name: string) => fs.readFileSync(path.resolve('tests/fixtures/mail/hand-written', name));

// Held mail as the queue really holds it: matched to a plan but held for an
// attachment (what earlier versions did with an .exe or a seventh file), held
// for a closed consultation, or held after failing again and again, each
// with the raw message it came as.
async function heldMails(token: string, planId: number) {
  const sevenFiles = await composeMail({
    subject: `规划意见 ${token} 七个附件`,
    text: '建议增加实验室开放时间，材料见附件。',
    attachments: Array.from({ length: 7 }, (_, i) => ({ filename: `材料${i + 1}.txt`, content: `第${i + 1}份` })),
  });
  const mails = [
    {
      subject: `${token} 可执行文件`,
      raw: thirdParty('rspamd-bad-ext-exe.eml'),
      statusReason: 'attachment_extension',
      planId,
    },
    { subject: `${token} 七个附件`, raw: sevenFiles, statusReason: 'attachments_over_limit', planId },
    { subject: `${token} PGP 签名`, raw: thirdParty('pgpmime-signed.eml'), statusReason: 'plan_closed', planId },
    {
      subject: `${token} S/MIME 签名`,
      raw: handWritten('smime-multipart-signed.eml'),
      statusReason: 'failed_repeatedly',
      planId: null,
    },
  ];
  for (const mail of mails) {
    await db()
      .insert(inboundEmails)
      .values({
        dedupeKey: `e2e-${token}-${mail.subject}`,
        source: 'imap',
        raw: mail.raw,
        sizeBytes: mail.raw.length,
        status: 'held',
        statusReason: mail.statusReason,
        statusDetail: { attempts: 3 },
        subject: mail.subject,
        planId: mail.planId,
      });
  }
  return mails;
}

test('a moderator reads each held mail and rescues every one with one click', async ({ page, context, baseURL }) => {
  test.setTimeout(90_000);
  const token = `救回${crypto.randomBytes(3).toString('hex')}`;
  const plan = await createPlan(db(), {
    title: `端到端邮件规划 ${token}`,
    status: 'draft',
    emailMarker: `规划意见${token}`,
  });
  const mails = await heldMails(token, plan.id);
  const moderator = await createE2eStaff({ role: 'moderator' });
  await loginAs(context, baseURL!, moderator.id);

  await page.goto('/admin/inbox?tab=held');
  await expect(page.getByRole('heading', { level: 1, name: '邮件队列' })).toBeVisible();
  const panel = (subject: string) =>
    page.locator('li.admin-panel', { has: page.getByRole('heading', { level: 2, name: subject }) });
  // Read before deciding: the text, each file by name, and why it waits, in words.
  await expect(panel(`${token} 七个附件`).getByTestId('mail-text')).toContainText('建议增加实验室开放时间');
  await expect(panel(`${token} 七个附件`).getByTestId('mail-attachments')).toContainText('材料7.txt');
  await expect(panel(`${token} 七个附件`).getByTestId('mail-attachments')).toContainText('超过 5 个附件的上限');
  await expect(panel(`${token} 可执行文件`).getByRole('link', { name: 'bad_ext.dotted_file_name.exe' })).toBeVisible();
  await expect(panel(`${token} S/MIME 签名`)).toContainText('签名没有验证，不计为附件');
  await expect(panel(`${token} S/MIME 签名`).getByTestId('mail-reason')).toContainText(
    '系统连续 3 次处理这封邮件都失败了',
  );
  await expect(page.locator('main')).not.toContainText('attachment_extension');
  await expectNoAxeViolations(page);

  for (const mail of mails) {
    const card = panel(mail.subject);
    // A mail already matched to a plan has it chosen; the others get one.
    if (!mail.planId) await card.getByRole('combobox').selectOption({ label: plan.title });
    await card.getByRole('button', { name: '归入规划并处理' }).click();
    await expect(page.getByRole('status')).toContainText('已转为意见建议，跟踪编号 JY-');
    await expect(card).toHaveCount(0);
  }

  const left = await db()
    .select({ status: inboundEmails.status })
    .from(inboundEmails)
    .where(like(inboundEmails.dedupeKey, `e2e-${token}-%`));
  expect(left.map((row) => row.status)).toEqual(['ingested', 'ingested', 'ingested', 'ingested']);

  // The suggestion made from the .exe mail says where the file is.
  const [exe] = await db()
    .select({ suggestionId: inboundEmails.suggestionId })
    .from(inboundEmails)
    .where(eq(inboundEmails.dedupeKey, `e2e-${token}-${mails[0]!.subject}`));
  await page.goto(`/admin/suggestions/${exe!.suggestionId}`);
  await expect(page.getByTestId('mail-note')).toContainText('以下附件没有随意见建议保存');
  await expect(page.getByTestId('mail-note').getByRole('link', { name: 'bad_ext.dotted_file_name.exe' })).toBeVisible();
  await expectNoAxeViolations(page);
});
