// The assistant service: every core IPC channel implemented with the real core (router, Ollama, Gemini,
// settings, doctor, history, commands). Plain Node: the Electron app and the e2e harness build it the
// same way and inject the host's ports (emit, confirm, key store, notify, hotkey status).
import type { BootInfo, HotkeyStatus, OllamaCheck, SettingsView } from '../../ipc/channels.js';
import { buildCore } from '../router/index.js';
import { hasKoompiCli as detectKoompiCli } from '../router/index.js';
import { uiLanguage } from '../router/lang.js';
import { openHistoryStore } from '../history/index.js';
import { createChatSession } from './chat-session.js';
import { createCommandRuns } from './command-runs.js';
import { toDoctorReport } from './doctor-report.js';
import { docsHealth } from './docs-health.js';
import { createDocsBuilder } from './docs-build.js';
import { createDocsOps } from './docs-ops.js';
import { createModelOps } from './model-ops.js';
import { toSettingsView, viewPatchToSettings } from './settings-view.js';
import type { ConfirmPort, CoreChannel, Emit, Handlers, KeyStore } from './ports.js';

export interface AssistantServiceOptions {
  configDir: string;
  env: NodeJS.ProcessEnv;
  emit: Emit;
  confirm: ConfirmPort;
  keyStore: KeyStore;
  hasKoompiCli?: boolean;
  version: string;
  /** Desktop notification when a long command ends (the host shows it only when its windows are hidden). */
  notify?: (title: string, body: string) => void;
  /** Which hotkey path is active (the Electron shortcut module); null/absent in the e2e harness. */
  hotkeyStatus?: () => HotkeyStatus | null;
  /** Notices the host found before the service started (e.g. a settings file recovered at startup). */
  notices?: string[];
  /** Runs longer than this end with a notification (default 10 s). */
  longRunMs?: number;
  /** Time limit for a command run (default 10 min). */
  runTimeoutMs?: number;
  /** Streaming answers are written to disk at most this often (default 400 ms). */
  historyThrottleMs?: number;
  /** Refresh the documentation index in the background this long after start (the app: yes; tests: no). */
  buildDocsAfterMs?: number;
}

export interface AssistantService {
  handlers: Handlers<CoreChannel>;
  /** For the host (tray, overlay), so it never calls the IPC table by channel name. */
  settings(): Promise<SettingsView>;
  checkOllama(): Promise<OllamaCheck>;
  warmUp(): Promise<void>;
  /** Resolves when no answer, run or pull is in flight (for tests and orderly shutdown). */
  idle(): Promise<void>;
  dispose(): Promise<void>;
}

const NO_HOTKEY: HotkeyStatus = { accelerator: '', path: 'none', detail: 'The global hotkey is managed by the desktop app.' };

