// e2e: the run panel is a real terminal. The real core runs each confirmed command on a pseudo-terminal (script(1));
// the page shows it in xterm.js (loaded lazily) and typing in the panel reaches the command. A pacman stand-in behind
// a pkexec stand-in prompts and is answered in the panel; `cd` carries to the next command of the answer; Ctrl+C in
// the panel leaves no process behind; Stop asks first for a command that changes the system; 5 MiB of output runs
// to the end; "Run all" runs a block in one shell and stops at the first failure; run output has >= 4.5:1 contrast
// in both themes.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openSuite, type Suite } from './harness/suite.js';
import { ask, waitForAnswer } from './harness/page-helpers.js';
import { until } from './harness/poll.js';
import { procInfo } from '../src-main/core/terminal/proc-session.js';

let suite: Suite;
const tmp = realpathSync(mkdtempSync(join(tmpdir(), 'koompi-e2e-term-')));
const bin = join(tmp, 'bin');
mkdirSync(bin);
const log = join(tmp, 'pacman.log');
const exe = (name: string, text: string): void => {
  writeFileSync(join(bin, name), text);
  chmodSync(join(bin, name), 0o755);
};
// polkit stand-in: the sudo shim calls `pkexec [--user U] env -C DIR CMD…`; here it runs CMD as is.
exe('pkexec', '#!/bin/sh\n[ "$1" = --user ] && shift 2\nexec "$@"\n');
exe(
  'pacman',
  `#!/bin/bash
[ -t 0 ] || { echo "error: no terminal"; exit 1; }
echo "resolving dependencies..."
printf ':: Proceed with installation? [Y/n] '
read -r a
case "$a" in ""|y|Y) ;; *) echo "error: cancelled"; exit 1 ;; esac
if [ -n "$PACMAN_SLOW" ]; then echo "downloading..."; sleep 300; fi
for i in 1 2 3; do printf '\\r(%d/3) installing firefox' "$i"; sleep 0.05; done
echo
echo "installed $*" >> "${log}"
`,
);

beforeAll(async () => {
  suite = await openSuite();
});
afterEach(async () => {
  await suite.closeApps();
});
afterAll(async () => {
  await suite?.close();
  rmSync(tmp, { recursive: true, force: true });
});

const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({ PATH: `${bin}:${process.env.PATH ?? '/usr/bin:/bin'}`, ...extra });
const alive = (pid: number): boolean => {
  const p = procInfo(pid);
  return p !== null && p.state !== 'Z';
};
const terminalText = (panel: Locator): Promise<string> =>
  panel
    .locator('.run-terminal .xterm-rows')
    .innerText()
    .catch(() => '');
const status = (panel: Locator): Promise<string | null> => panel.getAttribute('data-run-status');

async function typeInto(page: Page, panel: Locator, keys: string[]): Promise<void> {
  await panel.locator('.run-terminal').click();
  for (const k of keys) await page.keyboard.press(k);
}

