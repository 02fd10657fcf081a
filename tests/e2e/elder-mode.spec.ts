import { axe } from './axe.ts';
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures.ts';

// 长辈模式 after MIIT's 《互联网网站适老化通用设计规范》, measured in the
// browser on a 375 px wide page: text ≥ 24 px with line height ≥ 1.3, and
// buttons, links and inputs ≥ 60 × 60 px; nothing fixed or sticky.

const formPath = '/plans/nanhu-14th-five-year-plan/suggest';

/** Every visible text element and target under `selector` that misses a size, described. */
async function sizeViolations(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluate((root) => {
    const problems: string[] = [];
    const visible = (el: Element) => {
      const rect = el.getBoundingClientRect();
      return (
        rect.width > 1 &&
        rect.height > 1 &&
        getComputedStyle(el).visibility !== 'hidden' &&
        !el.closest('.honeypot, .visually-hidden')
      );
    };
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.textContent ?? '').trim().slice(0, 20)}"`;
    for (const el of root.querySelectorAll('*')) {
      if (!visible(el)) continue;
      const style = getComputedStyle(el);
      const ownText = [...el.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim());
      const isControl = el.matches('input:not([type="hidden"]), select, textarea, button');
      if (ownText || isControl) {
        const size = parseFloat(style.fontSize);
        if (size < 24) problems.push(`${describe(el)}: font-size ${style.fontSize}`);
        const lineHeight = style.lineHeight === 'normal' ? NaN : parseFloat(style.lineHeight);
        if (!(lineHeight / size >= 1.3))
          problems.push(`${describe(el)}: line-height ${style.lineHeight} at ${style.fontSize}`);
      }
      if (el.matches('a[href], button, input:not([type="hidden"]), select, textarea')) {
        const rect = el.getBoundingClientRect();
        if (rect.width < 60 || rect.height < 60)
          problems.push(`${describe(el)}: target ${Math.round(rect.width)}×${Math.round(rect.height)}`);
      }
    }
    return problems;
  });
}

/** Reflow: at 375 px nothing may make the page scroll sideways. */
async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

async function floatingElements(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((el) => ['fixed', 'sticky'].includes(getComputedStyle(el).position))
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
  );
}

/** "7:1 where the layout allows": axe's enhanced (AAA) contrast rule on our own content (not the captcha widget). */
async function enhancedContrastViolations(page: Page): Promise<string[]> {
  const results = await axe(page).withRules(['color-contrast-enhanced']).exclude('.captcha').analyze();
  return results.violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(' ')}: ${n.any[0]?.message ?? v.help}`));
}

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
});

test('长辈模式 on the form, the receipt and /track: sizes, targets, no floating elements, no axe violation', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto(formPath);
  await page.getByRole('button', { name: '长辈模式' }).click();
  await expect(page.locator('html')).toHaveClass('elder');
  await expect(page).toHaveURL(new RegExp(`${formPath}$`));
  await expect(page.getByRole('button', { name: '退出长辈模式' })).toBeVisible();

  expect(await sizeViolations(page, 'form.suggestion-form')).toEqual([]);
  expect(await floatingElements(page)).toEqual([]);
  expect(await sidewaysOverflow(page)).toBe(0);
  await expectNoAxeViolations(page);
  expect(await enhancedContrastViolations(page)).toEqual([]);

  await page.getByLabel('意见类别').selectOption({ label: '人才培养' });
  await page.getByLabel('标题').fill('长辈模式下提交的建议');
  await page.getByLabel('意见建议内容').fill('建议为离退休教职工开设智能手机使用培训班。');
  await page.getByRole('radio', { name: '教职工' }).check();
  await page.getByLabel('姓名').fill('孙老师');
  await page.getByLabel('电子邮箱').fill('elder.mode@example.edu.cn');
  await page.getByRole('radio', { name: /^匿名公开/ }).check();
  await page.getByRole('checkbox', { name: '我已阅读并同意《个人信息保护说明》' }).check();
  await page.getByTestId('fake-hcaptcha').check();
  await page.getByRole('button', { name: '提交意见建议' }).click();

  await expect(page.getByRole('heading', { level: 1, name: '提交成功' })).toBeVisible();
  const code = (await page.getByTestId('tracking-code').textContent())!.trim();
  expect(await sizeViolations(page, 'main')).toEqual([]);
  await expectNoAxeViolations(page);

  await page.goto('/track');
  await page.getByLabel('跟踪编号').fill(code);
  await page.getByLabel('电子邮箱或电话后四位').fill('elder.mode@example.edu.cn');
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.getByText('长辈模式下提交的建议')).toBeVisible();
  expect(await sizeViolations(page, 'main')).toEqual([]);
  expect(await floatingElements(page)).toEqual([]);
  expect(await sidewaysOverflow(page)).toBe(0);
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: '退出长辈模式' }).click();
  await expect(page.locator('html')).not.toHaveClass('elder');
});

test('长辈模式 works without JavaScript: a form post sets the cookie and comes back to the page', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 812 } });
  const page = await context.newPage();
  await page.goto('/track');
  await page.getByRole('button', { name: '长辈模式' }).click();
  await expect(page).toHaveURL(/\/track$/);
  await expect(page.locator('html')).toHaveClass('elder');
  expect(await sizeViolations(page, 'form.track-form')).toEqual([]);
  await page.goto('/plans/nanhu-14th-five-year-plan');
  await expect(page.locator('html')).toHaveClass('elder');
  expect(await floatingElements(page)).toEqual([]);
  expect(await sidewaysOverflow(page)).toBe(0);
  await page.getByRole('button', { name: '退出长辈模式' }).click();
  await expect(page.locator('html')).not.toHaveClass('elder');
  await context.close();
});
