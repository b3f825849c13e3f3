// chat:ask / chat:stop: starts an answer in the background, streams its events as 'chat:event', keeps
// both messages in the history (the answer written as it streams, throttled) and registers the answer's
// commands so the renderer can only refer to them by id. Stop keeps the partial answer, marked stopped.
import type { ChatStreamEvent, MessageView } from '../../ipc/channels.js';
import type { Answer, AnswerEvent, ChatMessage, SuggestedCommand } from '../types.js';
import type { HistoryStore } from '../history/index.js';
import { newId } from '../history/ids.js';
import type { Emit } from './ports.js';

export interface AskFn {
  (
    req: { question: string; history: ChatMessage[]; offline?: boolean; signal?: AbortSignal },
    onEvent: (e: AnswerEvent) => void,
  ): Promise<Answer>;
}

export interface ChatDeps {
  history: HistoryStore;
  ask: AskFn;
  /** Registers the answer's commands (or the intent's action) and returns them with their ids. */
  /** Registers the answer's commands; those of one conversation share a terminal session (working directory). */
  suggest: (answer: Answer, question: string, conversationId?: string) => SuggestedCommand[];
  emit: Emit;
}

export interface ChatSession {
  ask(req: { conversationId: string | null; question: string; offline?: boolean }): Promise<{ requestId: string; conversationId: string }>;
  stop(requestId: string): void;
  /** Resolves when no answer is in flight. */
  idle(): Promise<void>;
  dispose(): void;
}

/** The conversation so far, as the router wants it (failed empty answers left out). */
export function toChatHistory(messages: readonly MessageView[]): ChatMessage[] {
  return messages.filter((m) => m.content.trim() !== '').map((m) => ({ role: m.role, content: m.content }));
}

/** A conversation takes one question at a time: a second one would interleave the messages and miss the first answer. */
export const BUSY_MESSAGE = 'An answer is still coming in this conversation: wait for it, or press Stop first.';

export function createChatSession(deps: ChatDeps): ChatSession {
  const running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  /** Conversations with an answer in flight (or being set up). */
  const busy = new Set<string>();

  async function answer(
    requestId: string,
    conversationId: string,
    question: string,
    offline: boolean | undefined,
    past: ChatMessage[],
    controller: AbortController,
  ): Promise<void> {
    const send = (event: ChatStreamEvent) => deps.emit('chat:event', { requestId, conversationId, event });
    const reply: MessageView = { id: newId('m'), role: 'assistant', content: '', createdAt: new Date().toISOString() };
    try {
      await deps.history.append(conversationId, reply);
    } catch (err) {
      // Deleted in between, or the disk refused the write: the request still ends, so the UI never waits forever.
      send({ type: 'done', message: { ...reply, commands: [], error: (err as Error).message || 'The answer could not be saved.' } });
      return;
    }
    let text = '';
    const save = (patch: Partial<MessageView>, flush = false) =>
      deps.history.update(conversationId, reply.id, patch, { flush }).catch(() => undefined);

    const onEvent = (e: AnswerEvent) => {
      if (e.type === 'done') return; // the final message is sent below, with its command ids
      if (e.type === 'start') {
        Object.assign(reply, { tier: e.tier, model: e.model, intent: e.intent });
        void save({ tier: e.tier, model: e.model, intent: e.intent });
      } else if (e.type === 'chunk') {
        text += e.text;
        void save({ content: text });
      }
      send(e);
    };

    let final: MessageView;
    try {
      const a = await deps.ask(
        { question, history: past, signal: controller.signal, ...(offline !== undefined ? { offline } : {}) },
        onEvent,
      );
      const stopped = controller.signal.aborted;
      final = {
        ...reply,
        content: a.text,
        tier: a.tier,
        model: a.model,
        intent: a.intent,
        commands: stopped ? [] : deps.suggest(a, question, conversationId),
        ...(a.sources.length > 0 ? { sources: a.sources } : {}),
        error: stopped ? null : a.error,
        ...(stopped ? { stopped: true } : {}),
      };
    } catch (err) {
      const stopped = controller.signal.aborted;
      final = {
        ...reply,
        content: text,
        commands: [],
        error: stopped ? null : (err as Error).message || 'The answer failed.',
        ...(stopped ? { stopped: true } : {}),
      };
    }
    await save(final, true);
    send({ type: 'done', message: final });
  }

  return {
    async ask({ conversationId, question, offline }) {
      const q = question.trim();
      let convId: string;
      if (conversationId !== null) {
        // Checked and claimed before any await, so two questions sent at once cannot both pass.
        if (busy.has(conversationId)) throw new Error(BUSY_MESSAGE);
        if (!deps.history.has(conversationId)) throw new Error('That conversation no longer exists.');
        convId = conversationId;
        busy.add(convId);
      } else {
        convId = (await deps.history.create(q)).id;
        busy.add(convId);
      }
      let past: ChatMessage[];
      try {
        past = toChatHistory(deps.history.get(convId)?.messages ?? []);
        await deps.history.append(convId, { id: newId('m'), role: 'user', content: q, createdAt: new Date().toISOString() });
      } catch (err) {
        busy.delete(convId);
        throw err;
      }

      const requestId = newId('r');
      const controller = new AbortController();
      // Start after this call has answered, so the renderer knows the requestId before the first event.
      const done = new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => answer(requestId, convId, q, offline, past, controller))
        .catch(() => undefined)
        .finally(() => {
          running.delete(requestId);
          busy.delete(convId);
        });
      running.set(requestId, { controller, done });
      return { requestId, conversationId: convId };
    },
    stop(requestId) {
      running.get(requestId)?.controller.abort();
    },
    async idle() {
      while (running.size > 0) await Promise.all([...running.values()].map((r) => r.done));
    },
    dispose() {
      for (const r of running.values()) r.controller.abort();
    },
  };
}
