// The CLI's view of its surroundings: streams, environment and TTY state, passed in so tests can drive it.
export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  /** The real standard input's descriptor (0): --run reads its answers from it directly, only while it asks. */
  stdinFd?: number;
}

export const processIo = (): CliIo => {
  quietOnClosedPipe(process.stdout);
  quietOnClosedPipe(process.stderr);
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    stdinFd: 0,
    // Created only when a verb reads it: a --run command shares the terminal with us and must get every keystroke.
    get stdin() {
      return process.stdin;
    },
  };
};

/**
 * `koompi-ask … | head -1`: once the reader has gone, every verb ends at once and quietly (no stack trace), as a
 * program killed by SIGPIPE would, with exit 1 (the output could not all be written). Other write errors: one line.
 */
export function quietOnClosedPipe(stream: NodeJS.WritableStream): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') process.exit(1);
    try {
      process.stderr.write(`koompi-ask: cannot write the output: ${e.message}\n`);
    } catch {
      /* nowhere to say it */
    }
    process.exit(1);
  });
}

/** Exit codes from docs/cli-contract.md. */
export const EXIT = { ok: 0, error: 1, usage: 2, fallback: 3 } as const;

export class UsageError extends Error {}

/** Reads all of stdin as one text (a question from a pipe). */
export async function readAll(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads all of stdin as lines (for --jsonl); a trailing newline does not make an extra line. */
export async function readLines(stdin: NodeJS.ReadableStream): Promise<string[]> {
  const chunks: Buffer[] = [];
  for await (const c of stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return [];
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export function writeJsonLine(out: NodeJS.WritableStream, value: unknown): void {
  out.write(JSON.stringify(value) + '\n');
}
