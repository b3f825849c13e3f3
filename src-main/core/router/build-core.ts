// Builds the core once: settings (+ env overrides), the Ollama client, the Gemini client and the router.
// Used by koompi-ask and by the Electron service; keys come from the shared key store (or the host's getter).
import { createOllamaFromEnv, type OllamaClients } from '../providers/ollama/index.js';
import { createGeminiClient, type GeminiClient } from '../providers/gemini/index.js';
import { OpenAICompatProvider } from '../providers/openai/index.js';
import { openaiServerCheck } from '../providers/openai/openai-doctor.js';
import { readMemory, recommendModel } from '../hardware/model-fit.js';
import type { ChatProvider } from '../providers/provider.js';
import { createSharedKeyStore, type SharedKeyStore } from '../secrets/index.js';
import { systemPrompt } from '../providers/system-prompt.js';
import {
  applyEnvOverrides,
  loadSettings,
  resolveConfigDir,
  updateSettings,
  type EffectiveSettings,
  type Settings,
} from '../settings/index.js';
import { diagnose, type DoctorLang, type DoctorReport } from '../doctor.js';
import { doctorTexts } from '../doctor-texts.js';
import { createRouter, type Router } from './router.js';
import { detectKoompiCli as hasKoompiCli } from '../intents/index.js';
import { openDocsIndex, type DocsIndex, type DocsStatus } from '../knowledge/index.js';
import { defaultCacheDir } from '../knowledge/paths.js';

export interface BuildCoreOptions {
  env?: NodeJS.ProcessEnv;
  /** Default: resolveConfigDir(env). */
  configDir?: string;
  /** The stored key. GEMINI_API_KEY in env wins over it. Default: the shared key store (keyring, else 0600 file). */
  getGeminiKey?: () => string | null | Promise<string | null>;
  /** Where the documentation index lives. Default: KOOMPI_CACHE_DIR, else $XDG_CACHE_HOME/koompi-assistant. */
  cacheDir?: string;
  /** false: no docs tier (some tests). Default: the index opened lazily on the first question that needs it. */
  docs?: boolean;
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
  /** The OpenAI-compatible server used for the local tier instead of Ollama (openaiBaseUrl), or null. */
  openai(): OpenAICompatProvider | null;
  /** The local tier's provider now: the OpenAI-compatible server when one is set, else Ollama. */
  local(): ChatProvider;
  /** The key store the app and koompi-ask share. */
  readonly keys: SharedKeyStore;
  /** Settings an administrator locked -> the preset file that locks them. */
  locked(): Record<string, string>;
  readonly gemini: GeminiClient;
  readonly router: Router;
  ask: Router['ask'];
  geminiKey(): Promise<string | null>;
  /** The health check, its texts in `lang` (default English). */
  doctor(signal?: AbortSignal, lang?: DoctorLang): Promise<DoctorReport>;
  /** The documentation index, opened on first use (never built here: `koompi-ask docs index` or the app's worker). */
  docs(): DocsIndex | null;
  /** What the index holds, or null when it cannot be opened. */
  docsStatus(): DocsStatus | null;
  /** Drops the open index so the next question opens the freshly built one. */
  reopenDocs(): void;
  readonly cacheDir: string;
  close(): Promise<void>;
}

