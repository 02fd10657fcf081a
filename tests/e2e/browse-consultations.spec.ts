import { expect, expectNoAxeViolations, test } from './fixtures.ts';

const planTitle = '南湖大学“十四五”事业发展规划（征求意见稿）';

test('a visitor finds the open consultation, its closing date, and reads the draft', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: '正在征求意见的规划' })).toBeVisible();
  const card = page.getByRole('listitem').filter({ hasText: planTitle });
  await expect(card.getByText(/征集截止：\d{4}年\d{1,2}月\d{1,2}日/)).toBeVisible();
  await expect(page.getByRole('heading', { name: '已结束的意见征集' })).toBeVisible();
  await expect(page.getByText('南湖大学校园总体规划（2021—2035年）意见征集')).toBeVisible();

  await card.getByRole('link', { name: planTitle, exact: true }).click();
  await expect(page).toHaveURL(/\/plans\/nanhu-14th-five-year-plan$/);
  await expect(page.getByRole('heading', { level: 1, name: planTitle })).toBeVisible();
  await expect(page.getByText('正在征求意见', { exact: true })).toBeVisible();
  await expect(
    page.getByRole('complementary', { name: '如何提出意见建议' }).getByText("'十四五'规划意见建议"),
  ).toBeVisible();

  const contents = page.getByRole('navigation', { name: '目录' });
  await contents.getByRole('link', { name: '第三章 主要任务' }).click();
  await expect(page).toHaveURL(/#section-\d+$/);
  await expect(page.getByRole('heading', { level: 2, name: '第三章 主要任务' })).toBeInViewport();
});

test('the pages have no WCAG 2.1 AA violations', async ({ page, consoleErrors }) => {
  // Five pages through axe: past 30 s on a busy two-core machine (it timed out under load 18).
  test.slow();
  consoleErrors.allow(/status of 404/);
  for (const path of [
    '/',
    '/plans/nanhu-14th-five-year-plan',
    '/plans/nanhu-campus-master-plan',
    '/plans/missing',
    '/?lng=en',
  ]) {
    await page.goto(path);
    await expectNoAxeViolations(page);
  }
});

test('the language switch turns the interface to English and back, and is remembered', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: '切换到英文界面' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Consultations open for comment' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.goto('/plans/nanhu-14th-five-year-plan');
  await expect(page.getByRole('navigation', { name: 'Contents' })).toBeVisible();
  await expect(page.getByText('Faculty development')).toBeVisible();

  await page.getByRole('link', { name: 'Switch to Chinese' }).click();
  await expect(page.getByRole('navigation', { name: '目录' })).toBeVisible();
});

test('keyboard users can skip straight to the content', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: '跳到正文' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
  await page.keyboard.press('Tab');
  // Past the header: the first link of the content (whichever open consultation is listed first).
  await expect(page.locator('main a[href]').first()).toBeFocused();
});

test('an unknown page shows a localized 404', async ({ page, consoleErrors }) => {
  consoleErrors.allow(/status of 404/);
  const response = await page.goto('/plans/does-not-exist');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: '页面不存在' })).toBeVisible();
});

test('the health check answers 200', async ({ request }) => {
  const response = await request.get('/healthz');
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: 'ok', database: 'up' });
});
