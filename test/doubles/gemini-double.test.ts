// The Gemini double itself follows the documented protocol: non-streamed and JSON-array streams, key handling, errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGeminiDouble, type GeminiDouble } from './gemini-double.js';

let d: GeminiDouble;
const KEY = 'double-key';
const body = JSON.stringify({ contents: [{ role: 'user', parts: [{ text: 'hi' }] }] });
const post = (path: string, headers: Record<string, string> = { 'x-goog-api-key': KEY }, b = body) =>
  fetch(d.url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: b });

beforeAll(async () => {
  d = await startGeminiDouble({ apiKey: KEY, answer: 'Hello សួស្តី world' });
});
afterAll(async () => {
  await d.close();
});

describe('Gemini double', () => {
  it('generateContent returns the whole answer in one GenerateContentResponse', async () => {
    const r = await post('/v1beta/models/gemini-3.5-flash:generateContent');
    expect(r.status).toBe(200);
    const j = (await r.json()) as {
      candidates: Array<{ content: { parts: Array<{ text: string }>; role: string }; finishReason: string }>;
    };
    expect(j.candidates[0]!.content.parts[0]!.text).toBe('Hello សួស្តី world');
    expect(j.candidates[0]!.content.role).toBe('model');
    expect(j.candidates[0]!.finishReason).toBe('STOP');
  });

  it('streamGenerateContent without alt=sse streams a JSON array of responses', async () => {
    const r = await post('/v1beta/models/gemini-3.5-flash:streamGenerateContent');
    expect(r.headers.get('content-type')).toContain('application/json');
    const arr = (await r.json()) as Array<{ candidates: Array<{ content: { parts: Array<{ text: string }> } }> }>;
    expect(arr.map((e) => e.candidates[0]!.content.parts[0]!.text).join('')).toBe('Hello សួស្តី world');
  });

  it('alt=sse frames events as data: lines separated by CRLF blank lines', async () => {
    const r = await post('/v1beta/models/gemini-3.5-flash:streamGenerateContent?alt=sse');
    expect(r.headers.get('content-type')).toBe('text/event-stream');
    const t = await r.text();
    expect(t.startsWith('data: {')).toBe(true);
    expect(t.endsWith('\r\n\r\n')).toBe(true);
  });

  it('key handling: missing 403, wrong 400 API_KEY_INVALID, ?key= accepted and recorded', async () => {
    let r = await post('/v1beta/models/m:generateContent', {});
    expect(r.status).toBe(403);
    r = await post('/v1beta/models/m:generateContent', { 'x-goog-api-key': 'nope' });
    expect(r.status).toBe(400);
    const e = (await r.json()) as { error: { status: string; details: Array<{ reason?: string }> } };
    expect(e.error.status).toBe('INVALID_ARGUMENT');
    expect(e.error.details[0]!.reason).toBe('API_KEY_INVALID');
    r = await post(`/v1beta/models/m:generateContent?key=${KEY}`, {});
    expect(r.status).toBe(200);
    expect(d.requests.at(-1)!.url).toContain(`key=${KEY}`);
  });

  it('a malformed body is 400 INVALID_ARGUMENT', async () => {
    const r = await post(
      '/v1beta/models/m:generateContent',
      undefined,
      JSON.stringify({ contents: [{ role: 'assistant', parts: [{ text: 'x' }] }] }),
    );
    expect(r.status).toBe(400);
  });
});
