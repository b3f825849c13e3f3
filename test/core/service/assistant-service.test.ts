// The assistant service end to end: the real core (router, Ollama client, settings, history, command
// runner) against the Ollama double on 127.0.0.1, with a scripted confirmation port.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../src-main/ipc/dispatch.js';
import type { MessageView } from '../../../src-main/ipc/channels.js';
import { startHarness, type Harness } from './service-harness.js';

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const fence = (cmd: string) => `Here you go:\n\n\`\`\`bash\n${cmd}\n\`\`\`\n`;

async function askAndWait(
  x: Harness,
  question: string,
  conversationId: string | null = null,
): Promise<{ requestId: string; conversationId: string; message: MessageView }> {
  const r = await x.service.handlers['chat:ask']({ conversationId, question });
  const done = await x.waitFor('chat:event', (p) => p.requestId === r.requestId && p.event.type === 'done');
  if (done.event.type !== 'done') throw new Error('unreachable');
  return { ...r, message: done.event.message };
}

describe('assistant service: chat and history', () => {
  it('streams a local answer, registers its commands under ids and keeps both messages on disk', async () => {
    h = await startHarness({ double: { answer: fence('echo hello') } });
    const { requestId, conversationId, message } = await askAndWait(h, 'Explain how I print a word in the terminal');
    const stream = h
      .of('chat:event')
      .filter((p) => p.requestId === requestId)
      .map((p) => p.event.type);
    expect(stream[0]).toBe('start');
    expect(stream).toContain('chunk');
    expect(stream.at(-1)).toBe('done');
    expect(message).toMatchObject({ role: 'assistant', tier: 'local', model: 'qwen2.5:1.5b', content: fence('echo hello'), error: null });
    expect(message.commands).toEqual([
      { id: expect.stringMatching(/^[A-Za-z0-9_-]{8,}$/), command: 'echo hello', risk: 'safe', reasons: [], argv: null },
    ]);

    const conv = await h.service.handlers['conversations:get']({ id: conversationId });
    expect(conv?.messages.map((m) => [m.role, m.content])).toEqual([
      ['user', 'Explain how I print a word in the terminal'],
      ['assistant', fence('echo hello')],
    ]);
    const file = JSON.parse(await readFile(join(h.dir, 'config', 'conversations', `${conversationId}.json`), 'utf8'));
    expect(file.messages).toHaveLength(2);
    expect(await h.service.handlers['conversations:list']({ query: 'PRINT A WORD' })).toEqual([
      expect.objectContaining({ id: conversationId, messageCount: 2 }),
    ]);

    // A follow-up goes into the same conversation, with the history sent to the model.
    await askAndWait(h, 'And in Khmer?', conversationId);
    const chat = h.ollama.requests.filter((r) => r.path === '/api/chat' && (r.body as { messages: unknown[] }).messages.length > 0).at(-1);
    expect((chat?.body as { messages: { role: string }[] }).messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    await h.service.handlers['conversations:delete']({ id: conversationId });
    expect(await h.service.handlers['conversations:list']({})).toEqual([]);
  });

  it('stop keeps the partial answer, marked stopped, in the event and on disk', async () => {
    h = await startHarness({ double: { answer: 'word '.repeat(400), tokenDelayMs: 15 } });
    const { requestId, conversationId } = await h.service.handlers['chat:ask']({
      conversationId: null,
      question: 'Tell me a long story about Cambodia',
    });
    await h.waitFor('chat:event', (p) => p.requestId === requestId && p.event.type === 'chunk');
    await h.service.handlers['chat:stop']({ requestId });
    const done = await h.waitFor('chat:event', (p) => p.requestId === requestId && p.event.type === 'done');
    const msg = done.event.type === 'done' ? done.event.message : null;
    expect(msg?.stopped).toBe(true);
    expect(msg?.content.length).toBeGreaterThan(0);
    expect(msg?.content.length).toBeLessThan('word '.repeat(400).length);
    const conv = await h.service.handlers['conversations:get']({ id: conversationId });
    expect(conv?.messages[1]).toMatchObject({ stopped: true, content: msg?.content });
  });

  it('refuses an unknown conversation id with a readable error', async () => {
    h = await startHarness();
    await expect(h.service.handlers['chat:ask']({ conversationId: 'c-nope', question: 'hi there' })).rejects.toThrow(/no longer exists/);
  });
});

describe('assistant service: commands only run after the confirmation', () => {
  it('a renderer-supplied id never runs without approval; approved, it streams output to its exit code', async () => {
    h = await startHarness();
    const marker = join(h.home, 'marker');
    h.ollama.setScenario({ answer: fence(`touch ${marker} && echo made`) });
    const { message } = await askAndWait(h, 'Explain how to create an empty file');
    const id = message.commands![0]!.id;

    expect(await h.service.handlers['commands:run']({ commandId: 'k-made-up-by-renderer', mode: 'inline' })).toEqual({
      refused: expect.stringMatching(/no longer available/),
      kind: 'gone',
    });
    expect(await h.service.handlers['commands:run']({ commandId: id, mode: 'inline' })).toEqual({
      refused: expect.stringMatching(/did not confirm/),
      kind: 'declined',
    });
    expect(h.confirms.at(-1)).toMatchObject({ runText: `touch ${marker} && echo made`, mode: 'inline', command: { risk: 'safe' } });
    await new Promise((r) => setTimeout(r, 100));
    expect(existsSync(marker)).toBe(false);

    h.answerConfirm({ approved: true });
    const r = await h.service.handlers['commands:run']({ commandId: id, mode: 'inline' });
    if (!('runId' in r)) throw new Error(r.refused);
    const exit = await h.waitFor('command:event', (p) => p.runId === r.runId && p.event.type === 'exit');
    expect(exit.event).toMatchObject({ type: 'exit', code: 0 });
    const out = h
      .of('command:event')
      .filter((p) => p.runId === r.runId)
      .map((p) => p.event);
    expect(out[0]).toMatchObject({ type: 'start', text: `touch ${marker} && echo made`, risk: 'safe' });
    expect(
      out
        .filter((e) => e.type === 'output')
        .map((e) => (e.type === 'output' ? e.data : ''))
        .join('')
        .replace(/\r\n/g, '\n'),
    ).toBe('made\n');
    expect(existsSync(marker)).toBe(true);
  });

  it('a destructive command with the wrong typed word never runs; with its first word it does', async () => {
    h = await startHarness();
    const victim = join(h.home, 'victim');
    await mkdir(victim);
    await writeFile(join(victim, 'keep.txt'), 'data');
    h.ollama.setScenario({ answer: fence(`rm -rf ${victim}`) });
    const { message } = await askAndWait(h, 'Explain how to delete a folder with everything in it');
    const cmd = message.commands![0]!;
    expect(cmd.risk).toBe('destructive');

    for (const wrong of [
      { approved: true },
      { approved: true, typedWord: 'yes' },
      { approved: true, typedWord: 'RM' },
      { approved: false, typedWord: 'rm' },
    ]) {
      h.answerConfirm(wrong);
      expect(await h.service.handlers['commands:run']({ commandId: cmd.id, mode: 'inline' })).toHaveProperty('refused');
    }
    await new Promise((r) => setTimeout(r, 100));
    expect(existsSync(join(victim, 'keep.txt'))).toBe(true);

    h.answerConfirm({ approved: true, typedWord: 'rm' });
    const r = await h.service.handlers['commands:run']({ commandId: cmd.id, mode: 'inline' });
    if (!('runId' in r)) throw new Error(r.refused);
    await h.waitFor('command:event', (p) => p.runId === r.runId && p.event.type === 'exit');
    expect(existsSync(victim)).toBe(false);
    expect(h.confirms.at(-1)).toMatchObject({ confirmWord: 'rm' });
    // Every decision is in the command history log, refusals included.
    const log = (await readFile(join(h.dir, 'config', 'command-history.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(log.at(-1)).toMatchObject({ command: `rm -rf ${victim}`, risk: 'destructive', exitCode: 0, outcome: 'ran' });
  });

  it('a tier-1 intent action goes through the same gate and runs its sudo through pkexec', async () => {
    // A stand-in pkexec on PATH records what it was asked to run (nothing gets root here).
    h = await startHarness({
      beforeStart: async (dir) => {
        await mkdir(join(dir, 'bin'));
        await writeFile(join(dir, 'bin', 'pkexec'), `#!/bin/sh\nprintf '%s\\n' "$@" > "$HOME/pkexec-args"\necho pkexec-ok\n`, {
          mode: 0o755,
        });
      },
      env: ({ dir }) => ({ PATH: `${join(dir, 'bin')}:${process.env.PATH}` }),
    });
    const { message } = await askAndWait(h, 'install firefox');
    expect(message).toMatchObject({ tier: 'rules', intent: 'pkg.install' });
    const cmd = message.commands![0]!;
    expect(cmd).toMatchObject({
      command: 'sudo pacman -S --needed firefox',
      argv: ['sudo', 'pacman', '-S', '--needed', 'firefox'],
      risk: 'elevated',
    });

    expect(await h.service.handlers['commands:run']({ commandId: cmd.id, mode: 'inline' })).toHaveProperty('refused');
    expect(h.confirms[0]).toMatchObject({ runText: 'sudo pacman -S --needed firefox', note: expect.stringMatching(/pkexec/) });
    h.answerConfirm({ approved: true });
    const r = await h.service.handlers['commands:run']({ commandId: cmd.id, mode: 'inline' });
    if (!('runId' in r)) throw new Error(r.refused);
    const exit = await h.waitFor('command:event', (p) => p.runId === r.runId && p.event.type === 'exit');
    const output = h
      .of('command:event')
      .filter((p) => p.runId === r.runId)
      .map((p) => (p.event.type === 'output' ? p.event.data : ''))
      .join('');
    expect(exit.event, output).toMatchObject({ code: 0 });
    expect((await readFile(join(h.home, 'pkexec-args'), 'utf8')).split('\n').filter(Boolean)).toEqual([
      'env',
      '-C',
      h.home,
      'pacman',
      '-S',
      '--needed',
      'firefox',
    ]);
  });

  it('commands read back from history after a restart are runnable by id and judged again', async () => {
    h = await startHarness();
    const victim = join(h.home, 'old');
    await mkdir(victim);
    h.ollama.setScenario({ answer: fence(`rm -rf ${victim}`) });
    const { conversationId, message } = await askAndWait(h, 'Explain how to remove the old folder');
    await h.service.dispose();
    // Someone edits the file to make the command look harmless.
    const file = join(h.dir, 'config', 'conversations', `${conversationId}.json`);
    const conv = JSON.parse(await readFile(file, 'utf8'));
    conv.messages[1].commands[0].risk = 'safe';
    conv.messages[1].commands[0].argv = ['sh', '-c', 'echo pwned'];
    await writeFile(file, JSON.stringify(conv));

    const { createAssistantService } = await import('../../../src-main/core/service/assistant-service.js');
    const confirms: unknown[] = [];
    h.service = await createAssistantService({
      configDir: join(h.dir, 'config'),
      env: { PATH: process.env.PATH, HOME: h.home, OLLAMA_HOST: h.ollama.url },
      emit: () => {},
      confirm: async (req) => {
        confirms.push(req);
        return { approved: true, typedWord: 'rm' };
      },
      keyStore: (await import('./service-harness.js')).memoryKeyStore(),
      version: 't',
    });
    const back = await h.service.handlers['conversations:get']({ id: conversationId });
    const cmd = back!.messages[1]!.commands![0]!;
    expect(cmd).toMatchObject({ id: message.commands![0]!.id, risk: 'destructive', argv: null });
    const r = await h.service.handlers['commands:run']({ commandId: cmd.id, mode: 'inline' });
    expect(r).toHaveProperty('runId');
    expect(confirms).toEqual([expect.objectContaining({ runText: `rm -rf ${victim}` })]);
    await h.service.idle();
    expect(existsSync(victim)).toBe(false);
  });

  it('cancels a running command and notifies when a long run ends', async () => {
    h = await startHarness({ service: { longRunMs: 0 } });
    h.ollama.setScenario({ answer: fence('sleep 30') });
    const { message } = await askAndWait(h, 'Explain how to wait half a minute');
    h.answerConfirm({ approved: true });
    const r = await h.service.handlers['commands:run']({ commandId: message.commands![0]!.id, mode: 'inline' });
    if (!('runId' in r)) throw new Error(r.refused);
    await h.waitFor('command:event', (p) => p.runId === r.runId && p.event.type === 'start');
    await h.service.handlers['commands:cancel']({ runId: r.runId });
    const exit = await h.waitFor('command:event', (p) => p.runId === r.runId && p.event.type === 'exit');
    // Stop sends SIGINT first (the command runs on a pseudo-terminal; 130 = ended by SIGINT).
    expect(exit.event).toMatchObject({ type: 'exit', code: 130 });
    expect(h.notified).toEqual([expect.objectContaining({ title: 'Command finished' })]);
  });
});

describe('assistant service: settings, models, doctor, boot', () => {
  it('maps settings to the view, saves a patch, emits settings:changed and rejects invalid values', async () => {
    h = await startHarness();
    const before = await h.service.handlers['settings:get']({});
    expect(before).toMatchObject({ ollamaHost: h.ollama.url, hideOverlayOnBlur: true, language: 'auto' });
    const after = await h.service.handlers['settings:set']({ language: 'km', hideOverlayOnBlur: false, keepAlive: '1h' });
    expect(after).toMatchObject({ language: 'km', hideOverlayOnBlur: false, keepAlive: '1h' });
    expect(h.of('settings:changed').at(-1)).toEqual(after);
    const file = JSON.parse(await readFile(join(h.dir, 'config', 'settings.json'), 'utf8'));
    expect(file).toMatchObject({ language: 'km', keepAlive: '1h', overlay: { hideOnBlur: false } });
    expect(file.ollamaHost).not.toBe(h.ollama.url); // the env override is never written back
    await expect(h.service.handlers['settings:set']({ keepAlive: 'forever' })).rejects.toThrow();
  });

  it('lists models, pulls one with progress, and checks hosts', async () => {
    h = await startHarness();
    expect(await h.service.handlers['models:list']({})).toEqual([expect.objectContaining({ name: 'qwen2.5:1.5b' })]);
    const { pullId } = await h.service.handlers['models:pull']({ name: 'llama3.2:1b' });
    await h.waitFor('pull:event', (p) => p.pullId === pullId && p.event.type === 'done');
    const progress = h.of('pull:event').filter((p) => p.pullId === pullId && p.event.type === 'progress');
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.some((p) => p.event.type === 'progress' && typeof p.event.percent === 'number')).toBe(true);
    expect((await h.service.handlers['models:list']({})).map((m) => m.name)).toContain('llama3.2:1b');

    expect(await h.service.handlers['ollama:check']({ host: h.ollama.url })).toMatchObject({ ok: true, version: '0.12.6' });
    const down = await h.service.handlers['ollama:check']({ host: 'http://127.0.0.1:9' });
    expect(down).toMatchObject({ ok: false, host: 'http://127.0.0.1:9' });
    await h.service.handlers['ollama:warm-up']({});
  });

  it('the doctor tells how to start Ollama when it is down, and reports the key storage', async () => {
    h = await startHarness();
    await h.ollama.close();
    const report = await h.service.handlers['doctor:run']({});
    expect(report.checks.find((c) => c.id === 'ollama')).toMatchObject({ ok: false, fix: 'sudo systemctl enable --now ollama' });
    expect(report.checks.find((c) => c.id === 'key-storage')).toMatchObject({ ok: true });
    expect(report.checks.find((c) => c.id === 'cloud-allowed')).toMatchObject({ ok: false, action: { kind: 'open-settings' } });
    h.ollama = { ...h.ollama, close: async () => {} };
  });

  it('offers a pull action when the model is missing, and reports the hotkey path', async () => {
    h = await startHarness({
      double: { models: [] },
      service: { hotkeyStatus: () => ({ accelerator: 'Ctrl+Alt+Space', path: 'none', detail: 'No global hotkey.' }) },
    });
    const report = await h.service.handlers['doctor:run']({});
    expect(report.checks.find((c) => c.id === 'model')).toMatchObject({
      ok: false,
      action: { kind: 'pull-model', model: expect.any(String) },
    });
    expect(report.checks.find((c) => c.id === 'hotkey')).toMatchObject({
      ok: false,
      fix: expect.stringMatching(/koompi-assistant --toggle/),
    });
  });

  it('app:ready carries a settings-corruption notice once', async () => {
    h = await startHarness({
      beforeStart: async (dir) => {
        await mkdir(join(dir, 'config'));
        await writeFile(join(dir, 'config', 'settings.json'), '{broken');
      },
    });
    const boot = await h.service.handlers['app:ready']({ view: 'overlay' });
    expect(boot).toMatchObject({ version: '0.0.0-test', view: 'overlay', key: { set: false }, hotkey: { path: 'none' } });
    expect(boot.notices.join(' ')).toMatch(/reset to the defaults/);
    expect((await h.service.handlers['app:ready']({ view: 'window' })).notices).toEqual([]);
  });

  it('behind the dispatcher, bad payloads never reach the core', async () => {
    h = await startHarness();
    const dispatch = createDispatcher(h.service.handlers);
    expect(await dispatch('commands:run', { commandId: 'x', mode: 'inline', command: 'rm -rf ~' })).toMatchObject({ ok: false });
    expect(await dispatch('chat:ask', { conversationId: null, question: 'x'.repeat(25_000) })).toMatchObject({
      ok: false,
      error: { kind: 'invalid-request', message: expect.stringMatching(/longer than/) },
    });
    expect(await dispatch('key:set', { key: 'abcdefghijkl' })).toMatchObject({
      ok: false,
      error: { kind: 'unavailable', message: 'key:set is not available here.' },
    });
    expect(h.confirms).toEqual([]);
    expect(await h.service.handlers['conversations:list']({})).toEqual([]);
  });
});
