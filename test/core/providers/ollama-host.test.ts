// OLLAMA_HOST is read the way Ollama reads it.
import { describe, expect, it } from 'vitest';
import { resolveOllamaHost } from '../../../src-main/core/providers/ollama/host.js';

describe('resolveOllamaHost', () => {
  it.each([
    [undefined, 'http://127.0.0.1:11434'],
    ['', 'http://127.0.0.1:11434'],
    ['   ', 'http://127.0.0.1:11434'],
    ['example.com', 'http://example.com:11434'],
    ['example.com:56789', 'http://example.com:56789'],
    [':56789', 'http://127.0.0.1:56789'],
    ['127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['0.0.0.0', 'http://127.0.0.1:11434'],
    ['0.0.0.0:11500', 'http://127.0.0.1:11500'],
    ['http://example.com', 'http://example.com:80'],
    ['https://example.com', 'https://example.com:443'],
    ['https://example.com:8443/ollama/', 'https://example.com:8443/ollama'],
    ['"10.0.0.5:1234"', 'http://10.0.0.5:1234'],
    ['[::1]:11434', 'http://[::1]:11434'],
    ['::1', 'http://[::1]:11434'],
    ['[::]:9000', 'http://127.0.0.1:9000'],
    ['host:notaport', 'http://host:11434'],
    ['host:99999', 'http://host:11434'],
  ])('%j -> %s', (input, want) => {
    expect(resolveOllamaHost(input)).toBe(want);
  });
});
