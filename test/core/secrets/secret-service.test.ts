// The shared key store against a REAL Secret Service: Debian's gnome-keyring-daemon in a private `dbus-run-session`
// (no mock: the same libsecret calls a KOOMPI laptop makes to KWallet's ksecretd). The CLI sets the key, the app
// reads it, libsecret sees it, nothing is written in plain text; the app removes it and the CLI sees it gone.
// Skips, saying why, only when the tools are not installed (Debian packages: dbus-daemon, gnome-keyring, libsecret-tools).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const missing = ['dbus-run-session', 'gnome-keyring-daemon', 'secret-tool'].filter(
  (t) => spawnSync('sh', ['-c', `command -v ${t}`]).status !== 0,
);
const root = mkdtempSync(join(tmpdir(), 'koompi-keyring-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('shared key store on a real Secret Service (gnome-keyring in dbus-run-session)', () => {
  if (missing.length > 0) {
    it.skip(`SKIPPED: ${missing.join(', ')} not installed (Debian: apt-get install dbus-daemon gnome-keyring libsecret-tools)`, () => {});
    return;
  }

  it('a key set by koompi-ask is the key the app reads, kept in the keyring only; removed by the app, gone for the CLI', async () => {
    const home = join(root, 'home');
    const runtime = join(root, 'run');
    mkdirSync(home, { recursive: true });
    mkdirSync(runtime, { recursive: true, mode: 0o700 });
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: home,
      XDG_DATA_HOME: join(home, '.local/share'),
      XDG_RUNTIME_DIR: runtime,
      KOOMPI_CONFIG_DIR: join(root, 'config'),
      XDG_CONFIG_DIRS: join(root, 'xdg'),
      LANG: 'C.UTF-8',
    };
    // The daemon is unlocked with a throwaway password (as PAM does at login), then the child runs on that bus;
    // dbus-run-session ends the bus, and with it the daemon, when the child exits.
    const script =
      'printf pw | gnome-keyring-daemon --unlock --components=secrets --daemonize >/dev/null && exec "$0" --import tsx test/core/secrets/keyring-child.ts';
    const r = await new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
      const c = spawn('dbus-run-session', ['--', 'sh', '-c', script, process.execPath], { env, cwd: process.cwd() });
      let out = '';
      let err = '';
      const timer = setTimeout(() => c.kill('SIGKILL'), 60_000);
      c.stdout.on('data', (d: Buffer) => {
        out += d.toString();
      });
      c.stderr.on('data', (d: Buffer) => {
        err += d.toString();
      });
      c.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, out, err });
      });
    });
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out) as Record<string, unknown>;
    expect(j.before).toMatchObject({ set: false, backend: 'secret-service', keyringProblem: null });
    expect(j.cliSet).toMatchObject({ code: 0, out: expect.stringMatching(/desktop keyring \(Secret Service\)/) });
    expect(JSON.stringify(j.cliSet)).not.toContain('AIzaSy-keyring-test');
    expect(j.appStatus).toEqual({ set: true, backend: 'secret-service', plainText: false });
    expect(j.appGetMatches).toBe(true);
    expect(j.lookupMatches).toBe(true);
    expect(j.fileWritten).toBe(false);
    expect(j.cliKeysAfterClear).toMatchObject({ gemini: { set: false, backend: 'secret-service', plainText: false } });
    expect(j.afterLookupCode).toBe(1);
  }, 90_000);
});
