// The fallback when no desktop keyring is reachable (a headless machine, a session without D-Bus): keys in
// <configDir>/keys.json, mode 0600 in a 0700 directory, so only the user (and root) can read them. Not encrypted:
// both the app and koompi-ask say so. A file that became readable by others is tightened back to 0600 on read.
import { chmod, mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../history/atomic-write.js';

export const KEYS_FILE_NAME = 'keys.json';

interface KeysFile {
  version: 1;
  keys: Record<string, string>;
}

export class FileKeyStore {
  readonly path: string;

  constructor(private readonly configDir: string) {
    this.path = join(configDir, KEYS_FILE_NAME);
  }

  private async read(): Promise<Record<string, string>> {
    let text: string;
    try {
      const st = await stat(this.path);
      if ((st.mode & 0o077) !== 0) await chmod(this.path, 0o600).catch(() => undefined);
      text = await readFile(this.path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw e;
    }
    try {
      const parsed = JSON.parse(text) as Partial<KeysFile>;
      const keys = parsed && typeof parsed.keys === 'object' && parsed.keys !== null ? parsed.keys : {};
      return Object.fromEntries(Object.entries(keys).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
    } catch {
      return {};
    }
  }

  private async write(keys: Record<string, string>): Promise<void> {
    await mkdir(this.configDir, { recursive: true, mode: 0o700 });
    await writeFileAtomic(this.path, JSON.stringify({ version: 1, keys } satisfies KeysFile, null, 2) + '\n');
    await chmod(this.path, 0o600);
  }

  async get(name: string): Promise<string | null> {
    return (await this.read())[name] ?? null;
  }

  async set(name: string, value: string): Promise<void> {
    const keys = await this.read();
    keys[name] = value;
    await this.write(keys);
  }

  /** True when something was removed. */
  async clear(name: string): Promise<boolean> {
    const keys = await this.read();
    if (!(name in keys)) return false;
    delete keys[name];
    await this.write(keys);
    return true;
  }
}
