// Reads the person's answers one line at a time. On the real terminal it reads fd 0 directly and only while a question
// is open, so nothing of what is typed later is taken away from a command that runs in the foreground.
import { readSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { CliIo } from './io.js';

export interface LineInput {
  ask(question: string): Promise<string | null>;
  close(): void;
}

const nap = new Int32Array(new SharedArrayBuffer(4));

/** One line from a file descriptor, read a byte at a time (never past the newline); null at end of input. */
export function readLineSync(fd: number): string | null {
  const one = Buffer.alloc(1);
  const bytes: number[] = [];
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, one, 0, 1, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        Atomics.wait(nap, 0, 0, 20);
        continue;
      }
      if (code === 'EOF') return bytes.length ? Buffer.from(bytes).toString('utf8') : null;
      throw e;
    }
    if (n === 0) return bytes.length ? Buffer.from(bytes).toString('utf8') : null;
    if (one[0] === 0x0a) break;
    bytes.push(one[0]!);
  }
  return Buffer.from(bytes).toString('utf8').replace(/\r$/, '');
}

export function lineInput(io: CliIo, out: NodeJS.WritableStream): LineInput {
  if (io.stdinFd !== undefined) {
    const fd = io.stdinFd;
    return {
      ask: (q) => {
        out.write(q);
        return Promise.resolve(readLineSync(fd));
      },
      close: () => undefined,
    };
  }
  const rl = createInterface({ input: io.stdin, terminal: false });
  const queue: string[] = [];
  const waiters: ((l: string | null) => void)[] = [];
  let ended = false;
  rl.on('line', (l) => {
    const w = waiters.shift();
    if (w) w(l);
    else queue.push(l);
  });
  rl.on('close', () => {
    ended = true;
    for (const w of waiters.splice(0)) w(null);
  });
  return {
    ask(q) {
      out.write(q);
      if (queue.length > 0) return Promise.resolve(queue.shift()!);
      if (ended) return Promise.resolve(null);
      return new Promise((res) => waiters.push(res));
    },
    close() {
      rl.close();
    },
  };
}
