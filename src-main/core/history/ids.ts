// Conversation and message ids: generated here, validated before they ever become part of a path.
import { randomBytes } from 'node:crypto';

const SAFE_ID = /^[A-Za-z0-9_-]{1,100}$/;

export function newId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(6).toString('hex')}`;
}

/** Only letters, digits, '-' and '_': no dots, no slashes, so never a path traversal. */
export function isSafeId(id: unknown): id is string {
  return typeof id === 'string' && SAFE_ID.test(id);
}

export function assertSafeId(id: unknown): string {
  if (!isSafeId(id)) throw new Error('Not a valid conversation id.');
  return id;
}