export async function buildCore(opts: BuildCoreOptions = {}): Promise<Core> {
  const env = opts.env ?? process.env;
  const configDir = opts.configDir ?? resolveConfigDir(env);
  const loaded = await loadSettings(configDir, undefined, env);
  let stored = loaded.settings;
  let locked = loaded.locked;
  let effective = applyEnvOverrides(stored, env, locked);
  const keys = createSharedKeyStore({ configDir, env });
  const getStoredGeminiKey = opts.getGeminiKey ?? (() => keys.get('gemini'));

  // The local tier on an OpenAI-compatible server (llama-server, vLLM, LM Studio, LocalAI) when one is set.
  const makeOpenAI = (s: EffectiveSettings): OpenAICompatProvider | null =>
    s.openaiBaseUrl
      ? new OpenAICompatProvider({ baseUrl: s.openaiBaseUrl, model: s.openaiModel ?? undefined, getApiKey: () => keys.get('openai') })
      : null;
  let openai = makeOpenAI(effective);
  const openaiKey = (s: EffectiveSettings): string => JSON.stringify([s.openaiBaseUrl, s.openaiModel]);

  const makeOllama = (s: EffectiveSettings): OllamaClients =>
    createOllamaFromEnv(
      { ...env, OLLAMA_HOST: s.ollamaHost, KOOMPI_MODEL: s.model ?? '' },
      { model: s.model ?? undefined, keepAlive: s.keepAlive },
    );
  let ollama = makeOllama(effective);
  const ollamaKey = (s: EffectiveSettings): string => JSON.stringify([s.ollamaHost, s.model, s.keepAlive]);

  const keySource = async (): Promise<'env' | 'stored' | null> => {
    if (env.GEMINI_API_KEY?.trim()) return 'env';
    const k = await getStoredGeminiKey();
    return k && k.trim() ? 'stored' : null;
  };
  const geminiKey = async (): Promise<string | null> => {
    const e = env.GEMINI_API_KEY?.trim();
    if (e) return e;
    const k = await getStoredGeminiKey();
    return k && k.trim() ? k.trim() : null;
  };
  const gemini = createGeminiClient({
    baseUrl: env.KOOMPI_GEMINI_BASE_URL?.trim() || undefined,
    model: () => effective.geminiModel,
    getApiKey: geminiKey,
  });

  const koompi = hasKoompiCli(env);
  // The index is opened lazily (synchronous and cheap: it maps the built index, or reads the shipped articles when
  // none was built yet); a failure is remembered for a while so a broken index is not reopened at every question.
  const cacheDir = opts.cacheDir ?? defaultCacheDir(env);
  let docsIndex: DocsIndex | null = null;
  let docsFailedAt = 0;
  const DOCS_RETRY_MS = 30_000;
  const docs = (): DocsIndex | null => {
    if (docsIndex) return docsIndex;
    if (docsFailedAt && Date.now() - docsFailedAt < DOCS_RETRY_MS) return null;
    try {
      docsIndex = openDocsIndex({ cacheDir, env });
      docsFailedAt = 0;
    } catch {
      docsFailedAt = Date.now();
    }
    return docsIndex;
  };
  const router = createRouter({
    settings: () => ({ ...effective, ollamaHost: ollama.host }),
    local: () => openai ?? ollama.provider,
    cloud: () => gemini,
    intentContext: () => ({ hasKoompiCli: koompi }),
    systemPrompt,
    ...(opts.docs === false ? {} : { docs }),
  });

  /** Clients replaced by a settings change: they finish what is in flight (an answer, a pull); close() ends them. */
  const retired = new Set<OllamaClients>();
  const apply = (next: Settings, nextLocked: Record<string, string> = locked): EffectiveSettings => {
    const before = ollamaKey(effective);
    const beforeOpenAI = openaiKey(effective);
    stored = next;
    locked = nextLocked;
    effective = applyEnvOverrides(stored, env, locked);
    if (openaiKey(effective) !== beforeOpenAI) {
      const old = openai;
      openai = makeOpenAI(effective);
      void old?.retire().catch(() => {});
    }
    if (ollamaKey(effective) !== before) {
      const old = ollama;
      ollama = makeOllama(effective);
      retired.add(old);
      void old
        .retire()
        .catch(() => {})
        .finally(() => retired.delete(old));
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
    updateSettings: (patch) => serial(async () => apply(await updateSettings(configDir, stored, patch, env))),
    reloadSettings: () =>
      serial(async () => {
        const l = await loadSettings(configDir, undefined, env);
        return apply(l.settings, l.locked);
      }),
    ollama: () => ollama,
    openai: () => openai,
    local: () => openai ?? ollama.provider,
    keys,
    locked: () => locked,
    gemini,
    router,
    ask: (req, onEvent) => router.ask(req, onEvent),
    geminiKey,
    doctor: async (signal, lang = 'en') => {
      const server = openai;
      const report = await diagnose({
        settings: effective,
        settingsPath: loaded.path,
        settingsNotice: loaded.notice,
        ollamaHost: server ? server.baseUrl : ollama.host,
        ollamaVersion: server
          ? async (s) => {
              await server.listModels(s, 3000);
              return 'OpenAI-compatible';
            }
          : (s) => ollama.models.version(s, 1000),
        local: server ?? ollama.provider,
        // A model running here must fit this machine's RAM; a server's model runs elsewhere. Local hosts only.
        modelFit: server || !/^https?:\/\/(127\.|localhost|\[::1\])/.test(ollama.host) ? null : recommendModel(readMemory()),
        cloud: gemini,
        hasGeminiKey: async () => (await geminiKey()) !== null,
        geminiKeySource: keySource,
        lang,
        ...(signal ? { signal } : {}),
      });
      if (server) {
        const check = await openaiServerCheck(server, signal);
        report.checks = report.checks.map((c) => (c.id === 'ollama' ? check : c));
      }
      // Both sides say it when the key is only in the plain 0600 file (no desktop keyring reachable).
      if (!opts.getGeminiKey) {
        const k = await keys.info('gemini').catch(() => null);
        if (k?.source === 'file') {
          report.checks = report.checks.map((c) =>
            c.id === 'gemini-key'
              ? { ...c, message: `${c.message}${doctorTexts(lang).keyringFile(k.keyringProblem ?? 'unknown', k.file)}` }
              : c,
          );
        }
      }
      return report;
    },
    docs: () => (opts.docs === false ? null : docs()),
    docsStatus: () => {
      if (opts.docs === false) return null;
      try {
        return docs()?.status() ?? null;
      } catch {
        return null;
      }
    },
    reopenDocs: () => {
      try {
        docsIndex?.close();
      } catch {
        /* already closed */
      }
      docsIndex = null;
      docsFailedAt = 0;
    },
    cacheDir,
    close: async () => {
      try {
        docsIndex?.close();
      } catch {
        /* already closed */
      }
      docsIndex = null;
      await Promise.all(
        [ollama, ...retired]
          .map((o) => o.close().catch(() => {}))
          .concat(
            gemini.close().catch(() => {}),
            openai?.close().catch(() => {}) ?? Promise.resolve(),
          ),
      );
    },
  };
}
