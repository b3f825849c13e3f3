// Builds the renderer's window.koompi API from the channels over any transport: the preload passes an
// ipcRenderer transport, the e2e harness a Playwright-binding one, so the two cannot drift. Zod-free.
import type { Channel, Envelope, EventName, Events, IpcErrorKind, Request, Results } from './channels.js';

export interface Transport {
  invoke(channel: Channel, payload: unknown): Promise<Envelope<unknown>>;
  /** Subscribes to an event; returns the unsubscribe function. */
  on(event: EventName, listener: (payload: unknown) => void): () => void;
}

/** What a failed call throws: the message a person reads, and the kind code can branch on. */
export class IpcError extends Error {
  override name = 'IpcError';
  constructor(
    readonly kind: IpcErrorKind,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export function createApi(transport: Transport) {
  async function call<C extends Channel>(channel: C, payload: Request<C>): Promise<Results[C]> {
    const env = await transport.invoke(channel, payload);
    if (!env || typeof env !== 'object' || !('ok' in env)) throw new IpcError('failed', `No answer from the app for ${channel}`);
    if (!env.ok) throw new IpcError(env.error.kind, env.error.message, env.error.field);
    return env.value as Results[C];
  }
  const on =
    <E extends EventName>(event: E) =>
    (listener: (payload: Events[E]) => void): (() => void) =>
      transport.on(event, (p) => listener(p as Events[E]));

  return {
    ready: (view: 'overlay' | 'window') => call('app:ready', { view }),
    ask: (question: string, conversationId: string | null, offline?: boolean) =>
      call('chat:ask', offline === undefined ? { question, conversationId } : { question, conversationId, offline }),
    stop: (requestId: string) => call('chat:stop', { requestId }),
    listConversations: (query?: string) => call('conversations:list', query === undefined ? {} : { query }),
    getConversation: (id: string) => call('conversations:get', { id }),
    deleteConversation: (id: string) => call('conversations:delete', { id }),
    runCommand: (commandId: string, mode: 'inline' | 'konsole' = 'inline') => call('commands:run', { commandId, mode }),
    cancelRun: (runId: string) => call('commands:cancel', { runId }),
    sendRunInput: (runId: string, data: string) => call('commands:input', { runId, data }),
    resizeRun: (runId: string, cols: number, rows: number) => call('commands:resize', { runId, cols, rows }),
    blockCommand: (commandIds: string[]) => call('commands:block', { commandIds }),
    getSettings: () => call('settings:get', {}),
    setSettings: (patch: Request<'settings:set'>) => call('settings:set', patch),
    getKeyStatus: () => call('key:status', {}),
    setKey: (key: string) => call('key:set', { key }),
    clearKey: () => call('key:clear', {}),
    listModels: () => call('models:list', {}),
    pullModel: (name: string) => call('models:pull', { name }),
    cancelPull: (pullId: string) => call('models:cancel-pull', { pullId }),
    checkOllama: (host?: string) => call('ollama:check', host === undefined ? {} : { host }),
    warmUp: () => call('ollama:warm-up', {}),
    doctor: () => call('doctor:run', {}),
    docsSection: (ref: string, lang?: 'en' | 'km') => call('docs:section', lang === undefined ? { ref } : { ref, lang }),
    docsStatus: () => call('docs:status', {}),
    hideWindow: () => call('window:hide', {}),
    openFullWindow: (conversationId?: string | null) => call('window:open-full', conversationId === undefined ? {} : { conversationId }),
    openExternal: (url: string) => call('shell:open-external', { url }),
    onChatEvent: on('chat:event'),
    onCommandEvent: on('command:event'),
    onPullEvent: on('pull:event'),
    onAppCommand: on('app:command'),
    onSettingsChanged: on('settings:changed'),
    onNotice: on('notice'),
  };
}

export type KoompiApi = ReturnType<typeof createApi>;
