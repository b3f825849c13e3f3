// Counting attempts to reach beyond loopback: in-process (connect, DNS) and, inside a loopback-only network
// namespace, for the whole namespace through the kernel's no-route counters.
import { spawnSync } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isLoopback, watchNetwork } from '../../../src-main/core/eval/net-watch.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const canNetns =
  process.getuid?.() === 0 && !spawnSync('unshare', ['-n', 'true']).error && spawnSync('unshare', ['-n', 'true']).status === 0;

describe('watchNetwork', () => {
  it('ignores loopback and counts other targets', async () => {
    const server = net.createServer((s) => s.end()).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const port = (server.address() as net.AddressInfo).port;
    const w = watchNetwork();
    await new Promise<void>((resolve) =>
      net
        .connect(port, '127.0.0.1')
        .on('close', () => resolve())
        .on('error', () => resolve()),
    );
    // a documentation-only address (TEST-NET-1): the attempt is counted when connect() is called
    const s = net.connect({ host: '192.0.2.1', port: 9 });
    s.on('error', () => {});
    s.destroy();
    const seen = w.stop();
    server.close();
    expect(seen.attempts).toBe(1);
    expect(seen.targets).toEqual(['192.0.2.1:9']);
    expect(isLoopback('::1')).toBe(true);
    expect(isLoopback('localhost')).toBe(true);
    expect(isLoopback('10.0.0.1')).toBe(false);
  });

  it.runIf(canNetns)('inside unshare -n every attempt beyond loopback fails and is counted by the kernel and in-process', () => {
    const script = `
      import net from 'node:net';
      import { kernelNoRouteCount, watchNetwork } from './src-main/core/eval/net-watch.ts';
      const before = kernelNoRouteCount();
      const w = watchNetwork();
      const code = await new Promise((r) => net.connect(443, '192.0.2.1').on('error', (e) => r(e.code)).on('connect', () => r('connected')));
      const seen = w.stop();
      console.log(JSON.stringify({ code, attempts: seen.attempts, kernel: kernelNoRouteCount() - before }));`;
    const r = spawnSync(
      'unshare',
      [
        '-n',
        '--',
        'sh',
        '-c',
        'ip link set lo up && exec "$0" "$@"',
        process.execPath,
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        script,
      ],
      { cwd: root, encoding: 'utf8', timeout: 30_000 },
    );
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as { code: string; attempts: number; kernel: number };
    expect(out.code).toBe('ENETUNREACH');
    expect(out.attempts).toBe(1);
    expect(out.kernel).toBeGreaterThanOrEqual(1);
  });
});
