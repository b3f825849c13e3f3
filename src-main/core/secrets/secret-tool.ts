// The desktop keyring through libsecret's `secret-tool` (the freedesktop Secret Service, org.freedesktop.secrets,
// on the session D-Bus: KWallet's ksecretd on Plasma 6, GNOME Keyring elsewhere). Chosen over a JavaScript D-Bus
// client because libsecret already does what the protocol asks of a client (encrypted session, unlock prompts,
// default collection) and Arch's libsecret package, which Plasma depends on, ships the tool: no new npm code holds
// the key. The secret goes through stdin, never argv (where `ps` would show it). Every call has a deadline.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const SECRET_SERVICE_APP = 'koompi-assistant';

/** The keyring cannot be used; `reason` says why in words a person can act on. */
export class SecretServiceUnavailable extends Error {}

export interface SecretToolOptions {
  env: NodeJS.ProcessEnv;
  /** Default 'secret-tool' from PATH. */
  bin?: string;
  /** Deadline per call. An unlock prompt may need the user, so the default is generous: 20 s. */
  timeoutMs?: number;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** True when a session bus can be found without autolaunching one (which needs X11 and never works headless). */
export function sessionBusPresent(env: NodeJS.ProcessEnv): boolean {
  if (env.DBUS_SESSION_BUS_ADDRESS?.trim()) return true;
  const runtime = env.XDG_RUNTIME_DIR?.trim();
  return !!runtime && existsSync(join(runtime, 'bus'));
}

export class SecretToolClient {
  private readonly bin: string;
  private readonly timeoutMs: number;

  constructor(private readonly opts: SecretToolOptions) {
    this.bin = opts.bin ?? 'secret-tool';
    this.timeoutMs = opts.timeoutMs ?? 20_000;
  }

  private attrs(name: string): string[] {
    return ['application', SECRET_SERVICE_APP, 'key', name];
  }

  /** The stored secret, or null when there is none. Throws SecretServiceUnavailable when the keyring cannot be asked. */
  async lookup(name: string): Promise<string | null> {
    const r = await this.run(['lookup', ...this.attrs(name)]);
    if (r.code === 0) return r.stdout === '' ? null : r.stdout;
    // secret-tool exits 1 with nothing on stderr when no item matches.
    if (r.code === 1 && r.stderr.trim() === '') return null;
    throw new SecretServiceUnavailable(this.why(r));
  }

  async store(name: string, label: string, secret: string): Promise<void> {
    const r = await this.run(['store', `--label=${label}`, ...this.attrs(name)], secret);
    if (r.code !== 0) throw new SecretServiceUnavailable(this.why(r));
  }

  async clear(name: string): Promise<void> {
    const r = await this.run(['clear', ...this.attrs(name)]);
    // clear exits 0 whether or not an item matched; anything else is a keyring problem.
    if (r.code !== 0 && r.stderr.trim() !== '') throw new SecretServiceUnavailable(this.why(r));
  }

  private why(r: Run): string {
    const msg = r.stderr
      .split('\n')
      .map((l) => l.replace(/^secret-tool:\s*/, '').trim())
      .filter((l) => l && !/^\(|Gtk-WARNING|^\*\*/.test(l))
      .pop();
    return msg ? `the keyring refused: ${msg}` : `secret-tool exited with status ${r.code}`;
  }

  private run(args: string[], input?: string): Promise<Run> {
    if (!sessionBusPresent(this.opts.env)) {
      return Promise.reject(new SecretServiceUnavailable('no D-Bus session bus (a desktop keyring needs a graphical login)'));
    }
    return new Promise<Run>((resolve, reject) => {
      let child;
      try {
        child = spawn(this.bin, args, { env: this.opts.env, stdio: ['pipe', 'pipe', 'pipe'] });
      } catch (e) {
        reject(new SecretServiceUnavailable(`secret-tool could not start (${(e as Error).message})`));
        return;
      }
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      let size = 0;
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(
          new SecretServiceUnavailable(
            `the keyring did not answer within ${Math.round(this.timeoutMs / 1000)} s (is it waiting to be unlocked?)`,
          ),
        );
      }, this.timeoutMs);
      child.stdout.on('data', (c: Buffer) => {
        size += c.length;
        if (size < 64 * 1024) out.push(c);
      });
      child.stderr.on('data', (c: Buffer) => {
        if (err.length < 64) err.push(c);
      });
      child.once('error', (e: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        reject(
          new SecretServiceUnavailable(
            e.code === 'ENOENT'
              ? 'secret-tool is not installed (it comes with libsecret: sudo pacman -S libsecret)'
              : `secret-tool could not start (${e.message})`,
          ),
        );
      });
      child.once('close', (code) => {
        clearTimeout(timer);
        resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
      });
      child.stdin.on('error', () => {
        /* the tool exited before reading: its status says why */
      });
      child.stdin.end(input ?? '');
    });
  }
}
