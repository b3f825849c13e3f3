// Gemini API wire shapes (v1beta generateContent / streamGenerateContent) and the request body builder.
// Shapes follow https://ai.google.dev/api/generate-content; only the fields this app reads or sends.
import type { ChatMessage } from '../../types.js';

export const GEMINI_DEFAULT_BASE_URL = 'https://generativelanguage.googleapis.com';
/** A current stable Flash model (ai.google.dev/gemini-api/docs/models lists it as stable). */
export const GEMINI_DEFAULT_MODEL = 'gemini-3.5-flash';

export interface GeminiPart {
  text?: string;
  thought?: boolean;
}
export interface GeminiContent {
  role?: 'user' | 'model';
  parts: GeminiPart[];
}

export interface GeminiRequestBody {
  contents: GeminiContent[];
  systemInstruction?: { parts: GeminiPart[] };
  generationConfig?: { temperature?: number; maxOutputTokens?: number };
}

export interface GeminiCandidate {
  content?: GeminiContent;
  finishReason?: string;
  index?: number;
}

export interface GeminiUsage {
  promptTokenCount?: number;
  candidatesTokenCount?: number;
  totalTokenCount?: number;
  thoughtsTokenCount?: number;
}

export interface GeminiErrorBody {
  code?: number;
  message?: string;
  status?: string;
  details?: Array<{ '@type'?: string; reason?: string; retryDelay?: string; [k: string]: unknown }>;
}

/** One streamed event, or the whole non-streamed response (they share a shape). */
export interface GeminiResponse {
  candidates?: GeminiCandidate[];
  promptFeedback?: { blockReason?: string; blockReasonMessage?: string };
  usageMetadata?: GeminiUsage;
  modelVersion?: string;
  /** Present when the server reports an error inside the stream. */
  error?: GeminiErrorBody;
}

/** Finish reasons that mean the answer was stopped by a filter rather than finished. */
export const BLOCKING_FINISH_REASONS = new Set([
  'SAFETY',
  'RECITATION',
  'BLOCKLIST',
  'PROHIBITED_CONTENT',
  'SPII',
  'IMAGE_SAFETY',
  'LANGUAGE',
]);

export function buildRequestBody(system: string, messages: ChatMessage[]): GeminiRequestBody {
  const body: GeminiRequestBody = {
    contents: messages.map((m) => ({ role: m.role === 'assistant' ? 'model' : 'user', parts: [{ text: m.content }] })),
    generationConfig: { temperature: 0.4 },
  };
  if (system.trim() !== '') body.systemInstruction = { parts: [{ text: system }] };
  return body;
}

/** The visible text of a response event: every non-thought text part of the first candidate. */
export function responseText(r: GeminiResponse): string {
  const parts = r.candidates?.[0]?.content?.parts;
  if (!parts) return '';
  let s = '';
  for (const p of parts) if (typeof p.text === 'string' && p.thought !== true) s += p.text;
  return s;
}

/** Parses a google.rpc duration such as "17s" or "1.5s" into whole seconds (rounded up). */
export function parseRpcDuration(v: unknown): number | null {
  if (typeof v !== 'string') return null;
  const m = /^(\d+(?:\.\d+)?)s$/.exec(v.trim());
  if (!m) return null;
  return Math.ceil(Number(m[1]));
}

/** Parses an HTTP Retry-After header (seconds or an HTTP date) into seconds from now. */
export function parseRetryAfter(v: string | string[] | undefined, now = Date.now()): number | null {
  const s = Array.isArray(v) ? v[0] : v;
  if (!s) return null;
  if (/^\d+$/.test(s.trim())) return Number(s.trim());
  const t = Date.parse(s);
  if (Number.isNaN(t)) return null;
  return Math.max(0, Math.ceil((t - now) / 1000));
}
