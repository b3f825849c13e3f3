// What the assistant service needs from its host (Electron, or the e2e harness): injected ports, so the
// service itself stays plain Node and is driven the same way in the app and in tests.
import type { Channel, EventName, Events, KeyStatus, Request, Results } from '../../ipc/channels.js';
import type { SuggestedCommand } from '../types.js';

/** Sends an event to the renderer(s). */
export type Emit = <E extends EventName>(event: E, payload: Events[E]) => void;

/** The main process's confirmation before a command runs (a native dialog in the app). */
export interface ConfirmRequest {
  command: SuggestedCommand;
  /** Exactly the text that will run (after any sudo -> pkexec rewrite), shown to the user. */
  runText: string;
  mode: 'inline' | 'konsole';
  /** How it will run, when that differs from a plain shell (e.g. "sudo/doas run through pkexec …"). */
  note?: string;
  /** For destructive commands: the word the user must type (the real command's name, e.g. `rm` for `sudo rm -rf …`). */
  confirmWord?: string;
}
export interface ConfirmDecision {
  approved: boolean;
  /** For destructive commands: what the user typed as the deliberate second step. */
  typedWord?: string;
}
export type ConfirmPort = (req: ConfirmRequest) => Promise<ConfirmDecision>;

/** Where the Gemini key is kept (safeStorage in the app, memory in tests). */
export interface KeyStore {
  status(): Promise<KeyStatus>;
  get(): Promise<string | null>;
  set(key: string): Promise<KeyStatus>;
  clear(): Promise<KeyStatus>;
}

/** Host-only channels (windows, shell) are provided by the host, not by the core service. */
export type HostChannel = 'window:hide' | 'window:open-full' | 'shell:open-external' | 'key:status' | 'key:set' | 'key:clear';
export type CoreChannel = Exclude<Channel, HostChannel>;

export type Handler<C extends Channel> = (req: Request<C>) => Promise<Results[C]>;
export type Handlers<C extends Channel = Channel> = { [K in C]: Handler<K> };
