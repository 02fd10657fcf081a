import { test as base, expect, type Page } from '@playwright/test';
import { axeViolations } from './axe.ts';

// Every page test fails on a browser console error or an uncaught exception,
// and can run axe-core against WCAG 2.1 A and AA.
// A test that provokes an error on purpose (a 404 page) says which with
// `consoleErrors.allow(pattern)`.
type ConsoleErrors = { allow: (pattern: RegExp) => void };

export const test = base.extend<{ consoleErrors: ConsoleErrors }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      const allowed: RegExp[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await use({ allow: (pattern) => allowed.push(pattern) });
      const unexpected = errors.filter((error) => !allowed.some((pattern) => pattern.test(error)));
      expect(unexpected, 'browser console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

export async function expectNoAxeViolations(page: Page) {
  expect(await axeViolations(page), 'axe-core WCAG 2.1 AA violations').toEqual([]);
}
