// Public entry of the Gemini (cloud tier) client.
export { createGeminiClient, type GeminiClient, type GeminiClientOptions } from './gemini-client.js';
export { GEMINI_DEFAULT_BASE_URL, GEMINI_DEFAULT_MODEL } from './gemini-wire.js';
export { AUTH_MESSAGE } from './gemini-errors.js';
