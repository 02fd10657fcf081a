import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, expect, test } from 'vitest';
import { suggestions } from '../../db/schema/index.ts';
import { permissionsOf } from '../../app/domain/authorization/permissions.ts';
import { publishReport } from '../../app/domain/exports/report.server.ts';
import type { PublicationConsent } from '../../app/domain/feedback/vocabulary.ts';
import { decideSuggestion } from '../../app/domain/moderation/decide-suggestion.server.ts';
import { updateSection } from '../../app/domain/plans/manage-sections.server.ts';
import { saveChangeNote } from '../../app/domain/versions/change-notes.server.ts';
import { publishVersion } from '../../app/domain/versions/publish-version.server.ts';
import { addCategories, addSections, createPlan } from '../factories/plans.ts';
import { createStaff } from '../factories/staff.ts';
import { createSuggestion } from '../factories/suggestions.ts';
import { setupTestDatabase } from '../setup/test-database.ts';
import { openForm, passToken, postSuggestion, setupTestPortal } from './helpers/test-portal.ts';

// Issue 10's consent matrix: one adopted, publishable suggestion per consent
// state, then every public page is scanned for each submitter's name, contact
// details and raw text. A name may appear only with 署名公开, a summary only
// with 署名公开 or 匿名公开, the submitted text and contacts never.

const database = setupTestDatabase();
const portal = setupTestPortal(database);

type Case = {
  consent: PublicationConsent;
  code: string;
  name: string;
  unit: string;
  phone: string;
  email: string;
  body: string;
  summary: string;
};
type Context = { slug: string; cases: Case[] };

// Every public page that could show a suggestion. Adding a page is one line.
const publicPages: { name: string; url: (c: Context) => string; listsSuggestions: boolean }[] = [
  { name: 'home', url: () => '/', listsSuggestions: false },
  { name: 'plan page', url: (c) => `/plans/${c.slug}`, listsSuggestions: false },
  { name: 'adoption report', url: (c) => `/plans/${c.slug}/report`, listsSuggestions: true },
  { name: 'comparison table (修改对照表)', url: (c) => `/plans/${c.slug}/compare?from=1&to=2`, listsSuggestions: true },
  { name: 'version 2 of the draft', url: (c) => `/plans/${c.slug}/versions/2`, listsSuggestions: false },
  { name: 'suggestion form', url: (c) => `/plans/${c.slug}/suggest`, listsSuggestions: false },
  { name: 'track (no proof)', url: () => '/track', listsSuggestions: false },
  ...(['named', 'anonymous', 'none'] as const).map((consent) => ({
    name: `receipt of the ${consent} suggestion`,
    url: (c: Context) => `/receipt/${c.cases.find((x) => x.consent === consent)!.code}`,
    listsSuggestions: false,
  })),
];

const context = {} as Context;

beforeAll(async () => {
  const plan = await createPlan(database.db);
  await addCategories(database.db, plan.id, ['人才培养']);
  const staff = await createStaff(database.db, { role: 'moderator' });
  const moderator = { id: staff.id, permissions: permissionsOf('moderator', []) };
  context.slug = plan.slug;
  context.cases = [];
  for (const consent of ['named', 'anonymous', 'none'] as const) {
    const tag = crypto.randomBytes(3).toString('hex');
    const c = {
      consent,
      name: `欧阳${tag}`,
      unit: `单位${tag}`,
      phone: `1390000${String(context.cases.length).padStart(4, '0')}`,
      email: `p-${tag}@example.edu.cn`,
      body: `原文内容${tag}不应公开`,
      summary: `整理摘要${tag}`,
    };
    const saved = await createSuggestion(database.db, plan.id, {
      body: c.body,
      publicationConsent: consent,
      contact: { name: c.name, unit: c.unit, phone: c.phone, email: c.email },
    });
    await decideSuggestion(database.db, {
      id: saved.id,
      actor: moderator,
      input: {
        decision: 'adopted',
        reason: '采纳',
        publicReply: `答复${tag}`,
        publicSummary: c.summary,
        publishable: true,
      },
    });
    context.cases.push({ ...c, code: saved.trackingCode });
  }
  await publishReport(database.db, plan.id);

  // A revised draft whose one change cites all three suggestions.
  const admin = { id: (await createStaff(database.db, { role: 'admin', totp: true })).id, permissions: permissionsOf('admin', []) };
  const [section] = await addSections(database.db, plan.id, ['人才培养']);
  const fields = { level: 1 as const, number: section!.number, heading: section!.heading, bodyMarkdown: '增设跨学科辅修专业。' };
  await updateSection(database.db, { planId: plan.id, sectionId: section!.id, fields, viewer: admin, ip: '192.0.2.9' });
  expect(await publishVersion(database.db, { planId: plan.id, note: '', viewer: admin, ip: '192.0.2.9' })).toEqual({ ok: true, number: 2 });
  const codes = context.cases.map((c) => c.code).join('，');
  const saved = await saveChangeNote(database.db, { planId: plan.id, number: 2, sectionKey: section!.id, reason: '采纳意见。', codes, viewer: admin, ip: '192.0.2.9' });
  expect(saved).toEqual({ ok: true });
});

