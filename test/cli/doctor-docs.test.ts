// koompi-ask doctor shows the offline documentation's line and a truthful closing line (the guides still answer
// when no model can), in the settings' language ('auto': the locale). Exit 3 stays when no model tier can answer.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/koompi-ask', import.meta.url));
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function temp(settings: object | null = null): { config: string; cache: string } {
  const d = mkdtempSync(join(tmpdir(), 'koompi-doctor-docs-'));
  dirs.push(d);
  if (settings) writeFileSync(join(d, 'settings.json'), JSON.stringify({ version: 2, ...settings }));
  return { config: d, cache: join(d, 'cache') };
}

function doctor(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'doctor', ...args], {
      // Ollama is not there (port 9 refuses), so no model can answer.
      env: { PATH: process.env.PATH, NO_COLOR: '1', KOOMPI_HAS_CLI: '0', OLLAMA_HOST: '127.0.0.1:9', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout }));
  });
}

describe('koompi-ask doctor: the offline documentation', () => {
  it('English: the docs line with its fix; the guides answer while no model can; exit 3', async () => {
    const t = temp();
    const r = await doctor([], { KOOMPI_CONFIG_DIR: t.config, KOOMPI_CACHE_DIR: t.cache, LANG: 'en_US.UTF-8' });
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(
      /\[warn\] Offline documentation: Not built yet: only the KOOMPI guides answer \([\d,]+ sections \(KOOMPI guides \d+ pages\)\)/,
    );
    expect(r.stdout).toContain('fix: koompi-ask docs index');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe(
      'No model can answer yet, but the offline documentation answers common questions: apply the fixes above for the rest.',
    );
    expect(r.stdout).toContain('fix: sudo systemctl enable --now ollama');
  }, 60_000);

  it('with nothing to search, the closing line does not promise the documentation', async () => {
    const t = temp();
    const r = await doctor([], { KOOMPI_CONFIG_DIR: t.config, KOOMPI_CACHE_DIR: t.cache, KOOMPI_KNOWLEDGE_DIR: join(t.config, 'none') });
    expect(r.code).toBe(3);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('No model can answer yet: apply the fixes above.');
  }, 60_000);

  it('Khmer from the locale (language "auto"): every line and the closing line in Khmer, commands kept', async () => {
    const t = temp();
    const r = await doctor([], { KOOMPI_CONFIG_DIR: t.config, KOOMPI_CACHE_DIR: t.cache, LANG: 'km_KH.UTF-8' });
    expect(r.code).toBe(3);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toBe('មិនទាន់មានម៉ូដែលណាអាចឆ្លើយបានទេ ប៉ុន្តែឯកសារជំនួយក្រៅបណ្តាញអាចឆ្លើយសំណួរទូទៅបាន៖ សូមធ្វើតាមវិធីដោះស្រាយខាងលើសម្រាប់សំណួរផ្សេងទៀត។');
    expect(r.stdout).toMatch(/\[warn\] ឯកសារជំនួយក្រៅបណ្តាញ: មិនទាន់បានបង្កើតទេ/);
    expect(r.stdout).toContain('វិធីដោះស្រាយ: koompi-ask docs index');
    expect(r.stdout).toContain('koompi-ask config set-key gemini');
    for (const l of lines.filter((x) => x.startsWith('['))) expect(l, l).toMatch(/[\u1780-\u17FF]/u);
  }, 60_000);

  it("the settings' language wins over the locale; --json carries the docs line", async () => {
    const km = temp({ language: 'km' });
    const r = await doctor(['--json'], { KOOMPI_CONFIG_DIR: km.config, KOOMPI_CACHE_DIR: km.cache, LANG: 'en_US.UTF-8' });
    expect(r.code).toBe(3);
    const rep = JSON.parse(r.stdout) as {
      ok: boolean;
      checks: { id: string; message: string }[];
      docs: { id: string; ok: boolean; label: string; detail: string; fix: string | null };
    };
    expect(rep.ok).toBe(false);
    expect(rep.checks.find((c) => c.id === 'gemini-key')!.message).toMatch(/^មិនទាន់មានកូនសោ Gemini API/);
    expect(rep.docs).toMatchObject({ id: 'docs-index', ok: false, label: 'ឯកសារជំនួយក្រៅបណ្តាញ', fix: 'koompi-ask docs index' });
    const en = temp({ language: 'en' });
    const e = await doctor([], { KOOMPI_CONFIG_DIR: en.config, KOOMPI_CACHE_DIR: en.cache, LANG: 'km_KH.UTF-8' });
    expect(e.stdout).toContain('No Gemini API key is set');
    expect(e.stdout).toContain('Offline documentation: ');
  }, 60_000);
});
