import type { Page } from 'playwright-core';
import type { Extension } from '../e2e/harness';

/** Finds the first on-screen occurrence of `word` in the page and returns its centre. */
async function wordCentre(page: Page, word: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate((w) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.textContent?.indexOf(w) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + w.length);
      const r = range.getBoundingClientRect();
      if (r.width > 0 && r.top >= 0 && r.bottom <= innerHeight) return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }
    return null;
  }, word);
}

/**
 * Takes the README's screenshots: a hover card on the demo article page, then the popup with a
 * search typed in. Returns the files written.
 */
export async function captureDemo(ext: Extension, page: Page, file: string): Promise<string[]> {
  const written: string[] = [];
  await page.goto(page.url() + 'article/1/');
  await page.waitForTimeout(1500);
  const target = (await wordCentre(page, 'XTransfer')) ?? (await wordCentre(page, 'Alibaba'));
  if (target) {
    await page.mouse.move(target.x - 40, target.y + 30);
    await page.mouse.move(target.x, target.y, { steps: 4 });
    await page.waitForTimeout(1200);
  }
  await page.screenshot({ path: file });
  written.push(file);

  const popupFile = file.replace(/(\.png)?$/i, '-popup.png');
  const popup = await ext.context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${ext.id}/popup.html`);
  // The popup focuses its search box once it has rendered; typing earlier would lose keys.
  await popup.waitForFunction(() => document.activeElement?.tagName === 'INPUT', null, { timeout: 10_000 });
  await popup.keyboard.type('alibaba', { delay: 60 });
  await popup.waitForTimeout(2000);
  await popup.screenshot({ path: popupFile });
  written.push(popupFile);
  return written;
}
