// Case-insensitive, Unicode-normalised matching for conversation search (Khmer has no case; NFC keeps
// composed and decomposed forms of the same text equal, and no word-boundary regex is involved).
import type { StoredConversation } from './conversation-file.js';

export function normalizeForSearch(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase();
}

export function matchesQuery(c: StoredConversation, query: string): boolean {
  const q = normalizeForSearch(query.trim());
  if (q === '') return true;
  if (normalizeForSearch(c.title).includes(q)) return true;
  return c.messages.some((m) => normalizeForSearch(m.content).includes(q));
}
