// The IPC channels between the main process and the renderer: names, request and result types, events and
// the error envelope. Zod-free on purpose: the preload and the renderer (types only) may import it; the
// main-only zod schemas that check each request live in ./schemas.ts.
//
// HOW TO ADD A CHANNEL (the type checker walks you through it; each step fails to compile until done):
//   1. here: its request in `Requests`, its result in `Results`, and its name in `CHANNEL_TABLE`;
//   2. ./schemas.ts: its zod schema in `requestSchemas` (checked to produce exactly `Requests[C]`);
//   3. ./create-api.ts: a named method for the renderer (e.g. `listSources: () => call('docs:sources', {})`);
//   4. a handler: in the core service (`src-main/core/service`), or, for window/shell/key work, add the
//      name to `HostChannel` in core/service/ports.ts and handle it in src-main/electron/host-handlers.ts.
// An event (main -> renderer) is one line in `Events` plus its name in `EVENT_TABLE`.
import { MAX_QUESTION_CHARS, type AnswerEvent, type AnswerSource, type SuggestedCommand, type Tier } from '../core/types.js';

export type { AnswerSource };

/** Longest question the UI may send (the same limit the core applies). */
export { MAX_QUESTION_CHARS };

export type Language = 'auto' | 'en' | 'km';
export type Theme = 'system' | 'light' | 'dark';
export type ViewKind = 'overlay' | 'window';
export type RunMode = 'inline' | 'konsole';

/** The settings the UI shows and edits (the core keeps more). */
export interface SettingsView {
  ollamaHost: string;
  model: string | null;
  keepAlive: string;
  allowCloud: boolean;
  privacyMode: boolean;
  geminiModel: string;
  hotkey: string;
  language: Language;
  theme: Theme;
  autostart: boolean;
  hideOverlayOnBlur: boolean;
  /** An OpenAI-compatible server answering instead of Ollama (llama-server, vLLM, LM Studio, LocalAI), or null. */
  openaiBaseUrl: string | null;
  /** Read-only: settings the school locked (view key -> the preset file that locks it). Never sent back. */
  locked: Partial<Record<string, string>>;
}

// ---- requests (renderer -> main) ------------------------------------------------------------------

export interface Requests {
  'app:ready': { view: ViewKind };
  'chat:ask': { conversationId: string | null; question: string; offline?: boolean };
  'chat:stop': { requestId: string };
  'conversations:list': { query?: string };
  'conversations:get': { id: string };
  'conversations:delete': { id: string };
  'commands:run': { commandId: string; mode: RunMode };
  'commands:cancel': { runId: string };
  /** Keystrokes typed into a run's terminal (xterm's onData: Enter is "\r", Ctrl+C is "\x03"). */
  'commands:input': { runId: string; data: string };
  /** A run's terminal size changed. */
  'commands:resize': { runId: string; cols: number; rows: number };
  /** "Run all": one command for these lines of a block (in order, stopping at the first failure); run it by its id. */
  'commands:block': { commandIds: string[] };
  'settings:get': Record<string, never>;
  'settings:set': Partial<Omit<SettingsView, 'locked'>>;
  'key:status': Record<string, never>;
  'key:set': { key: string };
  'key:clear': Record<string, never>;
  'models:list': Record<string, never>;
  'models:pull': { name: string };
  'models:cancel-pull': { pullId: string };
  'ollama:check': { host?: string };
  'ollama:warm-up': Record<string, never>;
  'doctor:run': Record<string, never>;
  /** One documentation section for the source viewer (issue 11): `ref` as in an answer's sources. */
  'docs:section': { ref: string; lang?: 'en' | 'km' };
  'docs:status': Record<string, never>;
  'window:hide': Record<string, never>;
  'window:open-full': { conversationId?: string | null };
  'shell:open-external': { url: string };
}

export type Channel = keyof Requests;
export type Request<C extends Channel> = Requests[C];

