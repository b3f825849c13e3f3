// doctor:run (the app's health check) speaks the settings' language: 'km' or 'en' as set, and for 'auto' Khmer when
// the desktop's locale is Khmer. The real service against the Ollama double.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './service/service-harness.js';

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const KHMER = /[\u1780-\u17FF]/u;
const withSettings =
  (language: string) =>
  async (dir: string): Promise<void> => {
    await mkdir(join(dir, 'config'));
    await writeFile(join(dir, 'config', 'settings.json'), JSON.stringify({ version: 2, language }));
  };

describe('doctor:run language', () => {
  it('"auto" with a Khmer locale: labels, details and the docs line in Khmer', async () => {
    h = await startHarness({ env: () => ({ LANG: 'km_KH.UTF-8' }) });
    const r = await h.service.handlers['doctor:run']({});
    expect(r.checks.find((c) => c.id === 'model')).toMatchObject({ label: 'ម៉ូដែលក្នុងម៉ាស៊ីន', detail: expect.stringMatching(KHMER) });
    expect(r.checks.find((c) => c.id === 'docs-index')).toMatchObject({ label: 'ឯកសារជំនួយក្រៅបណ្តាញ', detail: expect.stringMatching(KHMER) });
    expect(r.checks.find((c) => c.id === 'key-storage')!.detail).toMatch(KHMER);
  });

  it('the settings choose over the locale, both ways', async () => {
    h = await startHarness({ beforeStart: withSettings('km') });
    const km = await h.service.handlers['doctor:run']({});
    expect(km.checks.find((c) => c.id === 'cloud-key')).toMatchObject({
      label: 'កូនសោ Gemini',
      detail: expect.stringMatching(/^មិនទាន់មានកូនសោ/),
      fix: expect.stringContaining('koompi-ask config set-key gemini'),
    });
    await h.close();
    h = await startHarness({ beforeStart: withSettings('en'), env: () => ({ LANG: 'km_KH.UTF-8' }) });
    const en = await h.service.handlers['doctor:run']({});
    expect(en.checks.find((c) => c.id === 'cloud-key')).toMatchObject({
      label: 'Gemini key',
      detail: 'No Gemini API key is set (the cloud tier is optional)',
    });
  });
});
