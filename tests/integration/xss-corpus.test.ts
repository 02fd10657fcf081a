import { eq } from 'drizzle-orm';
import { beforeAll, expect, test } from 'vitest';
import { planSections, suggestions } from '../../db/schema/index.ts';
import { seedIfEmpty } from '../../scripts/seed.server.ts';
import { xssVectors } from '../fixtures/xss/vectors.ts';
import { addCategories, createPlan } from '../factories/plans.ts';
import { createStaff, signIn } from '../factories/staff.ts';
import { createSuggestion } from '../factories/suggestions.ts';
import { setupTestDatabase } from '../setup/test-database.ts';
import { readConfig } from '../../app/server/config.ts';
import { composeMail } from './helpers/compose-mail.ts';
import { ingest } from './helpers/email.ts';
import { cspNonceOf, findUnsafeMarkup, visibleText } from './helpers/unsafe-html.ts';
import { openForm, passToken, postSuggestion, setupTestPortal } from './helpers/test-portal.ts';

// Every vector of a public XSS corpus (tests/fixtures/xss/README.md) goes in
// as a suggestion's title, body and submitter name, and as plan section text
// (Markdown, the one field rendered as HTML); a sample also goes through the
// web form over HTTP. Each page that shows them is read back over HTTP and
// parsed by htmlparser2: no element, attribute or URL that could run script
// may come out, and the text a reader sees still holds what was typed.
const database = setupTestDatabase();
const portal = setupTestPortal(database, { RATE_LIMIT_SUBMIT_PER_HOUR: '100000', RATE_LIMIT_TRACK_PER_HOUR: '100000' });
const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();
const titleOf = (vector: string) => [...vector.trim()].slice(0, 100).join('');
let planId: number;
let slug: string;
let staffCookie: string;
const stored: { vector: string; id: number; trackingCode: string }[] = [];

beforeAll(async () => {
  await seedIfEmpty(database.db);
  const plan = await createPlan(database.db, { title: 'XSS 测试规划' });
  planId = plan.id;
  slug = plan.slug;
  await addCategories(database.db, planId, ['综合']);
  await database.db.insert(planSections).values(
    xssVectors.map(({ vector }, position) => ({
      planId,
      position,
      number: `第${position + 1}节`,
      heading: titleOf(vector),
      bodyMarkdown: vector,
    })),
  );
  for (const { vector } of xssVectors) {
    const { id, trackingCode } = await createSuggestion(database.db, planId, {
      title: titleOf(vector),
      body: `${vector}\n（以上为测试文本）`,
      contact: { name: [...vector.trim()].slice(0, 50).join(''), email: 'xss-test@example.edu.cn' },
    });
    stored.push({ vector, id, trackingCode });
  }
  const moderator = await createStaff(database.db, { role: 'moderator' });
  staffCookie = `jianyan_staff=${await signIn(database.db, moderator.id)}`;
}, 120_000);

async function page(path: string, cookie?: string) {
  const response = await fetch(`${portal.url}${path}`, { headers: cookie ? { cookie } : {} });
  expect(response.status, path).toBe(200);
  const html = await response.text();
  return { html, nonce: cspNonceOf(response) };
}

test(`the corpus holds at least 100 vectors`, () => {
  expect(xssVectors.length).toBeGreaterThanOrEqual(100);
});

test('plan text in Markdown: every vector is sanitized on the public plan page', async () => {
  const { html, nonce } = await page(`/plans/${slug}`);
  expect(findUnsafeMarkup(html, nonce)).toEqual([]);
  const text = visibleText(html);
  // Headings are plain text: each must read exactly as typed.
  for (const { vector } of xssVectors) expect(text, vector).toContain(squeeze(titleOf(vector)));
});

test('each suggestion as the submitter sees it (receipt) and as staff see it (detail): escaped, never executable', async () => {
  for (const { vector, id, trackingCode } of stored) {
    const receipt = await page(`/receipt/${trackingCode}`);
    expect(findUnsafeMarkup(receipt.html, receipt.nonce), `receipt for ${vector}`).toEqual([]);
    const detail = await page(`/admin/suggestions/${id}`, staffCookie);
    expect(findUnsafeMarkup(detail.html, detail.nonce), `staff detail for ${vector}`).toEqual([]);
    const text = visibleText(detail.html);
    expect(text, vector).toContain(squeeze(titleOf(vector)));
    expect(text, vector).toContain(squeeze(vector));
  }
}, 300_000);

test('the staff queue and search snippets show the vectors as text', async () => {
  const queue = await page(`/admin/suggestions?plan=${planId}`, staffCookie);
  expect(findUnsafeMarkup(queue.html, queue.nonce)).toEqual([]);
  for (const q of ['alert', 'script', 'onerror', 'javascript']) {
    const search = await page(`/admin/suggestions?plan=${planId}&q=${encodeURIComponent(q)}`, staffCookie);
    expect(findUnsafeMarkup(search.html, search.nonce), q).toEqual([]);
    expect(search.html, q).toContain('search-snippet');
  }
});

