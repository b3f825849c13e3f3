// The CLI's view of its surroundings: streams, environment and TTY state, passed in so tests can drive it.
export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

export const processIo = (): CliIo => ({ stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env });

/** Exit codes from docs/cli-contract.md. */
export const EXIT = { ok: 0, error: 1, usage: 2, fallback: 3 } as const;

export class UsageError extends Error {}

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
