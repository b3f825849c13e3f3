// The main-process registry: nothing runs without approval, destructive needs the right word, runs are logged; pkexec/konsole rewrites.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CommandRegistry,
  confirmWordFor,
  prepareRun,
  readHistory,
  runCommand,
  usesSudo,
  type ConfirmPort,
  type Runner,
} from '../../../src-main/core/commands/index.js';

const dir = mkdtempSync(join(tmpdir(), 'koompi-reg-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const answer = (cmd: string): string => `Do this:\n\n\`\`\`bash\n${cmd}\n\`\`\`\n`;

describe('CommandRegistry', () => {
  it('never runs a command that was not approved', async () => {
    const marker = join(dir, 'declined');
    const reg = new CommandRegistry();
    const [cmd] = reg.addFromMarkdown(answer(`touch ${marker}`));
    let asked = 0;
    const out = await reg.requestRun(
      cmd!.id,
      async (c) => {
        asked++;
        expect(c.command).toBe(`touch ${marker}`);
        return { approved: false };
      },
      { cwd: dir },
    );
    expect(out.status).toBe('declined');
    expect(asked).toBe(1);
    expect(existsSync(marker)).toBe(false);
  });

  it('never runs a destructive command when the typed word is wrong or missing', async () => {
    const victim = join(dir, 'victim');
    const reg = new CommandRegistry();
    const [cmd] = reg.addFromMarkdown(answer(`mkdir -p ${victim}/sub && rm -rf ${victim}/sub; touch ${dir}/marker-destructive`));
    expect(cmd!.risk).toBe('destructive');
    for (const typedWord of [undefined, '', 'mkdir', 'yes', ' RM ']) {
      const out = await reg.requestRun(
        cmd!.id,
        async () => (typedWord === undefined ? { approved: true } : { approved: true, typedWord }),
        { cwd: dir },
      );
      expect(out).toEqual({ status: 'wrong-word', expected: 'rm' });
    }
    expect(existsSync(join(dir, 'marker-destructive'))).toBe(false);
    const ok = await reg.requestRun(cmd!.id, async (_c, info) => ({ approved: true, typedWord: info.confirmWord! }), { cwd: dir });
    expect(ok.status).toBe('ran');
    expect(existsSync(join(dir, 'marker-destructive'))).toBe(true);
  });

  it('refuses ids it does not know: the renderer cannot supply text', async () => {
    const reg = new CommandRegistry();
    let asked = false;
    const out = await reg.requestRun(`touch ${join(dir, 'injected')}`, async () => {
      asked = true;
      return { approved: true };
    });
    expect(out.status).toBe('unknown-id');
    expect(asked).toBe(false);
    expect(existsSync(join(dir, 'injected'))).toBe(false);
  });

  it('runs the stored text even if the caller mutates what get() returned', async () => {
    const reg = new CommandRegistry();
    const [cmd] = reg.addFromMarkdown(answer('echo stored'));
    const copy = reg.get(cmd!.id)!;
    copy.command = `touch ${join(dir, 'mutated')}`;
    let out = '';
    const r = await reg.requestRun(cmd!.id, async () => ({ approved: true }), {
      cwd: dir,
      onEvent: (e) => {
        if (e.type === 'stdout') out += e.data.replace(/\r\n/g, '\n');
      },
    });
    expect(r.status).toBe('ran');
    expect(out).toBe('stored\n');
    expect(existsSync(join(dir, 'mutated'))).toBe(false);
  });

  it('appends one history line per run with time, command, risk, exit code and duration', async () => {
    const history = join(dir, 'cfg', 'command-history.jsonl');
    const reg = new CommandRegistry();
    const cmds = reg.addFromMarkdown(answer('true\nexit 4'));
    for (const c of cmds) await reg.requestRun(c.id, async () => ({ approved: true }), { cwd: dir, historyFile: history });
    await reg.requestRun(cmds[0]!.id, async () => ({ approved: false }), { cwd: dir, historyFile: history });
    const lines = readHistory(history);
    expect(lines.map((l) => [l.command, l.risk, l.exitCode])).toEqual([
      ['true', 'safe', 0],
      ['exit 4', 'safe', 4],
    ]);
    for (const l of lines) {
      expect(Date.parse(l.time)).not.toBeNaN();
      expect(l.durationMs).toBeGreaterThanOrEqual(0);
    }
  });

  it('runs intent actions as argv, without a shell', async () => {
    const reg = new CommandRegistry();
    const seen: unknown[] = [];
    const runner: Runner = async (opts, onEvent) => {
      seen.push(opts);
      return runCommand(opts, onEvent);
    };
    const c = reg.addAction(['printf', '%s', '$(touch x); ok'], "printf %s '$(touch x); ok'");
    let out = '';
    await reg.requestRun(c.id, async () => ({ approved: true }), {
      cwd: dir,
      runner,
      onEvent: (e) => {
        if (e.type === 'stdout') out += e.data;
      },
    });
    expect(out).toBe('$(touch x); ok');
    expect((seen[0] as { argv: string[] }).argv[0]).toBe('printf');
    expect(existsSync(join(dir, 'x'))).toBe(false);
  });

  it('gives the confirm port the word to type and the pkexec note', async () => {
    const reg = new CommandRegistry();
    const [cmd] = reg.addFromMarkdown(answer('sudo rm -rf /opt/old'));
    const infos: Parameters<ConfirmPort>[1][] = [];
    await reg.requestRun(cmd!.id, async (_c, info) => {
      infos.push(info);
      return { approved: false };
    });
    expect(infos[0]).toEqual({ confirmWord: 'rm', note: expect.stringMatching(/pkexec/) });
  });
});

describe('confirmWordFor', () => {
  it.each([
    ['rm -rf ~/x', 'rm'],
    ['sudo -u root env A=1 nohup dd if=/dev/zero of=/dev/sda', 'dd'],
    ['/usr/bin/rm -r x', 'rm'],
    ['echo done; rm -rf ~/Music', 'rm'],
    ['ls; mkfs.ext4 /dev/sdb1', 'mkfs.ext4'],
    ['(cd / && rm -rf x)', 'rm'],
    ['rm -rf "unbalanced', 'rm'],
  ])('%j → %s', (cmd, word) => {
    expect(confirmWordFor(cmd)).toBe(word);
  });
});

describe('prepareRun', () => {
  it('leaves plain commands alone', () => {
    expect(prepareRun('ls -l')).toEqual({ displayText: 'ls -l', runText: 'ls -l', rewritten: false, note: null });
  });
  it('runs sudo through pkexec: same text, a sudo shim first on PATH', async () => {
    const p = prepareRun('sudo pacman -Syu');
    expect(p.rewritten).toBe(true);
    expect(p.displayText).toBe('sudo pacman -Syu');
    expect(p.runText).toBe('sudo pacman -Syu');
    // The shim really turns sudo into pkexec: check with a fake pkexec on PATH behind it.
    const bin = join(dir, 'fakebin');
    await runCommand({
      text: `mkdir -p ${bin} && printf '#!/bin/sh\\necho "pkexec $*"\\n' > ${bin}/pkexec && chmod +x ${bin}/pkexec`,
      cwd: dir,
    });
    let out = '';
    const prepared = prepareRun(`sudo -u bob -E ls /root && sh -c 'sudo whoami' && echo x | xargs doas -n rm`, {
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
    });
    const r = await runCommand({ text: prepared.runText!, cwd: dir, env: prepared.env! }, (e) => {
      if (e.type === 'stdout') out += e.data.replace(/\r\n/g, '\n');
    });
    expect(r.exitCode).toBe(0);
    expect(out).toBe(`pkexec --user bob env -C ${dir} ls /root\npkexec env -C ${dir} whoami\npkexec env -C ${dir} rm x\n`);
  });
  it('opens in Konsole with --hold -e bash -c TEXT', () => {
    expect(prepareRun('sudo pacman -Syu', { konsole: true }).runArgv).toEqual([
      'konsole',
      '--hold',
      '-e',
      'bash',
      '-c',
      'sudo pacman -Syu',
    ]);
  });
  it('finds sudo only where it runs', () => {
    expect(usesSudo('echo sudo')).toBe(false);
    expect(usesSudo('ls && sudo ls')).toBe(true);
    expect(usesSudo('echo $(doas id)')).toBe(true);
  });
});
