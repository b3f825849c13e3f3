// The health check in Khmer, through the real core against the Ollama and Gemini doubles on 127.0.0.1: every
// message and the prose of every fix is Khmer (commands, paths and product names may stay as they are), in every
// state a check can be in; and the interface language is picked from the settings, else from the locale.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCore } from '../../src-main/core/router/index.js';
import { uiLanguage } from '../../src-main/core/router/lang.js';
import { toDoctorReport } from '../../src-main/core/service/doctor-report.js';
import type { DoctorCheck } from '../../src-main/core/doctor.js';
import { startOllamaDouble } from '../doubles/ollama-double.js';
import { startGeminiDouble } from '../doubles/gemini-double.js';

const KEY = 'AIzaRightKey_0123456789abcdef';
const KHMER = /[\u1780-\u17FF]/u;
/** English function words: any of them means an English sentence (or part of one) was left. Commands have none. */
const ENGLISH =
  /\b(the|is|are|not|and|to|of|in|with|for|but|does|did|was|has|have|can|could|this|it|be|only|cannot|from|then|or|no|yet|set in|running|installed|allowed|works)\b/i;
const dirs: string[] = [];
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function dir(settings: object | string | null): string {
  const d = mkdtempSync(join(tmpdir(), 'koompi-doctor-km-'));
  dirs.push(d);
  if (settings !== null)
    writeFileSync(join(d, 'settings.json'), typeof settings === 'string' ? settings : JSON.stringify({ version: 2, ...settings }));
  return d;
}

async function khmerDoctor(env: NodeJS.ProcessEnv, settings: object | string | null): Promise<DoctorCheck[]> {
  const configDir = dir(settings);
  const core = await buildCore({ env: { PATH: process.env.PATH, ...env }, configDir, getGeminiKey: () => null, docs: false });
  try {
    return (await core.doctor(undefined, 'km')).checks;
  } finally {
    await core.close();
  }
}

/** Messages are Khmer; a fix may be a bare command, but whatever prose it has is Khmer. */
function expectKhmer(messages: (string | null)[], fixes: (string | null)[]): void {
  for (const t of messages) {
    if (t === null) continue;
    expect(t, t).toMatch(KHMER);
    expect(t, t).not.toMatch(ENGLISH);
  }
  for (const t of fixes) if (t !== null) expect(t.replace(/https?:\/\/\S+/g, ''), t).not.toMatch(ENGLISH);
}

