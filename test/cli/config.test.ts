// koompi-ask config through main(): list/get/set/unset/path, exit 2 for unknown keys, bad values and keys the
// school locked (naming the file), and set-key from stdin only: no echo on a TTY, never from argv.
import { PassThrough, Writable } from 'node:stream';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src-main/cli/main.js';
import type { CliIo } from '../../src-main/cli/io.js';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _e: BufferEncoding, cb: () => void): void {
    this.text += chunk.toString('utf8');
    cb();
  }
}
/** A terminal stand-in: records raw mode, so the test can check the key was typed with echo off. */
class FakeTty extends PassThrough {
  isTTY = true;
  rawModes: boolean[] = [];
  setRawMode(on: boolean): this {
    this.rawModes.push(on);
    return this;
  }
}

let root: string;
let env: NodeJS.ProcessEnv;
let presetFile: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'koompi-config-'));
  await mkdir(join(root, 'xdg', 'koompi-assistant'), { recursive: true });
  presetFile = join(root, 'xdg', 'koompi-assistant', 'settings.json');
  // No D-Bus in env: keys go to the 0600 file (the keyring path is tested in test/core/secrets).
  env = { PATH: process.env.PATH, KOOMPI_CONFIG_DIR: join(root, 'cfg'), XDG_CONFIG_DIRS: join(root, 'xdg') };
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function run(
  argv: string[],
  stdin: NodeJS.ReadableStream & { isTTY?: boolean } = new PassThrough().end() as PassThrough,
): Promise<{ code: number; out: string; err: string }> {
  const stdout = new Capture();
  const stderr = new Capture();
  const io: CliIo = { stdout, stderr, stdin, env };
  const code = await main(argv, io);
  return { code, out: stdout.text, err: stderr.text };
}

