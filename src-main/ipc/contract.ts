// The one IPC contract between the main process and the renderer: every channel, its payload schema
// (zod, parsed by the main side) and its result type. The renderer imports types only.
import { z } from 'zod';
import { MAX_QUESTION_CHARS, type AnswerEvent, type SuggestedCommand, type Tier } from '../core/types.js';

/** Longest question the UI may send (the same limit the core applies). */
export { MAX_QUESTION_CHARS };

const id = z.string().min(1).max(100).regex(/^[A-Za-z0-9._:-]+$/);

// ---- payload schemas (renderer -> main) -------------------------------------------------------

export const settingsViewSchema = z.strictObject({
  ollamaHost: z.string().min(1).max(500),
  model: z.string().max(200).nullable(),
  keepAlive: z.string().max(20),
  allowCloud: z.boolean(),
  privacyMode: z.boolean(),
  geminiModel: z.string().min(1).max(200),
  hotkey: z.string().min(1).max(100),
  language: z.enum(['auto', 'en', 'km']),
  theme: z.enum(['system', 'light', 'dark']),
  autostart: z.boolean(),
  hideOverlayOnBlur: z.boolean(),
});
export type SettingsView = z.infer<typeof settingsViewSchema>;

export const requestSchemas = {
  'app:ready': z.strictObject({ view: z.enum(['overlay', 'window']) }),
  'chat:ask': z.strictObject({
    conversationId: id.nullable(),
    question: z.string().trim().min(1, 'The question is empty.').max(MAX_QUESTION_CHARS, `The question is longer than ${MAX_QUESTION_CHARS} characters.`),
    offline: z.boolean().optional(),
  }),
  'chat:stop': z.strictObject({ requestId: id }),
  'conversations:list': z.strictObject({ query: z.string().max(200).optional() }),
  'conversations:get': z.strictObject({ id }),
  'conversations:delete': z.strictObject({ id }),
  'commands:run': z.strictObject({ commandId: id, mode: z.enum(['inline', 'konsole']) }),
  'commands:cancel': z.strictObject({ runId: id }),
  'settings:get': z.strictObject({}),
  'settings:set': settingsViewSchema.partial(),
  'key:status': z.strictObject({}),
  'key:set': z.strictObject({ key: z.string().trim().min(10).max(200).regex(/^[A-Za-z0-9_-]+$/, 'That does not look like an API key.') }),
  'key:clear': z.strictObject({}),
  'models:list': z.strictObject({}),
  'models:pull': z.strictObject({ name: z.string().min(1).max(200).regex(/^[a-zA-Z0-9][a-zA-Z0-9._:/-]*$/, 'Not a model name.') }),
  'models:cancel-pull': z.strictObject({ pullId: id }),
  'ollama:check': z.strictObject({ host: z.string().min(1).max(500).optional() }),
  'ollama:warm-up': z.strictObject({}),
  'doctor:run': z.strictObject({}),
  'window:hide': z.strictObject({}),
  'window:open-full': z.strictObject({ conversationId: id.nullable().optional() }),
  'shell:open-external': z.strictObject({ url: z.url({ protocol: /^https$/ }) }),
} as const;

export type Channel = keyof typeof requestSchemas;
export type Request<C extends Channel> = z.input<(typeof requestSchemas)[C]>;

// ---- result types (main -> renderer, as the invoke's resolved value) ----------------------------

export interface BootInfo {
  version: string;
  view: 'overlay' | 'window';
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

export interface DoctorCheck {
  id: 'ollama' | 'model' | 'cloud-key' | 'cloud-allowed' | 'hotkey' | 'key-storage' | string;
  ok: boolean;
  label: string;
  detail: string;
  /** The exact fix, e.g. "sudo systemctl enable --now ollama". */
  fix: string | null;
  /** An action the UI can offer as a button. */
  action?: { kind: 'pull-model'; model: string } | { kind: 'open-settings' };
}

export interface DoctorReport {
  checks: DoctorCheck[];
}

export type RunResult = { runId: string } | { refused: string };

export interface Results {
  'app:ready': BootInfo;
  'chat:ask': { requestId: string; conversationId: string };
  'chat:stop': void;
  'conversations:list': ConversationSummary[];
  'conversations:get': ConversationView | null;
  'conversations:delete': void;
  'commands:run': RunResult;
  'commands:cancel': void;
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
  'doctor:run': DoctorReport;
  'window:hide': void;
  'window:open-full': void;
  'shell:open-external': void;
}

/** What every invoke resolves to over the wire: errors travel as data, with a message a person can read. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: string };

// ---- events (main -> renderer) -------------------------------------------------------------------

/** The 'done' event carries the commands with the ids the main process keeps them under. */
export type ChatStreamEvent = Exclude<AnswerEvent, { type: 'done' }> | {
  type: 'done';
  message: MessageView;
};

export type CommandRunEvent =
  | { type: 'start'; text: string; risk: SuggestedCommand['risk']; mode: 'inline' | 'konsole' }
  | { type: 'output'; stream: 'stdout' | 'stderr'; data: string }
  | { type: 'exit'; code: number | null; signal: string | null; durationMs: number; timedOut?: boolean; truncated?: boolean }
  | { type: 'error'; message: string };

export type PullProgress =
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
  'pull:event': { pullId: string; name: string; event: PullProgress };
  'app:command': AppCommand;
  'settings:changed': SettingsView;
  'notice': { level: 'info' | 'warning' | 'error'; message: string };
}

export type EventName = keyof Events;
export const EVENT_NAMES: readonly EventName[] = ['chat:event', 'command:event', 'pull:event', 'app:command', 'settings:changed', 'notice'];
export const CHANNELS = Object.keys(requestSchemas) as Channel[];

/** Parses a payload for a channel; returns a readable error instead of throwing. */
export function parseRequest<C extends Channel>(channel: C, payload: unknown): { ok: true; value: z.output<(typeof requestSchemas)[C]> } | { ok: false; error: string } {
  const schema = requestSchemas[channel];
  if (!schema) return { ok: false, error: `Unknown channel ${String(channel)}` };
  const r = schema.safeParse(payload);
  if (r.success) return { ok: true, value: r.data as z.output<(typeof requestSchemas)[C]> };
  const first = r.error.issues[0];
  const where = first && first.path.length ? ` (${first.path.join('.')})` : '';
  return { ok: false, error: `Invalid request for ${channel}${where}: ${first?.message ?? 'bad payload'}` };
}
