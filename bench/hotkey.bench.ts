// Hotkey -> overlay, as far as it can be measured without a display: (1) the fast path, from running the
// KDE shortcut entry's `gdbus call … Toggle` to the app's toggle handler, over a private session bus; (2) the
// old path's floor, a second instance evaluating the built main bundle (under a stand-in electron module
// whose single-instance lock is taken) before it can hand over. The show itself (a hidden window made
// visible) is the same on both paths and is not measured here. One JSON line per figure.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startToggleService } from '../src-main/electron/dbus/toggle-service.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
function report(figure: string, value: number, unit: string, target?: string) {
  console.log(JSON.stringify({ bench: 'hotkey', figure, value: Math.round(value * 100) / 100, unit, ...(target ? { target } : {}) }));
}

async function dbusPath(): Promise<void> {
  if (spawnSync('sh', ['-c', 'command -v dbus-daemon && command -v gdbus']).status !== 0) {
    console.error('hotkey bench: dbus-daemon or gdbus missing; the D-Bus figure is skipped');
    return;
  }
  const daemon: ChildProcess = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  try {
    const address = await new Promise<string>((ok, fail) => {
      let out = '';
      daemon.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('\n')) ok(out.trim());
      });
      setTimeout(() => fail(new Error('dbus-daemon did not start')), 5000);
    });
    let toggled: (() => void) | null = null;
    const svc = await startToggleService({ address, uid: process.getuid?.() ?? 0, onToggle: () => toggled?.() });
    if (!svc) throw new Error('could not own the bus name');
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      const t0 = performance.now();
      const reached = new Promise<void>((ok) => {
        toggled = ok;
      });
      spawn(
        'gdbus',
        [
          'call',
          '--address',
          address,
          '--timeout',
          '2',
          '--dest',
          'org.koompi.Assistant',
          '--object-path',
          '/org/koompi/Assistant',
          '--method',
          'org.koompi.Assistant.Toggle',
          '',
        ],
        { stdio: 'ignore' },
      );
      await reached;
      times.push(performance.now() - t0);
    }
    svc.stop();
    report('dbus_toggle_to_handler_ms', median(times), 'ms');
  } finally {
    daemon.kill();
  }
}

function secondInstancePath(): void {
  const bundle = join(ROOT, 'dist/main/main.cjs');
  if (!existsSync(bundle)) {
    console.error('hotkey bench: dist/main/main.cjs missing (npm run build); the second-instance figure is skipped');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'koompi-second-instance-'));
  try {
    mkdirSync(join(dir, 'node_modules/electron'), { recursive: true });
    // The stand-in: another instance holds the lock, so the bundle quits right after evaluating.
    writeFileSync(
      join(dir, 'node_modules/electron/index.js'),
      `
const noop = () => {};
const app = { isPackaged: true, requestSingleInstanceLock: () => false, quit: () => process.exit(0), on: noop, getAppPath: () => '.', commandLine: { hasSwitch: () => false, getSwitchValue: () => '', appendSwitch: noop } };
module.exports = new Proxy({ app }, { get: (t, k) => (k in t ? t[k] : {}) });`,
    );
    copyFileSync(bundle, join(dir, 'main.cjs'));
    const bare = join(dir, 'bare.cjs');
    writeFileSync(bare, 'process.exit(0)');
    const run = (file: string) => {
      const t0 = performance.now();
      spawnSync(process.execPath, [file], { cwd: dir, stdio: 'ignore' });
      return performance.now() - t0;
    };
    const bundleTimes: number[] = [];
    const bareTimes: number[] = [];
    for (let i = 0; i < 7; i++) {
      bareTimes.push(run(bare));
      bundleTimes.push(run(join(dir, 'main.cjs')));
    }
    report('second_instance_bundle_eval_ms', median(bundleTimes) - median(bareTimes), 'ms');
    report('second_instance_process_floor_ms', median(bundleTimes), 'ms');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await dbusPath();
secondInstancePath();
