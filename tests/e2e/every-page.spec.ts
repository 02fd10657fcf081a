import crypto from 'node:crypto';
import type { BrowserContext, Page } from '@playwright/test';
import { and, asc, eq } from 'drizzle-orm';
import { createSession } from '../../app/domain/accounts/sessions.server.ts';
import { issueRatingToken } from '../../app/domain/feedback/ratings.server.ts';
import { submitSuggestion } from '../../app/domain/suggestions/submit-suggestion.server.ts';
import { inboundEmails, planSections, plans, suggestionFingerprints } from '../../db/schema/index.ts';
import { createPlan } from '../factories/plans.ts';
import { composeMail } from '../integration/helpers/compose-mail.ts';
import { axeViolations } from './axe.ts';
import { controlsTabDoesNotReach } from './keyboard-reach.ts';
import { sidewaysOverflow } from './reflow.ts';
import { everyPage, pageRoutesInRouteTable, type PageCase, type PageData } from './every-page.ts';
import { expect, test } from './fixtures.ts';
import { closeStaffDatabase, createE2eStaff, db, loginAs } from './staff.ts';

// Issue 19: axe-core (current version, tests/e2e/axe.ts) finds no WCAG 2.1 A
// or AA violation on any page, public and staff, on the desktop and the phone
// project, with 长辈模式 off and on, and none scrolls sideways (Reflow, reflow.ts).
// The list of pages is every-page.ts; the first test fails when app/routes.ts
// gains a page the list does not name.
let data: PageData;
let staff: { id: number };
const CONTACT = 'every-page@example.edu.cn';

test.beforeAll(async () => {
  const [closed] = await db().select().from(plans).where(eq(plans.slug, 'nanhu-campus-master-plan'));
  const [section] = await db()
    .select({ id: planSections.id })
    .from(planSections)
    .where(and(eq(planSections.planId, closed!.id)))
    .orderBy(asc(planSections.position))
    .limit(1);
  // A draft plan of our own: its suggestion appears on no public list other journeys count.
  const draft = await createPlan(db(), {
    title: `无障碍检查 ${crypto.randomBytes(3).toString('hex')}`,
    status: 'draft',
  });
  const saved = await submitSuggestion(db(), {
    planId: draft.id,
    channel: 'web',
    title: '建议图书馆延长开放时间',
    body: '考试周期间希望图书馆开放到晚上十一点。',
    submitterType: '在校学生',
    contact: { name: '无障碍', email: CONTACT },
    trackUrl: 'http://localhost/track',
    acknowledge: false,
  });
  // A second copy, grouped with the first, for the campaign page.
  const copy = await submitSuggestion(db(), {
    planId: draft.id,
    channel: 'web',
    title: '建议图书馆延长开放时间',
    body: '考试周期间希望图书馆开放到晚上十一点，周末也一样。',
    submitterType: '在校学生',
    contact: { name: '无障碍', email: `copy-${CONTACT}` },
    trackUrl: 'http://localhost/track',
    acknowledge: false,
  });
  await db()
    .insert(suggestionFingerprints)
    .values(
      [saved.id, copy.id].map((suggestionId) => ({
        suggestionId,
        planId: draft.id,
        bands: [1, 2, 3],
        clusterId: saved.id,
      })),
    )
    .onConflictDoUpdate({ target: suggestionFingerprints.suggestionId, set: { clusterId: saved.id } });
  // A queued mail full of long unbroken strings (a link, an address, a file name), as real mail
  // has: on a phone, the mail queue must wrap them rather than scroll sideways.
  const unbroken = `https://example.edu.cn/${'very-long-path-segment-'.repeat(8)}end`;
  const raw = await composeMail({
    from: `${'long.sender.address.'.repeat(4)}name@example.edu.cn`,
    subject: `Re:${'意见建议_'.repeat(2)}${'Subject_without_any_space_'.repeat(6)}`,
    text: `建议见附件，参考资料：${unbroken}`,
    attachments: [{ filename: `${'一个很长的附件文件名_without_spaces_'.repeat(5)}.txt`, content: '附件内容' }],
  });
  await db()
    .insert(inboundEmails)
    .values({
      dedupeKey: `e2e-every-page-${crypto.randomBytes(4).toString('hex')}`,
      source: 'imap',
      raw,
      sizeBytes: raw.length,
      // Unmatched: the tab the mail queue opens on.
      status: 'unmatched',
      statusReason: 'no_marker',
      statusDetail: { error: `Error: ${unbroken}` },
      subject: `Re:${'Subject_without_any_space_'.repeat(6)}`,
    });
  staff = await createE2eStaff({ role: 'admin', totp: true, grants: ['read:contact:any'] });
  data = {
    openSlug: 'nanhu-14th-five-year-plan',
    closedSlug: closed!.slug,
    planId: closed!.id,
    sectionId: section!.id,
    suggestionId: saved.id,
    clusterId: saved.id,
    draftPlanId: draft.id,
    trackingCode: saved.trackingCode,
    userId: staff.id,
    ratingToken: await issueRatingToken(db(), saved.id),
  };
});

