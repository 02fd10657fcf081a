import fs from 'node:fs';
import { createRequire } from 'node:module';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

// axe-core itself at the current version (a direct devDependency, pinned),
// injected into @axe-core/playwright, whose own 4.14 release needs Node 22
// while the project supports Node 20.19. 4.14 is where
// label-content-name-mismatch (WCAG 2.5.3 Label in Name) stopped being
// experimental and started to run.
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export function axe(page: Page): AxeBuilder {
  return new AxeBuilder({ page, axeSource });
}

export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Each WCAG 2.1 A/AA violation on the page as one line: rule, help and the elements it found. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await axe(page).withTags(WCAG_21_AA).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
