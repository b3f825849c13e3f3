// The health check's line for an OpenAI-compatible server used as the local tier (instead of "Ollama is running").
import type { DoctorCheck } from '../../doctor.js';
import { ProviderError } from '../provider.js';
import type { OpenAICompatProvider } from './openai-provider.js';
import { START_SERVER_FIX } from './openai-http.js';

export async function openaiServerCheck(p: OpenAICompatProvider, signal?: AbortSignal): Promise<DoctorCheck> {
  try {
    const ids = await p.listModels(signal, 3000);
    return {
      id: 'ollama',
      status: 'ok',
      message: `The OpenAI-compatible server at ${p.baseUrl} answers (${ids.length} model${ids.length === 1 ? '' : 's'}: ${ids.slice(0, 3).join(', ') || 'none'})`,
      fix: null,
    };
  } catch (e) {
    const pe = e instanceof ProviderError ? e : null;
    if (pe?.kind === 'timeout' || (pe && 'busy' in pe)) {
      return {
        id: 'ollama',
        status: 'warn',
        message: `The server at ${p.baseUrl} is up but busy or slow: ${pe.message}`,
        fix: 'Answers will wait for it; if it stays slow, tell whoever runs the server.',
      };
    }
    return { id: 'ollama', status: 'fail', message: e instanceof Error ? e.message : String(e), fix: pe?.fix ?? START_SERVER_FIX };
  }
}
