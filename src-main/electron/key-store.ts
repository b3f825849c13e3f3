// The Gemini key kept with Electron safeStorage (KWallet / Secret Service) in <configDir>/gemini-key.bin.
// GEMINI_API_KEY in the environment overrides it. 'basic_text' means plain text: the status says so.
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { SafeStorage } from 'electron';
import type { KeyStatus } from '../ipc/contract.js';
import type { KeyStore } from '../core/service/ports.js';
import { writeFileAtomic } from '../core/history/atomic-write.js';

export type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'>;

export function createSafeKeyStore(safeStorage: SafeStorageLike, configDir: string, env: NodeJS.ProcessEnv): KeyStore {
  const file = join(configDir, 'gemini-key.bin');
  const envKey = () => env.GEMINI_API_KEY?.trim() || null;
  const backend = (): string => {
    try { return safeStorage.getSelectedStorageBackend(); } catch { return 'unknown'; }
  };
  const stored = async (): Promise<string | null> => {
    let data: Buffer;
    try { data = await readFile(file); } catch { return null; }
    try { return safeStorage.decryptString(Buffer.from(data.toString('utf8'), 'base64')) || null; } catch { return null; }
  };
  const status = async (): Promise<KeyStatus> => {
    if (envKey()) return { set: true, backend: 'env', plainText: false };
    const b = backend();
    return { set: (await stored()) !== null, backend: b, plainText: b === 'basic_text' };
  };
  return {
    status,
    get: async () => envKey() ?? stored(),
    async set(key) {
      if (!safeStorage.isEncryptionAvailable()) throw new Error('No secure storage is available to keep the key (is KWallet or Secret Service running?). Set GEMINI_API_KEY instead.');
      await writeFileAtomic(file, safeStorage.encryptString(key.trim()).toString('base64'));
      return status();
    },
    async clear() {
      await rm(file, { force: true });
      return status();
    },
  };
}
