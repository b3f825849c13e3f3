// Opening settings at startup: a damaged file is backed up and reset with a notice (never a crash),
// then the Store class (passed in; electron-store needs Electron) opens the recovered file.
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSettingsStore, type StoreClass } from '../../src-main/electron/settings-store.js';

let dir: string;
beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'koompi-settings-')); });
afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

/** Reads the file like electron-store would (JSON.parse of <cwd>/<name>.json); throws on bad JSON. */
class FileStore {
  static options: unknown[] = [];
  store: Record<string, unknown>;
  constructor(opts: { cwd: string; name: string }) {
    FileStore.options.push(opts);
    this.store = JSON.parse(readFileSync(join(opts.cwd, `${opts.name}.json`), 'utf8'));
  }
}

describe('openSettingsStore', () => {
  it('backs up and resets a corrupted file, with a notice, and the store opens the reset file', async () => {
    await writeFile(join(dir, 'settings.json'), '{"ollamaHost": "http://x", oops');
    const r = await openSettingsStore(FileStore as unknown as StoreClass, dir);
    expect(r.notices.join(' ')).toMatch(/reset to the defaults.*kept as/);
    expect(r.store).not.toBeNull();
    expect(r.settings.ollamaHost).toBe('http://127.0.0.1:11434');
    const names = await readdir(dir);
    const backup = names.find((n) => n.startsWith('settings.json.corrupt-'));
    expect(backup).toBeDefined();
    expect(await readFile(join(dir, backup!), 'utf8')).toContain('oops');
    expect(FileStore.options.at(-1)).toMatchObject({ cwd: dir, name: 'settings', clearInvalidConfig: false });
  });

  it('migrates an old file and passes the JSON schema to the store', async () => {
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ version: 1, ollamaUrl: 'http://10.0.0.2:11434', hideOverlayOnBlur: false }));
    let schema: Record<string, unknown> | null = null;
    class SchemaStore extends FileStore { constructor(o: { cwd: string; name: string; schema: Record<string, unknown> }) { super(o); schema = o.schema; } }
    const r = await openSettingsStore(SchemaStore as unknown as StoreClass, dir);
    expect(r.notices).toEqual([]);
    expect(r.settings.ollamaHost).toBe('http://10.0.0.2:11434');
    expect(r.settings.overlay.hideOnBlur).toBe(false);
    expect(Object.keys(schema ?? {})).toEqual(expect.arrayContaining(['ollamaHost', 'hotkey', 'overlay']));
  });

  it('never crashes when the store itself throws: the checked settings are used, with a notice', async () => {
    class Broken { constructor() { throw new Error('Config schema violation: `hotkey` must be string'); } }
    const r = await openSettingsStore(Broken as unknown as StoreClass, dir);
    expect(r.store).toBeNull();
    expect(r.settings.hotkey).toBeTruthy();
    expect(r.notices.join(' ')).toMatch(/could not be opened with its schema \(Config schema violation/);
  });
});
