// The docs tier in the real router: the shipped KOOMPI articles (the index before any build) behind it, the real
// Ollama client against its protocol double. No model: the documentation answers with its sources; a strong match
// answers first even with a model; otherwise the model is grounded in numbered passages and lists them as sources.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter, type RouterSettings } from '../../../src-main/core/router/index.js';
import { OllamaChatProvider } from '../../../src-main/core/providers/ollama/index.js';
import { systemPrompt } from '../../../src-main/core/providers/system-prompt.js';
import { openDocsIndex, type DocsIndex } from '../../../src-main/core/knowledge/index.js';
import { matchIntent } from '../../../src-main/core/intents/index.js';
import type { AnswerEvent } from '../../../src-main/core/types.js';
import { startOllamaDouble, type OllamaDouble } from '../../doubles/ollama-double.js';

const LOCAL_ANSWER = 'Use the snapshot tools [1].\n\n```bash\nkoompi snapshot list\n```\n';
const CLOSED = 'http://127.0.0.1:9';
let ollama: OllamaDouble;
let cache: string;
let index: DocsIndex;
const open: Array<{ close(): Promise<void> }> = [];

beforeAll(async () => {
  ollama = await startOllamaDouble({ answer: LOCAL_ANSWER });
  cache = await mkdtemp(join(tmpdir(), 'koompi-router-docs-'));
  index = openDocsIndex({ cacheDir: cache, env: {} });
});
afterAll(async () => {
  index.close();
  while (open.length) await open.pop()!.close();
  await ollama.close();
  await rm(cache, { recursive: true, force: true });
});

function setup(o: { localHost?: string; docs?: () => DocsIndex | null; settings?: Partial<RouterSettings> } = {}) {
  const local = new OllamaChatProvider({ host: o.localHost ?? ollama.url, livenessTimeoutMs: 1000, availabilityCacheMs: 0 });
  open.push(local);
  const settings: RouterSettings = { allowCloud: false, privacyMode: false, ollamaHost: o.localHost ?? ollama.url, ...o.settings };
  const router = createRouter({
    settings: () => settings,
    local: () => local,
    cloud: () => null,
    intentContext: () => ({ hasKoompiCli: true }),
    systemPrompt,
    docs: o.docs ?? (() => index),
  });
  const events: AnswerEvent[] = [];
  return { ask: (question: string) => router.ask({ question }, (e) => events.push(e)), events };
}
const chats = () => ollama.requests.filter((r) => r.path === '/api/chat');

describe('the docs tier', () => {
  it('answers with no model: the passage, its commands judged, its sources; streamed like any answer', async () => {
    const q = 'how do I go back to an earlier snapshot after a broken update?';
    expect(matchIntent(q, { hasKoompiCli: true })?.confidence ?? 0).toBeLessThanOrEqual(0.85);
    const { ask, events } = setup({ localHost: CLOSED });
    const a = await ask(q);
    expect(a.tier).toBe('docs');
    expect(a.error).toBeNull();
    expect(a.model).toBeNull();
    expect(a.sources.length).toBeGreaterThan(0);
    expect(a.sources[0]).toMatchObject({ kind: 'koompi', ref: expect.stringMatching(/^koompi:snapshots#/) });
    expect(a.text).toMatch(/rollback/i);
    expect(a.commands.map((c) => c.command).join('\n')).toMatch(/snapshot rollback|snapper .*rollback/);
    expect(a.commands.every((c) => ['safe', 'elevated', 'destructive'].includes(c.risk))).toBe(true);
    // Not a strong match: the local model was tried first, and the hand-over says where the answer comes from.
    expect(events.find((e) => e.type === 'notice')).toMatchObject({
      message: expect.stringMatching(/^The local model is not available \(.*\); asking the offline documentation instead\.$/),
    });
    expect(events.find((e) => e.type === 'start')).toEqual({ type: 'start', tier: 'docs', model: null, intent: null });
    expect(
      events
        .filter((e) => e.type === 'chunk')
        .map((e) => (e as { text: string }).text)
        .join(''),
    ).toBe(a.text);
  });

  it('answers a Khmer question in Khmer, from the Khmer article', async () => {
    const a = await setup({ localHost: CLOSED }).ask('តើខ្ញុំត្រឡប់ប្រព័ន្ធទៅស្ណាបស៊ុតមុនវិញយ៉ាងដូចម្តេច?');
    expect(a.tier).toBe('docs');
    expect(a.text.split('\n')[0]).toMatch(/[\u1780-\u17FF]/u);
    expect(a.sources[0]?.kind).toBe('koompi');
  });

  it('falls through to the fallback when nothing is close enough, and says so', async () => {
    const a = await setup({ localHost: CLOSED }).ask('qwxz plorf zindle blarg');
    expect(a.tier).toBe('fallback');
    expect(a.sources).toEqual([]);
    expect(a.text).toContain('offline documentation');
    expect(a.text).toContain('sudo systemctl enable --now ollama');
  });

  it('an index that cannot be opened leaves the models and the fallback as they were, with the fix', async () => {
    const a = await setup({ localHost: CLOSED, docs: () => null }).ask('how do I go back to an earlier snapshot after a broken update?');
    expect(a.tier).toBe('fallback');
    expect(a.text).toContain('koompi-ask docs index');
  });

  it('a strong match answers first even with a model running: no model request', async () => {
    const before = chats().length;
    const q = 'how do I roll back the system to a snapshot';
    expect(matchIntent(q, { hasKoompiCli: true })?.confidence ?? 0).toBeLessThanOrEqual(0.85);
    const { ask, events } = setup();
    const a = await ask(q);
    expect(a.tier).toBe('docs');
    expect(a.sources[0]?.ref).toMatch(/^koompi:snapshots#/);
    expect(chats().length).toBe(before);
    expect(events.some((e) => e.type === 'notice')).toBe(false);
  });

  it('a question for a model is grounded: numbered passages in the system prompt, listed as the sources', async () => {
    const before = chats().length;
    const a = await setup().ask('explain in detail how snapshots and rollback work on KOOMPI');
    expect(a.tier).toBe('local');
    expect(a.text).toBe(LOCAL_ANSWER);
    expect(chats().length).toBe(before + 1);
    const body = chats().at(-1)!.body as { messages: Array<{ role: string; content: string }> };
    const system = body.messages[0]!.content;
    expect(system).toContain('cite the passages you used as [1]');
    expect(system).toMatch(/\n\[1\] .+ \(koompi:snapshots#[\w-]+\)\n/);
    expect(a.sources.length).toBeGreaterThan(0);
    a.sources.forEach((s, i) => expect(system).toContain(`[${i + 1}] ${s.title} (${s.ref})`));
    // The user's question itself is unchanged.
    expect(body.messages.at(-1)).toEqual({ role: 'user', content: 'explain in detail how snapshots and rollback work on KOOMPI' });
  });

  it('without a match the model gets no passages and the answer no sources', async () => {
    const a = await setup().ask('qwxz plorf zindle blarg');
    expect(a.tier).toBe('local');
    expect(a.sources).toEqual([]);
    const system = (chats().at(-1)!.body as { messages: Array<{ content: string }> }).messages[0]!.content;
    expect(system).not.toContain('[1]');
  });
});
