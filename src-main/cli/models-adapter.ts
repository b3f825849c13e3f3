// `koompi-ask models setup --adapter FILE.gguf`: checks the adapter file, uploads it as a blob and names it for
// /api/create's `adapters` (Ollama applies a GGUF LoRA adapter on exactly the base it was trained on; docs/training.md).
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { CliIo } from './io.js';
import type { CreateSpec, OllamaModelManager } from '../core/providers/ollama/models.js';

/** Why a --adapter path cannot be used (with what to do), or null. */
export function adapterProblem(path: string): string | null {
  let st;
  try {
    st = statSync(path);
  } catch {
    return `the adapter ${path} does not exist; give the path of a .gguf file`;
  }
  if (!st.isFile()) return `the adapter ${path} is not a file; give the path of a .gguf file`;
  const magic = Buffer.alloc(4);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, magic, 0, 4, 0);
  } finally {
    closeSync(fd);
  }
  if (magic.toString('latin1') !== 'GGUF') {
    return `the adapter ${path} is not a GGUF file. For a Qwen2 base, convert the LoRA adapter with llama.cpp's convert_lora_to_gguf.py first (see docs/training.md)`;
  }
  return null;
}

/** Uploads the adapter and returns the create spec that applies it to the Modelfile's base. */
export async function withAdapter(models: OllamaModelManager, spec: CreateSpec, adapter: string, io: CliIo): Promise<CreateSpec> {
  io.stdout.write(`Uploading the adapter ${basename(adapter)}…\n`);
  const digest = await models.pushBlob(adapter);
  io.stdout.write(`Uploaded as ${digest.slice(0, 19)}….\n`);
  return { ...spec, adapters: { [basename(adapter)]: digest } };
}
