// Diagnoses the answering tiers: Ollama reachable (and its version), the local model present, a Gemini key, the cloud allowed.
// Every problem comes with the exact fix. Used by `koompi-ask doctor` and the app's settings page.
import { ProviderError, type ChatProvider } from './providers/provider.js';
import type { EffectiveSettings } from './settings/index.js';

export type CheckStatus = 'ok' | 'warn' | 'fail' | 'skip';

export interface DoctorCheck {
  id: 'settings' | 'ollama' | 'model' | 'gemini-key' | 'cloud';
  status: CheckStatus;
  /** One line a person can read. */
  message: string;
  /** The exact thing to run or set, or null when nothing needs doing. */
  fix: string | null;
}

export interface DoctorReport {
  /** True when at least one model tier can answer now. */
  ok: boolean;
  checks: DoctorCheck[];
}

export interface DoctorDeps {
  settings: EffectiveSettings;
  settingsPath: string;
  settingsNotice: string | null;
  ollamaHost: string;
  /** Ollama's version (throws ProviderError when unreachable); should answer within about a second. */
  ollamaVersion: (signal?: AbortSignal) => Promise<string>;
  local: ChatProvider;
  cloud: ChatProvider;
  hasGeminiKey: () => Promise<boolean>;
  /** Where the key came from, for the message. */
  geminiKeySource: () => Promise<'env' | 'stored' | null>;
  signal?: AbortSignal;
}

export const START_OLLAMA = 'sudo systemctl enable --now ollama';

export async function diagnose(d: DoctorDeps): Promise<DoctorReport> {
  const checks: DoctorCheck[] = [];
  checks.push(d.settingsNotice
    ? { id: 'settings', status: 'warn', message: d.settingsNotice, fix: null }
    : { id: 'settings', status: 'ok', message: `Settings: ${d.settingsPath}`, fix: null });

  let reachable = false;
  try {
    const v = await d.ollamaVersion(d.signal);
    reachable = true;
    checks.push({ id: 'ollama', status: 'ok', message: `Ollama ${v} is running at ${d.ollamaHost}`, fix: null });
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    const message = why.includes(d.ollamaHost) ? why : `Ollama is not reachable at ${d.ollamaHost}: ${why}`;
    checks.push({ id: 'ollama', status: 'fail', message, fix: START_OLLAMA });
  }

  let localOk = false;
  if (!reachable) {
    checks.push({ id: 'model', status: 'skip', message: 'Local model not checked (Ollama is not running)', fix: null });
  } else {
    try {
      const a = await d.local.availability(d.signal);
      if (a.ok) {
        localOk = true;
        checks.push({ id: 'model', status: 'ok', message: `Local model ${a.model} is installed`, fix: null });
      } else {
        checks.push({ id: 'model', status: 'fail', message: a.reason, fix: a.fix.replace(/^Run: /, '') || 'koompi-ask models pull qwen2.5:1.5b' });
      }
    } catch (e) {
      const fix = e instanceof ProviderError && e.fix ? e.fix : 'koompi-ask models pull qwen2.5:1.5b';
      checks.push({ id: 'model', status: 'fail', message: e instanceof Error ? e.message : String(e), fix });
    }
  }

  const src = await d.geminiKeySource();
  const hasKey = src !== null && (await d.hasGeminiKey());
  checks.push(hasKey
    ? { id: 'gemini-key', status: 'ok', message: `A Gemini API key is set (${src === 'env' ? 'GEMINI_API_KEY' : 'stored in Settings'})`, fix: null }
    : { id: 'gemini-key', status: 'warn', message: 'No Gemini API key is set (the cloud tier is optional)', fix: 'export GEMINI_API_KEY=… (or add a key in Settings)' });

  const s = d.settings;
  let cloudOk = false;
  if (s.privacyMode) {
    checks.push({ id: 'cloud', status: 'warn', message: 'Privacy mode is on: nothing is sent to the cloud', fix: 'Turn off Privacy mode in Settings to allow Gemini' });
  } else if (!s.allowCloud) {
    checks.push({ id: 'cloud', status: 'warn', message: 'The cloud (Gemini) is not allowed', fix: 'Turn on "Allow cloud" in Settings' });
  } else if (!hasKey) {
    checks.push({ id: 'cloud', status: 'warn', message: `The cloud is allowed but has no key (model ${s.geminiModel})`, fix: 'export GEMINI_API_KEY=… (or add a key in Settings)' });
  } else {
    cloudOk = true;
    checks.push({ id: 'cloud', status: 'ok', message: `The cloud is allowed (model ${s.geminiModel})`, fix: null });
  }

  return { ok: localOk || cloudOk, checks };
}
