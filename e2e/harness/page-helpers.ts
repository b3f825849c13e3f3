// Small page helpers shared by the e2e tests: ask a question, wait for the answer to finish, read state.
import type { Page } from 'playwright-core';
import { until } from './poll.js';
import type { PageGlobals } from './page-dom.js';

/** Types a question into the composer and sends it with Enter. */
export async function ask(page: Page, question: string): Promise<void> {
  const box = page.getByLabel(/Your question|សំណួររបស់អ្នក/);
  await box.fill(question);
  await box.press('Enter');
}

/** Waits until the n-th assistant answer (0-based; default the last) has finished streaming. */
export async function waitForAnswer(page: Page, timeoutMs = 30_000): Promise<void> {
  await until(
    'the answer to finish',
    async () => {
      const state = await page.evaluate(() => {
        const { document } = globalThis as unknown as PageGlobals;
        const list = document.querySelectorAll('.msg-assistant');
        const last = list[list.length - 1];
        return last ? last.dataset.streaming : null;
      });
      return state === '0';
    },
    timeoutMs,
  );
}

export async function lastAnswerText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const { document } = globalThis as unknown as PageGlobals;
    const list = document.querySelectorAll('.msg-assistant');
    return list[list.length - 1]?.innerText ?? '';
  });
}