export async function createAssistantService(opts: AssistantServiceOptions): Promise<AssistantService> {
  const { env, emit } = opts;
  const pending: string[] = [...(opts.notices ?? [])];
  const history = await openHistoryStore(opts.configDir, {
    throttleMs: opts.historyThrottleMs ?? 400,
    onNotice: (m) => emit('notice', { level: 'warning', message: m }),
  });
  pending.push(...history.notices);
  const core = await buildCore({ env, configDir: opts.configDir, getGeminiKey: () => opts.keyStore.get() });
  if (core.settingsNotice) pending.push(core.settingsNotice);
  const koompi = opts.hasKoompiCli ?? detectKoompiCli(env);
  // The index is refreshed in the background; answers meanwhile use the index there is (or the shipped articles).
  const docsBuilder = createDocsBuilder({ cacheDir: core.cacheDir, env, onBuilt: () => core.reopenDocs() });
  if (opts.buildDocsAfterMs !== undefined) docsBuilder.start(opts.buildDocsAfterMs);
  const docs = createDocsOps({ docs: () => core.docs(), status: () => core.docsStatus() });

  const commands = createCommandRuns({
    emit,
    confirm: opts.confirm,
    env,
    configDir: opts.configDir,
    hasKoompiCli: koompi,
    ...(opts.notify ? { notify: opts.notify } : {}),
    longRunMs: opts.longRunMs ?? 10_000,
    timeoutMs: opts.runTimeoutMs ?? 10 * 60_000,
  });
  const chat = createChatSession({ history, ask: (req, onEvent) => core.ask(req, onEvent), suggest: commands.suggest, emit });
  const models = createModelOps({ ollama: () => core.ollama(), emit, onPullDone: () => core.ollama().provider.invalidate() });
  const view = (): SettingsView => toSettingsView(core.storedSettings(), env, core.locked());
  let settingsQueue: Promise<unknown> = Promise.resolve();

  const handlers: Handlers<CoreChannel> = {
    async 'app:ready'({ view: which }): Promise<BootInfo> {
      const notices = pending.splice(0);
      return {
        version: opts.version,
        view: which,
        settings: view(),
        key: await opts.keyStore.status(),
        hotkey: opts.hotkeyStatus?.() ?? NO_HOTKEY,
        notices,
      };
    },
    'chat:ask': (req) => chat.ask(req),
    'chat:stop': async ({ requestId }) => chat.stop(requestId),
    'conversations:list': async ({ query }) => history.list(query),
    'conversations:get': async ({ id }) => {
      const c = history.get(id);
      if (c) for (const m of c.messages) if (m.commands) m.commands = commands.adopt(m.commands, c.id);
      return c;
    },
    'conversations:delete': async ({ id }) => {
      await history.delete(id);
    },
    'commands:run': ({ commandId, mode }) => commands.run(commandId, mode),
    'commands:cancel': async ({ runId }) => commands.cancel(runId),
    'commands:input': async ({ runId, data }) => commands.input(runId, data),
    'commands:resize': async ({ runId, cols, rows }) => commands.resize(runId, cols, rows),
    'commands:block': async ({ commandIds }) => commands.block(commandIds),
    'settings:get': async () => view(),
    'settings:set'(patch) {
      // One at a time, each patch compared with the settings the one before left: a switch flipped on and
      // back off quickly must end off (compared with the same old value, the second change would be dropped).
      const run = settingsQueue.then(async () => {
        const change = viewPatchToSettings(core.storedSettings(), env, patch, core.locked());
        if (Object.keys(change).length > 0) await core.updateSettings(change);
        const next = view();
        emit('settings:changed', next);
        return next;
      });
      settingsQueue = run.catch(() => undefined);
      return run;
    },
    'models:list': () => models.list(),
    'models:pull': ({ name }) => models.pull(name),
    'models:cancel-pull': async ({ pullId }) => models.cancelPull(pullId),
    'ollama:check': ({ host }) => models.check(host),
    'ollama:warm-up': () => models.warmUp(),
    async 'doctor:run'() {
      // In the settings' language ('auto': the desktop's locale).
      const lang = uiLanguage(core.settings().language, opts.env);
      const report = await core.doctor(undefined, lang);
      const out = toDoctorReport(report, { hotkey: opts.hotkeyStatus?.() ?? null, key: await opts.keyStore.status() }, lang);
      // The offline documentation, right after the local model (what answers when no model can).
      const at = out.checks.findIndex((c) => c.id === 'model');
      out.checks.splice(at >= 0 ? at + 1 : out.checks.length, 0, docsHealth(core.docsStatus(), docsBuilder.progress(), lang));
      return out;
    },
    'docs:section': async ({ ref, lang }) => docs.section(ref, lang),
    'docs:status': async () => docs.status(),
  };

  const idle = async () => {
    await Promise.all([chat.idle(), commands.idle(), models.idle()]);
  };
  return {
    handlers,
    settings: () => handlers['settings:get']({}),
    checkOllama: () => handlers['ollama:check']({}),
    warmUp: () => handlers['ollama:warm-up']({}),
    idle,
    async dispose() {
      docsBuilder.dispose();
      chat.dispose();
      commands.dispose();
      models.dispose();
      await idle().catch(() => undefined);
      await history.close();
      await core.close();
    },
  };
}
