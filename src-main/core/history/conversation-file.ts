// The on-disk shape of one conversation (<configDir>/conversations/<id>.json) and its validation.
import { z } from 'zod';
import type { ConversationView, MessageView } from '../../ipc/channels.js';

export const CONVERSATION_FILE_VERSION = 1;

const risk = z.enum(['safe', 'elevated', 'destructive']);
const messageSchema = z.object({
  id: z.string().min(1),
  role: z.enum(['user', 'assistant']),
  content: z.string(),
  createdAt: z.string(),
  tier: z.enum(['rules', 'docs', 'local', 'cloud', 'fallback']).optional(),
  model: z.string().nullable().optional(),
  intent: z.string().nullable().optional(),
  commands: z
    .array(
      z.object({
        id: z.string(),
        command: z.string(),
        risk,
        reasons: z.array(z.string()),
        argv: z.array(z.string()).nullable(),
      }),
    )
    .optional(),
  error: z.string().nullable().optional(),
  stopped: z.boolean().optional(),
  /** Where a docs answer comes from, or the passages a model was given (issue 11). */
  sources: z
    .array(z.object({ kind: z.enum(['koompi', 'man', 'archwiki', 'kde']), title: z.string().max(500), ref: z.string().max(2000) }))
    .max(20)
    .optional(),
});

const fileSchema = z.object({
  version: z.literal(CONVERSATION_FILE_VERSION),
  id: z.string().min(1),
  title: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  messages: z.array(messageSchema),
});

export interface StoredConversation {
  id: string;
  title: string;
  createdAt: string;
  updatedAt: string;
  messages: MessageView[];
}

/** Parses a file's text; returns a readable reason instead of throwing. */
export function parseConversation(
  text: string,
  expectedId: string,
): { ok: true; value: StoredConversation } | { ok: false; reason: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not valid JSON' };
  }
  const r = fileSchema.safeParse(raw);
  if (!r.success) return { ok: false, reason: `unexpected shape (${r.error.issues[0]?.message ?? 'invalid'})` };
  if (r.data.id !== expectedId) return { ok: false, reason: 'its id does not match its file name' };
  const { version: _v, ...conv } = r.data;
  return { ok: true, value: conv as StoredConversation };
}

export function serializeConversation(c: StoredConversation): string {
  return JSON.stringify({ version: CONVERSATION_FILE_VERSION, ...c }, null, 1) + '\n';
}

export function toView(c: StoredConversation): ConversationView {
  return {
    id: c.id,
    title: c.title,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    messageCount: c.messages.length,
    messages: c.messages.map((m) => ({ ...m })),
  };
}

/** A title from the first question: one line, at most 80 characters (by code point, Khmer-safe). */
export function titleFrom(question: string): string {
  const line = question.replace(/\s+/g, ' ').trim();
  const chars = Array.from(line);
  return chars.length <= 80 ? line : chars.slice(0, 79).join('') + '…';
}
