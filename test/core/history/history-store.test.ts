// Conversation history on disk: atomic writes, throttled streaming updates, search, delete, damaged files, unsafe ids.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHistoryStore } from '../../../src-main/core/history/index.js';
import type { MessageView } from '../../../src-main/ipc/channels.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'koompi-history-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const msg = (id: string, role: 'user' | 'assistant', content: string): MessageView => ({
  id,
  role,
  content,
  createdAt: new Date().toISOString(),
});
const fileOf = (id: string) => join(dir, 'conversations', `${id}.json`);

describe('history store', () => {
  it('creates, appends and reloads a conversation from disk', async () => {
    const a = await openHistoryStore(dir);
    const c = await a.create('How do I install firefox?');
    await a.append(c.id, msg('m1', 'user', 'How do I install firefox?'));
    await a.append(c.id, msg('m2', 'assistant', 'Run `sudo pacman -S firefox`.'));
    await a.close();
    const b = await openHistoryStore(dir);
    const back = b.get(c.id);
    expect(back?.title).toBe('How do I install firefox?');
    expect(back?.messages.map((m) => m.content)).toEqual(['How do I install firefox?', 'Run `sudo pacman -S firefox`.']);
    expect(b.list()[0]).toMatchObject({ id: c.id, messageCount: 2 });
  });

  it('writes a streaming message at most once per throttle window and exactly on flush', async () => {
    const s = await openHistoryStore(dir, { throttleMs: 60_000 });
    const c = await s.create('q');
    await s.append(c.id, msg('a1', 'assistant', ''));
    for (let i = 1; i <= 50; i++) await s.update(c.id, 'a1', { content: 'x'.repeat(i) });
    // Nothing flushed yet: the file still has the empty answer (what a crash would leave).
    expect(JSON.parse(await readFile(fileOf(c.id), 'utf8')).messages[0].content).toBe('');
    await s.update(c.id, 'a1', { stopped: true }, { flush: true });
    const onDisk = JSON.parse(await readFile(fileOf(c.id), 'utf8'));
    expect(onDisk.messages[0]).toMatchObject({ content: 'x'.repeat(50), stopped: true });
    await s.close();
  });

  it('leaves no temp files and removes stale ones left by a crash; the old file survives a torn temp', async () => {
    const s = await openHistoryStore(dir);
    const c = await s.create('first');
    await s.append(c.id, msg('m1', 'user', 'first'));
    await s.close();
    const before = await readFile(fileOf(c.id), 'utf8');
    // A crash mid-write leaves only a half temp file; the real file is untouched.
    await writeFile(join(dir, 'conversations', `.${c.id}.json.999.1.tmp`), '{"version":1,"id":');
    const again = await openHistoryStore(dir);
    expect(again.get(c.id)?.messages).toHaveLength(1);
    expect(await readFile(fileOf(c.id), 'utf8')).toBe(before);
    expect((await readdir(join(dir, 'conversations'))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('lists newest first and searches title and content case-insensitively, Khmer included', async () => {
    const s = await openHistoryStore(dir);
    const a = await s.create('Firefox install');
    await s.append(a.id, msg('m1', 'user', 'Firefox install'));
    await new Promise((r) => setTimeout(r, 5));
    const b = await s.create('តើខ្ញុំដំឡើង firefox ដោយរបៀបណា?');
    await s.append(b.id, msg('m1', 'user', 'តើខ្ញុំដំឡើង firefox ដោយរបៀបណា?'));
    await s.append(b.id, msg('m2', 'assistant', 'ប្រើ PACMAN'));
    expect(s.list().map((x) => x.id)).toEqual([b.id, a.id]);
    expect(s.list('FIREFOX').map((x) => x.id)).toEqual([b.id, a.id]);
    expect(s.list('ដំឡើង').map((x) => x.id)).toEqual([b.id]);
    expect(s.list('pacman').map((x) => x.id)).toEqual([b.id]);
    expect(s.list('nothing like this')).toEqual([]);
    await s.close();
  });

  it('deletes a conversation from memory and disk', async () => {
    const s = await openHistoryStore(dir);
    const c = await s.create('to delete');
    expect(await s.delete(c.id)).toBe(true);
    expect(s.get(c.id)).toBeNull();
    expect(await s.delete(c.id)).toBe(false);
    await expect(readFile(fileOf(c.id))).rejects.toThrow();
    await s.close();
  });

  it('rejects ids that could leave the conversations folder', async () => {
    await writeFile(join(dir, 'secret.json'), '{}');
    const s = await openHistoryStore(dir);
    for (const bad of ['../secret', '..', 'a/b', 'a.b', '', 'x'.repeat(101), '..\\secret']) {
      expect(() => s.get(bad)).toThrow(/valid conversation id/);
      await expect(s.delete(bad)).rejects.toThrow(/valid conversation id/);
      await expect(s.append(bad, msg('m', 'user', 'x'))).rejects.toThrow(/valid conversation id/);
    }
    expect(await readFile(join(dir, 'secret.json'), 'utf8')).toBe('{}');
  });

  it('sets a damaged file aside with a notice and keeps the good ones', async () => {
    const s = await openHistoryStore(dir);
    const good = await s.create('good');
    await s.close();
    await writeFile(fileOf('c-broken-1'), '{ this is not json');
    await writeFile(fileOf('c-wrongshape'), JSON.stringify({ version: 1, id: 'c-wrongshape', messages: 'no' }));
    const seen: string[] = [];
    const again = await openHistoryStore(dir, { onNotice: (m) => seen.push(m) });
    expect(again.list().map((x) => x.id)).toEqual([good.id]);
    expect(again.notices).toHaveLength(2);
    expect(seen.join('\n')).toMatch(/could not be read \(not valid JSON\)/);
    const names = await readdir(join(dir, 'conversations'));
    expect(names.some((n) => n.startsWith('c-broken-1.json.damaged-'))).toBe(true);
    // Opening again gives no repeated notice: the damaged files were moved out of the way.
    expect((await openHistoryStore(dir)).notices).toEqual([]);
  });
});
