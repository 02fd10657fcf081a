import { eq } from 'drizzle-orm';
import { beforeAll, expect, test } from 'vitest';
import {
  assignInboundEmail,
  discardInboundEmail,
  retryInboundEmail,
} from '../../app/domain/intake/email/email-queue.server.ts';
import { readConfig } from '../../app/server/config.ts';
import { inboundEmails, outboxMessages, plans, suggestions } from '../../db/schema/index.ts';
import { seedIfEmpty } from '../../scripts/seed.server.ts';
import { setupTestDatabase } from '../setup/test-database.ts';
import { fixture, ingest, suggestionView } from './helpers/email.ts';
import { outboxMailTo } from '../factories/sealed.ts';
import { contactKeyring } from '../../app/domain/crypto/installed-keyring.ts';
import { openEmailHtml, openRawEmail } from '../../app/domain/intake/email/sealed-email.ts';

const database = setupTestDatabase();
let config: ReturnType<typeof readConfig>;

beforeAll(async () => {
  await seedIfEmpty(database.db);
  config = readConfig({ DATABASE_URL: database.url, PUBLIC_URL: 'https://jianyan.example.edu.cn' });
});

async function ingestFixture(name: string) {
  const { outcome } = await ingest(database.db, config, fixture(name));
  expect(outcome.status, `${name}: ${outcome.reason ?? ''}`).toBe('ingested');
  return suggestionView(database.db, outcome.suggestionId!);
}

test('UTF-8 quoted-printable: title, body without the signature, contact, section, category, acknowledgement', async () => {
  const s = await ingestFixture('utf8-qp.eml');
  expect(s.row).toMatchObject({ channel: 'email', title: '关于食堂夜宵', status: 'received' });
  expect(s.row.body).toBe(
    '各位老师好：\n\n关于第三章主要任务，我建议北区食堂把夜宵供应延长到晚上十点半，并增加平价窗口。\n很多同学晚自习后吃不上饭。',
  );
  expect(s.contact).toMatchObject({
    name: '张明',
    unit: '文学院 2023 级汉语言文学 2 班',
    phone: '13800138000',
    email: 'zhangming@example.edu.cn',
  });
  expect(s.section).toBe('第三章');
  expect(s.category).toBe('后勤保障');
  expect(s.mail).toHaveLength(1);
  expect(s.mail[0]).toMatchObject({ toAddress: 'zhangming@example.edu.cn', kind: 'acknowledgement' });
  expect(s.mail[0]!.headers).toEqual({
    'Auto-Submitted': 'auto-replied',
    'In-Reply-To': '<utf8-qp-001@mail.example.edu.cn>',
    References: '<utf8-qp-001@mail.example.edu.cn>',
  });
  expect(s.mail[0]!.text).toContain(s.row.trackingCode);
  expect(s.mail[0]!.text).toContain('https://jianyan.example.edu.cn/track');
});

test('the same message delivered again is recognised and adds nothing', async () => {
  const before = await database.db.$count(suggestions);
  const { stored, outcome } = await ingest(database.db, config, fixture('duplicate-of-utf8-qp.eml'));
  expect(stored.duplicate).toBe(true);
  expect(outcome.status).toBe('ingested');
  expect(await database.db.$count(suggestions)).toBe(before);
});

test('GBK, 8-bit, with full-width colons and an encoded sender name', async () => {
  const s = await ingestFixture('gbk-8bit.eml');
  expect(s.row.title).toBe('青年教师');
  expect(s.row.body).toBe('关于加强青年教师培养的建议\n\n建议设立青年教师科研启动基金，理工科不低于二十万元。');
  expect(s.contact).toMatchObject({
    name: '李华',
    unit: '物理与电子工程学院',
    phone: '0376-6391234',
    email: 'lihua@example.edu.cn',
  });
  expect(s.category).toBe('师资队伍建设');
});

test('GBK mislabelled as GB2312 keeps characters GB2312 lacks; two details on one line', async () => {
  const s = await ingestFixture('gb2312-mislabelled.eml');
  expect(s.row.title).toBe('图书馆（王喆、李珺）');
  expect(s.row.body).toBe('建议图书馆延长开放时间。');
  expect(s.contact).toMatchObject({ name: '王喆', unit: '数学与统计学院', email: 'wangzhe@example.edu.cn' });
});

