// The OpenAI-compatible double checked with the official `openai` npm client: what it sends must parse the way
// the real API's does (streams split anywhere, UTF-8 split mid-character, [DONE], errors mid-stream, 401, 404).
import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { startOpenAIDouble, type OpenAIDouble } from './openai-double.js';

let d: OpenAIDouble | null = null;
afterEach(async () => {
  await d?.close();
  d = null;
});

const KHMER = ['សួស្តី', ' ពិភពលោក', ' 👋🏽', ' ok'];

async function collect(client: OpenAI, model: string): Promise<string> {
  const stream = await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'hi' }], stream: true });
  let text = '';
  for await (const part of stream) text += part.choices[0]?.delta?.content ?? '';
  return text;
}

describe('OpenAI-compatible double, read by the official openai client', () => {
  it('lists models and streams an answer the client reassembles exactly, even split byte by byte with CRLF and comments', async () => {
    for (const seed of [1, 2, 3]) {
      d = await startOpenAIDouble({ tokens: KHMER, framing: 'chaotic', crlf: seed === 2, comments: seed === 3, seed });
      const client = new OpenAI({ apiKey: 'unused', baseURL: d.baseUrl, maxRetries: 0, timeout: 5000 });
      const models = await client.models.list();
      expect(models.data.map((m) => m.id)).toEqual(['qwen2.5-1.5b-instruct']);
      expect(await collect(client, 'qwen2.5-1.5b-instruct')).toBe(KHMER.join(''));
      await d.close();
      d = null;
    }
  });

  it('answers without streaming too', async () => {
    d = await startOpenAIDouble();
    const client = new OpenAI({ apiKey: 'x', baseURL: d.baseUrl, maxRetries: 0 });
    const r = await client.chat.completions.create({ model: 'qwen2.5-1.5b-instruct', messages: [{ role: 'user', content: 'hi' }] });
    expect(r.choices[0]?.message.content).toBe(d.scenario.tokens.join(''));
    expect(r.usage?.completion_tokens).toBe(d.scenario.tokens.length);
  });

  it('401 without the key, 404 for an unknown model, 503 while busy: the client raises its typed errors', async () => {
    d = await startOpenAIDouble({ apiKey: 'sk-right' });
    const wrong = new OpenAI({ apiKey: 'sk-wrong', baseURL: d.baseUrl, maxRetries: 0 });
    await expect(wrong.models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    const right = new OpenAI({ apiKey: 'sk-right', baseURL: d.baseUrl, maxRetries: 0 });
    const e404 = await right.chat.completions
      .create({ model: 'nope', messages: [{ role: 'user', content: 'x' }], stream: true })
      .catch((e: unknown) => e);
    expect(e404).toBeInstanceOf(OpenAI.NotFoundError);
    expect((e404 as InstanceType<typeof OpenAI.NotFoundError>).code).toBe('model_not_found');
    d.setScenario({ busyFor: 1 });
    const e503 = await right.chat.completions
      .create({ model: 'qwen2.5-1.5b-instruct', messages: [{ role: 'user', content: 'x' }] })
      .catch((e: unknown) => e);
    expect(e503).toBeInstanceOf(OpenAI.InternalServerError);
    expect((e503 as { status: number }).status).toBe(503);
  });

  it('an error event mid-stream is raised by the client after the text before it', async () => {
    d = await startOpenAIDouble({ errorAfterTokens: 2, framing: 'chaotic' });
    const client = new OpenAI({ apiKey: 'x', baseURL: d.baseUrl, maxRetries: 0 });
    const stream = await client.chat.completions.create({
      model: 'qwen2.5-1.5b-instruct',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
    });
    let text = '';
    const err = await (async () => {
      for await (const p of stream) text += p.choices[0]?.delta?.content ?? '';
    })().catch((e: unknown) => e);
    expect(text).toBe(d.scenario.tokens.slice(0, 2).join(''));
    expect(err).toBeInstanceOf(OpenAI.APIError);
    expect(String((err as Error).message)).toMatch(/error while processing/);
  });
});
