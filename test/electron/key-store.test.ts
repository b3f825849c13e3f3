// The Gemini key in safeStorage (a reversible fake cipher stands in for the OS keyring): encrypted on
// disk, env override, plain-text backend reported, refusal without encryption.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSafeKeyStore, type SafeStorageLike } from '../../src-main/electron/key-store.js';

let dir: string;
beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'koompi-key-')); });
afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

function storage(backend: ReturnType<SafeStorageLike['getSelectedStorageBackend']>, available = true): SafeStorageLike {
  const flip = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a));
  return {
    isEncryptionAvailable: () => available,
    encryptString: (s: string) => flip(Buffer.from(s, 'utf8')),
    decryptString: (b: Buffer) => flip(b).toString('utf8'),
    getSelectedStorageBackend: () => backend,
  };
}

const KEY = 'AIzaSyA-test_key_1234567890';

describe('createSafeKeyStore', () => {
  it('keeps the key encrypted on disk and reads it back', async () => {
    const ks = createSafeKeyStore(storage('kwallet6'), dir, {});
    expect(await ks.status()).toEqual({ set: false, backend: 'kwallet6', plainText: false });
    expect(await ks.set(KEY)).toEqual({ set: true, backend: 'kwallet6', plainText: false });
    expect(await readFile(join(dir, 'gemini-key.bin'), 'utf8')).not.toContain('AIza');
    expect(await ks.get()).toBe(KEY);
    expect(await ks.clear()).toEqual({ set: false, backend: 'kwallet6', plainText: false });
    expect(await ks.get()).toBeNull();
  });

  it('reports the plain-text backend so the UI can warn', async () => {
    expect((await createSafeKeyStore(storage('basic_text'), dir, {}).status()).plainText).toBe(true);
  });

  it('lets GEMINI_API_KEY override the stored key', async () => {
    const ks = createSafeKeyStore(storage('kwallet6'), dir, { GEMINI_API_KEY: 'from-env-key-123' });
    expect(await ks.get()).toBe('from-env-key-123');
    expect(await ks.status()).toEqual({ set: true, backend: 'env', plainText: false });
  });

  it('refuses to store a key when no encryption is available', async () => {
    await expect(createSafeKeyStore(storage('unknown', false), dir, {}).set(KEY)).rejects.toThrow(/No secure storage/);
  });
});
