// Main-only: the zod schema that checks each channel's request before any handler runs. The table is typed
// against `Requests` in ./channels.ts, so a channel without a schema, or a schema that disagrees with the
// channel's request type, does not compile. Never import this from the preload or the renderer.
import { z } from 'zod';
import { MAX_QUESTION_CHARS, type Channel, type IpcFailure, type Requests } from './channels.js';

const id = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9._:-]+$/);
const none = z.strictObject({});

const settingsViewSchema = z.strictObject({
  ollamaHost: z.string().min(1).max(500),
  model: z.string().max(200).nullable(),
  keepAlive: z.string().max(20),
  allowCloud: z.boolean(),
  privacyMode: z.boolean(),
  geminiModel: z.string().min(1).max(200),
  hotkey: z.string().min(1).max(100),
  language: z.enum(['auto', 'en', 'km']),
  theme: z.enum(['system', 'light', 'dark']),
  autostart: z.boolean(),
  hideOverlayOnBlur: z.boolean(),
  openaiBaseUrl: z.string().min(1).max(2048).nullable(),
});

export const requestSchemas = {
  'app:ready': z.strictObject({ view: z.enum(['overlay', 'window']) }),
  'chat:ask': z.strictObject({
    conversationId: id.nullable(),
    question: z
      .string()
      .trim()
      .min(1, 'The question is empty.')
      .max(MAX_QUESTION_CHARS, `The question is longer than ${MAX_QUESTION_CHARS} characters.`),
    offline: z.boolean().optional(),
  }),
  'chat:stop': z.strictObject({ requestId: id }),
  'conversations:list': z.strictObject({ query: z.string().max(200).optional() }),
  'conversations:get': z.strictObject({ id }),
  'conversations:delete': z.strictObject({ id }),
  'commands:run': z.strictObject({ commandId: id, mode: z.enum(['inline', 'konsole']) }),
  'commands:cancel': z.strictObject({ runId: id }),
  'commands:input': z.strictObject({ runId: id, data: z.string().min(1).max(65_536) }),
  'commands:block': z.strictObject({ commandIds: z.array(id).min(2).max(100) }),
  'commands:resize': z.strictObject({ runId: id, cols: z.number().int().min(2).max(1000), rows: z.number().int().min(1).max(500) }),
  'settings:get': none,
  'settings:set': settingsViewSchema.partial(),
  'key:status': none,
  'key:set': z.strictObject({
    key: z
      .string()
      .trim()
      .min(10)
      .max(200)
      .regex(/^[A-Za-z0-9_-]+$/, 'That does not look like an API key.'),
  }),
  'key:clear': none,
  'models:list': none,
  'models:pull': z.strictObject({
    name: z
      .string()
      .min(1)
      .max(200)
      .regex(/^[a-zA-Z0-9][a-zA-Z0-9._:/-]*$/, 'Not a model name.'),
  }),
  'models:cancel-pull': z.strictObject({ pullId: id }),
  'ollama:check': z.strictObject({ host: z.string().min(1).max(500).optional() }),
  'ollama:warm-up': none,
  'doctor:run': none,
  'docs:section': z.strictObject({
    ref: z
      .string()
      .min(1, 'The source reference (ref) is empty.')
      .max(1000, 'The source reference (ref) is too long.')
      .regex(/^[^\u0000-\u001f\u007f]+$/, 'The source reference (ref) has control characters.'),
    lang: z.enum(['en', 'km']).optional(),
  }),
  'docs:status': none,
  'window:hide': none,
  'window:open-full': z.strictObject({ conversationId: id.nullable().optional() }),
  'shell:open-external': z.strictObject({ url: z.url({ protocol: /^https$/ }) }),
} satisfies { [C in Channel]: z.ZodType<Requests[C], unknown> };

// Both directions: what the renderer may send (input) and what the handler gets (output) are `Requests[C]`.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Mismatched = { [C in Channel]: Same<z.input<(typeof requestSchemas)[C]>, Requests[C]> extends true ? never : C }[Channel];
const schemasMatchChannels: [Mismatched] extends [never] ? true : Mismatched = true;
void schemasMatchChannels;

/** Parses a payload for a channel; returns the failure (kind 'invalid-request') instead of throwing. */
export function parseRequest<C extends Channel>(
  channel: C,
  payload: unknown,
): { ok: true; value: Requests[C] } | { ok: false; error: IpcFailure } {
  const table: { [K in Channel]: z.ZodType<Requests[K], unknown> } = requestSchemas;
  const schema = Object.hasOwn(table, channel) ? (table[channel] as z.ZodType<Requests[C], unknown>) : undefined;
  if (!schema) return { ok: false, error: { kind: 'unknown-channel', message: `Unknown channel ${String(channel)}` } };
  const r = schema.safeParse(payload);
  if (r.success) return { ok: true, value: r.data };
  const first = r.error.issues[0];
  const field = first && first.path.length ? first.path.join('.') : undefined;
  const message = `Invalid request for ${channel}${field ? ` (${field})` : ''}: ${first?.message ?? 'bad payload'}`;
  return { ok: false, error: field ? { kind: 'invalid-request', message, field } : { kind: 'invalid-request', message } };
}