test.afterAll(async () => {
  await closeStaffDatabase();
});

test('every page in app/routes.ts is on the list the axe checks walk', () => {
  const table = pageRoutesInRouteTable();
  expect(table.length).toBeGreaterThan(30);
  expect(table.filter((file) => !everyPage.some((p) => p.file === file))).toEqual([]);
  expect(everyPage.filter((p) => !table.includes(p.file)).map((p) => p.file)).toEqual([]);
});

async function signInAs(context: BrowserContext, baseURL: string, as: PageCase['as']) {
  if (as === 'staff') await loginAs(context, baseURL, staff.id);
  if (as === 'second-factor') {
    const { token } = await createSession(db(), { userId: staff.id, awaitingSecondFactor: true });
    await context.addCookies([{ name: 'jianyan_staff', value: token, url: baseURL, httpOnly: true, sameSite: 'Lax' }]);
  }
}

/**
 * Opens each page and collects what axe finds, any sideways scrolling (and, with `keyboard`, each
 * control Tab cannot reach), so one run names every problem at once.
 */
async function walk(page: Page, pages: PageCase[], { keyboard }: { keyboard: boolean }) {
  const found: string[] = [];
  for (const entry of pages) {
    const path = entry.path(data);
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(entry.status ?? 200);
    await expect(page.locator('h1').first(), path).toBeVisible();
    found.push(...(await axeViolations(page)).map((v) => `${path} ${v}`));
    found.push(...(await sidewaysOverflow(page)).map((o) => `${path} scrolls sideways: ${o}`));
    if (keyboard) found.push(...(await controlsTabDoesNotReach(page)).map((c) => `${path} not reachable by Tab: ${c}`));
  }
  return found;
}

for (const elder of [false, true]) {
  const mode = elder ? '长辈模式 on' : '长辈模式 off';
  for (const as of ['public', 'second-factor', 'staff'] as const) {
    const what = elder ? 'axe' : 'axe and keyboard reach';
    test(`${what}: every ${as} page, ${mode}`, async ({ page, context, baseURL, consoleErrors }) => {
      test.setTimeout(600_000);
      consoleErrors.allow(/status of 404/);
      if (elder) await context.addCookies([{ name: 'elder', value: '1', url: baseURL! }]);
      await signInAs(context, baseURL!, as);
      // Tab order does not change with 长辈模式 (sizes do), so the keyboard walk runs once.
      const pages = everyPage.filter((p) => p.as === as);
      expect(await walk(page, pages, { keyboard: !elder })).toEqual([]);
    });
  }

  test(`axe: /track with a suggestion found, ${mode}`, async ({ page, context, baseURL }) => {
    if (elder) await context.addCookies([{ name: 'elder', value: '1', url: baseURL! }]);
    await page.goto('/track');
    await page.locator('#track-code').fill(data.trackingCode);
    await page.locator('#track-contact').fill(CONTACT);
    await page.locator('#track-contact').press('Enter');
    await expect(page.getByText('建议图书馆延长开放时间').first()).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
}