describe('the run panel is a terminal', () => {
  it('install firefox: pacman prompts in the panel, the answer typed there is read, the install completes', async () => {
    rmSync(log, { force: true });
    const app = await suite.start({ env: env() });
    const { page } = app;
    app.setConfirm(() => ({ approved: true }));
    await ask(page, 'install firefox');
    await waitForAnswer(page);
    const card = page.locator('.action-card');
    await card.getByRole('button', { name: /^Run / }).click();
    const panel = card.locator('.run-panel');
    await until('pacman to ask', async () => (await terminalText(panel)).includes(':: Proceed with installation? [Y/n]'));
    expect(existsSync(log)).toBe(false);
    await typeInto(page, panel, ['y', 'Enter']);
    await until('the run to exit', async () => (await status(panel)) === 'exited');
    expect(await panel.getAttribute('data-exit-code')).toBe('0');
    expect(readFileSync(log, 'utf8')).toBe('installed -S --needed firefox\n');
    const shown = await terminalText(panel);
    expect(shown).toContain('(3/3) installing firefox');
    expect(await panel.locator('.run-status').innerText()).toContain('Finished with exit code 0');
    expect(app.pageErrors.join('\n')).toBe('');
    await page.screenshot({ path: 'e2e/artifacts/screenshots/run-terminal-pacman-light.png' });
  });

  it('a refused transaction says failed, with the exit code', async () => {
    const app = await suite.start({ env: env() });
    const { page } = app;
    app.setConfirm(() => ({ approved: true }));
    await ask(page, 'install firefox');
    await waitForAnswer(page);
    const panel = page.locator('.action-card .run-panel');
    await page.locator('.action-card').getByRole('button', { name: /^Run / }).click();
    await until('pacman to ask', async () => (await terminalText(panel)).includes('[Y/n]'));
    await typeInto(page, panel, ['n', 'Enter']);
    await until('the run to exit', async () => (await status(panel)) === 'exited');
    expect(await panel.getAttribute('data-exit-code')).toBe('1');
    expect(await panel.locator('.run-status').innerText()).toContain('Failed with exit code 1');
  });

  it('a `cd` in one command carries to the next command of the same answer', async () => {
    const home = mkdtempSync(join(tmp, 'home-'));
    const app = await suite.start({
      env: env({ HOME: home }),
      ollama: { answer: 'Like this:\n\n```bash\nmkdir -p "Down loads" && cd "Down loads"\npwd > where.txt\n```\n' },
    });
    const { page } = app;
    app.setConfirm(() => ({ approved: true }));
    await ask(page, 'zqx plover make a folder');
    await waitForAnswer(page);
    const first = page.locator('.code-line-cmd', { hasText: 'mkdir' });
    await first.getByRole('button', { name: /^Run mkdir/ }).click();
    await until('the first to exit', async () => (await status(first.locator('.run-panel'))) === 'exited');
    const second = page.locator('.code-line-cmd', { hasText: 'where.txt' });
    await second.getByRole('button', { name: /^Run pwd/ }).click();
    await until('the second to exit', async () => (await status(second.locator('.run-panel'))) === 'exited');
    expect(readFileSync(join(home, 'Down loads', 'where.txt'), 'utf8')).toBe(`${join(home, 'Down loads')}\n`);
  });

  it('Ctrl+C typed in the panel stops the command; nothing it started is left running', async () => {
    const pidFile = join(tmp, 'bg.pid');
    const app = await suite.start({
      env: env(),
      ollama: { answer: `Start it:\n\n\`\`\`bash\nsleep 300 & echo $! > ${pidFile}; echo started; sleep 300\n\`\`\`\n` },
    });
    const { page } = app;
    app.setConfirm(() => ({ approved: true }));
    await ask(page, 'zqx plover start a long job');
    await waitForAnswer(page);
    const line = page.locator('.code-line-cmd', { hasText: 'sleep 300' });
    await line.getByRole('button', { name: /^Run sleep/ }).click();
    const panel = line.locator('.run-panel');
    await until('the job to start', async () => (await terminalText(panel)).includes('started'));
    const bg = Number(readFileSync(pidFile, 'utf8'));
    expect(alive(bg)).toBe(true);
    await typeInto(page, panel, ['Control+C']);
    await until('the run to end', async () => (await status(panel)) === 'exited', 15_000);
    expect(await panel.getAttribute('data-exit-code')).toBe('130');
    await until('the background job to be gone', () => !alive(bg), 5000);
  });

  it('Stop asks first for a command that changes the system, then stops it', async () => {
    const app = await suite.start({ env: env({ PACMAN_SLOW: '1' }) });
    const { page } = app;
    app.setConfirm(() => ({ approved: true }));
    await ask(page, 'install firefox');
    await waitForAnswer(page);
    const panel = page.locator('.action-card .run-panel');
    await page.locator('.action-card').getByRole('button', { name: /^Run / }).click();
    await until('pacman to ask', async () => (await terminalText(panel)).includes('[Y/n]'));
    await typeInto(page, panel, ['y', 'Enter']);
    await until('the download', async () => (await terminalText(panel)).includes('downloading'));
    await panel.getByRole('button', { name: 'Stop' }).click();
    const askBox = panel.locator('.run-stop-ask');
    await askBox.waitFor();
    expect(await askBox.innerText()).toMatch(/changes the system/);
    await askBox.getByRole('button', { name: 'Keep running' }).click();
    await new Promise((r) => setTimeout(r, 500));
    expect(await status(panel)).toBe('running');
    await panel.getByRole('button', { name: 'Stop' }).click();
    await panel.getByRole('button', { name: 'Stop anyway' }).click();
    await until('the run to end', async () => (await status(panel)) === 'exited', 20_000);
    expect(await panel.getAttribute('data-exit-code')).not.toBe('0');
  });

  it('a command that prints 5 MiB is not killed', async () => {
    const app = await suite.start({
      env: env(),
      ollama: { answer: "Print a lot:\n\n```bash\nhead -c 5242880 /dev/zero | tr '\\\\0' x | fold -w 100; echo END-OF-OUTPUT\n```\n" },
    });
    const { page } = app;
    app.setConfirm(() => ({ approved: true }));
    await ask(page, 'zqx plover print a lot');
    await waitForAnswer(page);
    const line = page.locator('.code-line-cmd', { hasText: 'fold' });
    await line.getByRole('button', { name: /^Run head/ }).click();
    const panel = line.locator('.run-panel');
    const t0 = Date.now();
    await until('the run to exit', async () => (await status(panel)) === 'exited', 60_000);
    expect(await panel.getAttribute('data-exit-code')).toBe('0');
    await until('the last line to show', async () => (await terminalText(panel)).includes('END-OF-OUTPUT'), 30_000);
    const received = app.events
      .filter((e) => e.event === 'command:event')
      .reduce((n, e) => {
        const ev = (e.payload as { event: { type: string; data?: string } }).event;
        return n + (ev.type === 'output' ? ev.data!.length : 0);
      }, 0);
    expect(received).toBeGreaterThan(5 * 1024 * 1024);
    console.log(`5 MiB in the run panel: ${received} chars, exit 0, ${Date.now() - t0} ms`);
  }, 90_000);

  it('"Run all" runs a block in one shell, in order, confirmed once, and stops at the first failure', async () => {
    const home = mkdtempSync(join(tmp, 'all-'));
    const app = await suite.start({
      env: env({ HOME: home }),
      ollama: { answer: 'Do all three:\n\n```bash\nmkdir -p work && cd work\necho one > a.txt\nfalse\necho three > c.txt\n```\n' },
    });
    const { page } = app;
    app.setConfirm(() => ({ approved: true }));
    await ask(page, 'zqx plover three steps');
    await waitForAnswer(page);
    await page.getByRole('button', { name: /^▶ Run all 4 in order/ }).click();
    const panel = page.locator('.run-all .run-panel');
    await until('the block to end', async () => (await status(panel)) === 'exited');
    expect(await panel.getAttribute('data-exit-code')).toBe('1');
    expect(app.confirmRequests).toHaveLength(1);
    expect(app.confirmRequests[0]!.runText).toBe('mkdir -p work && cd work\necho one > a.txt\nfalse\necho three > c.txt');
    expect(readFileSync(join(home, 'work', 'a.txt'), 'utf8')).toBe('one\n');
    expect(existsSync(join(home, 'work', 'c.txt'))).toBe(false);
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`run output contrast is at least 4.5:1 (${scheme})`, async () => {
      const app = await suite.start({
        env: env(),
        colorScheme: scheme,
        ollama: { answer: 'Say hi:\n\n```bash\necho hello from the terminal\n```\n' },
      });
      const { page } = app;
      app.setConfirm(() => ({ approved: true }));
      await ask(page, 'zqx plover say hi');
      await waitForAnswer(page);
      const line = page.locator('.code-line-cmd', { hasText: 'echo hello' });
      await line.getByRole('button', { name: /^Run echo/ }).click();
      const panel = line.locator('.run-panel');
      await until('the run to exit', async () => (await status(panel)) === 'exited');
      await until('the text to show', async () => (await terminalText(panel)).includes('hello from the terminal'));
      const colours = await panel.locator('.run-terminal .xterm-rows').evaluate((rows) => {
        interface El {
          parentElement: El | null;
        }
        const g = globalThis as unknown as { getComputedStyle(e: El): { color: string; backgroundColor: string } };
        let el: El | null = rows as unknown as El;
        let bg = 'rgba(0, 0, 0, 0)';
        while (el && /rgba\(0, 0, 0, 0\)|transparent/.test(bg)) {
          bg = g.getComputedStyle(el).backgroundColor;
          el = el.parentElement;
        }
        return { fg: g.getComputedStyle(rows as unknown as El).color, bg };
      });
      const ratio = contrast(colours.fg, colours.bg);
      console.log(`${scheme}: run output ${colours.fg} on ${colours.bg}: ${ratio.toFixed(2)}:1`);
      expect(ratio).toBeGreaterThanOrEqual(4.5);
      expect(app.pageErrors.join('\n')).toBe('');
      await page.screenshot({ path: `e2e/artifacts/screenshots/run-terminal-${scheme}.png` });
    });
  }
});

function contrast(a: string, b: string): number {
  const lum = (c: string): number => {
    const [r, g, bl] = (c.match(/\d+(\.\d+)?/g) ?? ['0', '0', '0'])
      .slice(0, 3)
      .map(Number)
      .map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
