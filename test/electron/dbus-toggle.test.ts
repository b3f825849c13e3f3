// The hotkey's D-Bus fast path against a real private dbus-daemon: `gdbus call … Toggle` reaches the app
// with the activation token; a second service cannot take the name; the tray host appearing is noticed;
// unknown methods get an error; the wire format round-trips.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUS_NAME, INTERFACE, OBJECT_PATH, startToggleService, TRAY_HOST } from '../../src-main/electron/dbus/toggle-service.js';
import { connectSessionBus, socketPathOf } from '../../src-main/electron/dbus/connection.js';
import { decodeMessage, encodeMessage, MessageType, splitSignature } from '../../src-main/electron/dbus/wire.js';

const haveDbus = spawnSync('sh', ['-c', 'command -v dbus-daemon && command -v gdbus'], { encoding: 'utf8' }).status === 0;
let daemon: ChildProcess | null = null;
let address = '';
const uid = process.getuid?.() ?? 0;

beforeAll(async () => {
  if (!haveDbus) return;
  daemon = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], { stdio: ['ignore', 'pipe', 'inherit'] });
  address = await new Promise<string>((ok, fail) => {
    let out = '';
    daemon!.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) ok(out.trim());
    });
    daemon!.once('error', fail);
    setTimeout(() => fail(new Error('dbus-daemon did not start')), 5000);
  });
});
afterAll(() => {
  daemon?.kill();
});

