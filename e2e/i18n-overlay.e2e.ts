// e2e: the Khmer UI and a Khmer question; the compact overlay driven from the keyboard (Enter sends,
// Shift+Enter adds a line, ↑ recalls the last question, Esc hides, "open in full window").
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openSuite, type Suite } from './harness/suite.js';
import { ask, lastAnswerText, waitForAnswer } from './harness/page-helpers.js';
import { until } from './harness/poll.js';
import type { PageGlobals } from './harness/page-dom.js';

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

const KHMER_ANSWER = 'ដើម្បីពិនិត្យទំហំថាស សូមបើក **Dolphin** ឬប្រើពាក្យបញ្ជា៖\n\n```bash\ndf -h\n```\n';

describe('Khmer', () => {
  it('switches the UI to Khmer and answers a Khmer question', async () => {
    const app = await suite.start({ ollama: { answer: KHMER_ANSWER } });
    const { page } = app;
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByLabel('Language').selectOption('km');
    await page.getByRole('button', { name: 'ការកំណត់', exact: true }).waitFor();
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).document.documentElement.lang)).toBe('km');
    const font = await page.evaluate(() => {
      const g = globalThis as unknown as PageGlobals;
      return g.getComputedStyle(g.document.body).fontFamily;
    });
    expect(font).toContain('Noto Sans Khmer');
    await until('language saved by the core', async () => (await app.call('settings:get', {})).language === 'km');

    await page.getByRole('button', { name: 'ជជែក', exact: true }).click();
    const question = 'តើទំហំថាសនៅសល់ប៉ុន្មាន?';
    await ask(page, question);
    await waitForAnswer(page);
    const text = await lastAnswerText(page);
    expect(text).toContain('ដើម្បីពិនិត្យទំហំថាស');
    expect(await page.locator('.msg-assistant .tier').last().innerText()).toBe('ក្នុងម៉ាស៊ីន · qwen2.5:1.5b');
    expect(await page.locator('.code-line-cmd [data-risk]').first().innerText()).toContain('សុវត្ថិភាព');
    const chat = app.ollama!.requests.find((r) => r.path === '/api/chat');
    expect(JSON.stringify(chat?.body)).toContain(question);

    // A Khmer request the rules understand becomes an action card.
    await ask(page, 'ដំឡើង firefox');
    await waitForAnswer(page);
    const card = page.locator('.action-card').last();
    await card.waitFor();
    expect(await card.innerText()).toMatch(/[\u1780-\u17FF]/);
    expect(await card.getByRole('button', { name: /^ដំណើរការ/ }).count()).toBe(1);
  });
});

describe('overlay', () => {
  it('is keyboard first: Enter sends, Shift+Enter adds a line, ↑ recalls, Esc hides, open in full window', async () => {
    const app = await suite.start({
      view: 'overlay',
      viewport: { width: 680, height: 460 },
      ollama: { answer: 'Open **Discover** and search for it.' },
    });
    const { page } = app;
    const box = page.getByLabel('Your question');
    await until('the question box to have focus', async () =>
      page.evaluate(() => (globalThis as unknown as PageGlobals).document.activeElement?.id === 'question'),
    );
    await page.keyboard.type('first line');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('second line');
    expect(await box.inputValue()).toBe('first line\nsecond line');
    expect(app.ollama!.requests.filter((r) => r.path === '/api/chat')).toHaveLength(0);
    await page.keyboard.press('Enter');
    await waitForAnswer(page);
    expect(await lastAnswerText(page)).toContain('Discover');
    expect(await box.inputValue()).toBe('');

    await box.focus();
    await page.keyboard.press('ArrowUp');
    expect(await box.inputValue()).toBe('first line\nsecond line');
    await box.fill('');

    await page.getByRole('button', { name: /Open in full window/ }).click();
    await until('open-full requested with the conversation', () => app.windowCalls.some((c) => /^open-full:c-/.test(c)));
    await box.focus();
    await page.keyboard.press('Escape');
    await until('the overlay to hide', () => app.windowCalls.includes('hide'));
  });
});

describe('a question over the limit', () => {
  it('is refused with a clear message and the text stays in the box', async () => {
    const app = await suite.start({ view: 'overlay', viewport: { width: 680, height: 460 } });
    const { page } = app;
    const box = page.getByLabel('Your question');
    const long = 'why? '.repeat(2001).trim(); // 10,004 characters
    await box.fill(long);
    await page
      .getByRole('alert')
      .filter({ hasText: /the limit is 10000/ })
      .waitFor();
    expect(await page.getByRole('button', { name: 'Send', exact: true }).isDisabled()).toBe(true);
    await box.press('Enter');
    expect(await box.inputValue()).toBe(long);
    expect(app.ollama!.requests.filter((r) => r.path === '/api/chat')).toHaveLength(0);
    // Shortened to the limit, it is sent.
    await box.fill(long.slice(0, 10_000));
    await box.press('Enter');
    await waitForAnswer(page);
    expect(await box.inputValue()).toBe('');
  });
});
