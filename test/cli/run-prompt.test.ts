// The --run terminal prompt: refuses without a TTY, y/N per command, destructive needs the first word typed; real runs in a temp dir.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { offerToRun } from '../../src-main/cli/run-prompt.js';
import type { CliIo } from '../../src-main/cli/io.js';
import { runCommand, type Runner } from '../../src-main/core/commands/index.js';
import { judgeCommand } from '../../src-main/core/commands/judge.js';

const dir = mkdtempSync(join(tmpdir(), 'koompi-prompt-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const inDir: Runner = (opts, onEvent) => runCommand({ ...opts, cwd: dir }, onEvent);

function tty(answers: string[], isTTY = true): { io: CliIo; out: () => string; err: () => string } {
  const stdin = Object.assign(new PassThrough(), { isTTY });
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let o = '';
  let e = '';
  stdout.on('data', (d: Buffer) => { o += d.toString(); });
  stderr.on('data', (d: Buffer) => { e += d.toString(); });
  stdin.end(answers.map((a) => a + '\n').join(''));
  return { io: { stdin, stdout, stderr, env: {} }, out: () => o, err: () => e };
}

describe('offerToRun', () => {
  it('refuses without a TTY and runs nothing', async () => {
    const t = tty(['y', 'y'], false);
    const r = await offerToRun([judgeCommand(`touch ${dir}/no-tty`)], t.io, inDir);
    expect(r.status).toBe('no-tty');
    expect(t.err()).toMatch(/needs a terminal/);
    expect(existsSync(join(dir, 'no-tty'))).toBe(false);
  });

  it('says there is nothing to offer for an empty list', async () => {
    expect((await offerToRun([], tty([]).io, inDir)).status).toBe('none');
  });

  it('asks y/N per command and runs only the confirmed ones, streaming their output', async () => {
    const t = tty(['y', 'n', '']);
    const cmds = [`echo first; touch ${dir}/a`, `touch ${dir}/b`, `touch ${dir}/c`].map(judgeCommand);
    const r = await offerToRun(cmds, t.io, inDir);
    expect(r).toEqual({ status: 'done', ran: 1, declined: 2, exitCodes: [0] });
    expect(existsSync(join(dir, 'a'))).toBe(true);
    expect(existsSync(join(dir, 'b'))).toBe(false);
    expect(existsSync(join(dir, 'c'))).toBe(false);
    expect(t.out()).toMatch(/safe {2}echo first.*\nRun it\? \[y\/N\] first\nexit 0/s);
  });

  it('needs the command name of the riskiest part typed for a destructive command', async () => {
    const cmd = `mkdir -p ${dir}/d/e && rm -rf ${dir}/d/e && touch ${dir}/destroyed`;
    const wrong = tty(['y', 'yes']);
    const r1 = await offerToRun([judgeCommand(cmd)], wrong.io, inDir);
    expect(r1.ran).toBe(0);
    expect(wrong.out()).toMatch(/DESTRUCTIVE.*deletes files recursively.*Type "rm" to run it: Not run: the word typed was not "rm"/s);
    expect(existsSync(join(dir, 'destroyed'))).toBe(false);
    const right = tty(['y', 'rm']);
    const r2 = await offerToRun([judgeCommand(cmd)], right.io, inDir);
    expect(r2.ran).toBe(1);
    expect(existsSync(join(dir, 'destroyed'))).toBe(true);
  });

  it('re-judges instead of trusting a risk handed in', async () => {
    const t = tty(['y', '']);
    const r = await offerToRun([{ command: `rm -rf ${dir}/x; touch ${dir}/lied`, risk: 'safe', reasons: [] }], t.io, inDir);
    expect(r.ran).toBe(0);
    expect(existsSync(join(dir, 'lied'))).toBe(false);
  });

  it('treats end of input as no', async () => {
    const t = tty([]);
    const r = await offerToRun([judgeCommand(`touch ${dir}/eof`)], t.io, inDir);
    expect(r.declined).toBe(1);
    expect(existsSync(join(dir, 'eof'))).toBe(false);
  });
});