test('GB18030 with a four-byte character', async () => {
  const s = await ingestFixture('gb18030.eml');
  expect(s.row.title).toBe('校友服务');
  expect(s.row.body).toBe('建议在“一网通办”中加入校友服务。');
  expect(s.contact).toMatchObject({ name: '刘䶮', email: 'liuyan@example.com' });
});

test('Big5 in Traditional script matches the Simplified marker and is kept as written', async () => {
  const s = await ingestFixture('big5.eml');
  expect(s.row.title).toBe('宿舍熱水');
  expect(s.row.body).toBe('關於宿舍熱水供應的建議：希望延長到夜間十二點。');
  expect(s.contact).toMatchObject({ name: '陳美玲', unit: '香港校友會', email: 'meiling@example.com.hk' });
});

test('raw 8-bit GBK with no charset declared is decoded as GB18030', async () => {
  const s = await ingestFixture('undeclared-gbk.eml');
  expect(s.row.title).toBe('校园网');
  expect(s.row.body).toBe('宿舍区校园网晚上经常掉线，建议扩容。');
  expect(s.contact?.email).toBe('zhao@example.edu.cn');
  expect(s.category).toBe('信息化建设');
  // The acknowledgement answers the sender, not an address quoted in the text.
  expect(s.mail[0]!.toAddress).toBe('zhangming@example.edu.cn');
});

test('HTML-only mail becomes clean text; the sanitized HTML is kept for staff', async () => {
  const { outcome, stored } = await ingest(database.db, config, fixture('html-only.eml'));
  const s = await suggestionView(database.db, outcome.suggestionId!);
  expect(s.row.title).toBe('建议增设跨学科辅修专业。');
  expect(s.row.body).toBe('建议增设跨学科辅修专业。');
  expect(s.row.body).not.toContain('alert');
  expect(s.contact).toMatchObject({ name: '孙悦', email: 'sunyue@example.edu.cn' });
  const [row] = await database.db.select().from(inboundEmails).where(eq(inboundEmails.id, stored.id));
  const html = openEmailHtml(contactKeyring(), row!);
  expect(html).toContain('<b>增设跨学科辅修专业</b>');
  expect(html).not.toMatch(/script|onclick/);
  // Sealed at rest.
  expect(row!.sanitizedHtml!.includes(Buffer.from('增设跨学科辅修专业'))).toBe(false);
});

test('Outlook multipart/related: the inline signature image is not an attachment', async () => {
  const s = await ingestFixture('outlook-related.eml');
  expect(s.row.title).toBe('科研评价');
  expect(s.row.body).toContain('建议完善科研评价办法，突出代表作。');
  expect(s.files).toEqual([]);
  expect(s.contact).toMatchObject({ name: '周教授', email: 'zhou@example.edu.cn' });
});

test('a forwarded mail keeps the forwarded suggestion', async () => {
  const s = await ingestFixture('forwarded.eml');
  expect(s.row.title).toBe('合作办学');
  expect(s.row.body).toContain('建议与本地企业共建产业学院，开展订单式培养。');
  expect(s.category).toBe('合作办学');
});

test('a .docx attachment with a Chinese name is stored with its text', async () => {
  const s = await ingestFixture('docx-attachment.eml');
  expect(s.row.title).toBe('见附件');
  expect(s.files).toHaveLength(1);
  expect(s.files[0]!.filename).toBe('学科建设建议.docx');
  expect(s.files[0]!.extractedText).toContain('建议新增数据科学与大数据技术专业。');
});

test('broken MIME still yields the words that were sent', async () => {
  const s = await ingestFixture('broken-mime.eml');
  expect(s.row.body).toBe('这封邮件的结构是坏的，但文字不能丢。');
});

