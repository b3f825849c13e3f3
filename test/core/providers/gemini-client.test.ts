// Gemini client against the protocol double on 127.0.0.1: streaming, key placement and every error path.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGeminiClient, type GeminiClient } from '../../../src-main/core/providers/gemini/index.js';
import { ProviderError } from '../../../src-main/core/providers/provider.js';
import { startGeminiDouble, type GeminiDouble } from '../../doubles/gemini-double.js';

const KEY = 'test-key-AIzaDouble123';
const ANSWER = 'Run this to mount it:\n\n```bash\nsudo mount /dev/sdb1 /mnt\n```\n\nសួស្តី 😀 done.';

let dbl: GeminiDouble;
let client: GeminiClient;
let key: string | null = KEY;

beforeAll(async () => {
  dbl = await startGeminiDouble({ apiKey: KEY, answer: ANSWER, chaosSeed: 7 });
  client = createGeminiClient({
    baseUrl: dbl.url,
    model: 'gemini-3.5-flash',
    getApiKey: () => key,
    headersTimeoutMs: 800,
    idleTimeoutMs: 800,
  });
});
afterAll(async () => {
  await client.close();
  await dbl.close();
});

async function ask(): Promise<{ text: string; error: ProviderError | null }> {
  let text = '';
  try {
    await client.chat({ model: client.model(), system: 'be brief', messages: [{ role: 'user', content: 'mount my usb' }] }, (t) => {
      text += t;
    });
    return { text, error: null };
  } catch (e) {
    if (!(e instanceof ProviderError)) throw e;
    return { text, error: e };
  }
}

