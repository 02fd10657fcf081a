import crypto from 'node:crypto';
import fs from 'node:fs';
import JSZip from 'jszip';
import { eq } from 'drizzle-orm';
import { beforeAll, expect, test } from 'vitest';
import { suggestions } from '../../db/schema/index.ts';
import { permissionsOf } from '../../app/domain/authorization/permissions.ts';
import { publishReport } from '../../app/domain/exports/report.server.ts';
import { issueRatingToken } from '../../app/domain/feedback/ratings.server.ts';
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
type Context = { slug: string; cases: Case[]; rateTokens: Record<PublicationConsent, string> };
type Page = {
  name: string;
  file: string;
  url: (c: Context) => string;
  listsSuggestions: boolean;
  read?: (response: Response) => Promise<string>;
};

/** The text of a Word file's body, as a reader sees it. */
async function docxText(response: Response): Promise<string> {
  expect(response.headers.get('content-type')).toContain('wordprocessingml');
  const zip = await JSZip.loadAsync(await response.arrayBuffer());
  const xml = await zip.file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

const perConsent = (name: string, file: string, url: (c: Context, consent: PublicationConsent) => string): Page[] =>
  (['named', 'anonymous', 'none'] as const).map((consent) => ({
    name: `${name} of the ${consent} suggestion`,
    file,
    url: (c: Context) => url(c, consent),
    listsSuggestions: false,
  }));

// Every public page that could show a suggestion. Adding a page is one line;
// the last test fails when app/routes.ts gains a public route missing here.
const publicPages: Page[] = [
  { name: 'home', file: 'home.tsx', url: () => '/', listsSuggestions: false },
  { name: 'plan page', file: 'plan.tsx', url: (c) => `/plans/${c.slug}`, listsSuggestions: false },
  { name: 'adoption report', file: 'plan-report.tsx', url: (c) => `/plans/${c.slug}/report`, listsSuggestions: true },
  {
    name: 'comparison table (修改对照表)',
    file: 'plan-compare.tsx',
    url: (c) => `/plans/${c.slug}/compare?from=1&to=2`,
    listsSuggestions: true,
  },
  {
    name: 'comparison table as Word',
    file: 'plan-compare-docx.ts',
    url: (c) => `/plans/${c.slug}/compare/docx?from=1&to=2`,
    listsSuggestions: true,
    read: docxText,
  },
  {
    name: 'version 2 of the draft',
    file: 'plan-version.tsx',
    url: (c) => `/plans/${c.slug}/versions/2`,
    listsSuggestions: false,
  },
  { name: 'suggestion form', file: 'suggest.tsx', url: (c) => `/plans/${c.slug}/suggest`, listsSuggestions: false },
  { name: 'track (no proof)', file: 'track.tsx', url: () => '/track', listsSuggestions: false },
  {
    name: 'deletion link (unknown token)',
    file: 'track-delete.tsx',
    url: () => '/track/delete/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    listsSuggestions: false,
  },
  { name: 'privacy notice', file: 'privacy.tsx', url: () => '/privacy', listsSuggestions: false },
  {
    name: 'page not found',
    file: 'not-found.tsx',
    url: (c) => `/plans/${c.slug}/no-such-page`,
    listsSuggestions: false,
  },
  ...perConsent(
    'receipt',
    'receipt.tsx',
    (c, consent) => `/receipt/${c.cases.find((x) => x.consent === consent)!.code}`,
  ),
  ...perConsent('rating link', 'rate.tsx', (c, consent) => `/rate/${c.rateTokens[consent]}`),
];
// Public routes that show no suggestion at all, and why.
const withoutSuggestions: Record<string, string> = {
  'elder-mode.ts': 'sets a display preference and redirects',
  'healthz.ts': 'answers "ok" for monitoring',
  'api/intake-email.ts': 'a bearer-token endpoint for the mail server, not a page',
};

const context = {} as Context;

beforeAll(async () => {
  const plan = await createPlan(database.db);
  await addCategories(database.db, plan.id, ['人才培养']);
  const staff = await createStaff(database.db, { role: 'moderator' });
  const moderator = { id: staff.id, permissions: permissionsOf('moderator', []) };
  context.slug = plan.slug;
  context.cases = [];
  context.rateTokens = {} as Context['rateTokens'];
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
    // The link a decision mail carries, so the submitter can rate the handling.
    context.rateTokens[consent] = await issueRatingToken(database.db, saved.id);
  }
  await publishReport(database.db, plan.id);

  // A revised draft whose one change cites all three suggestions.
  const admin = {
    id: (await createStaff(database.db, { role: 'admin', totp: true })).id,
    permissions: permissionsOf('admin', []),
  };
  const [section] = await addSections(database.db, plan.id, ['人才培养']);
  const fields = {
    level: 1 as const,
    number: section!.number,
    heading: section!.heading,
    bodyMarkdown: '增设跨学科辅修专业。',
  };
  await updateSection(database.db, { planId: plan.id, sectionId: section!.id, fields, viewer: admin, ip: '192.0.2.9' });
  expect(await publishVersion(database.db, { planId: plan.id, note: '', viewer: admin, ip: '192.0.2.9' })).toEqual({
    ok: true,
    number: 2,
  });
  const codes = context.cases.map((c) => c.code).join('，');
  const saved = await saveChangeNote(database.db, {
    planId: plan.id,
    number: 2,
    sectionKey: section!.id,
    reason: '采纳意见。',
    codes,
    viewer: admin,
    ip: '192.0.2.9',
  });
  expect(saved).toEqual({ ok: true });
});

