// The settings schema (zod 4) with defaults, shared by the CLI and the Electron side (also exported as JSON Schema,
// e.g. for an administrator's editor writing a school preset).
import { z } from 'zod';
import { GEMINI_DEFAULT_MODEL } from '../providers/gemini/gemini-wire.js';

/** Bump when the stored shape changes, and add a step to migrations.ts. */
export const SETTINGS_VERSION = 3;

/**
 * Default global shortcut. Not Meta+Space: KOOMPI switches the keyboard language with it. Plasma's
 * defaults also take Alt+Space and Alt+F2 (KRunner), Meta alone (launcher), Ctrl+Alt+T (Konsole),
 * Ctrl+Alt+Del/L (session), and Ctrl+Space is the usual fcitx5/ibus trigger. Ctrl+Alt+Space is bound
 * by none of these, and it is easy to press with one hand.
 */
export const DEFAULT_HOTKEY = 'Ctrl+Alt+Space';

/** Ollama's keep_alive: a duration such as "30m", "1h", "90s", a number of seconds, or -1 (forever). */
const keepAlive = z
  .string()
  .regex(/^(-1|0|\d+(\.\d+)?(ms|s|m|h)?)$/, 'use a duration such as 30m, 1h, 90s, 0 (unload at once) or -1 (keep loaded)');

export const settingsSchema = z.object({
  version: z.number().int().min(1).default(SETTINGS_VERSION),
  /** Ollama base URL (a bare host:port is accepted, as Ollama reads OLLAMA_HOST). */
  ollamaHost: z.string().min(1).max(2048).default('http://127.0.0.1:11434'),
  /** Local model; null = automatic (koompi-assistant:latest if installed, else qwen2.5:1.5b). */
  model: z.string().min(1).max(256).nullable().default(null),
  keepAlive: keepAlive.default('30m'),
  /** Explicit consent to send questions to Gemini. Off until the user turns it on. */
  allowCloud: z.boolean().default(false),
  /** When on, nothing leaves the machine whatever allowCloud says. */
  privacyMode: z.boolean().default(false),
  geminiModel: z.string().min(1).max(256).default(GEMINI_DEFAULT_MODEL),
  /**
   * An OpenAI-compatible server for the local tier instead of Ollama (llama.cpp's llama-server, vLLM, LM Studio,
   * LocalAI), e.g. http://school-server:8000/v1; null = use Ollama. KOOMPI_OPENAI_BASE_URL wins over it.
   */
  openaiBaseUrl: z
    .string()
    .max(2048)
    .regex(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, 'use an http:// or https:// address such as http://school-server:8000/v1')
    .nullable()
    .default(null),
  /** The model to ask on that server; null = the first one its /v1/models lists. */
  openaiModel: z.string().min(1).max(256).nullable().default(null),
  hotkey: z.string().min(1).max(64).default(DEFAULT_HOTKEY),
  language: z.enum(['auto', 'en', 'km']).default('auto'),
  theme: z.enum(['system', 'light', 'dark']).default('system'),
  autostart: z.boolean().default(false),
  overlay: z
    .object({
      hideOnBlur: z.boolean().default(true),
      position: z.enum(['center', 'top']).default('center'),
    })
    .default({ hideOnBlur: true, position: 'center' }),
  /** Last size and place of the chat window; null = let the window manager decide. */
  windowBounds: z
    .object({
      x: z.number().int().optional(),
      y: z.number().int().optional(),
      width: z.number().int().min(200).max(10_000),
      height: z.number().int().min(150).max(10_000),
    })
    .nullable()
    .default(null),
});

export type Settings = z.infer<typeof settingsSchema>;

export function defaultSettings(): Settings {
  return settingsSchema.parse({});
}

/** JSON Schema (draft 2020-12) of the stored settings. */
export const settingsJsonSchema = z.toJSONSchema(settingsSchema, { io: 'input' }) as {
  type: 'object';
  properties: Record<string, unknown>;
  [k: string]: unknown;
};

/** The `properties` part. */
export const settingsJsonSchemaProperties = settingsJsonSchema.properties;
