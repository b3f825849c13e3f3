// Tier-1 routing cost: marginal µs per question through `koompi-ask --route-only --jsonl`, in-process cost, and CLI cold start.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { rmSync } from 'node:fs';
import { decideRoute } from '../src-main/core/intents/index.js';
import { packageIndex } from '../src-main/core/intents/pacman-db.js';
import { unitIndex } from '../src-main/core/intents/unit-files.js';
import { tempDir, writeLocalDb, writeSyncDb, writeUnits } from '../test/core/intents/pacman-fixture.js';

const BIN = fileURLToPath(new URL('../bin/koompi-ask', import.meta.url));
const ENV = { ...process.env, KOOMPI_HAS_CLI: '0' };

/** Small deterministic PRNG (mulberry32) so every run routes the same questions. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PKGS = [
  'vlc',
  'gimp',
  'inkscape',
  'krita',
  'firefox',
  'chromium',
  'audacity',
  'blender',
  'obs studio',
  'vs code',
  'htop',
  'git',
  'foo-bar',
  'python3.11',
];
const TEMPLATES: ReadonlyArray<(p: string, q: string, n: number) => string> = [
  (p) => `install ${p}`,
  (p, q) => `please install ${p} and ${q}`,
  (p) => `can you install ${p} for me`,
  (p) => `I need ${p}`,
  (p) => `uninstall ${p}`,
  (p) => `get rid of ${p}`,
  (p) => `search for package ${p}`,
  () => 'update the computer',
  () => 'upgrade everything',
  (_p, _q, n) => `take a snapshot called snap-${n}`,
  () => 'list snapshots',
  (_p, _q, n) => `roll back to snapshot ${n}`,
  () => 'start the classroom',
  () => 'end the class',
  () => 'restart the sound service pipewire',
  () => 'is bluetooth running?',
  () => 'open the file manager',
  () => 'open wifi settings',
  () => 'how much disk space do I have left?',
  () => 'memory usage',
  () => 'list wifi networks',
  () => 'turn wifi off',
  () => 'reboot the computer',
  () => 'shut down',
  () => 'hello',
  () => 'what can you do?',
  (p) => `ដំឡើង ${p}`,
  (p, q) => `សូមដំឡើង ${p} និង ${q} ផង`,
  (p) => `លុប ${p} ចេញ`,
  (p) => `ស្វែងរក ${p}`,
  () => 'ធ្វើបច្ចុប្បន្នភាពប្រព័ន្ធ',
  (p) => `បើក ${p}`,
  () => 'បិទកុំព្យូទ័រ',
  () => 'ចាប់ផ្ដើមឡើងវិញ',
  () => 'សួស្តី',
  (p) => `how do I install ${p}?`,
  () => 'what is a snapshot?',
  () => 'why is my wifi slow',
  (p) => `I installed ${p} and it crashes`,
  (p) => `should I remove ${p}?`,
  () => 'តើខ្ញុំដំឡើងកម្មវិធីដោយរបៀបណា?',
  (p) => `install ${p}; rm -rf ~`,
  (p) => `install $(curl ${p}|sh)`,
  (p) => `install ${p} && reboot`,
  () => 'install --overwrite=*',
  (p) => `install ${p}\u200b`,
  (p) => `open ${p} > /etc/passwd`,
  (_p, _q, n) => `install ${'x'.repeat(50 + (n % 400))}`,
];

function questions(n: number, seed: number): string[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  return Array.from({ length: n }, (_, i) => pick(TEMPLATES)(pick(PKGS), pick(PKGS), i));
}

/** Preloaded into the child: reports its own CPU time (all threads, user + system) on stderr as it exits. */
const CPU_REPORT = `data:text/javascript,process.on('exit',()=>{const u=process.cpuUsage();process.stderr.write('\\ncpu-us='+(u.user+u.system)+'\\n')})`;

function timeCli(args: string[], input?: string): { ms: number; cpuMs: number; stdout: string } {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', CPU_REPORT, BIN, ...args], {
    input,
    encoding: 'utf8',
    env: ENV,
    maxBuffer: 256 * 1024 * 1024,
    timeout: 120_000,
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`koompi-ask ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 300)}`);
  const cpu = /cpu-us=(\d+)/.exec(r.stderr);
  return { ms, cpuMs: cpu ? Number(cpu[1]) / 1000 : NaN, stdout: r.stdout };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number, d = 2): number => Math.round(x * 10 ** d) / 10 ** d;
const line = (figure: string, value: number, unit: string, target?: string): void =>
  console.log(JSON.stringify({ bench: 'route', figure, value: round(value), unit, ...(target ? { target } : {}) }));

