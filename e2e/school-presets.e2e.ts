// e2e: a school preset ($XDG_CONFIG_DIRS/koompi-assistant/settings.json) in the real renderer: the locked consent
// switch is disabled and marked "Set by your school" (the core refuses a change anyway), the preset's server is in
// force, and the OpenAI-compatible server field saves to the same settings koompi-ask reads.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openSuite, type Suite } from './harness/suite.js';
import { until } from './harness/poll.js';

let suite: Suite;
const xdg = mkdtempSync(join(tmpdir(), 'koompi-e2e-xdg-'));
beforeAll(async () => {
  suite = await openSuite();
});
afterEach(async () => {
  await suite.closeApps();
});
afterAll(async () => {
  await suite?.close();
  rmSync(xdg, { recursive: true, force: true });
});

describe('school presets in the settings page', () => {
  it('shows a locked setting as set by the school, disabled; other settings stay editable', async () => {
    mkdirSync(join(xdg, 'koompi-assistant'), { recursive: true });
    const preset = join(xdg, 'koompi-assistant', 'settings.json');
    writeFileSync(preset, JSON.stringify({ allowCloud: false, privacyMode: true, locked: ['allowCloud', 'privacyMode'] }));
    const app = await suite.start({ env: { XDG_CONFIG_DIRS: xdg } });
    const { page } = app;
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const consent = page.getByRole('switch', { name: 'Allow cloud answers' });
    await consent.waitFor();
    expect(await consent.isDisabled()).toBe(true);
    const notes = page.locator('.locked-note');
    expect(await notes.count()).toBe(2);
    expect(await notes.first().innerText()).toContain('Set by your school');
    expect(await notes.first().getAttribute('title')).toContain(preset);
    const view = await app.call('settings:get', {});
    expect(view.locked).toEqual({ allowCloud: preset, privacyMode: preset });
    await expect(app.call('settings:set', { allowCloud: true })).rejects.toThrow(/set by your school/);

    const openai = page.getByRole('textbox', { name: 'OpenAI-compatible server (optional)' });
    expect(await openai.isDisabled()).toBe(false);
    await openai.fill('http://school-server:8000/v1');
    await openai.press('Enter');
    await until(
      'the server saved by the core',
      async () => (await app.call('settings:get', {})).openaiBaseUrl === 'http://school-server:8000/v1',
    );
  });
});
