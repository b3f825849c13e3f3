// Reads one secret from stdin for `config set-key`: on a TTY with a prompt on stderr and no echo (raw mode,
// Backspace works, Ctrl+C cancels), otherwise the first line of piped input. Never from argv.
import type { CliIo } from './io.js';

export class SecretInputCancelled extends Error {}

const MAX_BYTES = 16 * 1024;

type TtyIn = NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };

export async function readSecret(io: CliIo, prompt: string): Promise<string> {
  const stdin = io.stdin as TtyIn;
  if (stdin.isTTY && typeof stdin.setRawMode === 'function') return readFromTty(stdin, io.stderr, prompt);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of stdin) {
    const b = typeof c === 'string' ? Buffer.from(c) : (c as Buffer);
    size += b.length;
    if (size > MAX_BYTES) break;
    chunks.push(b);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
}

function readFromTty(stdin: TtyIn, stderr: NodeJS.WritableStream, prompt: string): Promise<string> {
  stderr.write(prompt);
  stdin.setRawMode!(true);
  stdin.resume();
  return new Promise<string>((resolve, reject) => {
    let value = '';
    const done = (err: Error | null): void => {
      stdin.removeListener('data', onData);
      stdin.setRawMode!(false);
      stdin.pause();
      stderr.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: Buffer | string): void => {
      for (const ch of typeof chunk === 'string' ? chunk : chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return done(null);
        if (ch === '\u0003') return done(new SecretInputCancelled('cancelled'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else if (value.length < MAX_BYTES) value += ch;
      }
    };
    stdin.on('data', onData);
  });
}