test.each(publicPages)('$name honours every consent state', async (page) => {
  const response = await fetch(`${portal.url}${page.url(context)}`);
  expect(response.status).toBe(200);
  const html = await response.text();
  for (const c of context.cases) {
    // Never: the submitted text or any contact detail other than a consented name.
    for (const secret of [c.body, c.unit, c.phone, c.email])
      expect(html, `${c.consent}: ${secret}`).not.toContain(secret);
    expect(html.includes(c.name), `${c.consent}: name`).toBe(page.listsSuggestions && c.consent === 'named');
    expect(html.includes(c.summary), `${c.consent}: summary`).toBe(page.listsSuggestions && c.consent !== 'none');
  }
});

test('/track shows nothing of another person’s suggestion without the right contact', async () => {
  for (const c of context.cases) {
    const response = await fetch(`${portal.url}/track`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: portal.url },
      body: new URLSearchParams({ code: c.code, contact: 'stranger@example.com' }),
    });
    expect(response.status).toBe(404);
    const html = await response.text();
    for (const secret of [c.name, c.body, c.summary, c.email]) expect(html).not.toContain(secret);
  }
});

test('the web form stores 不公开 when nothing is chosen, and the choice when one is', async () => {
  const slug = 'nanhu-consent-form';
  const plan = await createPlan(database.db, { slug });
  const [category] = await addCategories(database.db, plan.id, ['其他']);
  const post = async (extra: Record<string, string>) => {
    const form = await openForm(portal, slug);
    expect(form.html).toContain('name="publication"');
    const response = await postSuggestion(portal, slug, {
      fields: {
        intakeKey: form.intakeKey,
        categoryId: String(category!.id),
        title: '公开方式测试',
        body: '建议增加公开方式的说明文字。',
        submitterType: '教职工',
        email: 'form@example.edu.cn',
        consent: 'on',
        'captcha-token': passToken(),
        ...extra,
      },
    });
    return response;
  };
  const consentOf = async (response: Response) => {
    expect(response.status).toBe(303);
    const code = response.headers.get('location')!.split('/').pop()!;
    return (
      await database.db
        .select({ c: suggestions.publicationConsent })
        .from(suggestions)
        .where(eq(suggestions.trackingCode, code))
    )[0]!.c;
  };
  expect(await consentOf(await post({}))).toBe('none');
  expect(await consentOf(await post({ publication: 'anonymous' }))).toBe('anonymous');
  expect(await consentOf(await post({ publication: 'named', name: '实名者' }))).toBe('named');

  // 署名公开 without a name is refused with a clear message, and a made-up choice too.
  const noName = await post({ publication: 'named' });
  expect(noName.status).toBe(400);
  expect(await noName.text()).toContain('选择“署名公开”时请填写姓名');
  const bogus = await post({ publication: 'everyone' });
  expect(bogus.status).toBe(400);
  expect(await bogus.text()).toContain('请选择公开方式');
});
