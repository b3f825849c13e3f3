// e2e: commands run only through the main process's confirmation (here the harness's port): an intent
// answer run to its exit code, a refusal leaves nothing done, an install shown as an action card, Stop.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openSuite, type Suite } from './harness/suite.js';
import { ask, waitForAnswer } from './harness/page-helpers.js';
import { until } from './harness/poll.js';

let suite: Suite;
const tmp = mkdtempSync(join(tmpdir(), 'koompi-e2e-marker-'));
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

describe('command runs', () => {
  it('runs an intent answer (free disk space) through the confirmation to its exit code', async () => {
    const app = await suite.start();
    const { page } = app;
    app.setConfirm(() => ({ approved: true }));
    await ask(page, 'show free disk space');
    await waitForAnswer(page);
    const card = page.locator('.action-card');
    await card.waitFor();
    expect(await card.getAttribute('data-intent')).toBe('info.disk');
    expect(await page.locator('.msg-assistant .tier').last().innerText()).toBe('Rules');
    expect(await card.innerText()).toContain('df -h');
    expect(await card.locator('[data-risk]').count()).toBe(1);
    await card.getByRole('button', { name: 'Run df -h' }).click();
    const panel = card.locator('.run-panel');
    await until('the run to exit', async () => (await panel.getAttribute('data-run-status')) === 'exited');
    expect(await panel.getAttribute('data-exit-code')).toBe('0');
    expect(await panel.locator('.run-status').innerText()).toContain('Finished with exit code 0');
    // The run panel is a terminal (xterm.js, e2e/terminal.e2e.ts): its rows hold the output.
    await until('the output to show', async () =>
      /Filesystem|Size/.test(
        await panel
          .locator('.run-terminal .xterm-rows')
          .innerText()
          .catch(() => ''),
      ),
    );
    expect(app.confirmRequests).toHaveLength(1);
    expect(app.confirmRequests[0]!.runText).toBe('df -h');
    expect(app.confirmRequests[0]!.command.risk).toBe('safe');
  });

  it("runs nothing without the confirmation's yes (marker file not created), and runs it after a yes", async () => {
    const marker = join(tmp, 'marker-deny');
    const app = await suite.start({ ollama: { answer: `Create it with:\n\n\`\`\`bash\ntouch ${marker}\n\`\`\`\n` } });
    const { page } = app;
    app.setConfirm(() => ({ approved: false }));
    await ask(page, 'how do I create an empty file');
    await waitForAnswer(page);
    const line = page.locator('.code-line-cmd', { hasText: 'touch' });
    await line.getByRole('button', { name: /^Run touch/ }).click();
    const panel = line.locator('.run-panel');
    await until('the refusal', async () => (await panel.getAttribute('data-run-status')) === 'refused');
    expect(await panel.innerText()).toContain('Not run: you did not confirm it.');
    expect(await panel.innerText()).not.toContain('Not run: Not run');
    expect(app.confirmRequests).toHaveLength(1);
    expect(app.confirmRequests[0]!.runText).toBe(`touch ${marker}`);
    expect(existsSync(marker)).toBe(false);
    expect(app.events.some((e) => e.event === 'command:event')).toBe(false);

    // The same button with a yes does run it: the check above could have failed.
    app.setConfirm(() => ({ approved: true }));
    await line.getByRole('button', { name: /^Run touch/ }).click();
    await until('the run to exit', async () => (await panel.getAttribute('data-run-status')) === 'exited');
    expect(existsSync(marker)).toBe(true);
  });

  it('shows "install firefox" as an action card with its risk, and a denied run is refused', async () => {
    const app = await suite.start();
    const { page } = app;
    app.setConfirm(() => ({ approved: false }));
    await ask(page, 'install firefox');
    await waitForAnswer(page);
    const card = page.locator('.action-card');
    await card.waitFor();
    expect(await card.getAttribute('data-intent')).toBe('pkg.install');
    expect(await card.innerText()).toMatch(/firefox/i);
    expect(await card.innerText()).toContain('pacman -S');
    expect(await card.locator('[data-risk]').getAttribute('data-risk')).toBe('elevated');
    await card.getByRole('button', { name: /^Run / }).click();
    await until('the refusal', async () => (await card.locator('.run-panel').getAttribute('data-run-status')) === 'refused');
    expect(app.confirmRequests).toHaveLength(1);
    expect(app.confirmRequests[0]!.runText).toMatch(/pacman -S --needed firefox/);
  });

  it('cancels a running command', async () => {
    const app = await suite.start({ ollama: { answer: 'Wait a bit:\n\n```bash\nsleep 30\n```\n' } });
    const { page } = app;
    app.setConfirm(() => ({ approved: true }));
    await ask(page, 'how do I wait');
    await waitForAnswer(page);
    const line = page.locator('.code-line-cmd', { hasText: 'sleep 30' });
    await line.getByRole('button', { name: /^Run sleep/ }).click();
    const panel = line.locator('.run-panel');
    await until('the run to start', async () => (await panel.getAttribute('data-run-status')) === 'running');
    await panel.getByRole('button', { name: 'Stop' }).click();
    await until('the run to end', async () => (await panel.getAttribute('data-run-status')) === 'exited', 15_000);
    expect(await panel.getAttribute('data-exit-code')).not.toBe('0');
  });
});
