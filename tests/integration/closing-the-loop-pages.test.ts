import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, test } from 'vitest';
import {
  auditLog,
  outboxMessages,
  plans,
  publicationConsentChanges,
  suggestionContacts,
  suggestionRatings,
  suggestions,
  suggestionTextOriginals,
} from '../../db/schema/index.ts';
import { permissionsOf } from '../../app/domain/authorization/permissions.ts';
import { planDashboard } from '../../app/domain/exports/dashboard.server.ts';
import { getPublicReport, publishReport } from '../../app/domain/exports/report.server.ts';
import { decideSuggestion, moveSuggestion } from '../../app/domain/moderation/decide-suggestion.server.ts';
import { replyToSubmitter } from '../../app/domain/moderation/reply-to-submitter.server.ts';
import { rateByTracking } from '../../app/domain/feedback/ratings.server.ts';
import { addCategories, createPlan } from '../factories/plans.ts';
import { createStaff, signIn } from '../factories/staff.ts';
import { createSuggestion } from '../factories/suggestions.ts';
import { setupTestDatabase } from '../setup/test-database.ts';
import { setupTestPortal } from './helpers/test-portal.ts';
import { outboxMail } from '../factories/sealed.ts';

const database = setupTestDatabase();
const portal = setupTestPortal(database);
const DAY = 24 * 3600 * 1000;
let moderator: { id: number; permissions: ReturnType<typeof permissionsOf> };
let adminCookie: string;

beforeAll(async () => {
  const staff = await createStaff(database.db, { role: 'moderator' });
  moderator = { id: staff.id, permissions: permissionsOf('moderator', []) };
  adminCookie = `jianyan_staff=${await signIn(database.db, (await createStaff(database.db, { role: 'admin', totp: true })).id)}`;
});

