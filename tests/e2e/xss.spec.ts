import crypto from 'node:crypto';
import { submitSuggestion } from '../../app/domain/suggestions/submit-suggestion.server.ts';
import { createPlan } from '../factories/plans.ts';
import { xssVectors } from '../fixtures/xss/vectors.ts';
import { expect, test } from './fixtures.ts';
import { closeStaffDatabase, createE2eStaff, db, loginAs } from './staff.ts';

// A sample of the XSS corpus (tests/fixtures/xss/) in a real Chromium: the
// vectors call alert/prompt/confirm, so a dialog means one ran; a script the
// CSP blocked shows as a console error, which the fixture fails on too. So
// this asserts the escaping itself, not only that the CSP caught it. Every
// vector is checked without a browser in tests/integration/xss-corpus.test.ts.
const sample = xssVectors.filter((_, i) => i % 11 === 0);

test.afterAll(async () => {
  await closeStaffDatabase();
});

test(`${sample.length} XSS vectors shown to the submitter and to staff: no dialog, no script`, async ({
  page,
  context,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  // A draft plan: never listed on the public pages other journeys walk.
  const plan = await createPlan(db(), {
    title: `XSS 端到端 ${crypto.randomBytes(3).toString('hex')}`,
    status: 'draft',
  });
  const saved = [];
  for (const { vector } of sample) {
    saved.push(
      await submitSuggestion(db(), {
        planId: plan.id,
        channel: 'web',
        title: [...vector.trim()].slice(0, 100).join(''),
        body: `${vector}\n（测试文本）`,
        submitterType: '在校学生',
        contact: { name: [...vector.trim()].slice(0, 50).join(''), email: 'xss-e2e@example.edu.cn' },
        trackUrl: 'http://localhost/track',
        acknowledge: false,
      }),
    );
  }
  for (const { trackingCode } of saved) {
    await page.goto(`/receipt/${trackingCode}`);
    await expect(page.getByText(trackingCode).first()).toBeVisible();
  }
  const moderator = await createE2eStaff({ role: 'moderator' });
  await loginAs(context, baseURL!, moderator.id);
  await page.goto(`/admin/suggestions?plan=${plan.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.goto(`/admin/suggestions?plan=${plan.id}&q=alert`);
  await expect(page.locator('.search-snippet').first()).toBeVisible();
  for (const [i, { id }] of saved.entries()) {
    await page.goto(`/admin/suggestions/${id}`);
    // The vector is on the page as text.
    await expect(
      page.getByText(sample[i]!.vector.trim().split('\n')[0]!.slice(0, 20), { exact: false }).first(),
    ).toBeAttached();
  }
  expect(dialogs, 'dialogs opened by injected script').toEqual([]);
});
