// The app's key store is the shared one (core/secrets): here without a keyring (no session bus), so the 0600 file;
// a key set by the app is what koompi-ask's store reads; GEMINI_API_KEY wins; the old safeStorage file is moved
// over once (a reversible stand-in cipher plays safeStorage, which needs Electron) and then removed.
import { mkdtemp, rm, stat, writeFile, access } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppKeyStore, type SafeStorageLike } from '../../src-main/electron/key-store.js';
import { createSharedKeyStore } from '../../src-main/core/secrets/index.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'koompi-key-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const NO_BUS: NodeJS.ProcessEnv = { PATH: process.env.PATH };
const KEY = 'AIzaSyA-test_key_1234567890';
const flip = (b: Buffer): Buffer => Buffer.from(b.map((x) => x ^ 0x5a));
const fakeSafeStorage: SafeStorageLike = { decryptString: (b: Buffer) => flip(b).toString('utf8') };

describe('createAppKeyStore', () => {
  it('sets, reads and clears the key in the store koompi-ask reads, and reports the plain file', async () => {
    const ks = createAppKeyStore(dir, NO_BUS);
    expect(await ks.status()).toEqual({ set: false, backend: 'file', plainText: true });
    expect(await ks.set(KEY)).toEqual({ set: true, backend: 'file', plainText: true });
    expect(await createSharedKeyStore({ configDir: dir, env: NO_BUS }).get('gemini')).toBe(KEY);
    expect((await stat(join(dir, 'keys.json'))).mode & 0o777).toBe(0o600);
    expect(await ks.get()).toBe(KEY);
    expect(await ks.clear()).toEqual({ set: false, backend: 'file', plainText: true });
    expect(await ks.get()).toBeNull();
  });

  it('lets GEMINI_API_KEY override the stored key', async () => {
    const ks = createAppKeyStore(dir, { ...NO_BUS, GEMINI_API_KEY: 'from-env-key-123' });
    expect(await ks.get()).toBe('from-env-key-123');
    expect(await ks.status()).toEqual({ set: true, backend: 'env', plainText: false });
  });

  it('moves the key the safeStorage version kept into the shared store, once, and removes the old file', async () => {
    await writeFile(join(dir, 'gemini-key.bin'), flip(Buffer.from(KEY)).toString('base64'));
    const ks = createAppKeyStore(dir, NO_BUS, fakeSafeStorage);
    expect(await ks.migrateLegacy()).toMatch(/moved to the key store koompi-ask shares/);
    expect(await ks.get()).toBe(KEY);
    await expect(access(join(dir, 'gemini-key.bin'))).rejects.toThrow();
    expect(await ks.migrateLegacy()).toBeNull();
  });

  it('refuses a key that cannot be one', async () => {
    await expect(createAppKeyStore(dir, NO_BUS).set('two words')).rejects.toThrow(/no spaces/);
  });
});