// ---- results (main -> renderer, as the invoke's resolved value) -------------------------------------

export interface BootInfo {
  version: string;
  view: ViewKind;
  settings: SettingsView;
  key: KeyStatus;
  hotkey: HotkeyStatus;
  /** Shown once, e.g. "Your settings file was damaged; it was backed up to … and reset." */
  notices: string[];
}

export interface KeyStatus {
  set: boolean;
  /** Where the key is kept: 'kwallet', 'gnome_libsecret', 'basic_text', 'env', … */
  backend: string;
  /** True when only the plain-text backend exists: the UI warns. */
  plainText: boolean;
}

export interface HotkeyStatus {
  accelerator: string;
  /** Which registration path is active. */
  path: 'x11-global-shortcut' | 'wayland-portal' | 'kde-desktop-entry' | 'none';
  detail: string;
}

export interface MessageView {
  id: string;
  role: 'user' | 'assistant';
  content: string;
  createdAt: string;
  tier?: Tier;
  model?: string | null;
  intent?: string | null;
  commands?: SuggestedCommand[];
  error?: string | null;
  /** True when the user stopped the answer: the partial text is kept. */
  stopped?: boolean;
  /** Where a docs answer comes from, or the passages a model was given (numbered as it cites them). */
  sources?: AnswerSource[];
}

/** A documentation section as the source viewer shows it (a man page as text, an article or wiki section as markdown). */
export interface DocSectionView {
  kind: AnswerSource['kind'];
  title: string;
  ref: string;
  lang: 'en' | 'km';
  text: string;
  /** True when the text was cut to the viewer's limit. */
  truncated: boolean;
}

/** What the offline documentation index holds (the health check's line). */
export interface DocsStatusView {
  builtAt: string | null;
  sources: { kind: AnswerSource['kind']; pages: number; sections: number; skipped: number }[];
  bytes: number;
  stale: boolean;
  building: boolean;
  problem: string | null;
}

export interface ConversationSummary {
  id: string;
  title: string;
  updatedAt: string;
  messageCount: number;
}

export interface ConversationView extends ConversationSummary {
  createdAt: string;
  messages: MessageView[];
}

export interface ModelInfo {
  name: string;
  sizeBytes: number;
  modifiedAt: string | null;
  parameterSize?: string;
}

export interface OllamaCheck {
  ok: boolean;
  host: string;
  version?: string;
  error?: string;
}

export interface HealthCheck {
  id: 'ollama' | 'model' | 'cloud-key' | 'cloud-allowed' | 'hotkey' | 'key-storage' | string;
  ok: boolean;
  label: string;
  detail: string;
  /** The exact fix, e.g. "sudo systemctl enable --now ollama". */
  fix: string | null;
  /** An action the UI can offer as a button. */
  action?: { kind: 'pull-model'; model: string } | { kind: 'open-settings' };
}

export interface HealthReport {
  checks: HealthCheck[];
}

/** What asking to run a command answers: the run's id, or why the main process refused it. */
export type RunStart = { runId: string } | RunRefusal;
/**
 * Why a run was refused: `kind` lets the renderer say it in the user's language (`refused` is the English text,
 * for logs and for a kind it does not know); `word` is the confirm word a destructive command needed.
 */
export interface RunRefusal {
  refused: string;
  kind?: 'declined' | 'wrong-word' | 'gone' | 'error';
  word?: string;
}

export interface Results {
  'app:ready': BootInfo;
  'chat:ask': { requestId: string; conversationId: string };
  'chat:stop': void;
  'conversations:list': ConversationSummary[];
  'conversations:get': ConversationView | null;
  'conversations:delete': void;
  'commands:run': RunStart;
  'commands:cancel': void;
  'commands:input': void;
  'commands:resize': void;
  'commands:block': { command: SuggestedCommand } | RunRefusal;
  'settings:get': SettingsView;
  'settings:set': SettingsView;
  'key:status': KeyStatus;
  'key:set': KeyStatus;
  'key:clear': KeyStatus;
  'models:list': ModelInfo[];
  'models:pull': { pullId: string };
  'models:cancel-pull': void;
  'ollama:check': OllamaCheck;
  'ollama:warm-up': void;
  'doctor:run': HealthReport;
  'docs:section': DocSectionView | null;
  'docs:status': DocsStatusView | null;
  'window:hide': void;
  'window:open-full': void;
  'shell:open-external': void;
}

