// e2e: axe-core on every screen (window: empty, conversation, link dialog, action card, run output, fallback,
// settings, health check; overlay: the same but settings and health check), in English and Khmer, light
// and dark. Any serious or critical violation fails, listed with where it is.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openSuite, type Suite } from './harness/suite.js';
import { ask, waitForAnswer } from './harness/page-helpers.js';
import { until } from './harness/poll.js';
import { axeViolations, describeViolations, type AxeProblem } from './harness/axe.js';
import type { App } from './harness/app-harness.js';

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

const ANSWER = {
  en: 'Check the disk, then mount the drive:\n\n```bash\nlsblk\nsudo mount /dev/sdb1 /mnt\n```\n\n| Tool | Use |\n|:-----|----:|\n| `lsblk` | list disks |\n\nSee [the wiki](https://wiki.koompi.org/usb).\n',
  km: 'ពិនិត្យថាស រួចភ្ជាប់ឧបករណ៍៖\n\n```bash\nlsblk\nsudo mount /dev/sdb1 /mnt\n```\n\nមើល [វិគី](https://wiki.koompi.org/usb)។\n',
};
const Q = {
  en: { llm: 'how do I mount a usb drive', rules: 'show free disk space', other: 'write me a short poem about penguins' },
  km: { llm: 'តើខ្ញុំភ្ជាប់ USB យ៉ាងដូចម្តេច?', rules: 'បង្ហាញទំហំថាសទំនេរ', other: 'សរសេរកំណាព្យខ្លីមួយអំពីសត្វភេនឃ្វីន' },
};

async function start(view: 'window' | 'overlay', lang: 'en' | 'km', scheme: 'light' | 'dark'): Promise<App> {
  const app = await suite.start({
    view,
    colorScheme: scheme,
    ollama: { answer: ANSWER[lang] },
    viewport: view === 'overlay' ? { width: 680, height: 480 } : { width: 1180, height: 760 },
  });
  await app.call('settings:set', { language: lang });
  await app.page.reload();
  await app.page.locator('.app[data-booted="1"]').waitFor();
  app.setConfirm(() => ({ approved: true }));
  return app;
}

/** Checks one screen: axe, and that the document itself has not scrolled or grown past the window. */
async function check(app: App, screen: string, found: string[]): Promise<void> {
  // Let lazy parts (markdown, highlighting, Run buttons) settle.
  await app.page.waitForTimeout(150);
  const list: AxeProblem[] = await axeViolations(app.page);
  if (list.length) found.push(describeViolations(screen, list));
  const doc = await app.page.evaluate(() => {
    const d = (
      globalThis as unknown as { document: { scrollingElement: { scrollTop: number; scrollHeight: number; clientHeight: number } } }
    ).document.scrollingElement;
    return { top: d.scrollTop, height: d.scrollHeight, client: d.clientHeight };
  });
  if (doc.top !== 0 || doc.height > doc.client)
    found.push(`${screen}: the document scrolls (${doc.height} px of page in ${doc.client} px, at ${doc.top})`);
}

async function conversationScreens(app: App, name: string, lang: 'en' | 'km', found: string[]): Promise<void> {
  const { page } = app;
  await check(app, `${name} empty`, found);
  await ask(page, Q[lang].llm);
  await waitForAnswer(page);
  await page.locator('.code-line-cmd').first().waitFor();
  await check(app, `${name} conversation`, found);
  // The link confirmation (the real target before leaving the app).
  await page.locator('.markdown a').last().click();
  await page.locator('[role="dialog"]').waitFor();
  await check(app, `${name} link dialog`, found);
  await page.keyboard.press('Escape');
  await page.locator('[role="dialog"]').waitFor({ state: 'detached' });
  await ask(page, Q[lang].rules);
  await waitForAnswer(page);
  const card = page.locator('.action-card').last();
  await card.waitFor();
  await check(app, `${name} action card`, found);
  await card.locator('.command-actions button').first().click();
  await until('the run to exit', async () => (await card.locator('.run-panel').getAttribute('data-run-status')) === 'exited');
  await check(app, `${name} run output`, found);
  await app.ollama!.close();
  await ask(page, Q[lang].other);
  await waitForAnswer(page);
  const tier = await page.locator('.msg-assistant .tier').last().getAttribute('data-tier');
  expect(tier).toBe('fallback');
  await check(app, `${name} fallback`, found);
}

describe('accessibility (axe-core, serious and critical)', () => {
  for (const lang of ['en', 'km'] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`window, ${lang}, ${scheme}`, async () => {
        const app = await start('window', lang, scheme);
        const found: string[] = [];
        const name = `window ${lang} ${scheme}`;
        await conversationScreens(app, name, lang, found);
        await app.page.locator('.sections button').nth(1).click();
        await app.page.locator('.panel').first().waitFor();
        await check(app, `${name} settings`, found);
        await app.page.locator('.sections button').nth(2).click();
        await app.page.locator('[data-check-id]').first().waitFor();
        await check(app, `${name} health check`, found);
        expect(found.join('\n')).toBe('');
      });

      it(`overlay, ${lang}, ${scheme}`, async () => {
        const app = await start('overlay', lang, scheme);
        const found: string[] = [];
        await conversationScreens(app, `overlay ${lang} ${scheme}`, lang, found);
        expect(found.join('\n')).toBe('');
      });
    }
  }
});
