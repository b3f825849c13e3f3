// Without a reachable keyring (no session bus, or no secret-tool) keys go to a 0600 file, and every answer says so;
// the environment wins over stored keys; pasted keys are cleaned and nonsense is refused.
import { chmod, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanKey, createSharedKeyStore, InvalidKeyError } from '../../../src-main/core/secrets/index.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'koompi-keys-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const NO_BUS: NodeJS.ProcessEnv = { PATH: process.env.PATH };

describe('key store without a keyring', () => {
  it('stores in keys.json (0600), says it is not encrypted and why, reads it back, removes it', async () => {
    const s = createSharedKeyStore({ configDir: join(dir, 'cfg'), env: NO_BUS });
    const before = await s.info('gemini');
    expect(before).toMatchObject({
      set: false,
      source: null,
      backend: 'file',
      plainText: true,
      keyringProblem: expect.stringMatching(/no D-Bus session bus/),
    });
    const r = await s.set('gemini', '  AIzaSyA-key_123\n');
    expect(r.where).toBe('file');
    expect(r.message).toMatch(/readable only by you \(mode 0600\) but not encrypted/);
    expect(r.message).toContain(join(dir, 'cfg', 'keys.json'));
    expect((await stat(join(dir, 'cfg', 'keys.json'))).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'cfg'))).mode & 0o777).toBe(0o700);
    expect(await s.get('gemini')).toBe('AIzaSyA-key_123');
    expect(await s.info('gemini')).toMatchObject({ set: true, source: 'file', plainText: true });
    expect(await s.get('openai')).toBeNull();
    expect(await s.clear('gemini')).toEqual(['file']);
    expect(await s.get('gemini')).toBeNull();
  });

  it('tightens a keys file that became readable by others', async () => {
    const s = createSharedKeyStore({ configDir: dir, env: NO_BUS });
    await s.set('openai', 'sk-local');
    await chmod(join(dir, 'keys.json'), 0o644);
    expect(await s.get('openai')).toBe('sk-local');
    expect((await stat(join(dir, 'keys.json'))).mode & 0o777).toBe(0o600);
  });

  it('GEMINI_API_KEY and KOOMPI_OPENAI_API_KEY win over stored keys', async () => {
    await createSharedKeyStore({ configDir: dir, env: NO_BUS }).set('gemini', 'stored-key');
    const s = createSharedKeyStore({ configDir: dir, env: { ...NO_BUS, GEMINI_API_KEY: 'env-key', KOOMPI_OPENAI_API_KEY: 'sk-env' } });
    expect(await s.get('gemini')).toBe('env-key');
    expect(await s.get('openai')).toBe('sk-env');
    expect((await s.info('gemini')).source).toBe('env');
  });

  it('a bus without secret-tool installed falls back to the file and says what to install', async () => {
    const s = createSharedKeyStore({
      configDir: dir,
      env: { ...NO_BUS, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' },
      secretTool: { bin: '/nonexistent/secret-tool' },
    });
    const r = await s.set('gemini', 'AIza-x');
    expect(r.where).toBe('file');
    expect(r.message).toMatch(/secret-tool is not installed/);
    expect(JSON.parse(await readFile(join(dir, 'keys.json'), 'utf8')).keys).toEqual({ gemini: 'AIza-x' });
  });

  it('cleans a pasted key and refuses what cannot be one', () => {
    expect(cleanKey('\uFEFF AIza-abc \r\n')).toBe('AIza-abc');
    expect(() => cleanKey('   ')).toThrow(InvalidKeyError);
    expect(() => cleanKey('two words')).toThrow(/no spaces/);
    expect(() => cleanKey('x'.repeat(600))).toThrow(/too long/);
  });
});