describe('Gemini client', () => {
  it('streams the answer byte for byte over chaotic framing, key only in the header', async () => {
    for (const seed of [1, 2, 3, 99]) {
      dbl.setScenario({ scenario: 'ok', chaosSeed: seed, eol: seed % 2 ? '\r\n' : '\n' });
      const before = dbl.requests.length;
      const r = await ask();
      expect(r.error).toBeNull();
      expect(r.text).toBe(ANSWER);
      const req = dbl.requests[before]!;
      expect(req.url).toBe('/v1beta/models/gemini-3.5-flash:streamGenerateContent?alt=sse');
      expect(req.url).not.toContain(KEY);
      expect(req.headers['x-goog-api-key']).toBe(KEY);
      const body = JSON.parse(req.body);
      expect(body.systemInstruction.parts[0].text).toBe('be brief');
      expect(body.contents).toEqual([{ role: 'user', parts: [{ text: 'mount my usb' }] }]);
    }
  });

  it('fuzz: 25 seeded chaotic framings of a Khmer/emoji answer decode to the same text', async () => {
    const khmer = 'ដំឡើង firefox ដោយ៖\n```bash\nsudo pacman -S firefox\n```\n😀🎉 រួចរាល់។ '.repeat(6);
    dbl.setScenario({ answer: khmer });
    try {
      for (let seed = 100; seed < 125; seed++) {
        dbl.setScenario({ scenario: 'ok', chaosSeed: seed, chunkChars: 1 + (seed % 9), eol: seed % 3 ? '\r\n' : '\n' });
        let text = '';
        await client.chat({ model: 'gemini-3.5-flash', system: '', messages: [{ role: 'user', content: 'q' }] }, (t) => {
          text += t;
        });
        expect(text).toBe(khmer);
      }
    } finally {
      dbl.setScenario({ answer: ANSWER, chunkChars: 7 });
    }
  });

  it('maps assistant history to role model', async () => {
    dbl.setScenario({ scenario: 'ok', chaosSeed: null });
    await client.chat(
      {
        model: 'gemini-3.5-flash',
        system: '',
        messages: [
          { role: 'user', content: 'a' },
          { role: 'assistant', content: 'b' },
          { role: 'user', content: 'c' },
        ],
      },
      () => {},
    );
    const body = JSON.parse(dbl.requests.at(-1)!.body);
    expect(body.contents.map((c: { role: string }) => c.role)).toEqual(['user', 'model', 'user']);
    expect(body.systemInstruction).toBeUndefined();
  });

  it('returns usage stats with the finish reason', async () => {
    dbl.setScenario({ scenario: 'ok', chaosSeed: null });
    const stats = await client.chat({ model: 'gemini-3.5-flash', system: 's', messages: [{ role: 'user', content: 'q' }] }, () => {});
    expect(stats.doneReason).toBe('stop');
    expect(stats.evalCount).toBe(Math.ceil(ANSWER.length / 4));
  });

  it('bad key -> auth with the exact message', async () => {
    dbl.setScenario('bad-key');
    const r = await ask();
    expect(r.error?.kind).toBe('auth');
    expect(r.error?.message).toMatch(/^Gemini rejected the API key; set a new one in Settings or GEMINI_API_KEY/);
  });

  it('403 permission denied -> auth', async () => {
    dbl.setScenario('permission-denied');
    expect((await ask()).error?.kind).toBe('auth');
  });

  it('quota -> retryAfterSeconds from RetryInfo, else from Retry-After', async () => {
    dbl.setScenario({ scenario: 'quota', retryDelay: '17s', retryAfterHeader: null });
    let r = await ask();
    expect(r.error?.kind).toBe('quota');
    expect(r.error?.retryAfterSeconds).toBe(17);
    expect(r.error?.message).toContain('17 s');
    dbl.setScenario({ scenario: 'quota', retryDelay: '', retryAfterHeader: '42' });
    r = await ask();
    expect(r.error?.retryAfterSeconds).toBe(42);
  });

  it('blocked prompt -> blocked with the reason', async () => {
    dbl.setScenario('blocked');
    const r = await ask();
    expect(r.error?.kind).toBe('blocked');
    expect(r.error?.message).toContain('SAFETY');
  });

  it('500 and 503 -> server', async () => {
    dbl.setScenario('server-error');
    expect((await ask()).error?.kind).toBe('server');
    dbl.setScenario('unavailable');
    const r = await ask();
    expect(r.error?.kind).toBe('server');
    expect(r.error?.message).toContain('503');
  });

  it('error mid-stream -> stream, partial text kept', async () => {
    dbl.setScenario({ scenario: 'mid-stream-error', chaosSeed: 5 });
    const r = await ask();
    expect(r.error?.kind).toBe('stream');
    expect(r.text.length).toBeGreaterThan(0);
    expect(ANSWER.startsWith(r.text)).toBe(true);
    expect(r.text).not.toBe(ANSWER);
  });

  it('connection cut mid-stream -> stream, partial text kept', async () => {
    dbl.setScenario({ scenario: 'cut-off', chaosSeed: null });
    const r = await ask();
    expect(r.error?.kind).toBe('stream');
    expect(ANSWER.startsWith(r.text)).toBe(true);
  });

  it('unknown model -> model-missing naming the setting', async () => {
    dbl.setScenario({ scenario: 'ok', models: ['gemini-3.5-flash'] });
    let err: unknown;
    try {
      await client.chat({ model: 'gemini-nope', system: '', messages: [{ role: 'user', content: 'q' }] }, () => {});
    } catch (e) {
      err = e;
    }
    expect((err as ProviderError).kind).toBe('model-missing');
    expect((err as ProviderError).fix).toContain('KOOMPI_GEMINI_MODEL');
    dbl.setScenario({ models: undefined });
  });

  it('hang -> timeout, and an abort reaches the request', async () => {
    dbl.setScenario('hang');
    expect((await ask()).error?.kind).toBe('timeout');
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 50);
    let err: unknown;
    try {
      await client.chat({ model: 'gemini-3.5-flash', system: '', messages: [{ role: 'user', content: 'q' }], signal: ac.signal }, () => {});
    } catch (e) {
      err = e;
    }
    expect((err as ProviderError).kind).toBe('aborted');
    dbl.setScenario('ok');
  });

  it('no key -> availability not ok and chat refuses without any request', async () => {
    key = null;
    const before = dbl.requests.length;
    const a = await client.availability();
    expect(a.ok).toBe(false);
    expect((await ask()).error?.kind).toBe('auth');
    expect(dbl.requests.length).toBe(before);
    key = KEY;
    expect(await client.availability()).toEqual({ ok: true, model: 'gemini-3.5-flash' });
  });

  it('closed port -> unreachable', async () => {
    const c = createGeminiClient({ baseUrl: 'http://127.0.0.1:9', getApiKey: () => KEY });
    let err: unknown;
    try {
      await c.chat({ model: 'm', system: '', messages: [{ role: 'user', content: 'q' }] }, () => {});
    } catch (e) {
      err = e;
    }
    expect((err as ProviderError).kind).toBe('unreachable');
    await c.close();
  });
});
