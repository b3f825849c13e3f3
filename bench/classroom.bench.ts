// A classroom on one server: 30 `bin/koompi-ask` processes at once against the Ollama double limited like a real
// shared server (OLLAMA_NUM_PARALLEL=2, OLLAMA_MAX_QUEUE=8: the 11th waiting request gets HTTP 503), whose
// liveness answers slow down while it is saturated. Every student must get an answer from the local model:
// none lost (an error or a fallback), none hung (killed after the deadline). Prints JSON lines: answered, lost,
// hung, p50/p95/max wall time per question, and what the server saw (503s, most running, most queued). The double
// listens on this machine's LAN address when it has one, so the clients see a school server, not a local Ollama.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { loadavg, networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startOllamaDouble } from '../test/doubles/ollama-double.js';

const STUDENTS = Number(process.env.KOOMPI_BENCH_STUDENTS ?? 30);
const PARALLEL = 2;
const QUEUE = 8;
/** A process still running after this is counted as hung and killed. */
const DEADLINE_MS = 180_000;
const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin/koompi-ask');
const QUESTION = 'Write a short poem about the Mekong river for my class';

const round = (x: number): number => Math.round(x);
const pct = (xs: number[], p: number): number => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const emit = (figure: string, value: number, unit: string, target?: string): void => {
  console.log(JSON.stringify({ bench: 'classroom', figure, value, unit, ...(target ? { target } : {}) }));
};

interface Result {
  ms: number;
  code: number | null;
  tier: string | null;
  error: string | null;
  hung: boolean;
  waits: number;
  text: string;
  stderr: string;
}

/** This machine's first LAN address: the double listens there, so the clients treat it as a school server. */
function lanAddress(): string | null {
  for (const list of Object.values(networkInterfaces()))
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  return null;
}

async function main(): Promise<void> {
  const lan = lanAddress();
  const tokens = Array.from({ length: 24 }, (_, i) => (i === 0 ? 'The' : ` word${i}`));
  const d = await startOllamaDouble({
    models: [{ name: 'qwen2.5:1.5b' }],
    tokens,
    answer: tokens.join(''),
    firstTokenDelayMs: 150,
    tokenDelayMs: 15, // about half a second per answer, two at a time
    ...(lan ? { listenHost: lan } : {}),
    numParallel: PARALLEL,
    maxQueue: QUEUE,
    livenessDelayWhenBusyMs: 600, // a saturated server answers its liveness slowly
  });
  const tmp = mkdtempSync(join(tmpdir(), 'koompi-classroom-'));
  mkdirSync(join(tmp, 'xdg'), { recursive: true });
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: tmp,
    LANG: 'C.UTF-8',
    OLLAMA_HOST: d.url,
    KOOMPI_MODEL: 'qwen2.5:1.5b',
    KOOMPI_CONFIG_DIR: join(tmp, 'config'),
    KOOMPI_CACHE_DIR: join(tmp, 'cache'),
    XDG_CONFIG_DIRS: join(tmp, 'xdg'),
  };
  // One prebuilt bundle, as a packaged install runs it (KOOMPI_ASK_BUNDLE): the 30 starts measure asking, not
  // bundling, and are immune to the checkout's cache being rebuilt by an edit meanwhile.
  const { build } = await import('esbuild');
  const { cliBundleOptions } = (await import(join(root, 'scripts/cli-bundle.mjs'))) as {
    cliBundleOptions: (r: string, out: string) => { options: Record<string, unknown> };
  };
  const bundle = join(tmp, 'koompi-ask.mjs');
  await build({ ...cliBundleOptions(root, bundle).options, logLevel: 'silent' });
  env.KOOMPI_ASK_BUNDLE = bundle;
  const check = spawnSync(process.execPath, [bin, '--version'], { env, encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`the bundled koompi-ask does not start: ${check.stderr}`);

  const one = (): Promise<Result> =>
    new Promise((resolve) => {
      const t0 = performance.now();
      const child = spawn(process.execPath, [bin, '--json', '--offline', QUESTION], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      let hung = false;
      const timer = setTimeout(() => {
        hung = true;
        child.kill('SIGKILL');
      }, DEADLINE_MS);
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString('utf8');
      });
      child.stderr.on('data', (c: Buffer) => {
        err += c.toString('utf8');
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        let tier: string | null = null;
        let error: string | null = null;
        let text = '';
        try {
          const j = JSON.parse(out) as { tier: string; error: string | null; text: string };
          tier = j.tier;
          error = j.error;
          text = j.text;
        } catch {
          error = `no JSON: ${err.trim().slice(-200)}`;
        }
        resolve({
          ms: performance.now() - t0,
          code,
          tier,
          error,
          hung,
          text,
          stderr: err,
          waits: (err.match(/Waiting for the server/g) ?? []).length,
        });
      });
    });

  // One student alone first: what a question costs on this machine without the crowd.
  const solo = await one();
  const t0 = performance.now();
  const results = await Promise.all(Array.from({ length: STUDENTS }, one));
  const wall = performance.now() - t0;
  await d.close();
  rmSync(tmp, { recursive: true, force: true });

  const answered = results.filter((r) => !r.hung && r.code === 0 && r.tier === 'local' && r.error === null);
  const hung = results.filter((r) => r.hung).length;
  const lost = STUDENTS - answered.length - hung;
  const times = answered.map((r) => r.ms);
  emit(
    'students',
    STUDENTS,
    'processes',
    `server: ${PARALLEL} parallel + ${QUEUE} queued, on ${lan ? "this machine's LAN address" : 'loopback (no LAN address)'}`,
  );
  emit('answered', answered.length, 'answers', `${STUDENTS}`);
  emit('lost', lost, 'answers', '0');
  emit('hung', hung, 'processes', '0');
  emit('solo', round(solo.ms), 'ms', solo.tier === 'local' ? 'one student alone' : `one student alone FAILED: ${solo.tier}`);
  emit('p50', round(pct(times, 50)), 'ms');
  emit('p95', round(pct(times, 95)), 'ms');
  emit('max', round(Math.max(...times)), 'ms');
  emit('wall', round(wall), 'ms');
  emit('server_503', d.load.rejected, 'responses');
  emit('server_max_running', d.load.maxActive, 'requests', `<= ${PARALLEL}`);
  emit('server_max_queued', d.load.maxQueued, 'requests', `<= ${QUEUE}`);
  emit(
    'waiting_notices',
    results.reduce((n, r) => n + r.waits, 0),
    'lines',
  );
  // Thirty Node processes start on this machine's cores at once: the times include that start-up.
  emit('load_average_1m', Math.round(loadavg()[0]! * 10) / 10, 'runnable processes');
  if (process.env.KOOMPI_BENCH_DEBUG)
    for (const r of results) console.error(JSON.stringify({ ms: round(r.ms), waits: r.waits, tier: r.tier }));
  for (const r of results.filter((x) => !answered.includes(x)))
    console.error(
      `classroom: lost/hung: exit ${r.code} tier ${r.tier} ${r.error ?? ''} ${r.text.replace(/\s+/g, ' ').slice(0, 120)} | stderr: ${r.stderr.replace(/\s+/g, ' ').slice(-400)}`,
    );
  if (answered.length !== STUDENTS) process.exitCode = 1;
}

await main();
