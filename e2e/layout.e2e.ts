// e2e: the document itself never scrolls (wheeling past a long answer or over the sidebar, tabbing and
// clicking through Settings' theme choices), the list sticks to the bottom when answers end, the overlay
// keeps "Open in full window" and some answer in view at small sizes, and the sidebar collapses.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openSuite, type Suite } from './harness/suite.js';
import { ask, waitForAnswer } from './harness/page-helpers.js';

let suite: Suite;
beforeAll(async () => {
  suite = await openSuite();
});
afterEach(async () => {
  await suite.closeApps();
});
afterAll(async () => {
  await suite?.close();
});

const LONG =
  Array.from({ length: 60 }, (_, i) => `Paragraph ${i + 1}: some words to make the answer long enough to scroll.`).join('\n\n') +
  '\n\n```bash\ndf -h\n```\n';

type Doc = { top: number; height: number; client: number };
async function documentScroll(page: Page): Promise<Doc> {
  return page.evaluate(() => {
    const d = (
      globalThis as unknown as { document: { scrollingElement: { scrollTop: number; scrollHeight: number; clientHeight: number } } }
    ).document.scrollingElement;
    return { top: d.scrollTop, height: d.scrollHeight, client: d.clientHeight };
  });
}
const still = (d: Doc) => ({ top: d.top, fits: d.height <= d.client });

async function listGap(page: Page): Promise<number> {
  return page.evaluate(() => {
    const el = (
      globalThis as unknown as {
        document: { querySelector(s: string): { scrollHeight: number; scrollTop: number; clientHeight: number } | null };
      }
    ).document.querySelector('.messages');
    return el ? Math.round(el.scrollHeight - el.scrollTop - el.clientHeight) : -1;
  });
}

describe('layout', () => {
  it('the window document never scrolls: wheel past the end, over the sidebar, and theme radios in Settings', async () => {
    const app = await suite.start({ ollama: { answer: LONG }, viewport: { width: 1000, height: 720 } });
    const { page } = app;
    // After each answer ends (Run buttons and badges arrive after the text), the list is at the bottom.
    const gaps: number[] = [];
    for (let i = 0; i < 6; i++) {
      await ask(page, `question ${i}`);
      await waitForAnswer(page);
      await page.locator('.msg-assistant').last().locator('.code-line-cmd').waitFor();
      await page.waitForTimeout(200);
      gaps.push(await listGap(page));
    }
    expect(gaps.filter((g) => g > 2)).toEqual([]);
    const list = page.locator('.messages');
    await list.hover();
    for (let i = 0; i < 10; i++) await page.mouse.wheel(0, 2000);
    expect(still(await documentScroll(page))).toEqual({ top: 0, fits: true });
    await page.locator('.sidebar').hover();
    for (let i = 0; i < 5; i++) await page.mouse.wheel(0, 2000);
    expect(still(await documentScroll(page))).toEqual({ top: 0, fits: true });

    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const dark = page.getByRole('radio', { name: 'Dark' });
    await dark.focus();
    await page.keyboard.press('ArrowRight');
    await dark.click({ force: true });
    expect(still(await documentScroll(page))).toEqual({ top: 0, fits: true });
    for (let i = 0; i < 30; i++) await page.keyboard.press('Tab');
    expect(still(await documentScroll(page))).toEqual({ top: 0, fits: true });
  });

  it('the overlay document never scrolls, and at 360×480, 420×260 and 200 % zoom (360×230) keeps its actions and some answer in view', async () => {
    // 200 % zoom of the default 720×460 overlay is a 360×230 CSS viewport.
    for (const viewport of [
      { width: 360, height: 480 },
      { width: 420, height: 260 },
      { width: 360, height: 230 },
    ]) {
      const app = await suite.start({ view: 'overlay', ollama: { answer: LONG }, viewport });
      const { page } = app;
      await ask(page, 'a long one please');
      await waitForAnswer(page);
      await page.locator('.messages').hover();
      for (let i = 0; i < 6; i++) await page.mouse.wheel(0, 2000);
      expect(still(await documentScroll(page))).toEqual({ top: 0, fits: true });
      const full = page.getByRole('button', { name: /Open in full window/ });
      const box = await full.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
      expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
      const answerBox = await page.locator('.messages').boundingBox();
      expect(answerBox!.height).toBeGreaterThanOrEqual(viewport.height >= 400 ? 200 : viewport.height >= 260 ? 90 : 70);
      await app.close();
    }
  });

  it('the sidebar collapses by hand, and starts closed in a narrow window', async () => {
    const app = await suite.start({ viewport: { width: 1000, height: 700 } });
    const { page } = app;
    const toggle = page.getByRole('button', { name: 'Hide conversations' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await toggle.click();
    expect(await page.locator('#sidebar').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Show conversations' }).getAttribute('aria-expanded')).toBe('false');
    await page.setViewportSize({ width: 600, height: 700 });
    await page.reload();
    await page.locator('.app[data-booted="1"]').waitFor();
    expect(await page.locator('#sidebar').count()).toBe(0);
    const composer = await page.locator('.composer').boundingBox();
    expect(composer!.width).toBeGreaterThan(560);
  });
});
