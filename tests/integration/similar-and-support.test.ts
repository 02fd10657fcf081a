import { eq } from 'drizzle-orm';
import { beforeAll, expect, test } from 'vitest';
import { suggestions, suggestionSupports } from '../../db/schema/index.ts';
import { publishReport } from '../../app/domain/exports/report.server.ts';
import type { PublicationConsent } from '../../app/domain/feedback/vocabulary.ts';
import { addCategories, createPlan } from '../factories/plans.ts';
import { createSuggestion } from '../factories/suggestions.ts';
import { setupTestDatabase } from '../setup/test-database.ts';
import { openForm, passToken, postSuggestion, setupTestPortal } from './helpers/test-portal.ts';

// Issue 18: "查找相似建议" on the public form and 附议, over HTTP against the
// real server and PostgreSQL, with the local fake hCaptcha.

const database = setupTestDatabase();
const portal = setupTestPortal(database);

type Made = { id: number; body: string; summary: string };
const ctx = {} as {
  slug: string;
  categoryId: string;
  published: Made;
  publishedAnonymous: Made;
  notPublishable: Made;
  noConsent: Made;
  noSummary: Made;
  otherPlan: Made;
  closedSlug: string;
  closedPublished: Made;
};

async function make(
  planId: number,
  body: string,
  state: { consent: PublicationConsent; publishable: boolean; summary: string | null },
): Promise<Made> {
  const saved = await createSuggestion(database.db, planId, {
    title: '食堂营业时间',
    body,
    publicationConsent: state.consent,
  });
  await database.db
    .update(suggestions)
    .set({ status: 'adopted', publishable: state.publishable, publicSummary: state.summary })
    .where(eq(suggestions.id, saved.id));
  return { id: saved.id, body, summary: state.summary ?? '' };
}

beforeAll(async () => {
  const plan = await createPlan(database.db, { slug: 'similar-open' });
  const [category] = await addCategories(database.db, plan.id, ['后勤保障']);
  ctx.slug = plan.slug;
  ctx.categoryId = String(category!.id);
  ctx.published = await make(plan.id, '建议延长食堂晚间营业时间，方便晚自习学生。原文甲一', {
    consent: 'named',
    publishable: true,
    summary: '摘要：延长食堂晚间营业时间',
  });
  ctx.publishedAnonymous = await make(plan.id, '食堂夜宵窗口营业时间太短。原文乙二', {
    consent: 'anonymous',
    publishable: true,
    summary: '摘要：增设食堂夜宵窗口',
  });
  ctx.notPublishable = await make(plan.id, '食堂营业时间应当延长。原文丙三', {
    consent: 'named',
    publishable: false,
    summary: '摘要：未标记可公开',
  });
  ctx.noConsent = await make(plan.id, '食堂营业时间延长到十点。原文丁四', {
    consent: 'none',
    publishable: true,
    summary: '摘要：不同意公开',
  });
  ctx.noSummary = await make(plan.id, '食堂营业时间需要调整。原文戊五', {
    consent: 'anonymous',
    publishable: true,
    summary: '  ',
  });
  const other = await createPlan(database.db, { slug: 'similar-other' });
  ctx.otherPlan = await make(other.id, '食堂营业时间的另一个规划。原文己六', {
    consent: 'named',
    publishable: true,
    summary: '摘要：别的规划的食堂',
  });
  const closed = await createPlan(database.db, { slug: 'similar-closed', status: 'closed' });
  ctx.closedSlug = closed.slug;
  ctx.closedPublished = await make(closed.id, '已结束规划的食堂营业时间。原文庚七', {
    consent: 'named',
    publishable: true,
    summary: '摘要：已结束规划的食堂',
  });
  await publishReport(database.db, plan.id);
});

const formOf = (fields: Record<string, string>) => {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return form;
};

const findSimilar = (fields: Record<string, string>) =>
  fetch(`${portal.url}/plans/${ctx.slug}/suggest?similar`, {
    method: 'POST',
    body: formOf(fields),
    headers: { origin: portal.url },
  });

const support = (slug: string, id: number, token: string, cookie?: string) =>
  fetch(`${portal.url}/plans/${slug}/support/${id}`, {
    method: 'POST',
    body: new URLSearchParams({ 'captcha-token': token }),
    redirect: 'manual',
    headers: {
      origin: portal.url,
      'content-type': 'application/x-www-form-urlencoded',
      ...(cookie ? { cookie } : {}),
    },
  });

const countSupports = async (id: number) =>
  database.db.$count(suggestionSupports, eq(suggestionSupports.suggestionId, id));