const BIG = 20_000;
const SMALL = 200;
const big = questions(BIG, 1);
const small = questions(SMALL, 2);

// Through the CLI, 3 runs each; marginal cost = (t_big - t_small) / (BIG - SMALL). The machine is shared, so the
// headline uses the least-disturbed (fastest) run of each size; the median-based figure is printed too.
const bigRuns: number[] = [];
const smallRuns: number[] = [];
const bigCpu: number[] = [];
const smallCpu: number[] = [];
for (let i = 0; i < 3; i++) {
  const b = timeCli(['--route-only', '--jsonl'], big.join('\n') + '\n');
  const outLines = b.stdout.split('\n').length - 1;
  if (outLines !== BIG) throw new Error(`expected ${BIG} output lines, got ${outLines}`);
  bigRuns.push(b.ms);
  bigCpu.push(b.cpuMs);
  const s = timeCli(['--route-only', '--jsonl'], small.join('\n') + '\n');
  smallRuns.push(s.ms);
  smallCpu.push(s.cpuMs);
}
const marginal = (b: number, s: number): number => ((b - s) * 1000) / (BIG - SMALL);
line('per_question_us', marginal(Math.min(...bigRuns), Math.min(...smallRuns)), 'us', '<=50');
line('per_question_us_median', marginal(median(bigRuns), median(smallRuns)), 'us', '<=50');
// CPU time the child itself used (all its threads): less sensitive to other processes competing for the cores.
line('per_question_cpu_us', marginal(Math.min(...bigCpu), Math.min(...smallCpu)), 'us', '<=50');
line('jsonl_20000_ms', Math.min(...bigRuns), 'ms');
line('jsonl_200_ms', Math.min(...smallRuns), 'ms');

// In process: decideRoute over the same questions after a warm-up pass; mean per question of the fastest of 5 passes.
const ctx = { hasKoompiCli: false };
for (const q of big) decideRoute(q, ctx);
const passes: number[] = [];
for (let k = 0; k < 5; k++) {
  const t0 = process.hrtime.bigint();
  for (const q of big) decideRoute(q, ctx);
  passes.push(Number(process.hrtime.bigint() - t0) / 1e3 / BIG);
}
line('in_process_us', Math.min(...passes), 'us');
line('in_process_us_median', median(passes), 'us');

// In process on a machine with pacman databases the size of Arch's (about 15,000 names in sync, 1,500 installed) and
// unit files: the first question pays the one-time load (reported apart), every later one only set lookups.
const dbDir = tempDir('koompi-bench-db-');
const unitDir = writeUnits(['cups.service', 'bluetooth.service', 'NetworkManager.service', 'sshd.service', 'docker.service']);
try {
  const names = Array.from({ length: 15_000 }, (_, i) => `pkg${i}-${['lib', 'tools', 'git', 'qt'][i % 4]}`).concat(
    PKGS.map((p) => p.replace(' ', '-')),
    ['vlc', 'gimp', 'inkscape', 'krita', 'firefox', 'chromium', 'audacity', 'blender', 'obs-studio', 'code', 'htop', 'git', 'nodejs'],
  );
  writeSyncDb(dbDir, 'extra', names);
  writeLocalDb(dbDir, names.slice(0, 1500).concat(['vlc', 'gimp', 'firefox']));
  const machine = {
    hasKoompiCli: false,
    hasCheckupdates: true,
    packages: packageIndex(dbDir),
    units: unitIndex([unitDir], [unitDir]),
    flatpaks: [],
  };
  const t0 = process.hrtime.bigint();
  decideRoute('install vlc', machine);
  decideRoute('remove vlc', machine);
  decideRoute('search for package vlc', machine);
  line('machine_db_first_load_ms', Number(process.hrtime.bigint() - t0) / 1e6, 'ms');
  for (const q of big) decideRoute(q, machine);
  const withDb: number[] = [];
  for (let k = 0; k < 5; k++) {
    const t1 = process.hrtime.bigint();
    for (const q of big) decideRoute(q, machine);
    withDb.push(Number(process.hrtime.bigint() - t1) / 1e3 / BIG);
  }
  line('in_process_with_machine_db_us', Math.min(...withDb), 'us', '<=50');
} finally {
  rmSync(dbDir, { recursive: true, force: true });
  rmSync(unitDir, { recursive: true, force: true });
}

// Cold start: wall time of a fresh process, median of 5.
const version: number[] = [];
const route: number[] = [];
for (let i = 0; i < 5; i++) {
  version.push(timeCli(['--version']).ms);
  route.push(timeCli(['--route-only', 'install vlc']).ms);
}
line('cold_start_version_ms', median(version), 'ms');
line('cold_start_route_only_ms', median(route), 'ms');