// ---- the wire envelope: errors travel as data, with a kind and a message a person can read ----------

export type IpcErrorKind =
  /** No such channel. */
  | 'unknown-channel'
  /** The payload failed the channel's schema (`field` names the first bad field). */
  | 'invalid-request'
  /** The channel exists but nothing handles it in this process (e.g. the e2e harness). */
  | 'unavailable'
  /** The sender is not one of our windows showing our page. */
  | 'untrusted-sender'
  /** The handler ran and failed; the message says what to do. */
  | 'failed';

export interface IpcFailure {
  kind: IpcErrorKind;
  message: string;
  field?: string;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: IpcFailure };

// ---- events (main -> renderer) ---------------------------------------------------------------------

/** The 'done' event carries the commands with the ids the main process keeps them under. */
export type ChatStreamEvent =
  | Exclude<AnswerEvent, { type: 'done' }>
  | {
      type: 'done';
      message: MessageView;
    };

export type CommandRunEvent =
  | { type: 'start'; text: string; risk: SuggestedCommand['risk']; mode: RunMode }
  | { type: 'output'; stream: 'stdout' | 'stderr'; data: string }
  | { type: 'exit'; code: number | null; signal: string | null; durationMs: number; timedOut?: boolean; truncated?: boolean }
  | { type: 'error'; message: string };

/** One step of a model download, as the renderer sees it. */
export type PullEvent =
  | { type: 'progress'; status: string; completed?: number; total?: number; percent?: number }
  | { type: 'done' }
  | { type: 'error'; message: string };

export type AppCommand =
  | { type: 'focus-input' }
  | { type: 'ask'; question: string }
  | { type: 'open-conversation'; conversationId: string }
  | { type: 'show-view'; view: 'chat' | 'settings' | 'doctor' | 'history' };

export interface Events {
  'chat:event': { requestId: string; conversationId: string; event: ChatStreamEvent };
  'command:event': { runId: string; commandId: string; event: CommandRunEvent };
  'pull:event': { pullId: string; name: string; event: PullEvent };
  'app:command': AppCommand;
  'settings:changed': SettingsView;
  notice: { level: 'info' | 'warning' | 'error'; message: string };
}

export type EventName = keyof Events;

// Records keyed by every name: forgetting one (or listing a stray one) does not compile.
const CHANNEL_TABLE: Record<Channel, true> = {
  'app:ready': true,
  'chat:ask': true,
  'chat:stop': true,
  'conversations:list': true,
  'conversations:get': true,
  'conversations:delete': true,
  'commands:run': true,
  'commands:cancel': true,
  'commands:input': true,
  'commands:resize': true,
  'commands:block': true,
  'settings:get': true,
  'settings:set': true,
  'key:status': true,
  'key:set': true,
  'key:clear': true,
  'models:list': true,
  'models:pull': true,
  'models:cancel-pull': true,
  'ollama:check': true,
  'ollama:warm-up': true,
  'doctor:run': true,
  'docs:section': true,
  'docs:status': true,
  'window:hide': true,
  'window:open-full': true,
  'shell:open-external': true,
};
const EVENT_TABLE: Record<EventName, true> = {
  'chat:event': true,
  'command:event': true,
  'pull:event': true,
  'app:command': true,
  'settings:changed': true,
  notice: true,
};

export const CHANNELS = Object.freeze(Object.keys(CHANNEL_TABLE)) as readonly Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(CHANNEL_TABLE, name);
}
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(EVENT_TABLE, name);
}