test('through the web form over HTTP: the stored text is what was typed, and its pages stay inert', async () => {
  const sample = xssVectors.filter((_, i) => i % 10 === 0);
  for (const { vector } of sample) {
    const form = await openForm(portal, 'nanhu-14th-five-year-plan');
    const response = await postSuggestion(portal, 'nanhu-14th-five-year-plan', {
      fields: {
        intakeKey: form.intakeKey,
        categoryId: form.categoryId,
        title: titleOf(vector),
        body: `${vector}（测试）`,
        submitterType: '在校学生',
        name: [...vector.trim()].slice(0, 50).join(''),
        email: 'xss-form@example.edu.cn',
        consent: 'on',
        'captcha-token': passToken(),
      },
    });
    expect(response.status, vector).toBe(303);
    const code = response.headers.get('location')!.split('/').pop()!;
    const [row] = await database.db.select().from(suggestions).where(eq(suggestions.trackingCode, code));
    expect(row!.title).toBe(titleOf(vector).trim());
    const receipt = await page(`/receipt/${code}`);
    expect(findUnsafeMarkup(receipt.html, receipt.nonce), vector).toEqual([]);
    const detail = await page(`/admin/suggestions/${row!.id}`, staffCookie);
    expect(findUnsafeMarkup(detail.html, detail.nonce), vector).toEqual([]);
  }
}, 300_000);

test('through mail: subject, text, HTML part and attachment name carry the vectors; the suggestion, the inbox and the mail view stay inert', async () => {
  const config = readConfig({ DATABASE_URL: database.url, PUBLIC_URL: 'https://jianyan.example.edu.cn' });
  const reader = await createStaff(database.db, { role: 'moderator', grants: ['read:contact:any'], totp: true });
  const readerCookie = `jianyan_staff=${await signIn(database.db, reader.id)}`;
  const sample = xssVectors.filter((_, i) => i % 5 === 0);
  let suggestionsSeen = 0;
  let mailViewsSeen = 0;
  for (const [i, { vector }] of sample.entries()) {
    const raw = await composeMail({
      // The marker of the demo consultation, then the vector.
      subject: `'十四五'规划意见建议 ${vector}`,
      text: `${vector}\n以上为测试文本。`,
      html: `<p>${vector}</p><p>以上为测试文本。</p>`,
      attachments: [{ filename: `${[...vector.trim()].slice(0, 60).join('')}.txt`, content: '附件' }],
      messageId: `<xss-${i}-${Date.now()}@example.edu.cn>`,
    });
    const { stored, outcome } = await ingest(database.db, config, raw);
    expect(['ingested', 'held'], `${vector}: ${outcome.status} ${outcome.reason ?? ''}`).toContain(outcome.status);
    if (outcome.suggestionId) {
      suggestionsSeen += 1;
      const detail = await page(`/admin/suggestions/${outcome.suggestionId}`, staffCookie);
      expect(findUnsafeMarkup(detail.html, detail.nonce), vector).toEqual([]);
    }
    const mailHtml = await fetch(`${portal.url}/admin/inbox/${stored.id}/html`, { headers: { cookie: readerCookie } });
    if (mailHtml.status === 200) {
      mailViewsSeen += 1;
      // Served as a document of its own under a sandbox CSP; still, nothing executable may survive sanitizing.
      expect(mailHtml.headers.get('content-security-policy')).toMatch(/^sandbox;/);
      expect(findUnsafeMarkup(await mailHtml.text(), null), vector).toEqual([]);
    } else {
      expect(mailHtml.status, vector).toBe(404);
    }
  }
  // Every mail became a suggestion and had an HTML part to view: the checks above were not vacuous.
  expect({ suggestionsSeen, mailViewsSeen }).toEqual({ suggestionsSeen: sample.length, mailViewsSeen: sample.length });
  const inbox = await page('/admin/inbox', staffCookie);
  expect(findUnsafeMarkup(inbox.html, inbox.nonce)).toEqual([]);
}, 300_000);

test('the checker itself finds what it looks for (so a green run means something)', () => {
  expect(findUnsafeMarkup('<img src=x onerror=alert(1)>', 'n')).toEqual(['<img onerror>']);
  expect(findUnsafeMarkup('<a href=" jav&#x09;ascript:alert(1)">x</a>', 'n')).toHaveLength(1);
  expect(findUnsafeMarkup('<script nonce="n">ok()</script><script>bad()</script>', 'n')).toEqual([
    '<script> without the page nonce',
  ]);
  expect(
    findUnsafeMarkup('<iframe src="https://x"></iframe><meta http-equiv="refresh" content="0">', 'n'),
  ).toHaveLength(2);
  expect(findUnsafeMarkup('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>', 'n')).toEqual([]);
  // A charset declaration (the mail templates carry one) runs nothing; a refresh does navigate.
  expect(findUnsafeMarkup('<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">', 'n')).toEqual([]);
  expect(findUnsafeMarkup('<meta http-equiv="Refresh" content="0;url=javascript:alert(1)">', 'n')).toHaveLength(1);
});
