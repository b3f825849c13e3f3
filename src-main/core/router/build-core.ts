// Builds the core once: settings (+ env overrides), the Ollama client, the Gemini client and the router.
// Used by koompi-ask and by the Electron service; the host passes its stored-key getter (safeStorage).
import { createOllamaFromEnv, type OllamaClients } from '../providers/ollama/index.js';
import { createGeminiClient, type GeminiClient } from '../providers/gemini/index.js';
import { systemPrompt } from '../providers/system-prompt.js';
import {
  applyEnvOverrides, loadSettings, resolveConfigDir, updateSettings, type EffectiveSettings, type Settings,
} from '../settings/index.js';
import { diagnose, type DoctorReport } from '../doctor.js';
import { createRouter, type Router } from './router.js';
import { detectKoompiCli as hasKoompiCli } from '../intents/index.js';

export interface BuildCoreOptions {
  env?: NodeJS.ProcessEnv;
  /** Default: resolveConfigDir(env). */
  configDir?: string;
  /** The stored key (safeStorage in the app). GEMINI_API_KEY in env wins over it. */
  getGeminiKey?: () => string | null | Promise<string | null>;
}

export interface Core {
  readonly configDir: string;
  /** What the user should be told about the settings file (reset, newer version), or null. */
  readonly settingsNotice: string | null;
  /** Settings as stored (no env overrides): what a settings page edits. */
  storedSettings(): Settings;
  /** Settings in force (env overrides applied). */
  settings(): EffectiveSettings;
  /** Validates, saves atomically, rebuilds the Ollama client when its settings changed. */
  updateSettings(patch: Partial<Settings>): Promise<EffectiveSettings>;
  /** Re-reads settings.json (e.g. after another process changed it). */
  reloadSettings(): Promise<EffectiveSettings>;
  ollama(): OllamaClients;
  readonly gemini: GeminiClient;
  readonly router: Router;
  ask: Router['ask'];
  geminiKey(): Promise<string | null>;
  doctor(signal?: AbortSignal): Promise<DoctorReport>;
  close(): Promise<void>;
}

export async function buildCore(opts: BuildCoreOptions = {}): Promise<Core> {
  const env = opts.env ?? process.env;
  const configDir = opts.configDir ?? resolveConfigDir(env);
  const loaded = await loadSettings(configDir);
  let stored = loaded.settings;
  let effective = applyEnvOverrides(stored, env);

  const makeOllama = (s: EffectiveSettings): OllamaClients =>
    createOllamaFromEnv({ ...env, OLLAMA_HOST: s.ollamaHost, KOOMPI_MODEL: s.model ?? '' }, { model: s.model ?? undefined, keepAlive: s.keepAlive });
  let ollama = makeOllama(effective);
  const ollamaKey = (s: EffectiveSettings): string => JSON.stringify([s.ollamaHost, s.model, s.keepAlive]);

  const keySource = async (): Promise<'env' | 'stored' | null> => {
    if (env.GEMINI_API_KEY?.trim()) return 'env';
    const k = await opts.getGeminiKey?.();
    return k && k.trim() ? 'stored' : null;
  };
  const geminiKey = async (): Promise<string | null> => {
    const e = env.GEMINI_API_KEY?.trim();
    if (e) return e;
    const k = await opts.getGeminiKey?.();
    return k && k.trim() ? k.trim() : null;
  };
  const gemini = createGeminiClient({
    baseUrl: env.KOOMPI_GEMINI_BASE_URL?.trim() || undefined,
    model: () => effective.geminiModel,
    getApiKey: geminiKey,
  });

  const koompi = hasKoompiCli(env);
  const router = createRouter({
    settings: () => ({ ...effective, ollamaHost: ollama.host }),
    local: () => ollama.provider,
    cloud: () => gemini,
    intentContext: () => ({ hasKoompiCli: koompi }),
    systemPrompt,
  });

  /** Clients replaced by a settings change: they finish what is in flight (an answer, a pull); close() ends them. */
  const retired = new Set<OllamaClients>();
  const apply = (next: Settings): EffectiveSettings => {
    const before = ollamaKey(effective);
    stored = next;
    effective = applyEnvOverrides(stored, env);
    if (ollamaKey(effective) !== before) {
      const old = ollama;
      ollama = makeOllama(effective);
      retired.add(old);
      void old.retire().catch(() => {}).finally(() => retired.delete(old));
    }
    return effective;
  };
  // Settings changes run one after another: each starts from the one before, so none is lost.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const run = queue.then(job, job);
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    configDir,
    settingsNotice: loaded.notice,
    storedSettings: () => stored,
    settings: () => effective,
    updateSettings: (patch) => serial(async () => apply(await updateSettings(configDir, stored, patch))),
    reloadSettings: () => serial(async () => apply((await loadSettings(configDir)).settings)),
    ollama: () => ollama,
    gemini,
    router,
    ask: (req, onEvent) => router.ask(req, onEvent),
    geminiKey,
    doctor: (signal) => diagnose({
      settings: effective,
      settingsPath: loaded.path,
      settingsNotice: loaded.notice,
      ollamaHost: ollama.host,
      ollamaVersion: (s) => ollama.models.version(s, 1000),
      local: ollama.provider,
      cloud: gemini,
      hasGeminiKey: async () => (await geminiKey()) !== null,
      geminiKeySource: keySource,
      ...(signal ? { signal } : {}),
    }),
    close: async () => {
      await Promise.all([ollama, ...retired].map((o) => o.close().catch(() => {})).concat(gemini.close().catch(() => {})));
    },
  };
}
