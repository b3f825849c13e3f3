// Diagnoses the answering tiers: Ollama reachable (and its version), the local model present, a Gemini key, the cloud allowed.
// Every problem comes with the exact fix. Used by `koompi-ask doctor` and the app's settings page.
// Ollama that accepts but does not answer is told apart from Ollama that is not running (restart, not start), and a
// Gemini key is tried with one tiny request when the cloud is allowed: a refused key is never reported as fine.
import { ProviderError, type ChatProvider } from './providers/provider.js';
import type { EffectiveSettings } from './settings/index.js';
import type { ModelFit } from './hardware/model-fit.js';
import { doctorTexts, START_OLLAMA, RESTART_OLLAMA, type DoctorLang, type DoctorTexts } from './doctor-texts.js';

export { START_OLLAMA, RESTART_OLLAMA, type DoctorLang };

export type CheckStatus = 'ok' | 'warn' | 'fail' | 'skip';

export interface DoctorCheck {
  id: 'settings' | 'ollama' | 'model' | 'gemini-key' | 'cloud' | 'memory';
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
  /** Which local model fits this machine's RAM (hardware/model-fit.ts); omitted when the local tier is a server. */
  modelFit?: ModelFit | null;
  /** The language of every message and of the prose in every fix (commands stay as they are). Default 'en'. */
  lang?: DoctorLang;
}

/** Time given to the one request that checks a Gemini key. */
const KEY_CHECK_MS = 10_000;

export async function diagnose(d: DoctorDeps): Promise<DoctorReport> {
  const t = doctorTexts(d.lang);
  const checks: DoctorCheck[] = [];
  checks.push(
    d.settingsNotice
      ? { id: 'settings', status: 'warn', message: t.settingsNotice(d.settingsNotice, d.settingsPath), fix: null }
      : { id: 'settings', status: 'ok', message: t.settingsOk(d.settingsPath), fix: null },
  );

  let reachable = false;
  try {
    const v = await d.ollamaVersion(d.signal);
    reachable = true;
    checks.push({ id: 'ollama', status: 'ok', message: t.ollamaOk(v, d.ollamaHost), fix: null });
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    if (e instanceof ProviderError && (e.kind === 'timeout' || e.kind === 'stream' || e.kind === 'server')) {
      // It took the connection: it runs, but is stuck or busy. Starting it again would change nothing.
      checks.push({ id: 'ollama', status: 'fail', message: t.ollamaStuck(d.ollamaHost, why), fix: t.restartOllama });
    } else {
      checks.push({ id: 'ollama', status: 'fail', message: t.ollamaDown(d.ollamaHost, why), fix: START_OLLAMA });
    }
  }

  let localOk = false;
  if (!reachable) {
    checks.push({ id: 'model', status: 'skip', message: t.modelSkip, fix: null });
  } else {
    try {
      const a = await d.local.availability(d.signal);
      if (a.ok) {
        localOk = true;
        checks.push({ id: 'model', status: 'ok', message: t.modelOk(a.model), fix: null });
      } else {
        checks.push({
          id: 'model',
          status: 'fail',
          message: a.kind && a.kind !== 'model-missing' ? t.modelCheckFailed(a.reason) : t.modelMissing(a.reason),
          fix: t.modelFix(a.fix.replace(/^Run: /, '') || 'koompi-ask models pull qwen2.5:1.5b'),
        });
      }
    } catch (e) {
      const fix = e instanceof ProviderError && e.fix ? e.fix.replace(/^Run: /, '') : 'koompi-ask models pull qwen2.5:1.5b';
      checks.push({
        id: 'model',
        status: 'fail',
        message: t.modelCheckFailed(e instanceof Error ? e.message : String(e)),
        fix: t.modelFix(fix),
      });
    }
  }

  const src = await d.geminiKeySource();
  const hasKey = src !== null && (await d.hasGeminiKey());
  const s = d.settings;
  const where = t.where(src === 'env' ? 'env' : 'stored');
  let keyWorks = hasKey;
  if (!hasKey) {
    checks.push({ id: 'gemini-key', status: 'warn', message: t.keyMissing, fix: t.keyFix });
  } else if (s.privacyMode || !s.allowCloud) {
    // Nothing is sent to Google without consent, not even to check the key.
    checks.push({ id: 'gemini-key', status: 'ok', message: t.keyNotTried(where), fix: null });
  } else {
    const problem = await tryKey(d, t);
    keyWorks = problem === null;
    checks.push(
      problem === null
        ? { id: 'gemini-key', status: 'ok', message: t.keyWorks(where), fix: null }
        : { id: 'gemini-key', status: 'fail', message: t.keyFailed(where, problem.message, problem.refused), fix: problem.fix },
    );
  }

  let cloudOk = false;
  if (s.privacyMode) {
    checks.push({ id: 'cloud', status: 'warn', message: t.privacy, fix: t.privacyFix });
  } else if (!s.allowCloud) {
    checks.push({ id: 'cloud', status: 'warn', message: t.cloudOff, fix: t.cloudOffFix });
  } else if (!hasKey) {
    checks.push({ id: 'cloud', status: 'warn', message: t.cloudNoKey(s.geminiModel), fix: t.keyFix });
  } else if (!keyWorks) {
    checks.push({ id: 'cloud', status: 'fail', message: t.cloudBadKey(s.geminiModel), fix: t.cloudBadKeyFix });
  } else {
    cloudOk = true;
    checks.push({ id: 'cloud', status: 'ok', message: t.cloudOk(s.geminiModel), fix: null });
  }

  if (d.modelFit) {
    const f = d.modelFit;
    checks.push({ id: 'memory', status: f.level === 'good' ? 'ok' : 'warn', message: t.memory(f), fix: t.memoryFix(f) });
  }

  return { ok: localOk || cloudOk, checks };
}

/** One tiny request with the key; null when Gemini answered, else what went wrong and what to do. */
async function tryKey(d: DoctorDeps, t: DoctorTexts): Promise<{ message: string; fix: string; refused: boolean } | null> {
  const signal = d.signal ? AbortSignal.any([d.signal, AbortSignal.timeout(KEY_CHECK_MS)]) : AbortSignal.timeout(KEY_CHECK_MS);
  try {
    await d.cloud.chat({ model: '', system: 'Reply with: ok', messages: [{ role: 'user', content: 'ok' }], signal }, () => undefined);
    return null;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (e instanceof ProviderError) {
      // The provider's own fixes are English only: in Khmer the check's own fix is given instead.
      if (e.kind === 'auth') return { message, fix: (d.lang === 'km' ? null : e.fix) ?? t.keyAuthFix, refused: true };
      if (e.kind === 'quota') return null; // the key is good; it is only out of quota for now
      return { message, fix: (d.lang === 'km' ? null : e.fix) ?? t.networkFix, refused: false };
    }
    return { message, fix: t.networkFix, refused: false };
  }
}
