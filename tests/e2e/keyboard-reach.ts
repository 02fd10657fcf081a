import type { Page } from '@playwright/test';

// Keyboard-only use: every visible control of a page must take the focus by
// Tab alone, in some order. Native links, buttons and form fields are then
// operable with Enter and Space by the browser itself. A radio group is one
// Tab stop (arrow keys move inside it), so it counts as reached when any of
// its radios took the focus. A control taken out of the Tab order on purpose
// (tabindex="-1", such as the form's honeypot field for bots) is not asked for.
// Closed <details> are opened first: their summary is a control Tab must
// reach (Enter opens it), and what they hold must then be reachable too.
// "Visible" is the browser's own checkVisibility(): getBoundingClientRect()
// gives a size to what a closed <details> hides (content-visibility), so a
// control inside one would be asked for while no one can see it.
const CONTROLS =
  'a[href], button, input:not([type=hidden]), select, textarea, summary, iframe, [tabindex]:not([tabindex="-1"])';

/** The controls of the page that Tab never reached, as short HTML excerpts (empty when all were). */
export async function controlsTabDoesNotReach(page: Page): Promise<string[]> {
  const total = await page.evaluate((selector) => {
    (document.activeElement as HTMLElement | null)?.blur();
    document.querySelectorAll('details:not([open])').forEach((d) => d.setAttribute('open', ''));
    const visible = [...document.querySelectorAll<HTMLElement>(selector)].filter((e) => {
      const box = e.getBoundingClientRect();
      const shown = box.width > 0 && box.height > 0 && e.checkVisibility({ visibilityProperty: true });
      return shown && !e.matches(':disabled') && e.getAttribute('tabindex') !== '-1';
    });
    visible.forEach((e) => e.setAttribute('data-keyboard-target', ''));
    return visible.length;
  }, CONTROLS);
  // Focusable things that are not counted (visually hidden links, frames' insides) take presses
  // too: go on until every target was reached, or well past one full round.
  for (let i = 0; i < total * 3 + 20; i += 1) {
    await page.keyboard.press('Tab');
    const left = await page.evaluate(() => {
      document.activeElement?.setAttribute('data-keyboard-reached', '');
      return document.querySelectorAll('[data-keyboard-target]:not([data-keyboard-reached])').length;
    });
    if (left === 0) break;
  }
  return page.evaluate(() => {
    const missed = [...document.querySelectorAll<HTMLElement>('[data-keyboard-target]:not([data-keyboard-reached])')];
    return missed
      .filter(
        (e) =>
          !(
            e instanceof HTMLInputElement &&
            e.type === 'radio' &&
            document.querySelector(`input[type=radio][name="${CSS.escape(e.name)}"][data-keyboard-reached]`)
          ),
      )
      .map((e) => e.outerHTML.slice(0, 160));
  });
}