test('find similar keeps every typed field without JavaScript and stores nothing', async () => {
  const form = await openForm(portal, ctx.slug);
  const before = await database.db.$count(suggestions);
  const response = await findSimilar({
    intakeKey: form.intakeKey,
    categoryId: ctx.categoryId,
    title: '关于食堂营业时间',
    body: '希望食堂晚上营业时间再长一些。我的独特文字XYZ',
    submitterType: '在校学生',
    name: '李四',
    email: 'li@example.edu.cn',
    publication: 'anonymous',
    consent: 'on',
    'captcha-token': 'pass-should-not-echo',
  });
  expect(response.status).toBe(200);
  const html = await response.text();
  expect(html).toContain('value="关于食堂营业时间"');
  expect(html).toContain('我的独特文字XYZ');
  expect(html).toContain('value="li@example.edu.cn"');
  expect(html).toContain('value="李四"');
  expect(html).toContain(`value="${form.intakeKey}"`);
  expect(html).toMatch(/<input[^>]*value="在校学生"[^>]*checked|<input[^>]*checked[^>]*value="在校学生"/);
  expect(html).toMatch(/<input[^>]*value="anonymous"[^>]*checked|<input[^>]*checked[^>]*value="anonymous"/);
  expect(html).not.toContain('pass-should-not-echo');
  expect(html).toContain('如已选择附件，请在提交前重新选择');
  expect(await database.db.$count(suggestions)).toBe(before);
});

test('only published suggestions of the same plan appear, and only their summaries', async () => {
  const response = await findSimilar({ title: '食堂营业时间', body: '食堂晚上营业时间太短' });
  const html = await response.text();
  expect(html).toContain('相似的已公开建议');
  expect(html).toContain(ctx.published.summary);
  expect(html).toContain(ctx.publishedAnonymous.summary);
  expect(html).toContain(`/plans/${ctx.slug}/support/${ctx.published.id}`);
  for (const hidden of [ctx.notPublishable, ctx.noConsent, ctx.noSummary, ctx.otherPlan, ctx.closedPublished]) {
    expect(html).not.toContain(hidden.summary.trim() || 'never-empty');
    expect(html).not.toContain(`/support/${hidden.id}"`);
  }
  // Never anyone's submitted text, name or contact.
  for (const made of Object.values(ctx).filter((v): v is Made => typeof v === 'object' && v !== null && 'body' in v)) {
    expect(html).not.toContain(made.body);
  }
  expect(html).not.toContain('张三丰');
  expect(html).not.toContain('zhang@example.edu.cn');
});

test('a text sharing no word with any suggestion says so in a sentence', async () => {
  const html = await (await findSimilar({ title: '图书馆', body: '图书馆座位预约' })).text();
  expect(html).toContain('没有找到相似的已公开建议');
});

test('a support is counted once per supporter cookie, and a repeat gets the same thank-you', async () => {
  const page = await fetch(`${portal.url}/plans/${ctx.slug}/support/${ctx.published.id}`);
  expect(page.status).toBe(200);
  const pageHtml = await page.text();
  expect(pageHtml).toContain(ctx.published.summary);
  expect(pageHtml).not.toContain(ctx.published.body);

  const first = await support(ctx.slug, ctx.published.id, passToken());
  expect(first.status).toBe(200);
  const setCookie = first.headers.get('set-cookie')!;
  expect(setCookie).toMatch(/jianyan_supporter=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax/);
  expect(await first.text()).toContain('已附议');
  expect(await countSupports(ctx.published.id)).toBe(1);
  const cookie = setCookie.split(';')[0]!;
  // The raw id never reaches the database.
  const [row] = await database.db
    .select()
    .from(suggestionSupports)
    .where(eq(suggestionSupports.suggestionId, ctx.published.id));
  expect(row!.supporterHash).not.toContain(cookie.split('=')[1]!);

  const again = await support(ctx.slug, ctx.published.id, passToken(), cookie);
  expect(again.status).toBe(200);
  expect(again.headers.get('set-cookie')).toBeNull();
  expect(await again.text()).toContain('已附议');
  expect(await countSupports(ctx.published.id)).toBe(1);

  // Another person (another cookie) counts.
  expect((await support(ctx.slug, ctx.published.id, passToken())).status).toBe(200);
  expect(await countSupports(ctx.published.id)).toBe(2);

  // The count shows on the similar list and on the public report.
  const similarHtml = await (await findSimilar({ title: '食堂营业时间', body: '' })).text();
  expect(similarHtml).toContain('已有 2 人附议');
  const report = await (await fetch(`${portal.url}/plans/${ctx.slug}/report`)).text();
  expect(report).toContain('2 人附议');
});