test.each(publicPages)('$name honours every consent state', async (page) => {
  const response = await fetch(`${portal.url}${page.url(context)}`);
  expect(response.status).toBe(page.file === 'not-found.tsx' ? 404 : 200);
  const html = page.read ? await page.read(response) : await response.text();
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

// The 附议 page (decision 048) shows one suggestion's public summary, never a
// name: it exists only for 署名公开 and 匿名公开; for 不公开 it is a 404. The
// similar-suggestions list of the form is checked the same way, from the
// button and as one types (/plans/:slug/similar).
test('the support page and the similar list honour every consent state', async () => {
  const similar = new FormData();
  similar.append('title', '人才培养');
  // Words of every case's text, but not the text itself: the form echoes what was typed.
  similar.append('body', '原文内容不应公开');
  const listHtml = await (
    await fetch(`${portal.url}/plans/${context.slug}/suggest?similar`, {
      method: 'POST',
      body: similar,
      headers: { origin: portal.url },
    })
  ).text();
  // The same list as the form's JavaScript asks for it while one types (decision 049).
  const live = new FormData();
  live.append('title', '人才培养');
  live.append('body', '原文内容不应公开');
  const liveJson = await (
    await fetch(`${portal.url}/plans/${context.slug}/similar`, {
      method: 'POST',
      body: live,
      headers: { origin: portal.url },
    })
  ).text();
  for (const c of context.cases) {
    const [row] = await database.db
      .select({ id: suggestions.id })
      .from(suggestions)
      .where(eq(suggestions.trackingCode, c.code));
    const response = await fetch(`${portal.url}/plans/${context.slug}/support/${row!.id}`);
    expect(response.status, c.consent).toBe(c.consent === 'none' ? 404 : 200);
    const html = await response.text();
    for (const page of [html, listHtml, liveJson]) {
      for (const secret of [c.body, c.unit, c.phone, c.email, c.name, c.code])
        expect(page, `${c.consent}: ${secret}`).not.toContain(secret);
      expect(page.includes(c.summary), `${c.consent}: summary`).toBe(c.consent !== 'none');
    }
  }
});

test('the consent matrix covers every public route in app/routes.ts', () => {
  const table = fs.readFileSync('app/routes.ts', 'utf8');
  const files = [...table.matchAll(/'routes\/([^']+)'/g)].map((m) => m[1]!).filter((f) => !f.startsWith('admin/'));
  const covered = new Set([
    ...publicPages.map((p) => p.file),
    'support.tsx',
    'similar.ts',
    ...Object.keys(withoutSuggestions),
  ]);
  expect(files.filter((f) => !covered.has(f))).toEqual([]);
  expect(files.length).toBeGreaterThan(10);
});