describe('the health check in Khmer', () => {
  it('every state of every check: Khmer messages, Khmer prose around the commands', async () => {
    const stuck = await startOllamaDouble({ hang: ['/api/version'] });
    const empty = await startOllamaDouble({ models: [] });
    const good = await startOllamaDouble({});
    const gemini = await startGeminiDouble({ apiKey: KEY, answer: 'ok' });
    cleanups.push(
      () => stuck.close(),
      () => empty.close(),
      () => good.close(),
      () => gemini.close(),
    );
    const g = { KOOMPI_GEMINI_BASE_URL: gemini.url };
    const runs = await Promise.all([
      khmerDoctor({ OLLAMA_HOST: '127.0.0.1:9' }, null), // down, no key, cloud off
      khmerDoctor({ OLLAMA_HOST: stuck.url }, { privacyMode: true }), // stuck, privacy
      khmerDoctor({ OLLAMA_HOST: empty.url, ...g, GEMINI_API_KEY: 'AIzaWrongKey_0123456789abcdef' }, { allowCloud: true }), // no model, refused key
      khmerDoctor({ OLLAMA_HOST: empty.url, ...g }, { allowCloud: true, model: 'phi3:mini' }), // a named model missing, cloud without key
      khmerDoctor({ OLLAMA_HOST: good.url, ...g, GEMINI_API_KEY: KEY }, { allowCloud: true }), // all fine
      khmerDoctor({ OLLAMA_HOST: good.url, GEMINI_API_KEY: KEY }, '{broken'), // key not tried; settings reset notice
    ]);
    const all = runs.flat();
    const states = new Set(all.map((c) => `${c.id}:${c.status}`));
    for (const s of [
      'settings:ok',
      'settings:warn',
      'ollama:ok',
      'ollama:fail',
      'model:ok',
      'model:fail',
      'model:skip',
      'gemini-key:ok',
      'gemini-key:warn',
      'gemini-key:fail',
      'cloud:ok',
      'cloud:warn',
      'cloud:fail',
    ]) {
      expect(states, s).toContain(s);
    }
    expectKhmer(
      all.map((c) => c.message),
      all.map((c) => c.fix),
    );
    // Commands stay as they are.
    const fixes = all.map((c) => c.fix ?? '').join('\n');
    expect(fixes).toContain('sudo systemctl enable --now ollama');
    expect(fixes).toContain('sudo systemctl restart ollama');
    expect(fixes).toContain('koompi-ask models pull');
    expect(fixes).toContain('koompi-ask config set-key gemini');
  }, 60_000);

  it("the app's report: labels and its own lines in Khmer too", () => {
    const core = {
      ok: false,
      checks: [{ id: 'model' as const, status: 'fail' as const, message: 'ម៉ូដែល', fix: 'koompi-ask models pull qwen2.5:1.5b' }],
    };
    for (const key of [
      { set: true, backend: 'memory', plainText: false },
      { set: true, backend: 'file', plainText: true },
      { set: true, backend: 'env', plainText: false },
    ]) {
      const r = toDoctorReport(core, { hotkey: { accelerator: 'Ctrl+Alt+Space', path: 'none', detail: 'គ្មាន' }, key }, 'km');
      expectKhmer(
        r.checks.flatMap((c) => [c.label, c.detail]),
        r.checks.map((c) => c.fix),
      );
    }
    expect(toDoctorReport(core, { hotkey: null, key: { set: false, backend: 'memory', plainText: false } }).checks[0]!.label).toBe(
      'Local model',
    );
  });

  it("English stays as it was, and the missing key's fix names the terminal way", async () => {
    const core = await buildCore({
      env: { PATH: process.env.PATH, OLLAMA_HOST: '127.0.0.1:9' },
      configDir: dir(null),
      getGeminiKey: () => null,
      docs: false,
    });
    const checks = (await core.doctor()).checks;
    await core.close();
    expect(checks.find((c) => c.id === 'ollama')!.message).toMatch(/not reachable|Ollama/);
    expect(checks.find((c) => c.id === 'gemini-key')).toMatchObject({
      message: 'No Gemini API key is set (the cloud tier is optional)',
      fix: expect.stringMatching(/^export GEMINI_API_KEY=.*koompi-ask config set-key gemini.*Settings/),
    });
  });
});

describe('uiLanguage', () => {
  it('the settings choose; "auto" follows the locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG in that order)', () => {
    expect(uiLanguage('km', { LANG: 'en_US.UTF-8' })).toBe('km');
    expect(uiLanguage('en', { LANG: 'km_KH.UTF-8' })).toBe('en');
    expect(uiLanguage('auto', { LANG: 'km_KH.UTF-8' })).toBe('km');
    expect(uiLanguage('auto', { LANGUAGE: 'km:en', LANG: 'en_US.UTF-8' })).toBe('km');
    expect(uiLanguage('auto', { LC_ALL: 'en_US.UTF-8', LANG: 'km_KH.UTF-8' })).toBe('en');
    expect(uiLanguage('auto', { LC_MESSAGES: 'km_KH', LANG: 'en_US.UTF-8' })).toBe('km');
    expect(uiLanguage('auto', { LANG: 'C.UTF-8' })).toBe('en');
    expect(uiLanguage('auto', {})).toBe('en');
    expect(uiLanguage(undefined, { LANG: 'km_KH.UTF-8' })).toBe('km');
  });
});