test('a support for an unpublished, unconsented, other-plan or unknown suggestion is refused with a sentence', async () => {
  for (const id of [ctx.notPublishable.id, ctx.noConsent.id, ctx.noSummary.id, ctx.otherPlan.id, 999_999_999]) {
    const response = await support(ctx.slug, id, passToken());
    expect(response.status, String(id)).toBe(404);
    const html = await response.text();
    expect(html).not.toContain('已附议');
    expect(html).not.toContain(ctx.notPublishable.summary);
    expect(await countSupports(id)).toBe(0);
    expect((await fetch(`${portal.url}/plans/${ctx.slug}/support/${id}`)).status).toBe(404);
  }
  for (const raw of ['abc', '-1', '0', '1e3', '99999999999999999999']) {
    expect((await fetch(`${portal.url}/plans/${ctx.slug}/support/${raw}`)).status, raw).toBe(404);
  }
});

test('a support on a closed plan is refused with a sentence', async () => {
  const page = await (await fetch(`${portal.url}/plans/${ctx.closedSlug}/support/${ctx.closedPublished.id}`)).text();
  expect(page).toContain('本规划的意见征集已结束，不能再附议');
  const response = await support(ctx.closedSlug, ctx.closedPublished.id, passToken());
  expect(response.status).toBe(403);
  expect(await response.text()).toContain('本规划的意见征集已结束，不能再附议');
  expect(await countSupports(ctx.closedPublished.id)).toBe(0);
});

test('a failed, replayed or missing captcha is refused with a sentence and records nothing', async () => {
  const id = ctx.publishedAnonymous.id;
  const failed = await support(ctx.slug, id, 'fail-token');
  expect(failed.status).toBe(400);
  expect(await failed.text()).toContain('人机验证未通过或已过期，请重新完成验证后再附议');
  const missing = await support(ctx.slug, id, '');
  expect(missing.status).toBe(400);
  expect(await missing.text()).toContain('附议需要先完成人机验证');
  const token = passToken();
  expect((await support(ctx.slug, id, token)).status).toBe(200);
  const replay = await support(ctx.slug, id, token);
  expect(replay.status).toBe(400);
  expect(await countSupports(id)).toBe(1);
});

test('the web form still submits normally after a find-similar round', async () => {
  const form = await openForm(portal, ctx.slug);
  const response = await postSuggestion(portal, ctx.slug, {
    fields: {
      intakeKey: form.intakeKey,
      categoryId: ctx.categoryId,
      title: '食堂营业时间',
      body: '建议食堂晚上营业到十点。',
      submitterType: '在校学生',
      email: 'after@example.edu.cn',
      consent: 'on',
      'captcha-token': passToken(),
    },
  });
  expect(response.status).toBe(303);
});

// The JavaScript form asks as the visitor types (components/similar-as-you-type.tsx):
// fetch() posts title and body to /plans/:slug/similar, which answers JSON.
const findSimilarLive = (slug: string, fields: Record<string, string>) =>
  fetch(`${portal.url}/plans/${slug}/similar`, {
    method: 'POST',
    body: formOf(fields),
    headers: { origin: portal.url },
  });

test('as-you-type lookups answer the published summaries alone, and store nothing', async () => {
  const before = await database.db.$count(suggestions);
  const response = await findSimilarLive(ctx.slug, { title: '食堂营业时间', body: '食堂晚上营业时间太短' });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('application/json');
  const payload = await response.text();
  const ids = (JSON.parse(payload) as { similar: { id: number }[] }).similar.map((item) => item.id);
  expect(ids).toEqual(expect.arrayContaining([ctx.published.id, ctx.publishedAnonymous.id]));
  expect(payload).toContain(ctx.published.summary);
  expect(payload).toContain(ctx.publishedAnonymous.summary);
  for (const hidden of [ctx.notPublishable, ctx.noConsent, ctx.otherPlan, ctx.closedPublished]) {
    expect(payload).not.toContain(hidden.summary.trim() || 'never-empty');
  }
  for (const made of Object.values(ctx).filter((v): v is Made => typeof v === 'object' && v !== null && 'body' in v)) {
    expect(payload).not.toContain(made.body);
  }
  expect(payload).not.toContain('initialValue');
  expect(await database.db.$count(suggestions)).toBe(before);
});

test('as-you-type lookups on a closed plan or an unknown one are refused without a page', async () => {
  const closed = await findSimilarLive(ctx.closedSlug, { title: '食堂营业时间', body: '食堂晚上营业时间太短' });
  expect(closed.status).toBe(403);
  expect(await closed.json()).toEqual({ similar: [] });
  const unknown = await findSimilarLive('no-such-plan', { title: '食堂', body: '食堂晚上营业时间太短' });
  expect(unknown.status).toBe(404);
});
