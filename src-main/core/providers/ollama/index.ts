// Public entry of the Ollama client: host resolution, HTTP layer, chat provider, model management, Modelfile, factory.
export { resolveOllamaHost, DEFAULT_OLLAMA_HOST } from './host.js';
export { OllamaHttp, START_OLLAMA_FIX, pullFix, type OllamaHttpOptions } from './http.js';
export { OllamaChatProvider, PREFERRED_MODEL, FALLBACK_MODEL, type OllamaChatOptions } from './chat-provider.js';
export {
  OllamaModelManager,
  normalizeModelName,
  type InstalledModel,
  type PullProgress,
  type ModelDetails,
  type CreateSpec,
  type LoadedModel,
  type ModelManagerTimeouts,
} from './models.js';
export { parseModelfile, ModelfileError, type ModelfileSpec } from './modelfile.js';
export { createOllamaFromEnv, type OllamaSettings, type OllamaClients } from './factory.js';
