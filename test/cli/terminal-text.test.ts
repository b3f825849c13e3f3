// Model text on a terminal: no escape sequence from the model reaches it (OSC 52 clipboard, title, cursor moves,
// C1 forms, split across chunks), markdown is drawn readably on a TTY, plain when piped. Through the real
// bin/koompi-ask on a real pseudo-terminal and through a pipe, against the Ollama double.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sanitizeForTerminal, StreamSanitizer } from '../../src-main/cli/sanitize.js';
import { TtyMarkdown } from '../../src-main/cli/markdown-tty.js';
import { startOllamaDouble, type OllamaDouble } from '../doubles/ollama-double.js';
import { onPty } from './helpers/pty.js';

const BIN = fileURLToPath(new URL('../../bin/koompi-ask', import.meta.url));
const EVIL = [
  '# Heading one',
  '',
  'Copy \x1b]52;c;cm0gLXJmIH4K\x07this and \x1b]0;pwned title\x1b\\see \x1b[2J\x1b[Hcleared, \x9b31mred\x9b0m, \x1b[31mred too\x1b[0m.',
  '- a **bold** item with `code`',
  '',
  '```bash',
  'ls -la',
  '```',
  '',
  'Trojan \u202eesrever\u202c source; ភាសាខ្មែរ\u200bនៅតែ។',
  '',
].join('\n');
const ESC_ANY = /[\x1b\x9b\x9d\x07]/;

describe('sanitizeForTerminal / StreamSanitizer', () => {
  it('removes CSI, OSC (BEL or ST), C1 and other controls whole; keeps Khmer and zero-width space', () => {
    const out = sanitizeForTerminal(EVIL);
    expect(out).not.toMatch(ESC_ANY);
    expect(out).not.toContain('52;c');
    expect(out).not.toContain('pwned title');
    expect(out).toContain('Copy this and see cleared, red, red too.');
    expect(out).toContain('ភាសាខ្មែរ\u200bនៅតែ');
    expect(out).not.toMatch(/[\u202a-\u202e]/);
  });

  it('catches a sequence split across chunks, at every split point', () => {
    const text = 'a\x1b]52;c;ZXZpbA==\x07b\x1b[1;31mc\x1b[0md';
    for (let i = 0; i <= text.length; i++) {
      const s = new StreamSanitizer();
      const out = s.write(text.slice(0, i)) + s.write(text.slice(i)) + s.end();
      expect(out, `split at ${i}`).toBe('abcd');
    }
  });

  it('a lone CR cannot overwrite what was shown', () => {
    expect(sanitizeForTerminal('safe command\rrm -rf ~')).toBe('safe command\nrm -rf ~');
  });
});

describe('TtyMarkdown', () => {
  const render = (text: string, pieces = 3): string => {
    const md = new TtyMarkdown();
    let out = '';
    for (let i = 0; i < text.length; i += pieces) out += md.write(text.slice(i, i + pieces));
    return out + md.end();
  };

  it('draws headings bold, bullets, code blocks apart, inline code and bold; only its own SGR codes', () => {
    const out = render(EVIL);
    expect(out).toContain('\x1b[1m\x1b[4mHeading one');
    expect(out).toContain('  • a \x1b[1mbold\x1b[22m item with \x1b[36mcode\x1b[39m');
    expect(out).toContain('── bash');
    expect(out).toContain('    \x1b[36mls -la');
    // Every escape left is a plain SGR (colour/bold) one made here.
    expect(out.replace(/\x1b\[[0-9;]*m/g, '')).not.toMatch(ESC_ANY);
  });

  it('renders the same whatever the chunk size', () => {
    const plain = (s: string): string => s.replace(/\x1b\[[0-9;]*m/g, '');
    expect(plain(render(EVIL, 1))).toBe(plain(render(EVIL, 50)));
  });
});

describe('koompi-ask prints model text safely', () => {
  let ollama: OllamaDouble;
  let config: string;
  beforeAll(async () => {
    ollama = await startOllamaDouble({ answer: EVIL, framing: 'chaotic', seed: 3 });
    config = mkdtempSync(join(tmpdir(), 'koompi-tty-'));
  });
  afterAll(async () => {
    await ollama.close();
    rmSync(config, { recursive: true, force: true });
  });
  const env = (): NodeJS.ProcessEnv => ({
    PATH: process.env.PATH,
    HOME: config,
    KOOMPI_CONFIG_DIR: config,
    KOOMPI_HAS_CLI: '0',
    OLLAMA_HOST: ollama.url,
    TERM: 'xterm-256color',
    LANG: 'C.UTF-8',
  });

  it("on a terminal: markdown drawn, none of the model's escapes reach the terminal", async () => {
    const t = onPty([process.execPath, BIN, '--offline', 'what is a clipboard escape'], { env: env() });
    expect(await t.exited).toBe(0);
    const screen = t.screen();
    expect(screen).toContain('Heading one');
    expect(screen).toContain('\x1b[1m');
    expect(screen).not.toContain('52;c');
    expect(screen).not.toContain('pwned title');
    expect(screen).not.toContain('\x1b[2J');
    expect(screen).not.toMatch(/\x1b\]/);
  }, 60_000);

  it('piped: plain text, no escape sequence at all', async () => {
    const child = spawn(process.execPath, [BIN, '--offline', 'what is a clipboard escape'], {
      env: env(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
    });
    expect(await new Promise((r) => child.on('close', r))).toBe(0);
    expect(out).not.toMatch(ESC_ANY);
    expect(out).toContain('# Heading one');
    expect(out).toContain('```bash\nls -la\n```');
  }, 60_000);
});
