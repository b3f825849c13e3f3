// e2e: answers from the offline documentation. With Ollama down, a KOOMPI question is answered by the docs tier
// (the "Docs" badge) with its sources listed under it; a source opens in the in-app viewer (an article section as
// markdown, a man page as text) and closes with Esc. The index is real: the shipped articles plus one man page
// built from a fixture MANPATH, so the test needs no system man pages.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildDocsIndex } from '../src-main/core/knowledge/index.js';
import { openSuite, type Suite } from './harness/suite.js';
import { ask, waitForAnswer } from './harness/page-helpers.js';
import { until } from './harness/poll.js';

const RM_PAGE = `.TH RM 1 "2026" "coreutils" "User Commands"
.SH NAME
rm \\- remove files or directories
.SH SYNOPSIS
.B rm
[\\fIOPTION\\fR]... [\\fIFILE\\fR]...
.SH DESCRIPTION
This manual page documents the GNU version of rm. rm removes each specified file.
.TP
\\fB\\-f\\fR, \\fB\\-\\-force\\fR
ignore nonexistent files and arguments, never prompt
.TP
\\fB\\-r\\fR, \\fB\\-R\\fR, \\fB\\-\\-recursive\\fR
remove directories and their contents recursively
.TP
\\fB\\-v\\fR, \\fB\\-\\-verbose\\fR
explain what is being done
`;

/** A small page in the offline ArchWiki's shape (MediaWiki HTML, as arch-wiki-docs installs it). */
const ZRAM_PAGE = `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8"><title>Zram - ArchWiki</title></head><body>
<main><h1 id="firstHeading"><span class="mw-page-title-main">Zram</span></h1>
<div class="mw-content-ltr mw-parser-output" lang="en" dir="ltr">
<p><i>zram</i> creates a compressed block device in RAM.</p>
<div class="mw-heading mw-heading2"><h2 id="Usage_as_swap">Usage as swap</h2></div>
<p>To use zram as swap, load the module, create the device and enable it as swap with a high priority:</p>
<pre># modprobe zram
# zramctl /dev/zram0 --algorithm zstd --size 4G
# mkswap -U clear /dev/zram0
# swapon --discard --priority 100 /dev/zram0
</pre>
</div></main></body></html>
`;

