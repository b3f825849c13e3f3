// e2e: a streamed local answer with code blocks and badges, Stop mid-stream, untrusted model output
// rendered inert, links opened outside through the main process, history surviving a reload.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openSuite, type Suite } from './harness/suite.js';
import { ask, lastAnswerText, waitForAnswer } from './harness/page-helpers.js';
import { until } from './harness/poll.js';
import type { PageGlobals } from './harness/page-dom.js';
import { GEMINI_TEST_KEY } from './harness/app-harness.js';

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

const CODE_ANSWER = [
  'You can check your disks and mount the USB stick like this:',
  '',
  '```bash',
  'lsblk',
  'sudo mount /dev/sdb1 /mnt',
  '```',
  '',
  'Then open **Dolphin** to see the files.',
  '',
].join('\n');

describe('chat', () => {
  it('streams a local answer incrementally and shows code blocks with risk and tier badges', async () => {
    const app = await suite.start({ ollama: { answer: CODE_ANSWER, tokenDelayMs: 8 } });
    const { page } = app;
    // Record how the answer grew, to prove it was rendered while streaming, not at the end.
    await page.evaluate(() => {
      const g = globalThis as unknown as PageGlobals & { __growth: number[]; __said: string[] };
      g.__growth = [];
      g.__said = [];
      new g.MutationObserver(() => {
        const el = g.document.querySelector('.msg-assistant[data-streaming="1"] .markdown');
        if (el) g.__growth.push(el.innerText.length);
        const said = g.document.querySelector('[data-testid="answer-announcer"]')?.textContent ?? '';
        if (said && said !== g.__said[g.__said.length - 1]) g.__said.push(said);
      }).observe(g.document.body, { subtree: true, childList: true, characterData: true });
    });
    await ask(page, 'how do I mount a usb drive');
    await waitForAnswer(page);
    const growth = await page.evaluate(() => (globalThis as unknown as { __growth: number[] }).__growth);
    expect(new Set(growth).size).toBeGreaterThan(3);
    // The live region speaks twice, politely: "Thinking…", then the finished answer as shown (no ``` or **);
    // the streamed text itself is not live.
    await until(
      'the finished answer announced',
      async () => (await page.evaluate(() => (globalThis as unknown as { __said: string[] }).__said)).length === 2,
    );
    const said = await page.evaluate(() => (globalThis as unknown as { __said: string[] }).__said);
    expect(said[0]).toBe('Thinking…');
    expect(said[1]).toMatch(/^Answer: .*lsblk sudo mount \/dev\/sdb1 \/mnt.*Then open Dolphin to see the files\.$/);
    expect(said[1]).not.toMatch(/```|\*\*/);
    expect(await page.locator('[aria-live]:not([data-testid="answer-announcer"]):not(.toasts), [role="log"]').count()).toBe(0);

    const answer = page.locator('.msg-assistant').last();
    await expect(answer.locator('.tier').innerText()).resolves.toBe('Local · qwen2.5:1.5b');
    expect(await answer.locator('.code-block').count()).toBe(1);
    expect(await answer.locator('.md-block strong').innerText()).toBe('Dolphin');
    // Each command line has its risk badge and Run, with ids from the done event's commands.
    const safe = answer.locator('.code-line-cmd', { hasText: 'lsblk' });
    await until('commands matched to code lines', async () => (await answer.locator('.code-line-cmd').count()) === 2);
    expect(await safe.locator('[data-risk]').getAttribute('data-risk')).toBe('safe');
    const mount = answer.locator('.code-line-cmd', { hasText: 'sudo mount' });
    expect(await mount.locator('[data-risk]').getAttribute('data-risk')).toBe('elevated');
    expect(await mount.locator('[data-risk]').getAttribute('title')).toMatch(/^Why: ./);
    expect(await mount.getByRole('button', { name: /Run sudo mount/ }).count()).toBe(1);
    // Run is described by its risk badge for screen readers: the level and the reasons.
    const described = await mount.getByRole('button', { name: /Run sudo mount/ }).evaluate((b) => {
      const { document } = globalThis as unknown as { document: { getElementById(id: string): { textContent: string | null } | null } };
      const id = (b as unknown as { getAttribute(n: string): string | null }).getAttribute('aria-describedby');
      return id ? (document.getElementById(id)?.textContent ?? null) : null;
    });
    expect(described).toMatch(/Needs admin\. Why: ./);
    expect(await mount.getByRole('button', { name: 'Open in Konsole' }).count()).toBe(1);
    expect(await answer.getByRole('button', { name: 'Copy code' }).count()).toBe(1);
    expect(app.pageErrors).toEqual([]);
  });

  it('stops an answer mid-stream and keeps the partial text', async () => {
    const long = Array.from({ length: 200 }, (_, i) => `Step ${i + 1}: keep going.`).join(' ');
    const app = await suite.start({ ollama: { answer: long, tokenDelayMs: 40 } });
    const { page } = app;
    await ask(page, 'tell me a long story');
    await until('some text streamed', async () => (await lastAnswerText(page)).includes('Step 3'));
    await page.getByRole('button', { name: 'Stop' }).click();
    await waitForAnswer(page);
    // Focus is in the question box, not lost to <body> when Stop went away.
    expect(
      await page.evaluate(
        () => (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document.activeElement?.id,
      ),
    ).toBe('question');
    const text = await lastAnswerText(page);
    expect(text).toContain('Step 1');
    expect(text).not.toContain('Step 200');
    await page.getByText('Stopped.').waitFor();
    // The composer is usable again and the model request was abandoned by the client.
    await page.getByRole('button', { name: 'Send' }).waitFor();
    await until('the Ollama request to be closed by the core', () =>
      app.ollama!.requests.some((r) => r.path === '/api/chat' && r.outcome === 'client-closed'),
    );
  });

  it('renders model output with <img onerror> and <script> inert, and opens only https links outside', async () => {
    const evil = [
      'Here you go <img src=x onerror="window.__pwned=1"> and <script>window.__pwned=2</script>',
      '',
      '<iframe src="https://example.com"></iframe> [bad](javascript:window.__pwned=3) ![pic](https://example.com/x.png)',
      '',
      'See [the wiki](https://wiki.koompi.org/install).',
      '',
    ].join('\n');
    const app = await suite.start({ ollama: { answer: evil } });
    const { page } = app;
    await ask(page, 'show me html');
    await waitForAnswer(page);
    const found = await page.evaluate(() => {
      const { document } = globalThis as unknown as PageGlobals;
      return {
        bad: document.querySelectorAll('.messages img, .messages script, .messages iframe, .messages [onerror]').length,
        jsLinks: [...document.querySelectorAll('.messages a')].filter((a) => !/^https:/.test(a.getAttribute('href') ?? '')).length,
        pwned: (globalThis as unknown as { __pwned?: unknown }).__pwned ?? null,
      };
    });
    expect(found).toEqual({ bad: 0, jsLinks: 0, pwned: null });
    // The tags are shown as text.
    expect(await lastAnswerText(page)).toContain('<img src=x onerror=');
    await page.getByRole('link', { name: 'the wiki' }).click();
    // Nothing leaves before the user has seen the real target and said yes.
    const dialog = page.getByRole('dialog', { name: 'Open this link?' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('https://wiki.koompi.org/install');
    expect(app.externalUrls).toEqual([]);
    await dialog.getByRole('button', { name: 'Open in browser' }).click();
    await until('the link to go through the main process', () => app.externalUrls.includes('https://wiki.koompi.org/install'));
    expect(page.url()).toContain('/index.html');
  });

  it('answers from the cloud only with a key and consent, with a Cloud badge', async () => {
    const app = await suite.start({ ollamaDown: true, gemini: { answer: 'From the **cloud**: open Discover.' } });
    const { page } = app;
    await ask(page, 'which app store does KOOMPI use and why is it good');
    await waitForAnswer(page);
    expect(await page.locator('.msg-assistant .tier').last().innerText()).toBe('Offline help');
    expect(app.gemini.requests).toHaveLength(0);

    await app.call('key:set', { key: GEMINI_TEST_KEY });
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByRole('switch', { name: 'Allow cloud answers' }).check();
    await until('consent saved', async () => (await app.call('settings:get', {})).allowCloud);
    await page.getByRole('button', { name: 'Chat', exact: true }).click();
    await ask(page, 'which app store does KOOMPI use and why is it good');
    await waitForAnswer(page);
    expect(await page.locator('.msg-assistant .tier').last().innerText()).toMatch(/^Cloud · gemini/);
    expect(await lastAnswerText(page)).toContain('From the cloud');
    expect(app.gemini.requests.length).toBeGreaterThan(0);
  });

  it('keeps conversations across a reload; lists, searches and deletes them', async () => {
    const app = await suite.start({ ollama: { answer: 'Wi-Fi answer: open **System Settings**.' } });
    const { page } = app;
    await ask(page, 'how do I connect to wifi');
    await waitForAnswer(page);
    await page.getByRole('button', { name: 'New chat' }).first().click();
    app.ollama!.setScenario({ answer: 'Printer answer: add it in **Printers**.' });
    await ask(page, 'how do I add a printer');
    await waitForAnswer(page);
    await until('two conversations listed', async () => (await page.locator('.conv').count()) === 2);

    await page.reload();
    await page.locator('.app[data-booted="1"]').waitFor();
    await until('two conversations listed after reload', async () => (await page.locator('.conv').count()) === 2);
    await page.locator('.conv-open', { hasText: 'wifi' }).click();
    await page.locator('.msg-user', { hasText: 'how do I connect to wifi' }).waitFor();
    expect(await lastAnswerText(page)).toContain('System Settings');

    await page.getByLabel('Search conversations').fill('printer');
    await until('search narrows the list', async () => (await page.locator('.conv').count()) === 1);
    expect(await page.locator('.conv-title').innerText()).toContain('printer');

    await page.getByRole('button', { name: /^Delete “.*printer/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this conversation?' });
    await dialog.waitFor();
    // Focus starts inside the dialog (on Cancel) and Esc closes it without deleting.
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).document.activeElement?.textContent)).toBe('Cancel');
    // Tab and Shift+Tab cycle inside the dialog, never out to the page behind it.
    const focused = () =>
      page.evaluate(() => {
        const a = (globalThis as unknown as PageGlobals).document.activeElement;
        return { text: a?.textContent ?? '', inDialog: !!a?.closest('[role="dialog"]'), label: a?.getAttribute('aria-label') ?? '' };
      });
    for (const key of ['Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
      await page.keyboard.press(key);
      expect((await focused()).inDialog, key).toBe(true);
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // Focus goes back to the control that opened the dialog.
    await until('focus back on the delete button', async () => /^Delete “.*printer/.test((await focused()).label));
    expect((await app.call('conversations:list', {})).length).toBe(2);
    await page.getByRole('button', { name: /^Delete “.*printer/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await until('deleted on disk', async () => (await app.call('conversations:list', {})).length === 1);
    // The row that opened it is gone: focus lands on the search box, not lost on the page.
    await until('focus on the search box', async () =>
      page.evaluate(() => (globalThis as unknown as PageGlobals).document.activeElement?.id === 'conv-search'),
    );
    await page.getByLabel('Search conversations').fill('');
    await until('one conversation left in the list', async () => (await page.locator('.conv').count()) === 1);
  });

  it('puts Run where the core found each command (fish, user@host prompts) once, a long one-liner scrolls with Run in view', async () => {
    const long = `echo ${'x'.repeat(4000)}`;
    const answer = [
      'In fish:',
      '',
      '```fish',
      'set -x EDITOR nano',
      '```',
      '',
      'As shown in a terminal:',
      '',
      '```console',
      'user@koompi:~$ df -h',
      'Filesystem Size',
      '```',
      '',
      'A **long** one:',
      '',
      '```bash',
      long,
      '```',
      '',
    ].join('\n');
    const app = await suite.start({ ollama: { answer }, viewport: { width: 1000, height: 720 } });
    const { page } = app;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await ask(page, 'show me some commands');
    await waitForAnswer(page);
    const msg = page.locator('.msg-assistant').last();
    await until('Run buttons placed', async () => (await msg.locator('.code-line-cmd').count()) === 3);
    // Each command once, in its block: nothing repeated under "Suggested commands".
    expect(await msg.locator('.suggested').count()).toBe(0);
    expect(await msg.locator('.code-line-cmd', { hasText: 'set -x EDITOR nano' }).count()).toBe(1);
    expect(await msg.locator('.code-line-cmd', { hasText: 'df -h' }).count()).toBe(1);
    // The 4,000-character line is one line tall and scrolls sideways; its Run is on screen.
    const line = msg.locator('.code-line-cmd', { hasText: 'echo xxx' });
    const pre = line.locator('pre');
    const box = await pre.boundingBox();
    expect(box!.height).toBeLessThan(40);
    expect(
      await pre.evaluate(
        (el) =>
          (el as unknown as { scrollWidth: number; clientWidth: number }).scrollWidth >
          (el as unknown as { clientWidth: number }).clientWidth,
      ),
    ).toBe(true);
    const run = line.getByRole('button', { name: /^Run echo/ });
    await run.scrollIntoViewIfNeeded();
    const runBox = await run.boundingBox();
    expect(runBox!.x + runBox!.width).toBeLessThanOrEqual(1000);
    // Shell colours only on shell: the fish block is shell, nothing else is coloured as shell.
    expect(await msg.locator('.code-block', { hasText: 'set -x' }).locator('.hl-cmd').count()).toBeGreaterThan(0);
    expect(app.pageErrors).toEqual([]);
  });

  it('Copy answer copies the answer as text, not markdown, and focus stays on the button', async () => {
    const app = await suite.start({
      view: 'overlay',
      ollama: { answer: 'Use **Dolphin** to open `/mnt`:\n\n```bash\nls /mnt\n```\n' },
      viewport: { width: 680, height: 480 },
    });
    const { page } = app;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await ask(page, 'how do I open the drive');
    await waitForAnswer(page);
    const copy = page.getByRole('button', { name: 'Copy answer' });
    await copy.click();
    await page.getByRole('button', { name: 'Copied' }).waitFor();
    const text = await page.evaluate(() =>
      (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText(),
    );
    expect(text).toContain('Use Dolphin to open /mnt:');
    expect(text).toContain('ls /mnt');
    expect(text).not.toMatch(/\*\*|```|`/);
    expect(
      await page.evaluate(
        () =>
          (globalThis as unknown as { document: { activeElement: { textContent: string } | null } }).document.activeElement?.textContent,
      ),
    ).toBe('Copied');
  });
});
