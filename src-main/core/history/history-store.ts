// The conversation history on disk: one JSON file per conversation under <configDir>/conversations,
// written atomically; the answer being streamed is written at most every `throttleMs`, so a crash
// loses at most the answer in flight. Damaged files are set aside with a notice, never a crash.
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ConversationSummary, ConversationView, MessageView } from '../../ipc/channels.js';
import { writeFileAtomic, isAtomicTemp } from './atomic-write.js';
import { parseConversation, serializeConversation, titleFrom, toView, type StoredConversation } from './conversation-file.js';
import { assertSafeId, isSafeId, newId } from './ids.js';
import { matchesQuery } from './search.js';

export interface HistoryStoreOptions {
  /** Minimum time between two writes of a streaming message (default 400 ms). */
  throttleMs?: number;
  /** Told about damaged files and failed background writes. */
  onNotice?: (message: string) => void;
  /** At most this many conversations are loaded (newest first); default 2,000. */
  maxConversations?: number;
}

export interface HistoryStore {
  readonly dir: string;
  /** Notices from opening the store (damaged files set aside). */
  readonly notices: readonly string[];
  create(firstQuestion: string): Promise<ConversationView>;
  get(id: string): ConversationView | null;
  has(id: string): boolean;
  append(conversationId: string, message: MessageView): Promise<void>;
  /** Updates a message in memory and schedules a throttled write; `flush: true` writes now. */
  update(conversationId: string, messageId: string, patch: Partial<MessageView>, opts?: { flush?: boolean }): Promise<void>;
  list(query?: string): ConversationSummary[];
  delete(id: string): Promise<boolean>;
  flush(): Promise<void>;
  close(): Promise<void>;
}

interface Entry {
  conv: StoredConversation;
  chain: Promise<void>;
  timer: NodeJS.Timeout | null;
  deleted: boolean;
}

export async function openHistoryStore(configDir: string, opts: HistoryStoreOptions = {}): Promise<HistoryStore> {
  const dir = join(configDir, 'conversations');
  const throttleMs = opts.throttleMs ?? 400;
  const notify = opts.onNotice ?? (() => undefined);
  const notices: string[] = [];
  await mkdir(dir, { recursive: true, mode: 0o700 });

  const entries = new Map<string, Entry>();
  for (const name of await readdir(dir)) {
    if (isAtomicTemp(name)) {
      await rm(join(dir, name), { force: true }).catch(() => undefined);
      continue;
    }
    if (!name.endsWith('.json')) continue;
    const id = name.slice(0, -'.json'.length);
    if (!isSafeId(id)) continue;
    const file = join(dir, name);
    const parsed = parseConversation(await readFile(file, 'utf8').catch(() => ''), id);
    if (parsed.ok) {
      entries.set(id, { conv: parsed.value, chain: Promise.resolve(), timer: null, deleted: false });
      continue;
    }
    const aside = `${file}.damaged-${Date.now()}`;
    await rename(file, aside).catch(() => undefined);
    const msg = `A saved conversation could not be read (${parsed.reason}); it was set aside as ${aside}.`;
    notices.push(msg);
    notify(msg);
  }
  trimOldest(entries, opts.maxConversations ?? 2000);

  const pathOf = (id: string) => join(dir, `${id}.json`);

  function entryOf(id: string): Entry {
    const e = entries.get(assertSafeId(id));
    if (!e || e.deleted) throw new Error('That conversation no longer exists.');
    return e;
  }

  function writeNow(e: Entry): Promise<void> {
    if (e.timer) {
      clearTimeout(e.timer);
      e.timer = null;
    }
    const run = e.chain.then(async () => {
      if (!e.deleted) await writeFileAtomic(pathOf(e.conv.id), serializeConversation(e.conv));
    });
    e.chain = run.catch(() => undefined);
    return run;
  }

  function schedule(e: Entry): void {
    if (e.timer) return;
    e.timer = setTimeout(() => {
      e.timer = null;
      writeNow(e).catch((err: unknown) => notify(`Could not save the conversation: ${(err as Error).message}`));
    }, throttleMs);
  }

  async function flushAll(): Promise<void> {
    await Promise.all([...entries.values()].filter((e) => e.timer).map((e) => writeNow(e)));
    await Promise.all([...entries.values()].map((e) => e.chain));
  }

  return {
    dir,
    notices,
    async create(firstQuestion) {
      const now = new Date().toISOString();
      const conv: StoredConversation = { id: newId('c'), title: titleFrom(firstQuestion), createdAt: now, updatedAt: now, messages: [] };
      const e: Entry = { conv, chain: Promise.resolve(), timer: null, deleted: false };
      entries.set(conv.id, e);
      await writeNow(e);
      return toView(conv);
    },
    get(id) {
      const e = entries.get(assertSafeId(id));
      return e && !e.deleted ? toView(e.conv) : null;
    },
    has(id) {
      const e = isSafeId(id) ? entries.get(id) : undefined;
      return !!e && !e.deleted;
    },
    async append(conversationId, message) {
      const e = entryOf(conversationId);
      e.conv.messages.push({ ...message });
      e.conv.updatedAt = new Date().toISOString();
      await writeNow(e);
    },
    async update(conversationId, messageId, patch, o) {
      const e = entryOf(conversationId);
      const m = e.conv.messages.find((x) => x.id === messageId);
      if (!m) throw new Error('That message no longer exists.');
      Object.assign(m, patch);
      e.conv.updatedAt = new Date().toISOString();
      if (o?.flush) await writeNow(e);
      else schedule(e);
    },
    list(query) {
      return [...entries.values()]
        .filter((e) => !e.deleted && (query === undefined || matchesQuery(e.conv, query)))
        .map((e) => ({ id: e.conv.id, title: e.conv.title, updatedAt: e.conv.updatedAt, messageCount: e.conv.messages.length }))
        .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
    },
    async delete(id) {
      const e = entries.get(assertSafeId(id));
      if (!e || e.deleted) return false;
      e.deleted = true;
      if (e.timer) {
        clearTimeout(e.timer);
        e.timer = null;
      }
      await e.chain;
      entries.delete(id);
      await rm(pathOf(id), { force: true });
      return true;
    },
    flush: flushAll,
    close: flushAll,
  };
}

function trimOldest(entries: Map<string, Entry>, max: number): void {
  if (entries.size <= max) return;
  const byAge = [...entries.values()].sort((a, b) => (a.conv.updatedAt < b.conv.updatedAt ? -1 : 1));
  for (const e of byAge.slice(0, entries.size - max)) entries.delete(e.conv.id);
}