const post = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(`${portal.url}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: portal.url, ...headers },
    body: new URLSearchParams(fields),
  });
const decide = (
  id: number,
  decision: 'adopted' | 'partially_adopted' | 'not_adopted' = 'adopted',
  publicReply?: string,
) =>
  decideSuggestion(database.db, {
    id,
    actor: moderator,
    input: { decision, reason: '理由', publicReply, publishable: false },
  });

test('the plan page counts submitters and suggestions and shows the days left', async () => {
  const plan = await createPlan(database.db, {
    opensAt: new Date(Date.now() - DAY),
    closesAt: new Date(Date.now() + 40 * DAY - 3600_000),
  });
  const same = { name: '甲', email: 'Same@Example.edu.cn' };
  await createSuggestion(database.db, plan.id, { contact: same });
  await createSuggestion(database.db, plan.id, { contact: { ...same, email: 'same@example.edu.cn' } });
  await createSuggestion(database.db, plan.id, { contact: { phone: '138-0000-1111' } });
  await createSuggestion(database.db, plan.id, { contact: { phone: '13800001111' } });
  await createSuggestion(database.db, plan.id, { contact: {} });
  await createSuggestion(database.db, plan.id, {
    contact: { email: 'held@example.edu.cn' },
    status: 'pending_verification',
    heldReason: 'captcha_missing',
  });
  const spam = await createSuggestion(database.db, plan.id, { contact: { email: 'spam@example.edu.cn' } });
  await moveSuggestion(database.db, {
    id: spam.id,
    move: 'reject_spam',
    actor: moderator,
    siteUrl: 'https://jianyan.example.edu.cn',
  });

  const html = await (await fetch(`${portal.url}/plans/${plan.slug}`)).text();
  expect(html).toMatch(/data-testid="counter-submitters">3</);
  expect(html).toMatch(/data-testid="counter-suggestions">5</);
  expect(html).toMatch(/data-testid="counter-days-left">40</);
  expect(html).toContain('参与人数');
});

test('a closed plan shows its counters without days left', async () => {
  const plan = await createPlan(database.db, {
    status: 'closed',
    opensAt: new Date(Date.now() - 40 * DAY),
    closesAt: new Date(Date.now() - DAY),
  });
  await createSuggestion(database.db, plan.id);
  const html = await (await fetch(`${portal.url}/plans/${plan.slug}`)).text();
  expect(html).toMatch(/data-testid="counter-suggestions">1</);
  expect(html).not.toContain('counter-days-left');
});

test('a window under 30 days: staff are warned, must give a reason, and the public sees it', async () => {
  const plan = await createPlan(database.db, { status: 'draft' });
  const fields = {
    intent: 'save',
    slug: plan.slug,
    title: plan.title,
    opensAt: '2027-01-01T09:00',
    closesAt: '2027-01-15T17:00',
    bodyMinLength: '10',
    bodyMaxLength: '5000',
    submitterTypes: '教职工',
  };
  const refused = await post(`/admin/plans/${plan.id}`, fields, { cookie: adminCookie });
  expect(refused.status).toBe(400);
  const page = await refused.text();
  expect(page).toContain('征集期少于 30 日，请填写理由');
  expect(page).toContain('第十五条');
  expect((await database.db.select().from(plans).where(eq(plans.id, plan.id)))[0]!.closesAt).toEqual(plan.closesAt);

  const reason = '上级要求在寒假前完成征求意见，征集期为两周';
  const saved = await post(
    `/admin/plans/${plan.id}`,
    { ...fields, shortWindowReason: reason },
    { cookie: adminCookie },
  );
  expect(saved.status).toBe(302);
  const [row] = await database.db.select().from(plans).where(eq(plans.id, plan.id));
  expect(row!.shortWindowReason).toBe(reason);
  const editPage = await (
    await fetch(`${portal.url}/admin/plans/${plan.id}`, { headers: { cookie: adminCookie } })
  ).text();
  expect(editPage).toContain('id="short-window-warning"');

  await database.db.update(plans).set({ status: 'open' }).where(eq(plans.id, plan.id));
  const publicPage = await (await fetch(`${portal.url}/plans/${plan.slug}`)).text();
  expect(publicPage).toContain(reason);

  // Lengthened to 30 days or more, the reason is no longer needed and is dropped.
  const longer = await post(
    `/admin/plans/${plan.id}`,
    { ...fields, closesAt: '2027-02-01T09:00', shortWindowReason: reason },
    { cookie: adminCookie },
  );
  expect(longer.status).toBe(302);
  expect((await database.db.select().from(plans).where(eq(plans.id, plan.id)))[0]!.shortWindowReason).toBeNull();
});

test('the public report adds the reply rate, the median days to decision and the ratings by category', async () => {
  const plan = await createPlan(database.db);
  const [teaching, campus] = await addCategories(database.db, plan.id, ['教学', '校园']);
  const at = (days: number) => new Date(Date.now() - days * DAY);
  const a = await createSuggestion(database.db, plan.id, { categoryId: teaching!.id, submittedAt: at(10) });
  const b = await createSuggestion(database.db, plan.id, { categoryId: teaching!.id, submittedAt: at(4) });
  const c = await createSuggestion(database.db, plan.id, { categoryId: campus!.id, submittedAt: at(2) });
  await createSuggestion(database.db, plan.id, { categoryId: campus!.id }); // still pending
  await decide(a.id, 'adopted', '已采纳'); // public reply
  await decide(b.id, 'not_adopted'); // no reply at all
  await decide(c.id, 'partially_adopted');
  await replyToSubmitter(database.db, { id: c.id, message: '邮件答复', actor: moderator }); // answered by email
  expect(
    await rateByTracking(database.db, {
      code: a.trackingCode,
      contact: '5678',
      rating: 'satisfied',
      raterIsStaff: false,
    }),
  ).toBe('rated');
  expect(
    await rateByTracking(database.db, {
      code: b.trackingCode,
      contact: '5678',
      rating: 'dissatisfied',
      raterIsStaff: false,
    }),
  ).toBe('rated');
  expect(
    await rateByTracking(database.db, {
      code: c.trackingCode,
      contact: '5678',
      rating: 'basically_satisfied',
      raterIsStaff: false,
    }),
  ).toBe('rated');
  await publishReport(database.db, plan.id);

  const report = await getPublicReport(database.db, plan.slug);
  expect(report!.figures).toMatchObject({ total: 4, replied: 2, medianDaysToDecision: 4 });
  expect(report!.figures.satisfaction).toEqual([
    { category: '教学', satisfied: 1, basicallySatisfied: 0, dissatisfied: 1 },
    { category: '校园', satisfied: 0, basicallySatisfied: 1, dissatisfied: 0 },
  ]);
  const html = await (await fetch(`${portal.url}/plans/${plan.slug}/report`)).text();
  expect(html).toMatch(/data-testid="reply-rate">50%（2 \/ 4）/);
  expect(html).toMatch(/data-testid="median-days">4 天/);
  expect(html).toContain('提出人对办理情况的评价（按类别）');

  // The staff dashboard counts the same ratings.
  const dashboard = await planDashboard(database.db, plan.id);
  expect(dashboard.satisfactionByCategory).toEqual([
    { label: '教学', satisfied: 1, basicallySatisfied: 0, dissatisfied: 1, rated: 2 },
    { label: '校园', satisfied: 0, basicallySatisfied: 1, dissatisfied: 0, rated: 1 },
  ]);
});

test('/track: the timeline, then a rating behind the same code + contact check, once', async () => {
  const plan = await createPlan(database.db);
  const s = await createSuggestion(database.db, plan.id);
  const before = await (await post('/track', { code: s.trackingCode, contact: '5678' })).text();
  expect(before).toContain('data-step="inReview"');
  expect(before).not.toContain('name="rating"');
  expect(
    (await post('/track', { intent: 'rate', code: s.trackingCode, contact: '5678', rating: 'satisfied' })).status,
  ).toBe(400);

  await moveSuggestion(database.db, {
    id: s.id,
    move: 'start_review',
    actor: moderator,
    siteUrl: 'https://jianyan.example.edu.cn',
  });
  await decide(s.id, 'partially_adopted', '部分采纳，见第二章');
  const after = await (await post('/track', { code: s.trackingCode, contact: '5678' })).text();
  expect(after).toMatch(/data-step="decided"[^>]*><span class="timeline__label">办结（部分采纳）/);
  expect(after).toContain('name="rating"');

  const wrong = await post('/track', { intent: 'rate', code: s.trackingCode, contact: '0000', rating: 'satisfied' });
  expect(wrong.status).toBe(404);
  const rated = await post('/track', {
    intent: 'rate',
    code: s.trackingCode,
    contact: '5678',
    rating: 'basically_satisfied',
    comment: '还可以',
  });
  expect(rated.status).toBe(200);
  expect(await rated.text()).toContain('感谢您的评价');
  const again = await post('/track', {
    intent: 'rate',
    code: s.trackingCode,
    contact: 'zhang@example.edu.cn',
    rating: 'dissatisfied',
  });
  expect(again.status).toBe(400);
  expect(await again.text()).toContain('每条只能评价一次');
  const rows = await database.db.select().from(suggestionRatings).where(eq(suggestionRatings.suggestionId, s.id));
  expect(rows).toEqual([expect.objectContaining({ rating: 'basically_satisfied', comment: '还可以' })]);
});

test('the decision email link opens a rating page that shows no reply or contact, and refuses a second use', async () => {
  const plan = await createPlan(database.db);
  const s = await createSuggestion(database.db, plan.id);
  await decideSuggestion(database.db, {
    id: s.id,
    actor: moderator,
    input: { decision: 'adopted', reason: '可行', publicReply: '答复正文只在邮件和查询页', publishable: false },
    siteUrl: portal.url,
  });
  const [mail] = (await outboxMail(database.db, eq(outboxMessages.suggestionId, s.id))).filter(
    (m) => m.kind === 'decision',
  );
  const link = /https?:\/\/[^\s"<>]+\/rate\/[A-Za-z0-9_-]{43}/.exec(mail!.text)![0];
  const page = await fetch(link);
  expect(page.status).toBe(200);
  // The last Referrer-Policy value wins in browsers (the server's default comes first).
  expect(page.headers.get('referrer-policy')).toMatch(/(^|, )no-referrer$/);
  const html = await page.text();
  expect(html).toContain('name="rating"');
  for (const secret of ['答复正文只在邮件和查询页', 'zhang@example.edu.cn', '13812345678', '张三丰', s.trackingCode])
    expect(html).not.toContain(secret);

  const path = new URL(link).pathname;
  expect((await post(path, { rating: 'nope' })).status).toBe(400);
  const rated = await post(path, { rating: 'satisfied', comment: '很好' });
  expect(rated.status).toBe(200);
  expect(await rated.text()).toContain('感谢您的评价');
  expect((await post(path, { rating: 'dissatisfied' })).status).toBe(404);
  expect(await (await fetch(link)).text()).toContain('此评价链接无效、已使用或已过期');
  expect((await fetch(`${portal.url}/rate/not-a-token`)).status).toBe(200);
});

test('a browser signed in as staff cannot rate, neither on /track nor by the mailed link, and the masked phone gives no proof', async () => {
  const plan = await createPlan(database.db);
  const s = await createSuggestion(database.db, plan.id);
  await decideSuggestion(database.db, {
    id: s.id,
    actor: moderator,
    input: { decision: 'adopted', reason: '可行', publicReply: '已采纳', publishable: false },
    siteUrl: portal.url,
  });
  // What any staff member sees of the phone cannot be used as the /track proof.
  const staffView = await (
    await fetch(`${portal.url}/admin/suggestions/${s.id}`, { headers: { cookie: adminCookie } })
  ).text();
  expect(staffView).toContain('138********');
  expect(staffView).not.toContain('5678');

  const asStaff = await post(
    '/track',
    { intent: 'rate', code: s.trackingCode, contact: '5678', rating: 'satisfied' },
    { cookie: adminCookie },
  );
  expect(asStaff.status).toBe(400);
  expect(await asStaff.text()).toContain('此浏览器已登录工作人员账号');
  const [mail] = (await outboxMail(database.db, eq(outboxMessages.suggestionId, s.id))).filter(
    (m) => m.kind === 'decision',
  );
  const path = new URL(/https?:\/\/[^\s"<>]+\/rate\/[A-Za-z0-9_-]{43}/.exec(mail!.text)![0]).pathname;
  const byLink = await post(path, { rating: 'satisfied' }, { cookie: adminCookie });
  expect(byLink.status).toBe(403);
  expect(await database.db.$count(suggestionRatings, eq(suggestionRatings.suggestionId, s.id))).toBe(0);
  // The submitter, in their own browser, still can.
  expect((await post(path, { rating: 'satisfied' })).status).toBe(200);
});

test('长辈模式 is switched by a plain form post: the cookie is set, the page comes back in the mode', async () => {
  const on = await post('/elder-mode', { elder: '1', returnTo: '/track?lng=en' });
  expect(on.status).toBe(303);
  expect(on.headers.get('location')).toBe('/track?lng=en');
  const cookie = on.headers.get('set-cookie')!;
  expect(cookie).toMatch(/^elder=1; Max-Age=31536000; Path=\/; SameSite=Lax/);
  const page = await (await fetch(`${portal.url}/track`, { headers: { cookie: 'elder=1' } })).text();
  expect(page).toMatch(/<html lang="zh-CN" class="elder">/);
  expect(page).toContain('退出长辈模式');
  const plain = await (await fetch(`${portal.url}/track`)).text();
  expect(plain).not.toContain('class="elder"');
  expect(plain).toMatch(/<form[^>]*action="\/elder-mode"/);

  const off = await post('/elder-mode', { elder: '0', returnTo: '/' });
  expect(off.headers.get('set-cookie')).toMatch(/^elder=; Max-Age=0/);
  for (const evil of ['//evil.example/', 'https://evil.example/', '/\\evil.example']) {
    expect((await post('/elder-mode', { elder: '1', returnTo: evil })).headers.get('location')).toBe('/');
  }
});

test('on /track the submitter changes their publication choice and deletes their contact details by the mailed link', async () => {
  const plan = await createPlan(database.db);
  // A signature in the text: its sealed original goes with the contact details (decision 057).
  const s = await createSuggestion(database.db, plan.id, {
    body: '建议在规划中增加具体措施和时间表。\n此致\n敬礼\n张三丰',
  });
  expect(await database.db.$count(suggestionTextOriginals, eq(suggestionTextOriginals.suggestionId, s.id))).toBe(1);
  const wrongProof = await post('/track', {
    intent: 'consent',
    code: s.trackingCode,
    contact: '0000',
    consent: 'named',
  });
  expect(wrongProof.status).toBe(404);
  const named = await post('/track', { intent: 'consent', code: s.trackingCode, contact: '5678', consent: 'named' });
  expect(named.status).toBe(200);
  expect(await named.text()).toContain('公开方式已保存');
  const [row] = await database.db
    .select({ consent: suggestions.publicationConsent })
    .from(suggestions)
    .where(eq(suggestions.id, s.id));
  expect(row!.consent).toBe('named');
  const [change] = await database.db
    .select()
    .from(publicationConsentChanges)
    .where(eq(publicationConsentChanges.suggestionId, s.id));
  expect(change).toMatchObject({ changedBy: 'submitter', actorId: null, toConsent: 'named' });
  expect(
    await database.db.$count(
      auditLog,
      and(eq(auditLog.action, 'contact.consent_changed'), eq(auditLog.targetId, String(s.id))),
    ),
  ).toBe(1);

  // Deletion needs the explicit confirmation, then a link mailed to the address on file.
  expect((await post('/track', { intent: 'delete-contact', code: s.trackingCode, contact: '5678' })).status).toBe(400);
  const asked = await post('/track', {
    intent: 'delete-contact',
    code: s.trackingCode,
    contact: '5678',
    confirm: 'yes',
  });
  expect(await asked.text()).toContain('确认邮件');
  expect(await database.db.$count(suggestionContacts, eq(suggestionContacts.suggestionId, s.id))).toBe(1);
  const [mail] = await outboxMail(
    database.db,
    and(eq(outboxMessages.suggestionId, s.id), eq(outboxMessages.kind, 'confirm_deletion')),
  );
  expect(mail!.toAddress).toBe('zhang@example.edu.cn');
  const link = /https?:\/\/[^\s"<>]+\/track\/delete\/[A-Za-z0-9_-]{43}/.exec(mail!.text)![0];
  // Opening the link (as a mail scanner would) deletes nothing.
  expect((await fetch(link)).status).toBe(200);
  expect(await database.db.$count(suggestionContacts, eq(suggestionContacts.suggestionId, s.id))).toBe(1);
  const confirmed = await post(new URL(link).pathname, {});
  expect(confirmed.status).toBe(200);
  expect(await confirmed.text()).toContain('您的联系方式已删除');
  expect(await database.db.$count(suggestionContacts, eq(suggestionContacts.suggestionId, s.id))).toBe(0);
  expect(await database.db.$count(suggestionTextOriginals, eq(suggestionTextOriginals.suggestionId, s.id))).toBe(0);
  expect(
    (await outboxMail(database.db, eq(outboxMessages.suggestionId, s.id))).filter(
      (m) => m.toAddress === 'zhang@example.edu.cn',
    ),
  ).toHaveLength(0);
  expect(
    await database.db.$count(
      auditLog,
      and(eq(auditLog.action, 'contact.deleted'), eq(auditLog.targetId, String(s.id))),
    ),
  ).toBe(1);
  // The suggestion stays; the link is spent; and no proof opens /track any more.
  expect(await database.db.$count(suggestions, eq(suggestions.id, s.id))).toBe(1);
  expect((await post(new URL(link).pathname, {})).status).toBe(404);
  expect((await post('/track', { code: s.trackingCode, contact: '5678' })).status).toBe(404);
});
