import type { Page } from '@playwright/test';
import { closeStaffDatabase, createE2eStaff, loginAs } from './staff.ts';
import { expect, test } from './fixtures.ts';

// The Content-Security-Policy in a real Chromium: React Router's inline
// scripts run (they carry the nonce), the hCaptcha widget's script loads from
// its own origin, and the browser reports no violation. The console fixture
// fails the test on Chromium's "Refused to ..." errors as well.
async function collectViolations(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(
        `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
      ),
    );
  });
  return () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
}

test.afterAll(closeStaffDatabase);

test('the public suggestion form runs under the CSP, with the captcha widget loaded and no violation', async ({
  page,
}) => {
  const violations = await collectViolations(page);
  const response = await page.goto('/plans/nanhu-14th-five-year-plan/suggest');
  expect(response!.headers()['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+'/);
  // The widget exists only if its script (from the captcha origin) ran.
  await expect(page.getByTestId('fake-hcaptcha')).toBeVisible();
  // Hydrated: the character counter reacts to typing.
  await page.getByLabel('意见建议内容').fill('一二三');
  await expect(page.getByText(/已输入 3 \/ 5000 字/)).toBeVisible();
  expect(await violations()).toEqual([]);
});

test('a staff page runs under the CSP with no violation', async ({ page, context, baseURL }) => {
  const moderator = await createE2eStaff({ role: 'moderator' });
  await loginAs(context, baseURL!, moderator.id);
  const violations = await collectViolations(page);
  await page.goto('/admin/suggestions');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // A client-side navigation, which only works if the hydration scripts ran.
  await page.getByRole('link', { name: '我的账户' }).click();
  await page.waitForURL(/\/admin\/account/);
  await expect(page.getByRole('heading', { level: 1, name: '我的账户' })).toBeVisible();
  expect(await violations()).toEqual([]);
});