test('mail without the marker waits, unmatched, for a moderator who assigns it', async () => {
  const { outcome, stored } = await ingest(database.db, config, fixture('no-marker.eml'));
  expect(outcome).toMatchObject({ status: 'unmatched', reason: 'no_marker' });
  const [plan] = await database.db.select().from(plans).where(eq(plans.slug, 'nanhu-14th-five-year-plan'));
  const assigned = await assignInboundEmail(database.db, stored.id, plan!.id, { config });
  expect(assigned?.status).toBe('ingested');
  const s = await suggestionView(database.db, assigned!.suggestionId!);
  expect(s.row.title).toBe('关于校庆活动的问题');
});

test('a subject naming two consultations is unmatched, and can be discarded on purpose', async () => {
  const raw = Buffer.from(
    fixture('no-marker.eml')
      .toString('latin1')
      .replace(
        /^Subject: .*$/m,
        `Subject: =?UTF-8?B?${Buffer.from("'十四五'规划意见建议 校园总体规划意见").toString('base64')}?=`,
      )
      .replace('nomarker-011', 'two-plans'),
    'latin1',
  );
  const { outcome, stored } = await ingest(database.db, config, raw);
  expect(outcome).toMatchObject({ status: 'unmatched', reason: 'several_plans' });
  expect(await discardInboundEmail(database.db, stored.id, 'spam')).toBe(true);
  const [row] = await database.db.select().from(inboundEmails).where(eq(inboundEmails.id, stored.id));
  expect(row).toMatchObject({ status: 'discarded', statusReason: 'spam' });
});

test('auto-replies and bounces are recorded, never ingested or answered', async () => {
  const before = await database.db.$count(outboxMessages);
  expect((await ingest(database.db, config, fixture('auto-reply.eml'))).outcome.status).toBe('auto_reply');
  expect((await ingest(database.db, config, fixture('bounce.eml'))).outcome.status).toBe('bounce');
  expect(await database.db.$count(outboxMessages)).toBe(before);
});

test('mail for a closed consultation is held; reopened, a retry ingests it', async () => {
  const raw = Buffer.from(
    fixture('no-marker.eml')
      .toString('latin1')
      .replace(/^Subject: .*$/m, `Subject: =?UTF-8?B?${Buffer.from('校园总体规划意见：停车').toString('base64')}?=`)
      .replace('nomarker-011', 'closed-plan'),
    'latin1',
  );
  const { outcome, stored } = await ingest(database.db, config, raw);
  expect(outcome).toMatchObject({ status: 'held', reason: 'plan_closed' });
  await database.db
    .update(plans)
    .set({ status: 'open', closesAt: new Date(Date.now() + 86_400_000) })
    .where(eq(plans.slug, 'nanhu-campus-master-plan'));
  expect((await retryInboundEmail(database.db, stored.id, { config }))?.status).toBe('ingested');
});

test('an attachment over 10 MB no longer holds the mail: the text is ingested, the file stays in the mail for staff', async () => {
  const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(11 * 1024 * 1024, 0x20)]);
  const raw = Buffer.from(
    [
      'From: big@example.edu.cn',
      'To: ghy@example.edu.cn',
      "Subject: '十四五'规划意见建议 大附件",
      'Message-ID: <oversized-014@mail.example.edu.cn>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="B"',
      '',
      '--B',
      'Content-Type: text/plain; charset=utf-8',
      '',
      '详见附件。',
      '--B',
      'Content-Type: application/pdf; name="big.pdf"',
      'Content-Disposition: attachment; filename="big.pdf"',
      'Content-Transfer-Encoding: base64',
      '',
      big.toString('base64').replace(/.{76}/g, '$&\r\n'),
      '--B--',
      '',
    ].join('\r\n'),
    'utf8',
  );
  const { outcome } = await ingest(database.db, config, raw);
  expect(outcome.status).toBe('ingested');
  const s = await suggestionView(database.db, outcome.suggestionId!);
  expect(s.row.body).toBe('详见附件。');
  expect(s.files).toEqual([]);
  expect(s.row.intakeMeta.attachmentsNotKept).toEqual([{ index: 0, filename: 'big.pdf', verdict: 'too_large' }]);
  // The sender gets the tracking code, not a request to send the mail again.
  expect(s.mail.map((m) => m.kind)).toEqual(['acknowledgement']);
});

