// Router integration: the real Ollama and Gemini clients against their protocol doubles on 127.0.0.1.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRouter, judgeAnswer, MAX_QUESTION_CHARS, type RouterSettings } from '../../../src-main/core/router/index.js';
import { OllamaChatProvider } from '../../../src-main/core/providers/ollama/index.js';
import { createGeminiClient, type GeminiClient } from '../../../src-main/core/providers/gemini/index.js';
import { systemPrompt } from '../../../src-main/core/providers/system-prompt.js';
import { ACT_THRESHOLD, type AnswerEvent } from '../../../src-main/core/types.js';
import { matchIntent } from '../../../src-main/core/intents/index.js';
import { extractCommands, judgeCommand } from '../../../src-main/core/commands/index.js';
import { startOllamaDouble, type OllamaDouble } from '../../doubles/ollama-double.js';
import { startGeminiDouble, type GeminiDouble } from '../../doubles/gemini-double.js';

const KEY = 'router-test-key';
const LOCAL_ANSWER = 'Mount the drive:\n\n```bash\nsudo mount /dev/sdb1 /mnt\n```\n';
const CLOUD_ANSWER = 'Here is a script:\n\n```bash\n#!/bin/bash\necho "backup"\ntar czf ~/backup.tgz ~/Documents\n```\nDone.';
const CLOSED = 'http://127.0.0.1:9';

let ollama: OllamaDouble;
let gemini: GeminiDouble;
const open: Array<{ close(): Promise<void> }> = [];

beforeAll(async () => {
  ollama = await startOllamaDouble({ answer: LOCAL_ANSWER, framing: 'chaotic', seed: 3 });
  gemini = await startGeminiDouble({ apiKey: KEY, answer: CLOUD_ANSWER, chaosSeed: 11 });
});
afterAll(async () => {
  await ollama.close();
  await gemini.close();
});
afterEach(async () => {
  while (open.length) await open.pop()!.close();
  ollama.setScenario({ hang: false, errorAfterTokens: null, cutAfterTokens: null, answer: LOCAL_ANSWER });
  gemini.setScenario({ scenario: 'ok' });
});

interface Setup {
  localHost?: string;
  localModel?: string;
  key?: string | null;
  settings?: Partial<RouterSettings>;
}

function setup(o: Setup = {}) {
  const local = new OllamaChatProvider({
    host: o.localHost ?? ollama.url,
    model: o.localModel,
    livenessTimeoutMs: 1000,
    availabilityCacheMs: 0,
  });
  const cloud: GeminiClient = createGeminiClient({
    baseUrl: gemini.url,
    getApiKey: () => (o.key === undefined ? KEY : o.key),
    headersTimeoutMs: 2000,
  });
  open.push(local, cloud);
  const settings: RouterSettings = { allowCloud: true, privacyMode: false, ollamaHost: o.localHost ?? ollama.url, ...o.settings };
  const router = createRouter({
    settings: () => settings,
    local: () => local,
    cloud: () => cloud,
    intentContext: () => ({ hasKoompiCli: false }),
    systemPrompt,
  });
  const events: AnswerEvent[] = [];
  const ask = (question: string, extra: { offline?: boolean; preferCloud?: boolean; signal?: AbortSignal } = {}) =>
    router.ask({ question, ...extra }, (e) => events.push(e));
  return { ask, events };
}

const chunks = (events: AnswerEvent[]) =>
  events
    .filter((e) => e.type === 'chunk')
    .map((e) => (e as { text: string }).text)
    .join('');
const geminiCalls = () => gemini.requests.filter((r) => r.url.includes(':streamGenerateContent')).length;
const ollamaChats = () => ollama.requests.filter((r) => r.path === '/api/chat').length;

