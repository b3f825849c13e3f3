// Chat slice: conversations, the open conversation's messages and the answer being streamed.
import type { StateCreator } from 'zustand';
import type { ChatStreamEvent, ConversationSummary, MessageView } from '../../src-main/ipc/contract';
import type { SuggestedCommand, Tier } from '../types';
import { api, errorText } from '../api';
import { appendText, splitAll, type SplitState } from '../markdown/split-blocks';
import type { AppState } from './index';

export interface UiMessage {
  id: string;
  /** Stable React key: the local id an answer streams under stays when the core's id arrives. */
  key: string;
  role: 'user' | 'assistant';
  content: string;
  split: SplitState;
  tier: Tier | null;
  model: string | null;
  intent: string | null;
  commands: SuggestedCommand[];
  error: string | null;
  notices: string[];
  streaming: boolean;
  stopped: boolean;
  tokensPerSecond: number | null;
}

export interface Pending {
  requestId: string | null;
  conversationId: string | null;
  messageId: string;
}

export interface ChatSlice {
  conversations: ConversationSummary[];
  conversationsError: string | null;
  search: string;
  activeId: string | null;
  messages: UiMessage[];
  pending: Pending | null;
  askError: string | null;
  refreshConversations(): Promise<void>;
  setSearch(q: string): void;
  openConversation(id: string): Promise<void>;
  newConversation(): void;
  deleteConversation(id: string): Promise<void>;
  /** Resolves false when the question was not taken (the caller keeps the text). */
  ask(question: string): Promise<boolean>;
  stop(): Promise<void>;
  applyChatEvent(requestId: string, conversationId: string, event: ChatStreamEvent): void;
  appendChunk(requestId: string, text: string): void;
}

let localIds = 0;
const localId = (p: string) => `${p}-${Date.now().toString(36)}-${(localIds++).toString(36)}`;

export function fromView(m: MessageView): UiMessage {
  return {
    id: m.id,
    key: m.id,
    role: m.role,
    content: m.content,
    split: splitAll(m.content),
    tier: m.tier ?? null,
    model: m.model ?? null,
    intent: m.intent ?? null,
    commands: m.commands ?? [],
    error: m.error ?? null,
    notices: [],
    streaming: false,
    stopped: m.stopped ?? false,
    tokensPerSecond: null,
  };
}

function blankAssistant(): UiMessage {
  return { ...fromView({ id: localId('a'), role: 'assistant', content: '', createdAt: '' }), streaming: true };
}

/** Events that arrive before chat:ask has told us their request id wait here (bounded). */
const early: { requestId: string; conversationId: string; event: ChatStreamEvent }[] = [];
const EARLY_MAX = 5000;

export const createChatSlice: StateCreator<AppState, [], [], ChatSlice> = (set, get) => {
  const patchStreaming = (fn: (m: UiMessage) => UiMessage) => {
    const p = get().pending;
    if (!p) return;
    set({ messages: get().messages.map((m) => (m.id === p.messageId ? fn(m) : m)) });
  };

  return {
    conversations: [],
    conversationsError: null,
    search: '',
    activeId: null,
    messages: [],
    pending: null,
    askError: null,

    async refreshConversations() {
      const q = get().search.trim();
      try {
        const list = await api().listConversations(q ? q : undefined);
        if (get().search.trim() === q) set({ conversations: list, conversationsError: null });
      } catch (e) {
        set({ conversationsError: errorText(e) });
      }
    },

    setSearch(q) {
      set({ search: q });
      void get().refreshConversations();
    },

    async openConversation(id) {
      if (get().pending) return;
      try {
        const conv = await api().getConversation(id);
        if (!conv) {
          set({ askError: null });
          await get().refreshConversations();
          return;
        }
        set({ activeId: conv.id, messages: conv.messages.map(fromView), askError: null, panel: 'chat' });
      } catch (e) {
        set({ askError: errorText(e) });
      }
    },

    newConversation() {
      if (get().pending) return;
      set({ activeId: null, messages: [], askError: null, panel: 'chat' });
      get().requestFocus();
    },

    async deleteConversation(id) {
      try {
        await api().deleteConversation(id);
        if (get().activeId === id && !get().pending) set({ activeId: null, messages: [] });
      } catch (e) {
        get().pushToast('error', errorText(e));
      }
      await get().refreshConversations();
    },

    async ask(question) {
      const q = question.trim();
      if (!q || get().pending) return false;
      const user: UiMessage = { ...fromView({ id: localId('u'), role: 'user', content: q, createdAt: '' }) };
      const answer = blankAssistant();
      set({ messages: [...get().messages, user, answer], pending: { requestId: null, conversationId: get().activeId, messageId: answer.id }, askError: null });
      try {
        const r = await api().ask(q, get().activeId);
        const p = get().pending;
        if (!p || p.messageId !== answer.id) return true;
        set({ pending: { ...p, requestId: r.requestId, conversationId: r.conversationId }, activeId: r.conversationId });
        // Replay what arrived before we knew the request id.
        const mine = early.filter((e) => e.requestId === r.requestId);
        early.length = 0;
        for (const e of mine) get().applyChatEvent(e.requestId, e.conversationId, e.event);
        return true;
      } catch (e) {
        // Not taken (e.g. too long): nothing is lost, the composer gets the text back.
        set({
          askError: errorText(e),
          pending: null,
          messages: get().messages.filter((m) => m.id !== answer.id && m.id !== user.id),
        });
        return false;
      }
    },

    async stop() {
      const p = get().pending;
      if (!p?.requestId) return;
      patchStreaming((m) => ({ ...m, stopped: true }));
      try {
        await api().stop(p.requestId);
      } catch (e) {
        get().pushToast('error', errorText(e));
      }
    },

    appendChunk(requestId, text) {
      const p = get().pending;
      if (!p || p.requestId !== requestId) return;
      patchStreaming((m) => ({ ...m, content: m.content + text, split: appendText(m.split, text) }));
    },

    applyChatEvent(requestId, conversationId, event) {
      const p = get().pending;
      if (!p) return;
      if (p.requestId === null) {
        if (early.length < EARLY_MAX) early.push({ requestId, conversationId, event });
        return;
      }
      if (p.requestId !== requestId) return;
      switch (event.type) {
        case 'start':
          patchStreaming((m) => ({ ...m, tier: event.tier, model: event.model, intent: event.intent }));
          break;
        case 'chunk':
          get().appendChunk(requestId, event.text);
          break;
        case 'stats':
          if (event.tokensPerSecond !== undefined) patchStreaming((m) => ({ ...m, tokensPerSecond: event.tokensPerSecond ?? null }));
          break;
        case 'notice':
          patchStreaming((m) => ({ ...m, notices: [...m.notices, event.message] }));
          break;
        case 'done': {
          const fin = event.message;
          patchStreaming((m) => ({
            ...m,
            id: fin.id,
            content: fin.content,
            split: fin.content === m.content ? m.split : splitAll(fin.content),
            tier: fin.tier ?? m.tier,
            model: fin.model ?? m.model,
            intent: fin.intent ?? m.intent,
            commands: fin.commands ?? [],
            error: fin.error ?? null,
            stopped: fin.stopped ?? m.stopped,
            streaming: false,
          }));
          set({ pending: null });
          void get().refreshConversations();
          break;
        }
      }
    },
  };
};
