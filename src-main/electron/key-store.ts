// The app's Gemini key, in the key store koompi-ask shares (core/secrets: the desktop keyring through the Secret
// Service, else a 0600 file; GEMINI_API_KEY over both), so a key set on one side is the key the other side uses.
// A key the previous version kept with safeStorage in <configDir>/gemini-key.bin is moved over once, then removed.
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { SafeStorage } from 'electron';
import type { KeyStatus } from '../ipc/channels.js';
import type { KeyStore } from '../core/service/ports.js';
import { createSharedKeyStore, type SharedKeyStore } from '../core/secrets/index.js';

export type SafeStorageLike = Pick<SafeStorage, 'decryptString'>;

export interface AppKeyStore extends KeyStore {
  /** The shared store itself (the OpenAI-compatible server's key lives there too). */
  readonly shared: SharedKeyStore;
  /** Moves a key left by the safeStorage version into the shared store; returns a notice, or null. */
  migrateLegacy(): Promise<string | null>;
}

export function createAppKeyStore(
  configDir: string,
  env: NodeJS.ProcessEnv,
  safeStorage: SafeStorageLike | null = null,
  shared: SharedKeyStore = createSharedKeyStore({ configDir, env }),
): AppKeyStore {
  const legacy = join(configDir, 'gemini-key.bin');
  const status = async (): Promise<KeyStatus> => {
    const i = await shared.info('gemini');
    return { set: i.set, backend: i.source === 'env' ? 'env' : i.backend, plainText: i.source === 'env' ? false : i.plainText };
  };
  return {
    shared,
    status,
    get: () => shared.get('gemini'),
    async set(key) {
      await shared.set('gemini', key);
      return status();
    },
    async clear() {
      await shared.clear('gemini');
      await rm(legacy, { force: true });
      return status();
    },
    async migrateLegacy() {
      let data: Buffer;
      try {
        data = await readFile(legacy);
      } catch {
        return null;
      }
      if (!safeStorage) return null;
      let key: string;
      try {
        key = safeStorage.decryptString(Buffer.from(data.toString('utf8'), 'base64')).trim();
      } catch {
        return null;
      }
      if (!key) return null;
      if ((await shared.info('gemini')).source === null) {
        const r = await shared.set('gemini', key);
        await rm(legacy, { force: true });
        return `Your Gemini key was moved to the key store koompi-ask shares. ${r.message}`;
      }
      await rm(legacy, { force: true }); // the shared store already has one: it wins
      return null;
    },
  };
}