describe('router', () => {
  it("tier 1 acts above the threshold: the intent's action, judged; no model contacted", async () => {
    const o = ollamaChats();
    const g = geminiCalls();
    const { ask, events } = setup();
    const a = await ask('install firefox');
    const m = matchIntent('install firefox', { hasKoompiCli: false })!;
    expect(m.confidence).toBeGreaterThan(ACT_THRESHOLD);
    expect(a).toEqual({
      tier: 'rules',
      text: `${m.text}\n\n\`\`\`bash\n${m.command}\n\`\`\`\n`,
      model: null,
      intent: 'pkg.install',
      commands: [judgeCommand(m.command!)],
      sources: [],
      error: null,
    });
    expect(extractCommands(a.text)).toEqual([m.command]);
    expect(a.commands[0]!.risk).toBe('elevated');
    expect(events[0]).toEqual({ type: 'start', tier: 'rules', model: null, intent: 'pkg.install' });
    const hello = await ask('hello');
    expect(hello.tier).toBe('rules');
    expect(hello.intent).toBe('greeting');
    expect(hello.commands).toEqual([]);
    expect(hello.text.length).toBeGreaterThan(0);
    expect(ollamaChats()).toBe(o);
    expect(geminiCalls()).toBe(g);
  });

  it('a simple question goes to the local model; text streamed byte for byte, with its commands', async () => {
    const { ask, events } = setup();
    const before = geminiCalls();
    const a = await ask('how do I mount my usb drive');
    expect(a.tier).toBe('local');
    expect(a.model).toBe('qwen2.5:1.5b');
    expect(a.text).toBe(LOCAL_ANSWER);
    expect(a.error).toBeNull();
    expect(chunks(events)).toBe(LOCAL_ANSWER);
    expect(a.commands).toEqual(judgeAnswer(LOCAL_ANSWER));
    expect(a.commands.map((c) => c.command)).toContain('sudo mount /dev/sdb1 /mnt');
    expect(events[0]).toEqual({ type: 'start', tier: 'local', model: 'qwen2.5:1.5b', intent: null });
    expect(events.at(-1)).toEqual({ type: 'done', answer: a });
    expect(events.some((e) => e.type === 'stats')).toBe(true);
    expect(geminiCalls()).toBe(before);
  });

  it('a creative request prefers the cloud when allowed and a key is set', async () => {
    const { ask } = setup();
    const a = await ask('write a script that backs up my Documents folder');
    expect(a.tier).toBe('cloud');
    expect(a.model).toBe('gemini-3.5-flash');
    expect(a.text).toBe(CLOUD_ANSWER);
    expect(a.commands).toEqual(judgeAnswer(CLOUD_ANSWER));
    const req = gemini.requests.at(-1)!;
    expect(req.url).not.toContain(KEY);
    expect(JSON.parse(req.body).systemInstruction.parts[0].text).toContain('KOOMPI');
  });

  it('a creative request stays local without consent, in privacy mode, offline, or without a key', async () => {
    for (const [settings, offline, key] of [
      [{ allowCloud: false }, false, KEY],
      [{ privacyMode: true }, false, KEY],
      [{}, true, KEY],
      [{}, false, null],
    ] as const) {
      const before = geminiCalls();
      const { ask, events } = setup({ settings, key });
      const a = await ask('write a poem about Phnom Penh', { offline });
      expect(a.tier).toBe('local');
      expect(geminiCalls()).toBe(before);
      expect(events.filter((e) => e.type === 'notice')).toEqual([]);
    }
  });

  it('preferCloud puts the cloud first for a simple question (only when allowed)', async () => {
    expect((await setup().ask('what is my ip address', { preferCloud: true })).tier).toBe('cloud');
    expect((await setup({ settings: { allowCloud: false } }).ask('what is my ip address', { preferCloud: true })).tier).toBe('local');
  });

  it('local unreachable -> falls through to the cloud with a notice', async () => {
    const { ask, events } = setup({ localHost: CLOSED });
    const a = await ask('what is my ip address');
    expect(a.tier).toBe('cloud');
    expect(a.text).toBe(CLOUD_ANSWER);
    expect(events.some((e) => e.type === 'notice' && /asking Gemini instead/.test(e.message))).toBe(true);
  });

  it('local unreachable and no cloud -> fallback saying what to start and set', async () => {
    const { ask } = setup({ localHost: CLOSED, settings: { allowCloud: false } });
    const t0 = Date.now();
    const a = await ask('what is my ip address');
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(a.tier).toBe('fallback');
    expect(a.error).toBeNull();
    expect(a.text).toContain('sudo systemctl enable --now ollama');
    expect(a.text).toContain('Allow cloud');
    expect(a.text).toContain(CLOSED);
  });

  it('fallback names privacy mode, --offline or the missing key when those are the cause', async () => {
    let a = await setup({ localHost: CLOSED, settings: { privacyMode: true } }).ask('what is my ip address');
    expect(a.text).toMatch(/Privacy mode is on/);
    a = await setup({ localHost: CLOSED }).ask('what is my ip address', { offline: true });
    expect(a.text).toMatch(/Offline mode/);
    a = await setup({ localHost: CLOSED, key: null }).ask('what is my ip address');
    expect(a.text).toMatch(/GEMINI_API_KEY/);
  });

  it('the fallback is in Khmer when asked in Khmer', async () => {
    const a = await setup({ localHost: CLOSED, settings: { allowCloud: false } }).ask('តើខ្ញុំដំឡើងកម្មវិធីដោយរបៀបណា?');
    expect(a.tier).toBe('fallback');
    expect(a.text).toMatch(/[\u1780-\u17FF]/);
    expect(a.text).toContain('sudo systemctl enable --now ollama');
  });

  it('Ollama hung and no cloud -> fallback within 5 s', async () => {
    ollama.setScenario({ hang: true });
    const t0 = Date.now();
    const a = await setup({ settings: { allowCloud: false } }).ask('how do I check disk space');
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(a.tier).toBe('fallback');
    expect(a.text).toContain('sudo systemctl enable --now ollama');
  });

  it('an error after text is reported, partial text kept, never replaced by the cloud', async () => {
    ollama.setScenario({ errorAfterTokens: 5 });
    const before = geminiCalls();
    const { ask, events } = setup();
    const a = await ask('how do I mount my usb drive');
    expect(a.tier).toBe('local');
    expect(a.error).toMatch(/unexpected EOF/);
    expect(a.text.length).toBeGreaterThan(0);
    expect(LOCAL_ANSWER.startsWith(a.text)).toBe(true);
    expect(chunks(events)).toBe(a.text);
    expect(geminiCalls()).toBe(before);
  });

  it('a missing local model is an error naming the pull command', async () => {
    const a = await setup({ localModel: 'llama9:70b', settings: { allowCloud: false } }).ask('how do I mount my usb drive');
    expect(a.tier).toBe('local');
    expect(a.error).toContain('koompi-ask models pull llama9:70b');
    expect(a.text).toBe('');
  });

  it("cloud errors before any text hand over to the local model; with no local model they are the answer's error", async () => {
    gemini.setScenario('bad-key');
    let r = setup();
    let a = await r.ask('write a story about a cat');
    expect(a.tier).toBe('local');
    expect(a.text).toBe(LOCAL_ANSWER);
    expect(r.events.some((e) => e.type === 'notice' && /rejected the API key/.test(e.message))).toBe(true);

    r = setup({ localHost: CLOSED });
    a = await r.ask('write a story about a cat');
    expect(a.tier).toBe('cloud');
    expect(a.error).toMatch(/^Gemini rejected the API key; set a new one in Settings or GEMINI_API_KEY/);

    gemini.setScenario({ scenario: 'quota', retryDelay: '9s' });
    a = await setup({ localHost: CLOSED }).ask('write a story about a cat');
    expect(a.error).toMatch(/quota/);
    expect(a.error).toContain('9 s');
  });

  it('cloud mid-stream error keeps the partial text', async () => {
    gemini.setScenario('mid-stream-error');
    const a = await setup().ask('write a script that cleans my Downloads');
    expect(a.tier).toBe('cloud');
    expect(a.error).toMatch(/mid-answer/);
    expect(CLOUD_ANSWER.startsWith(a.text)).toBe(true);
    expect(a.text.length).toBeGreaterThan(0);
  });

  it('a question over the limit is refused clearly without contacting anyone', async () => {
    const g = geminiCalls();
    const o = ollamaChats();
    const a = await setup().ask('x'.repeat(MAX_QUESTION_CHARS + 1));
    expect(a.error).toMatch(/too long/);
    expect(a.text).toMatch(/limit is 10,000/);
    expect(geminiCalls()).toBe(g);
    expect(ollamaChats()).toBe(o);
  });

  it('an abort mid-answer ends with Cancelled and the partial text', async () => {
    ollama.setScenario({ tokenDelayMs: 30, framing: 'normal' });
    const ac = new AbortController();
    const { ask } = setup();
    const p = ask('how do I mount my usb drive', { signal: ac.signal });
    setTimeout(() => ac.abort(), 150);
    const a = await p;
    ollama.setScenario({ tokenDelayMs: 0, framing: 'chaotic' });
    expect(a.error).toBe('Cancelled.');
    expect(LOCAL_ANSWER.startsWith(a.text)).toBe(true);
  });

  it('history is sent to the model, oldest messages dropped past the cap', async () => {
    const local = new OllamaChatProvider({ host: ollama.url, availabilityCacheMs: 0 });
    open.push(local);
    const router = createRouter({
      settings: () => ({ allowCloud: false, privacyMode: false }),
      local: () => local,
      cloud: () => null,
      intentContext: () => ({ hasKoompiCli: true }),
      systemPrompt,
    });
    const history = Array.from({ length: 30 }, (_, i) => ({
      role: (i % 2 ? 'assistant' : 'user') as 'user' | 'assistant',
      content: `m${i}`,
    }));
    await router.ask({ question: 'and then?', history });
    const body = ollama.requests.filter((r) => r.path === '/api/chat').at(-1)!.body as {
      messages: Array<{ role: string; content: string }>;
    };
    expect(body.messages[0]!.role).toBe('system');
    expect(body.messages[0]!.content).toContain('koompi command line is installed');
    expect(body.messages.at(-1)).toEqual({ role: 'user', content: 'and then?' });
    expect(body.messages.length).toBeLessThanOrEqual(1 + 20 + 1);
    expect(body.messages[1]!.role).toBe('user');
  });
});
