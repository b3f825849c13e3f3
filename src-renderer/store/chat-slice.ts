// Chat slice: conversations, the open conversation's messages and the answer being streamed. Event
// handling is the pure reducers of ./chat-events; this file applies them and does the IPC calls.
import type { StateCreator } from 'zustand';
import type { ChatStreamEvent, ConversationSummary } from '../../src-main/ipc/channels';
import { api, errorText } from '../api';
import {
  fromView,
  localId,
  reduceAccepted,
  reduceChatEvent,
  reduceChunk,
  type ChatEventState,
  type EarlyEvent,
  type Pending,
  type UiMessage,
} from './chat-events';
import type { AppState } from './index';

export type { Pending, UiMessage } from './chat-events';

export interface ChatSlice {
  conversations: ConversationSummary[];
  conversationsError: string | null;
  search: string;
  activeId: string | null;
  messages: UiMessage[];
  pending: Pending | null;
  early: EarlyEvent[];
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

function blankAssistant(): UiMessage {
  return { ...fromView({ id: localId('a'), role: 'assistant', content: '', createdAt: '' }), streaming: true };
}

export const createChatSlice: StateCreator<AppState, [], [], ChatSlice> = (set, get) => {
  const chatState = (): ChatEventState => {
    const s = get();
    return { messages: s.messages, pending: s.pending, early: s.early };
  };
  const apply = (next: ChatEventState) => {
    const s = get();
    if (next.messages !== s.messages || next.pending !== s.pending || next.early !== s.early) set(next);
  };

  return {
    conversations: [],
    conversationsError: null,
    search: '',
    activeId: null,
    messages: [],
    pending: null,
    early: [],
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
      const user: UiMessage = fromView({ id: localId('u'), role: 'user', content: q, createdAt: '' });
      const answer = blankAssistant();
      set({
        messages: [...get().messages, user, answer],
        pending: { requestId: null, conversationId: get().activeId, messageId: answer.id },
        early: [],
        askError: null,
      });
      try {
        const r = await api().ask(q, get().activeId);
        const before = chatState();
        const next = reduceAccepted(before, answer.id, r.requestId, r.conversationId);
        if (next === before) return true;
        apply(next);
        set({ activeId: r.conversationId });
        if (before.pending && !next.pending) void get().refreshConversations();
        return true;
      } catch (e) {
        // Not taken (e.g. too long): nothing is lost, the composer gets the text back.
        set({
          askError: errorText(e),
          pending: null,
          early: [],
          messages: get().messages.filter((m) => m.id !== answer.id && m.id !== user.id),
        });
        return false;
      }
    },

    async stop() {
      const p = get().pending;
      if (!p?.requestId) return;
      set({ messages: get().messages.map((m) => (m.id === p.messageId ? { ...m, stopped: true } : m)) });
      try {
        await api().stop(p.requestId);
      } catch (e) {
        get().pushToast('error', errorText(e));
      }
    },

    appendChunk(requestId, text) {
      apply(reduceChunk(chatState(), requestId, text));
    },

    applyChatEvent(requestId, conversationId, event) {
      const before = chatState();
      const next = reduceChatEvent(before, requestId, conversationId, event);
      apply(next);
      if (before.pending && !next.pending) void get().refreshConversations();
    },
  };
};
