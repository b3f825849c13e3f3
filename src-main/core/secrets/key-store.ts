// One key store for the app and koompi-ask: the desktop keyring (Secret Service) when it answers, else a 0600 file
// in the config directory, and the environment (GEMINI_API_KEY, KOOMPI_OPENAI_API_KEY) over both. A key set on
// one side is the key the other side reads. Every answer says where the key lives, so both sides can tell the
// user when it is only in a plain file.
import { FileKeyStore } from './file-store.js';
import { SecretServiceUnavailable, SecretToolClient, type SecretToolOptions } from './secret-tool.js';

export const KEY_NAMES = ['gemini', 'openai'] as const;
export type KeyName = (typeof KEY_NAMES)[number];

export const KEY_ENV: Record<KeyName, string> = { gemini: 'GEMINI_API_KEY', openai: 'KOOMPI_OPENAI_API_KEY' };
const LABEL: Record<KeyName, string> = {
  gemini: 'KOOMPI Assistant: Gemini API key',
  openai: 'KOOMPI Assistant: OpenAI-compatible server key',
};

export type KeyLocation = 'env' | 'secret-service' | 'file';

export interface KeyInfo {
  set: boolean;
  /** Where the key in force comes from; null when none is set. */
  source: KeyLocation | null;
  /** Where a key set now would go. */
  backend: 'secret-service' | 'file';
  /** True when a stored key is (or would be) in the plain 0600 file. */
  plainText: boolean;
  /** Why the keyring is not used, when it is not. */
  keyringProblem: string | null;
  /** The fallback file (always named, so a message can point to it). */
  file: string;
}

export interface SetResult {
  where: 'secret-service' | 'file';
  /** One line for the user: where the key went and, for the file, that it is not encrypted and why. */
  message: string;
}

export interface SharedKeyStoreOptions {
  configDir: string;
  env: NodeJS.ProcessEnv;
  secretTool?: Omit<SecretToolOptions, 'env'>;
}

export class InvalidKeyError extends Error {}

/** Trims a pasted key and refuses what cannot be a key (empty, inner spaces or control characters, huge). */
export function cleanKey(raw: string): string {
  const key = raw.replace(/^\uFEFF/, '').trim();
  if (key === '') throw new InvalidKeyError('The key is empty. Paste the key, then press Enter (or Ctrl+D).');
  if (key.length > 512) throw new InvalidKeyError('That is too long to be an API key (more than 512 characters).');
  if (/[\s\x00-\x1f\x7f]/.test(key))
    throw new InvalidKeyError('An API key has no spaces, line breaks or control characters in it; paste only the key.');
  return key;
}

export class SharedKeyStore {
  readonly file: FileKeyStore;
  private readonly keyring: SecretToolClient;

  constructor(private readonly opts: SharedKeyStoreOptions) {
    this.file = new FileKeyStore(opts.configDir);
    this.keyring = new SecretToolClient({ ...opts.secretTool, env: opts.env });
  }

  private envKey(name: KeyName): string | null {
    return this.opts.env[KEY_ENV[name]]?.trim() || null;
  }

  /** The key in force: environment, then keyring, then file. */
  async get(name: KeyName): Promise<string | null> {
    return (await this.lookup(name)).value;
  }

  async info(name: KeyName): Promise<KeyInfo> {
    const r = await this.lookup(name);
    const backend = r.keyringProblem === null ? 'secret-service' : 'file';
    return {
      set: r.value !== null,
      source: r.source,
      backend,
      plainText: r.source === 'file' || (r.source === null && backend === 'file'),
      keyringProblem: r.keyringProblem,
      file: this.file.path,
    };
  }

  async set(name: KeyName, raw: string): Promise<SetResult> {
    const key = cleanKey(raw);
    try {
      await this.keyring.store(name, LABEL[name], key);
      await this.file.clear(name); // one copy only: the keyring's
      return { where: 'secret-service', message: 'Stored in the desktop keyring (Secret Service); the app and koompi-ask both use it.' };
    } catch (e) {
      if (!(e instanceof SecretServiceUnavailable)) throw e;
      await this.file.set(name, key);
      return {
        where: 'file',
        message: `No desktop keyring could store it (${e.message}), so it is in ${this.file.path}, readable only by you (mode 0600) but not encrypted.`,
      };
    }
  }

  /** Removes the stored key from the keyring and the file. Returns where it was. */
  async clear(name: KeyName): Promise<KeyLocation[]> {
    const removed: KeyLocation[] = [];
    try {
      if ((await this.keyring.lookup(name)) !== null) {
        await this.keyring.clear(name);
        removed.push('secret-service');
      }
    } catch (e) {
      if (!(e instanceof SecretServiceUnavailable)) throw e;
    }
    if (await this.file.clear(name)) removed.push('file');
    return removed;
  }

  private async lookup(name: KeyName): Promise<{ value: string | null; source: KeyLocation | null; keyringProblem: string | null }> {
    let keyringProblem: string | null = null;
    const fromEnv = this.envKey(name);
    let stored: string | null = null;
    let source: KeyLocation | null = null;
    try {
      stored = await this.keyring.lookup(name);
      if (stored !== null) source = 'secret-service';
    } catch (e) {
      if (!(e instanceof SecretServiceUnavailable)) throw e;
      keyringProblem = e.message;
    }
    if (stored === null) {
      stored = await this.file.get(name);
      if (stored !== null) source = 'file';
    }
    if (fromEnv) return { value: fromEnv, source: 'env', keyringProblem };
    return { value: stored?.trim() || null, source: stored?.trim() ? source : null, keyringProblem };
  }
}

export function createSharedKeyStore(opts: SharedKeyStoreOptions): SharedKeyStore {
  return new SharedKeyStore(opts);
}
