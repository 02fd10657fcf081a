import type { Page } from '@playwright/test';

// WCAG 2.1 1.4.10 Reflow (AA), which axe does not check: on a phone-width
// viewport the page must not scroll sideways. A wide table may scroll inside
// its own focusable region (.table-wrap, .table-scroll); the page itself may not.
// Returns the deepest elements that stick out past the right edge, and the text
// that runs out of its own box (a long unbroken subject, address or file name
// widens the page while every element's box stays inside), empty when none.
export async function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return [];
    const width = root.clientWidth;
    // What sticks out inside its own scrolling box (a wide table's region) does not widen the page.
    const insideScroller = (e: Node) => {
      for (let p = e.parentElement; p && p !== document.body; p = p.parentElement)
        if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(p).overflowX)) return true;
      return false;
    };
    const out = [...document.querySelectorAll<HTMLElement>('body *')].filter(
      (e) => e.getBoundingClientRect().right > width + 1 && e.checkVisibility() && !insideScroller(e),
    );
    const deepest = out.filter((e) => !out.some((other) => other !== e && e.contains(other)));
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node && texts.length < 5; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !node.textContent?.trim() || !parent.checkVisibility() || insideScroller(node)) continue;
      range.selectNodeContents(node);
      if (range.getBoundingClientRect().right > width + 1)
        texts.push(`text in <${parent.localName}> runs out of its box: ${node.textContent.trim().slice(0, 60)}`);
    }
    return [
      `page is ${root.scrollWidth}px wide in a ${width}px viewport`,
      ...deepest.slice(0, 5).map((e) => e.outerHTML.slice(0, 120)),
      ...texts,
    ];
  });
}