let suite: Suite;
let dir: string;
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'koompi-e2e-docs-'));
  mkdirSync(join(dir, 'man', 'man1'), { recursive: true });
  writeFileSync(join(dir, 'man', 'man1', 'rm.1'), RM_PAGE);
  mkdirSync(join(dir, 'wiki', 'en'), { recursive: true });
  writeFileSync(join(dir, 'wiki', 'en', 'Zram.html'), ZRAM_PAGE);
  env = {
    KOOMPI_KNOWLEDGE_DIR: fileURLToPath(new URL('../assets/knowledge', import.meta.url)),
    KOOMPI_CACHE_DIR: join(dir, 'cache'),
    MANPATH: join(dir, 'man'),
    KOOMPI_ARCH_WIKI_DIR: join(dir, 'wiki'),
    KOOMPI_KDE_HELP_DIR: join(dir, 'no-kde'),
  };
  const built = await buildDocsIndex({ cacheDir: env.KOOMPI_CACHE_DIR!, env: { PATH: process.env.PATH, ...env }, inProcess: true });
  expect(built.ok).toBe(true);
  suite = await openSuite();
});
afterEach(async () => {
  await suite.closeApps();
});
afterAll(async () => {
  await suite?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('sources', () => {
  it('a docs answer shows the Docs badge and its sources; a KOOMPI source opens in the viewer', async () => {
    const app = await suite.start({ ollamaDown: true, env });
    const { page } = app;
    await ask(page, 'how do I go back to an earlier snapshot after a broken update?');
    await waitForAnswer(page);
    const answer = page.locator('.msg-assistant').last();
    expect(await answer.locator('.tier').innerText()).toBe('Docs');
    expect(await answer.locator('.markdown').innerText()).toMatch(/rollback/i);
    const items = answer.locator('.sources .source-item');
    expect(await items.count()).toBeGreaterThan(0);
    await page.screenshot({ path: 'e2e/artifacts/screenshots/sources-docs-answer.png' });
    const ref = await items.first().getAttribute('data-source-ref');
    expect(ref).toMatch(/^koompi:snapshots#/);
    expect(await items.first().innerText()).toMatch(/KOOMPI guide/);

    const link = items.first().getByRole('button');
    await link.click();
    const viewer = page.locator('.source-viewer');
    await viewer.waitFor();
    expect(await viewer.getAttribute('data-source-ref')).toBe(ref);
    await page.locator('.source-body .md-block, .source-body .code-block').first().waitFor();
    expect(await page.locator('.source-body').innerText()).toMatch(/snapshot/i);
    await page.screenshot({ path: 'e2e/artifacts/screenshots/sources-viewer-article.png' });
    // Read-only: a command in the viewer can be copied, not run.
    expect(await page.locator('.source-body').getByRole('button', { name: /^Run/ }).count()).toBe(0);
    await page.keyboard.press('Escape');
    await viewer.waitFor({ state: 'detached' });
    expect(
      await link.evaluate((el) => el === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement),
    ).toBe(true);
    expect(app.pageErrors).toEqual([]);
  });

  it('an option question is answered from the man page, which opens as text; the sources survive a reload', async () => {
    const app = await suite.start({ ollamaDown: true, env });
    const { page } = app;
    await ask(page, 'what does the -r option of rm do');
    await waitForAnswer(page);
    const answer = page.locator('.msg-assistant').last();
    expect(await answer.locator('.tier').innerText()).toBe('Docs');
    expect(await answer.locator('.markdown').innerText()).toMatch(/recursive/);
    const man = answer.locator('.sources .source-item[data-source-ref="rm(1)"]');
    await man.waitFor();
    await man.getByRole('button').click();
    const pre = page.locator('.source-viewer pre.source-man');
    await pre.waitFor();
    expect(await pre.innerText()).toMatch(/remove directories and their contents recursively/);
    await page.screenshot({ path: 'e2e/artifacts/screenshots/sources-viewer-man.png' });
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await page.locator('.source-viewer').waitFor({ state: 'detached' });

    await page.reload();
    await page
      .getByRole('button', { name: /what does the -r option/ })
      .first()
      .click()
      .catch(() => undefined);
    await page.locator('.msg-assistant .sources .source-item[data-source-ref="rm(1)"]').waitFor({ timeout: 15_000 });
  });

  it('an ArchWiki source opens as a section, with its online page one click away (through the main process)', async () => {
    const app = await suite.start({ ollamaDown: true, env });
    const { page } = app;
    await ask(page, 'how do I use zram as swap');
    await waitForAnswer(page);
    const answer = page.locator('.msg-assistant').last();
    expect(await answer.locator('.tier').innerText()).toBe('Docs');
    const wiki = answer.locator('.sources .source-item[data-source-ref="https://wiki.archlinux.org/title/Zram#Usage_as_swap"]');
    await wiki.waitFor();
    await wiki.getByRole('button').click();
    await page.locator('.source-viewer .source-body .code-block').waitFor();
    // textContent: a code block off the first paint has no rendered text yet (content-visibility).
    expect(await page.locator('.source-viewer .source-body').textContent()).toMatch(/zramctl \/dev\/zram0/);
    await page.getByRole('button', { name: 'Open the online page' }).click();
    await until('the page opened outside', async () => app.externalUrls.length === 1);
    expect(app.externalUrls).toEqual(['https://wiki.archlinux.org/title/Zram#Usage_as_swap']);
  });

  it('the health check shows what the index holds', async () => {
    const app = await suite.start({ ollamaDown: true, env });
    const { page } = app;
    await page.getByRole('button', { name: 'Health check', exact: true }).click();
    const check = page.locator('[data-check-id="docs-index"]');
    await check.waitFor();
    expect(await check.getAttribute('data-ok')).toBe('1');
    expect(await check.innerText()).toMatch(/Offline documentation[\s\S]*KOOMPI guides \d+ pages, man pages 1 pages, ArchWiki 1 pages/);
  });

  it('the section channel validates the reference and says when a section is gone', async () => {
    const app = await suite.start({ ollamaDown: true, env });
    await expect(app.call('docs:section', { ref: 'koompi:snapshots#no-such-section' })).resolves.toBeNull();
    await expect(app.call('docs:section', { ref: '' })).rejects.toThrow(/ref/);
    await expect(app.call('docs:section', { ref: 'x'.repeat(5000) })).rejects.toThrow(/ref/);
    const s = await app.call('docs:section', { ref: 'rm(1)' });
    expect(s).toMatchObject({ kind: 'man', ref: 'rm(1)' });
    expect(s!.text).toMatch(/recursively/);
    const status = await app.call('docs:status', {});
    expect(status?.sources.find((x) => x.kind === 'man')?.pages).toBe(1);
  });
});
