// Builds the Ollama chat provider and model manager from the environment (OLLAMA_HOST, KOOMPI_MODEL) and settings.
import { OllamaChatProvider, type OllamaChatOptions } from './chat-provider.js';
import { resolveOllamaHost } from './host.js';
import { OllamaHttp } from './http.js';
import type { OllamaModelManager } from './models.js';

export interface OllamaSettings {
  /** The model chosen in settings; KOOMPI_MODEL wins over it. */
  model?: string;
  keepAlive?: string | number;
  modelOptions?: Record<string, unknown>;
}

export interface OllamaClients {
  host: string;
  http: OllamaHttp;
  provider: OllamaChatProvider;
  models: OllamaModelManager;
  /** Ends every call at once (shutdown). */
  close(): Promise<void>;
  /** Lets the calls in flight (an answer, a pull) finish, then closes; for a client replaced by new settings. */
  retire(): Promise<void>;
}

export function createOllamaFromEnv(
  env: NodeJS.ProcessEnv,
  settings: OllamaSettings = {},
  extra: Omit<OllamaChatOptions, 'host' | 'http' | 'model' | 'keepAlive' | 'modelOptions'> = {},
): OllamaClients {
  const host = resolveOllamaHost(env.OLLAMA_HOST);
  const http = new OllamaHttp({ ...extra, host });
  const model = env.KOOMPI_MODEL?.trim() || settings.model?.trim() || undefined;
  const provider = new OllamaChatProvider({ ...extra, http, model, keepAlive: settings.keepAlive, modelOptions: settings.modelOptions });
  return { host, http, provider, models: provider.models, close: () => http.close(), retire: () => http.closeWhenIdle() };
}
