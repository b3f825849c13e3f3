// The renderer's own copy of the question limit (it cannot import the core) equals the core's.
import { expect, it } from 'vitest';
import { MAX_QUESTION_CHARS as ui } from '../../src-renderer/limits.js';
import { MAX_QUESTION_CHARS as core } from '../../src-main/core/types.js';
import { requestSchemas } from '../../src-main/ipc/schemas.js';

it('uses the same question limit in the UI, the IPC contract and the core', () => {
  expect(ui).toBe(core);
  expect(requestSchemas['chat:ask'].safeParse({ conversationId: null, question: 'a'.repeat(core) }).success).toBe(true);
  expect(requestSchemas['chat:ask'].safeParse({ conversationId: null, question: 'a'.repeat(core + 1) }).success).toBe(false);
});
