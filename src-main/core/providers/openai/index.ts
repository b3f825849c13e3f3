// Public entry of the OpenAI-compatible local tier (llama-server, vLLM, LM Studio, LocalAI).
export { OpenAICompatProvider, type OpenAIProviderOptions } from './openai-provider.js';
export { OpenAIBusyError, openaiStatusError, SET_OPENAI_KEY_FIX } from './openai-errors.js';
export { START_SERVER_FIX } from './openai-http.js';