test('replies to one sender are rate-limited; the suggestions are all kept', async () => {
  const sender = 'prolific@example.edu.cn';
  const results = [];
  for (let i = 0; i < 7; i++) {
    const raw = Buffer.from(
      `From: ${sender}\r\nSubject: =?UTF-8?B?${Buffer.from(`十四五规划意见建议 第${i}条`).toString('base64')}?=\r\nMessage-ID: <many-${i}@x>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n建议 ${i}\r\n`,
      'utf8',
    );
    results.push((await ingest(database.db, config, raw)).outcome);
  }
  expect(results.every((r) => r.status === 'ingested')).toBe(true);
  expect(await outboxMailTo(database.db, sender)).toHaveLength(5);
});

test('a message over INTAKE_MAX_BYTES is kept raw and held unparsed, and its sender gets the explanation', async () => {
  const small = readConfig({ DATABASE_URL: database.url, INTAKE_MAX_BYTES: '2048' });
  const raw = Buffer.from(
    `From: toolarge@example.edu.cn\r\nSubject: =?UTF-8?B?${Buffer.from("'十四五'规划意见建议 很长的信").toString('base64')}?=\r\nMessage-ID: <toolarge@x>\r\n\r\n${'长'.repeat(2000)}`,
    'utf8',
  );
  const { outcome, stored } = await ingest(database.db, small, raw);
  expect(outcome).toMatchObject({ status: 'held', reason: 'message_too_large' });
  const [row] = await database.db.select().from(inboundEmails).where(eq(inboundEmails.id, stored.id));
  expect(openRawEmail(contactKeyring(), row!)!.equals(raw)).toBe(true);
  // Sealed at rest: the stored bytes are not the message.
  expect(row!.raw!.includes(Buffer.from('toolarge@example.edu.cn'))).toBe(false);
  expect(row!.subject).toBe("'十四五'规划意见建议 很长的信");
  const notices = await outboxMailTo(database.db, 'toolarge@example.edu.cn');
  expect(notices).toHaveLength(1);
  expect(notices[0]).toMatchObject({ kind: 'held_notice' });
  expect(notices[0]!.headers).toMatchObject({ 'Auto-Submitted': 'auto-replied' });
});

test('an oversized auto-reply is held without an answer', async () => {
  const small = readConfig({ DATABASE_URL: database.url, INTAKE_MAX_BYTES: '2048' });
  const raw = Buffer.from(
    `From: robot@example.edu.cn\r\nAuto-Submitted: auto-replied\r\nSubject: x\r\nMessage-ID: <toolarge-robot@x>\r\n\r\n${'长'.repeat(2000)}`,
    'utf8',
  );
  expect((await ingest(database.db, small, raw)).outcome).toMatchObject({
    status: 'held',
    reason: 'message_too_large',
  });
  expect(await outboxMailTo(database.db, 'robot@example.edu.cn')).toHaveLength(0);
});

test('a real suggestion sent from a list or a noreply address can be rescued by a moderator, and is still never answered', async () => {
  const raw = Buffer.from(
    `From: noreply@news.example.edu.cn\r\nList-Id: <alumni.example.edu.cn>\r\nSubject: =?UTF-8?B?${Buffer.from('校友会转来的意见：食堂').toString('base64')}?=\r\nMessage-ID: <list-rescue@x>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n建议北区食堂延长营业时间，方便晚归的同学。\r\n`,
    'utf8',
  );
  const { outcome, stored } = await ingest(database.db, config, raw);
  expect(outcome.status).toBe('auto_reply');
  const [plan] = await database.db.select().from(plans).where(eq(plans.slug, 'nanhu-14th-five-year-plan'));
  const assigned = await assignInboundEmail(database.db, stored.id, plan!.id, { config });
  expect(assigned?.status).toBe('ingested');
  const s = await suggestionView(database.db, assigned!.suggestionId!);
  expect(s.row.body).toBe('建议北区食堂延长营业时间，方便晚归的同学。');
  expect(s.mail).toHaveLength(0);
});
