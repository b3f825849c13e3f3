// An in-memory Gemini key store for the e2e host (the app uses safeStorage); `plainText` can be set to
// exercise the UI's warning.
import type { KeyStatus } from '../../src-main/ipc/channels.js';
import type { KeyStore } from '../../src-main/core/service/ports.js';

export function memoryKeyStore(opts: { plainText?: boolean } = {}): KeyStore {
  let key: string | null = null;
  const status = (): KeyStatus => ({
    set: key !== null,
    backend: opts.plainText ? 'basic_text' : 'test keyring',
    plainText: !!opts.plainText,
  });
  return {
    status: async () => status(),
    get: async () => key,
    set: async (k) => {
      key = k;
      return status();
    },
    clear: async () => {
      key = null;
      return status();
    },
  };
}