/** Runs gdbus without blocking the event loop (the service answering it lives in this process). */
function gdbus(args: string[]): Promise<{ status: number | null; out: string }> {
  return new Promise((ok) => {
    const p = spawn('gdbus', ['call', '--timeout', '3', '--address', address, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    p.stderr.on('data', (d: Buffer) => {
      out += d.toString();
    });
    p.on('close', (status) => ok({ status, out }));
  });
}

describe('D-Bus wire format', () => {
  it('splits signatures and round-trips a message with strings, arrays, structs and variants', () => {
    expect(splitSignature('sa{sv}u(ii)as')).toEqual(['s', 'a{sv}', 'u', '(ii)', 'as']);
    const m = {
      type: MessageType.MethodCall,
      flags: 0,
      serial: 7,
      path: '/a',
      interface: 'x.y',
      member: 'Z',
      destination: 'x.y',
      signature: 'sa{sv}ub',
      body: ['ខ្មែរ', [['k', { sig: 'u', value: 5 }]], 42, true],
    };
    const back = decodeMessage(encodeMessage(m));
    expect(back).toMatchObject({ type: 1, serial: 7, path: '/a', member: 'Z', signature: 'sa{sv}ub' });
    expect(back.body).toEqual(['ខ្មែរ', [['k', { sig: 'u', value: 5 }]], 42, true]);
  });
  it('reads unix path and abstract bus addresses', () => {
    expect(socketPathOf('unix:path=/run/user/1000/bus')).toBe('/run/user/1000/bus');
    expect(socketPathOf('unix:abstract=/tmp/dbus-X,guid=abc')).toBe('\0/tmp/dbus-X');
    expect(socketPathOf('tcp:host=1.2.3.4,port=5')).toBeNull();
  });
});

describe.skipIf(!haveDbus)('toggle service on a private session bus', () => {
  it('gdbus call Toggle reaches the app with the activation token; a second owner is refused', async () => {
    const toggles: string[] = [];
    const svc = await startToggleService({ address, uid, onToggle: (t) => toggles.push(t) });
    expect(svc).not.toBeNull();
    try {
      const r = await gdbus(['--dest', BUS_NAME, '--object-path', OBJECT_PATH, '--method', `${INTERFACE}.Toggle`, 'token-123_TIME0']);
      expect(r.out).toContain('()');
      expect(r.status).toBe(0);
      expect(toggles).toEqual(['token-123_TIME0']);
      expect(await startToggleService({ address, uid, onToggle: () => undefined })).toBeNull();
      const bad = await gdbus(['--dest', BUS_NAME, '--object-path', OBJECT_PATH, '--method', `${INTERFACE}.Explode`]);
      expect(bad.status).not.toBe(0);
      expect(toggles).toHaveLength(1);
    } finally {
      svc?.stop();
    }
    // Once the app is gone, the call fails: the desktop entry then starts `koompi-assistant --toggle`.
    await new Promise((r) => setTimeout(r, 100));
    expect((await gdbus(['--dest', BUS_NAME, '--object-path', OBJECT_PATH, '--method', `${INTERFACE}.Toggle`, ''])).status).not.toBe(0);
  });

  it('notices when the tray host appears', async () => {
    let appeared = 0;
    const svc = await startToggleService({
      address,
      uid,
      onToggle: () => undefined,
      onTrayHost: () => {
        appeared++;
      },
    });
    expect(svc?.trayHostUp).toBe(false);
    const host = await connectSessionBus(address, uid);
    try {
      await host.call({
        destination: 'org.freedesktop.DBus',
        path: '/org/freedesktop/DBus',
        interface: 'org.freedesktop.DBus',
        member: 'RequestName',
        signature: 'su',
        body: [TRAY_HOST, 4],
      });
      for (let i = 0; i < 50 && appeared === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(appeared).toBe(1);
    } finally {
      host.close();
      svc?.stop();
    }
  });

  it('the KDE shortcut entry calls Toggle with the activation token, and starts the app when it is not running', async () => {
    const argv = desktopExecArgv(readFileSync('assets/koompi-assistant-toggle.desktop', 'utf8'));
    expect(argv.slice(0, 2)).toEqual(['sh', '-c']);
    const bin = mkdtempSync(join(tmpdir(), 'koompi-fake-bin-'));
    const marker = join(bin, 'started');
    writeFileSync(join(bin, 'koompi-assistant'), `#!/bin/sh\necho "$@" > ${marker}\n`);
    chmodSync(join(bin, 'koompi-assistant'), 0o755);
    const run = (env: NodeJS.ProcessEnv) =>
      new Promise<number | null>((ok) => {
        const p = spawn(argv[0]!, argv.slice(1), {
          env: { PATH: `${bin}:${process.env.PATH}`, DBUS_SESSION_BUS_ADDRESS: address, ...env },
          stdio: 'ignore',
        });
        p.on('close', ok);
      });
    const toggles: string[] = [];
    const svc = await startToggleService({ address, uid, onToggle: (t) => toggles.push(t) });
    try {
      expect(await run({ XDG_ACTIVATION_TOKEN: 'kwin-token_TIME1' })).toBe(0);
      expect(toggles).toEqual(['kwin-token_TIME1']);
      expect(existsSync(marker)).toBe(false);
    } finally {
      svc?.stop();
    }
    await new Promise((r) => setTimeout(r, 100));
    expect(await run({})).toBe(0);
    expect(readFileSync(marker, 'utf8').trim()).toBe('--toggle');
    rmSync(bin, { recursive: true, force: true });
  });
});

/** The Exec= value of a desktop entry split into argv, as the Desktop Entry spec says (escapes, then quotes). */
function desktopExecArgv(entry: string): string[] {
  const raw = /^Exec=(.*)$/m.exec(entry)![1]!;
  const value = raw.replace(/\\(.)/g, (_m, c: string) =>
    c === 's' ? ' ' : c === 'n' ? '\n' : c === 't' ? '\t' : c === '\\' ? '\\' : '\\' + c,
  );
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  let any = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (quoted && c === '\\') {
      cur += value[++i] ?? '';
      continue;
    }
    if (c === '"') {
      quoted = !quoted;
      any = true;
      continue;
    }
    if (c === ' ' && !quoted) {
      if (cur || any) out.push(cur);
      cur = '';
      any = false;
      continue;
    }
    cur += c;
  }
  if (cur || any) out.push(cur);
  return out;
}