describe('koompi-ask config', () => {
  it('set, get, list and unset; the file holds only what was set, mode 0600', async () => {
    expect((await run(['config', 'set', 'allowCloud', 'true'])).code).toBe(0);
    expect((await run(['config', 'set', 'model', 'qwen2.5:0.5b'])).out).toBe('model = qwen2.5:0.5b\n');
    expect((await run(['config', 'set', 'overlay.position', 'top'])).code).toBe(0);
    expect((await run(['config', 'get', 'allowCloud'])).out).toBe('true\n');
    expect((await run(['config', 'get', 'model', '--json'])).out).toBe('"qwen2.5:0.5b"\n');
    const list = JSON.parse((await run(['config', 'list', '--json'])).out);
    expect(list.settings).toMatchObject({ allowCloud: true, model: 'qwen2.5:0.5b', 'overlay.position': 'top', 'overlay.hideOnBlur': true });
    expect(list.sources).toMatchObject({ allowCloud: 'user', theme: 'default', 'overlay.hideOnBlur': 'default' });
    const file = join(root, 'cfg', 'settings.json');
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({
      version: 3,
      allowCloud: true,
      model: 'qwen2.5:0.5b',
      overlay: { position: 'top' },
    });
    expect((await run(['config', 'unset', 'model'])).out).toMatch(/^model = null/);
    expect((await run(['config', 'path'])).out).toBe(`${file}\n`);
    const text = (await run(['config', 'list'])).out;
    expect(text).toMatch(/^allowCloud\s+true$/m);
    expect(text).toMatch(/^theme\s+system\s+\(default\)$/m);
  });

  it('unknown keys and bad values exit 2 saying what is allowed, and change nothing', async () => {
    const unknown = await run(['config', 'set', 'allowcloud', 'true']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/unknown setting "allowcloud".*allowCloud/);
    const bad = await run(['config', 'set', 'language', 'fr']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('Allowed: auto, en or km');
    const keep = await run(['config', 'set', 'keepAlive', 'forever']);
    expect(keep.err).toMatch(/Allowed: a duration such as 30m/);
    expect((await run(['config', 'set', 'allowCloud', 'yes'])).err).toMatch(/Allowed: true or false/);
    expect((await run(['config', 'set', 'openaiBaseUrl', 'school:8000'])).err).toMatch(/http:\/\//);
    expect((await run(['config', 'get', 'nope'])).code).toBe(2);
    expect((await run(['config', 'frobnicate'])).code).toBe(2);
    expect((await run(['config', 'set', 'model'])).code).toBe(2);
    expect((await run(['config', 'list'])).out).toMatch(/^language\s+auto\s+\(default\)$/m);
  });

  it('a key the school locked: exit 2 naming the file; list shows it as set by the school', async () => {
    await writeFile(presetFile, JSON.stringify({ allowCloud: false, ollamaHost: 'http://school:11434', locked: ['allowCloud'] }));
    const r = await run(['config', 'set', 'allowCloud', 'true']);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`set by your school and cannot be changed here (locked in ${presetFile})`);
    expect((await run(['config', 'unset', 'allowCloud'])).code).toBe(2);
    const list = (await run(['config', 'list'])).out;
    expect(list).toMatch(new RegExp(`^allowCloud\\s+false\\s+\\(set by your school: ${presetFile.replace(/[/.]/g, '\\$&')}\\)$`, 'm'));
    expect(list).toMatch(/^ollamaHost\s+http:\/\/school:11434\s+\(school default\)$/m);
    expect((await run(['config', 'set', 'ollamaHost', 'http://10.1.1.1:11434'])).code).toBe(0);
  });

  it('set-key reads a piped key (never argv), stores it, and says where; rm-key removes it', async () => {
    const argvKey = await run(['config', 'set-key', 'gemini', 'AIza-in-argv']);
    expect(argvKey.code).toBe(2);
    expect(argvKey.err).toMatch(/never takes the key on the command line/);
    const r = await run(['config', 'set-key', 'gemini'], new PassThrough().end('AIzaSyA-piped_key\n') as PassThrough);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/The Gemini API key is set\. No desktop keyring could store it .* not encrypted/);
    expect(r.out + r.err).not.toContain('AIzaSyA-piped_key');
    const keys = JSON.parse(await readFile(join(root, 'cfg', 'keys.json'), 'utf8')).keys;
    expect(keys).toEqual({ gemini: 'AIzaSyA-piped_key' });
    expect(JSON.parse((await run(['config', 'list', '--json'])).out).keys.gemini).toMatchObject({
      set: true,
      source: 'file',
      plainText: true,
    });
    env.OLLAMA_HOST = '127.0.0.1:9';
    const doctor = JSON.parse((await run(['doctor', '--json'])).out) as { checks: Array<{ id: string; message: string }> };
    expect(doctor.checks.find((c) => c.id === 'gemini-key')?.message).toMatch(/kept in plain text in .*keys\.json, readable only by you/);
    expect((await run(['config', 'rm-key', 'gemini'])).out).toBe('Removed the gemini key (key file).\n');
    expect((await run(['config', 'rm-key', 'gemini'])).out).toBe('No gemini key was stored.\n');
    expect((await run(['config', 'set-key', 'aws'], new PassThrough().end('x') as PassThrough)).code).toBe(2);
    expect((await run(['config', 'set-key', 'gemini'], new PassThrough().end('\n') as PassThrough)).code).toBe(2);
  });

  it('on a TTY, set-key prompts on stderr and reads with echo off (raw mode), Backspace works, Ctrl+C cancels', async () => {
    const tty = new FakeTty();
    const p = run(['config', 'set-key', 'openai'], tty);
    await new Promise((r) => setTimeout(r, 50));
    tty.write('sk-schoolX');
    tty.write('\u007f');
    tty.write('\r');
    const r = await p;
    expect(r.code).toBe(0);
    expect(tty.rawModes).toEqual([true, false]);
    expect(r.err).toMatch(/^Paste the key of the OpenAI-compatible server \(it will not be shown\)/);
    expect(r.out + r.err).not.toContain('sk-school');
    expect(JSON.parse(await readFile(join(root, 'cfg', 'keys.json'), 'utf8')).keys.openai).toBe('sk-school');
    const tty2 = new FakeTty();
    const c = run(['config', 'set-key', 'gemini'], tty2);
    await new Promise((r2) => setTimeout(r2, 50));
    tty2.write('AIza\u0003');
    const cancelled = await c;
    expect(cancelled.code).toBe(130);
    expect(tty2.rawModes).toEqual([true, false]);
  });
});
