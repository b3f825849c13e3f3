// e2e: screenshots of the overlay and the window, light and dark, English and Khmer, saved to
// e2e/artifacts/screenshots/ (CI keeps the working dir); one is copied to docs/ for the README.
import { copyFileSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openSuite, type Suite } from './harness/suite.js';
import { ask, waitForAnswer } from './harness/page-helpers.js';
import { REPO } from './harness/build.js';
import type { App } from './harness/app-harness.js';
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

const OUT = join(REPO, 'e2e/artifacts/screenshots');

const ANSWER_EN = [
  'Here is how to check your disk and mount a USB drive:',
  '',
  '1. Plug the drive in and list the disks.',
  '2. Mount it (needs your password).',
  '',
  '```bash',
  'lsblk',
  'sudo mount /dev/sdb1 /mnt',
  '```',
  '',
  'When you are done, open **Dolphin** to browse `/mnt`.',
  '',
].join('\n');
const ANSWER_KM = [
  'នេះជារបៀបពិនិត្យថាស និងភ្ជាប់ USB៖',
  '',
  '1. ដោតឧបករណ៍ ហើយមើលបញ្ជីថាស។',
  '2. ភ្ជាប់វា (ត្រូវការពាក្យសម្ងាត់របស់អ្នក)។',
  '',
  '```bash',
  'lsblk',
  'sudo mount /dev/sdb1 /mnt',
  '```',
  '',
  'រួចរាល់ហើយ សូមបើក **Dolphin** ដើម្បីមើល `/mnt`។',
  '',
].join('\n');

async function shoot(app: App, name: string): Promise<string> {
  mkdirSync(OUT, { recursive: true });
  const file = join(OUT, `${name}.png`);
  await app.page.evaluate(() => (globalThis as unknown as PageGlobals).document.activeElement?.blur());
  await app.page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
  expect(statSync(file).size).toBeGreaterThan(10_000);
  return file;
}

describe('screenshots', () => {
  for (const lang of ['en', 'km'] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`window, ${scheme}, ${lang}`, async () => {
        const app = await suite.start({
          colorScheme: scheme,
          ollama: { answer: lang === 'en' ? ANSWER_EN : ANSWER_KM },
          viewport: { width: 1180, height: 760 },
        });
        await app.call('settings:set', { language: lang });
        await app.page.reload();
        await app.page.locator('.app[data-booted="1"]').waitFor();
        app.setConfirm(() => ({ approved: true }));
        await ask(app.page, lang === 'en' ? 'show free disk space' : 'បង្ហាញទំហំថាសទំនេរ');
        await waitForAnswer(app.page);
        await ask(app.page, lang === 'en' ? 'how do I mount a usb drive' : 'តើខ្ញុំភ្ជាប់ USB យ៉ាងដូចម្តេច?');
        await waitForAnswer(app.page);
        await app.page.locator('.hl-cmd').first().waitFor();
        const file = await shoot(app, `window-${scheme}-${lang}`);
        if (lang === 'en' && scheme === 'light') {
          mkdirSync(join(REPO, 'docs'), { recursive: true });
          copyFileSync(file, join(REPO, 'docs/screenshot-window-light-en.png'));
        }
      });

      it(`overlay, ${scheme}, ${lang}`, async () => {
        const app = await suite.start({
          view: 'overlay',
          colorScheme: scheme,
          viewport: { width: 680, height: 480 },
          ollama: { answer: lang === 'en' ? ANSWER_EN : ANSWER_KM },
        });
        await app.call('settings:set', { language: lang });
        await app.page.reload();
        await app.page.locator('.app[data-booted="1"]').waitFor();
        await ask(app.page, lang === 'en' ? 'how do I mount a usb drive' : 'តើខ្ញុំភ្ជាប់ USB យ៉ាងដូចម្តេច?');
        await waitForAnswer(app.page);
        await app.page.locator('.hl-cmd').first().waitFor();
        await shoot(app, `overlay-${scheme}-${lang}`);
      });
    }
  }

  it('overlay at 200 % zoom (a 360×230 CSS viewport), light, en', async () => {
    const app = await suite.start({ view: 'overlay', viewport: { width: 360, height: 230 }, ollama: { answer: ANSWER_EN } });
    await ask(app.page, 'how do I mount a usb drive');
    await waitForAnswer(app.page);
    await app.page.locator('.hl-cmd').first().waitFor();
    await shoot(app, 'overlay-zoom200-light-en');
  });

  it('settings and health check, light, en', async () => {
    const app = await suite.start({ ollama: { models: [] } });
    await app.page.getByRole('button', { name: 'Health check', exact: true }).click();
    await app.page.locator('[data-check-id="model"]').waitFor();
    await shoot(app, 'doctor-light-en');
    await app.page.getByRole('button', { name: 'Settings', exact: true }).click();
    await app.page.getByText(/Connected/).waitFor();
    await shoot(app, 'settings-light-en');
  });
});
