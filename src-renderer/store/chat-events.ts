// The chat's event handling as pure functions: (state, event) -> state. The slice only applies them and
// does the side effects (refreshing the list when an answer is done); unit tests drive them directly.
import type { AnswerSource, ChatStreamEvent, MessageView } from '../../src-main/ipc/channels.js';
import type { SuggestedCommand, Tier } from '../types.js';
import { appendText, splitAll, type SplitState } from '../markdown/split-blocks.js';

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
  /** Where a docs answer comes from, or the passages a model was given. */
  sources: AnswerSource[];
  error: string | null;
  notices: string[];
  streaming: boolean;
  stopped: boolean;
  tokensPerSecond: number | null;
}

export interface Pending {
  /** null until chat:ask has answered with the request's id. */
  requestId: string | null;
  conversationId: string | null;
  messageId: string;
}

export interface EarlyEvent {
  requestId: string;
  conversationId: string;
  event: ChatStreamEvent;
}

/** The part of the store the chat events change. */
export interface ChatEventState {
  messages: UiMessage[];
  pending: Pending | null;
  /** Events that arrived before chat:ask told us their request id (bounded). */
  early: EarlyEvent[];
}

export const EARLY_MAX = 5000;

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
    sources: m.sources ?? [],
    error: m.error ?? null,
    notices: [],
    streaming: false,
    stopped: m.stopped ?? false,
    tokensPerSecond: null,
  };
}

/** A fresh local id (the core's id replaces it when the answer is done; the key stays). */
export function localId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

function patchPending(s: ChatEventState, fn: (m: UiMessage) => UiMessage): ChatEventState {
  const p = s.pending;
  if (!p) return s;
  return { ...s, messages: s.messages.map((m) => (m.id === p.messageId ? fn(m) : m)) };
}

/** Streamed text for the pending answer. */
export function reduceChunk(s: ChatEventState, requestId: string, text: string): ChatEventState {
  if (!s.pending || s.pending.requestId !== requestId || !text) return s;
  return patchPending(s, (m) => ({ ...m, content: m.content + text, split: appendText(m.split, text) }));
}

/** One chat:event for the pending answer; events for other requests change nothing. */
export function reduceChatEvent(s: ChatEventState, requestId: string, conversationId: string, event: ChatStreamEvent): ChatEventState {
  const p = s.pending;
  if (!p) return s;
  if (p.requestId === null) {
    return s.early.length < EARLY_MAX ? { ...s, early: [...s.early, { requestId, conversationId, event }] } : s;
  }
  if (p.requestId !== requestId) return s;
  switch (event.type) {
    case 'start':
      return patchPending(s, (m) => ({ ...m, tier: event.tier, model: event.model, intent: event.intent }));
    case 'chunk':
      return reduceChunk(s, requestId, event.text);
    case 'stats':
      return event.tokensPerSecond === undefined ? s : patchPending(s, (m) => ({ ...m, tokensPerSecond: event.tokensPerSecond ?? null }));
    case 'notice':
      return patchPending(s, (m) => ({ ...m, notices: [...m.notices, event.message] }));
    case 'done': {
      const fin = event.message;
      const next = patchPending(s, (m) => ({
        ...m,
        id: fin.id,
        content: fin.content,
        split: fin.content === m.content ? m.split : splitAll(fin.content),
        tier: fin.tier ?? m.tier,
        model: fin.model ?? m.model,
        intent: fin.intent ?? m.intent,
        commands: fin.commands ?? [],
        sources: fin.sources ?? [],
        error: fin.error ?? null,
        stopped: fin.stopped ?? m.stopped,
        streaming: false,
      }));
      return { ...next, pending: null };
    }
    default:
      return s;
  }
}

/** chat:ask answered: the pending answer gets its request id, and what arrived early for it is applied. */
export function reduceAccepted(s: ChatEventState, messageId: string, requestId: string, conversationId: string): ChatEventState {
  const p = s.pending;
  if (!p || p.messageId !== messageId) return s;
  let next: ChatEventState = { ...s, pending: { ...p, requestId, conversationId }, early: [] };
  for (const e of s.early) if (e.requestId === requestId) next = reduceChatEvent(next, e.requestId, e.conversationId, e.event);
  return next;
}
