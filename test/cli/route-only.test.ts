// koompi-ask --route-only through main() with an in-memory CliIo: one JSON object, or one line per stdin line in order.
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src-main/cli/main.js';
import type { CliIo } from '../../src-main/cli/io.js';
import { decideRoute } from '../../src-main/core/intents/index.js';
import { rmSync } from 'node:fs';
import { tempDir, writeLocalDb, writeSyncDb, writeUnits } from '../core/intents/pacman-fixture.js';

interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

async function runCli(argv: string[], stdin = '', extraEnv: NodeJS.ProcessEnv = {}): Promise<Captured> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.setEncoding('utf8').on('data', (d: string) => {
    out += d;
  });
  stderr.setEncoding('utf8').on('data', (d: string) => {
    err += d;
  });
  const io: CliIo = {
    stdout,
    stderr,
    stdin: Readable.from([Buffer.from(stdin, 'utf8')]),
    env: { PATH: '', KOOMPI_HAS_CLI: '0', ...extraEnv },
  };
  const code = await main(argv, io);
  return { code, stdout: out, stderr: err };
}

describe('--route-only', () => {
  it('prints one JSON object for a positional question, with exactly the contract keys', async () => {
    const r = await runCli(['--route-only', 'install vlc and gimp']);
    expect(r.code).toBe(0);
    expect(r.stdout.endsWith('\n')).toBe(true);
    const o = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(o).toEqual({
      query: 'install vlc and gimp',
      tier: 'rules',
      intent: 'pkg.install',
      confidence: 0.95,
      command: 'sudo pacman -S --needed vlc gimp',
    });
    const j = await runCli(['--route-only', '--json', 'what is a snapshot?']);
    expect(JSON.parse(j.stdout)).toEqual({ query: 'what is a snapshot?', tier: 'llm', intent: null, confidence: 0, command: null });
  });

  it('--jsonl gives exactly one line per input line, in order, empty and hostile lines included', async () => {
    const input = [
      'install chromium',
      '',
      'how do I install firefox?',
      'install chromium; rm -rf ~',
      'ដំឡើង vlc',
      '   ',
      'reboot',
      'say "hi" \\ \u2028 \t ok',
    ];
    const r = await runCli(['--route-only', '--jsonl'], input.join('\n') + '\n');
    expect(r.code).toBe(0);
    const lines = r.stdout
      .split('\n')
      .slice(0, -1)
      .map((l) => JSON.parse(l) as { query: string; tier: string; command: string | null });
    expect(lines.map((l) => l.query)).toEqual(input);
    expect(lines.map((l) => l.tier)).toEqual(['rules', 'llm', 'llm', 'llm', 'rules', 'llm', 'rules', 'llm']);
    expect(lines[3]!.command).toBeNull();
    expect(lines[4]!.command).toBe('sudo pacman -S --needed vlc');
    // byte for byte what JSON.stringify of the decision gives
    expect(r.stdout).toBe(input.map((q) => JSON.stringify(decideRoute(q, { hasKoompiCli: false })) + '\n').join(''));
  });

  it('--jsonl keeps the count for large input and CRLF line ends', async () => {
    const input = Array.from({ length: 5000 }, (_, i) => (i % 3 === 0 ? 'install vlc' : i % 3 === 1 ? '' : `open kate ${i}`));
    const r = await runCli(['--route-only', '--jsonl'], input.join('\r\n') + '\r\n');
    const lines = r.stdout.split('\n').slice(0, -1);
    expect(lines.length).toBe(5000);
    expect((JSON.parse(lines[4998]!) as { query: string }).query).toBe(input[4998]);
    expect(r.stdout.includes('\r')).toBe(false);
  });

  it('--jsonl with no input prints nothing; a missing question is a usage error', async () => {
    expect(await runCli(['--route-only', '--jsonl'], '')).toEqual({ code: 0, stdout: '', stderr: '' });
    const r = await runCli(['--route-only']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/needs a question/);
    const both = await runCli(['--route-only', '--jsonl', 'install vlc'], 'x\n');
    expect(both.code).toBe(2);
    expect(both.stdout).toBe('');
  });

  it('checks names against the machine named by KOOMPI_PACMAN_DB_DIR and KOOMPI_UNIT_DIRS', async () => {
    const db = tempDir('koompi-cli-db-');
    const units = writeUnits(['cups.service']);
    try {
      writeSyncDb(db, 'extra', ['krita', 'vlc']);
      writeLocalDb(db, ['vlc']);
      const env = { KOOMPI_PACMAN_DB_DIR: db, KOOMPI_UNIT_DIRS: units, KOOMPI_HAS_CHECKUPDATES: '1' };
      const r = await runCli(
        ['--route-only', '--jsonl'],
        'install krita\ninstall specific\nremove krita\nremove vlc\nrestart cups\nrestart bluetooth\ncheck for updates\n',
        env,
      );
      const cmds = r.stdout
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { command: string | null }).command);
      expect(cmds).toEqual([
        'sudo pacman -S --needed krita',
        null,
        null,
        'sudo pacman -Rs vlc',
        'sudo systemctl restart cups',
        null,
        'checkupdates',
      ]);
    } finally {
      rmSync(db, { recursive: true, force: true });
      rmSync(units, { recursive: true, force: true });
    }
  });
});
