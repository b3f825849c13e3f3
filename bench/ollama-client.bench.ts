// Client overhead on a 20,000-token /api/chat stream from the Ollama double (run in its own process): our undici
// client against the official `ollama` npm client, normal and chaotic framing; median of several runs.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { Ollama } from 'ollama';
import { OllamaChatProvider } from '../src-main/core/providers/ollama/chat-provider.js';

const TOKENS = 20_000;
const RUNS = 7;
const MODEL = 'qwen2.5:1.5b';
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

async function startDoubleProcess(framing: 'normal' | 'chaotic'): Promise<{ url: string; child: ChildProcess }> {
  const doubleUrl = new URL('../test/doubles/ollama-double.ts', import.meta.url).href;
  const code = `
    const { startOllamaDouble } = await import(${JSON.stringify(doubleUrl)});
    const tokens = Array.from({ length: ${TOKENS} }, (_, i) => (i % 7 === 0 ? ' ខ្មែរ' : ' tok' + i));
    const d = await startOllamaDouble({ models: [{ name: '${MODEL}' }], tokens, answer: tokens.join(''), framing: '${framing}', seed: 11 });
    process.stdout.write(d.url + '\\n');
    process.stdin.on('end', () => d.close().then(() => process.exit(0)));
    process.stdin.resume();`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { stdio: ['pipe', 'pipe', 'inherit'] });
  const [line] = (await once(child.stdout!, 'data')) as [Buffer];
  return { url: line.toString().trim(), child };
}

const messages = [{ role: 'user' as const, content: 'write a long answer' }];

async function runOurs(p: OllamaChatProvider): Promise<number> {
  let chars = 0;
  await p.chat({ model: MODEL, system: 'SYS', messages }, (t) => {
    chars += t.length;
  });
  return chars;
}

async function runOfficial(o: Ollama): Promise<number> {
  let chars = 0;
  const stream = await o.chat({ model: MODEL, messages: [{ role: 'system', content: 'SYS' }, ...messages], stream: true });
  for await (const part of stream) chars += part.message.content.length;
  return chars;
}

type Sample = { ms: number; cpuMs: number; heapMb: number; chars: number };

/** Wall time, this process's CPU time (the client's own work; the double runs elsewhere) and heap growth. */
async function measure(fn: () => Promise<number>): Promise<Sample> {
  gc();
  const before = process.memoryUsage().heapUsed;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const chars = await fn();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const heapMb = (process.memoryUsage().heapUsed - before) / 1e6;
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, heapMb, chars };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};
const round = (x: number, d = 2): number => Math.round(x * 10 ** d) / 10 ** d;
const emit = (figure: string, value: number, unit: string, target?: string): void => {
  console.log(JSON.stringify({ bench: 'ollama-client', figure, value: round(value), unit, ...(target ? { target } : {}) }));
};

for (const framing of ['normal', 'chaotic'] as const) {
  const { url, child } = await startDoubleProcess(framing);
  const ours = new OllamaChatProvider({ host: url, firstTokenTimeoutMs: 30_000 });
  const official = new Ollama({ host: url });
  const o: Sample[] = [];
  const f: Sample[] = [];
  await runOurs(ours); // warm both paths (JIT, connection)
  await runOfficial(official);
  for (let i = 0; i < RUNS; i++) {
    // alternate the order so neither client always runs on a warmer machine
    if (i % 2 === 0) {
      o.push(await measure(() => runOurs(ours)));
      f.push(await measure(() => runOfficial(official)));
    } else {
      f.push(await measure(() => runOfficial(official)));
      o.push(await measure(() => runOurs(ours)));
    }
  }
  if (o.some((r) => r.chars !== o[0]!.chars) || f.some((r) => r.chars !== o[0]!.chars)) {
    throw new Error(`the two clients disagree on the text length: ${o[0]!.chars} vs ${f[0]!.chars}`);
  }
  const oursMs = median(o.map((r) => r.ms));
  const officialMs = median(f.map((r) => r.ms));
  emit(`${framing}_ours_ms`, oursMs, 'ms');
  emit(`${framing}_official_ms`, officialMs, 'ms');
  emit(`${framing}_ratio`, oursMs / officialMs, 'x', '<=1.0');
  emit(`${framing}_ours_cpu_ms`, median(o.map((r) => r.cpuMs)), 'ms');
  emit(`${framing}_official_cpu_ms`, median(f.map((r) => r.cpuMs)), 'ms');
  emit(`${framing}_cpu_ratio`, median(o.map((r) => r.cpuMs)) / median(f.map((r) => r.cpuMs)), 'x', '<=1.0');
  emit(`${framing}_tokens_per_second`, TOKENS / (oursMs / 1000), 'tokens/s');
  emit(`${framing}_ours_heap_mb`, median(o.map((r) => r.heapMb)), 'MB');
  emit(`${framing}_official_heap_mb`, median(f.map((r) => r.heapMb)), 'MB');
  await ours.close();
  child.stdin!.end();
  await once(child, 'exit');
}
