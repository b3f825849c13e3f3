// The system prompt covers what the plan asks, and the Modelfile in the repo carries exactly the same base text.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BASE_SYSTEM_PROMPT, systemPrompt } from '../../../src-main/core/providers/system-prompt.js';
import { parseModelfile, ModelfileError } from '../../../src-main/core/providers/ollama/modelfile.js';

const modelfile = readFileSync(new URL('../../../assets/ollama/Modelfile', import.meta.url), 'utf8');

describe('system prompt', () => {
  it('asks for the koompi CLI, bash fences, warnings with snapshots, and Khmer answers', () => {
    const p = systemPrompt({ hasKoompiCli: true });
    for (const needle of [
      'koompi pkg install',
      'koompi snapshot create',
      '```bash',
      'snapshot',
      'Khmer',
      'KDE Plasma',
      'pacman',
      'systemctl',
    ]) {
      expect(p).toContain(needle);
    }
  });

  it('differs with and without the koompi CLI and for Khmer questions', () => {
    expect(systemPrompt({ hasKoompiCli: true })).toContain('is installed on this machine');
    expect(systemPrompt({ hasKoompiCli: false })).toContain('not installed on this machine');
    expect(systemPrompt({ hasKoompiCli: false, lang: 'km' })).toContain('answer in Khmer');
    expect(systemPrompt({ hasKoompiCli: true }).startsWith(BASE_SYSTEM_PROMPT)).toBe(true);
  });

  it("keeps the Modelfile's SYSTEM equal to the base prompt", () => {
    const spec = parseModelfile(modelfile);
    expect(spec.system).toBe(BASE_SYSTEM_PROMPT);
    expect(spec.from).toBe('qwen2.5:1.5b');
    expect(spec.parameters).toMatchObject({ temperature: 0.3, num_ctx: 4096 });
  });
});

describe('parseModelfile', () => {
  it('reads one-line and quoted forms and repeated parameters', () => {
    const spec = parseModelfile('FROM llama3.2\nSYSTEM "Be short."\nPARAMETER stop "<|im_end|>"\nPARAMETER stop "<|endoftext|>"\n');
    expect(spec).toEqual({ from: 'llama3.2', system: 'Be short.', parameters: { stop: ['<|im_end|>', '<|endoftext|>'] } });
  });

  it('refuses what it cannot send, clearly', () => {
    expect(() => parseModelfile('SYSTEM hi')).toThrow(ModelfileError);
    expect(() => parseModelfile('FROM x\nSYSTEM """never closed')).toThrow(/never closed/);
    expect(() => parseModelfile('FROM x\nADAPTER ./lora.gguf')).toThrow(/ADAPTER is not supported/);
  });
});
