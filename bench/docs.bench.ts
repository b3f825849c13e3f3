// Offline documentation index budgets on this machine's real man pages (issue 11): full build, no-change
// refresh, in-process search p95, cold `koompi-ask docs search`, size on disk, resident memory added.
// Prints one JSON line per figure: {"bench":"docs","figure","value","unit","target","ok"}.
// KOOMPI_BENCH_DOCS_CACHE=DIR reuses (and keeps) an index there instead of building in a temporary folder.
import { execSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDocsIndex, openDocsIndex } from '../src-main/core/knowledge/index.js';

const BIN = fileURLToPath(new URL('../bin/koompi-ask', import.meta.url));
const WIKI = fileURLToPath(new URL('../test/fixtures/knowledge/wiki', import.meta.url));
const keep = process.env.KOOMPI_BENCH_DOCS_CACHE;
const cacheDir = keep ?? mkdtempSync(join(tmpdir(), 'koompi-docs-bench-'));
const env = { ...process.env, KOOMPI_CACHE_DIR: cacheDir, KOOMPI_ARCH_WIKI_DIR: process.env.KOOMPI_ARCH_WIKI_DIR ?? WIKI };

function emit(figure: string, value: number, unit: string, target?: { max: number }): void {
  const v = Math.round(value * 100) / 100;
  console.log(
    JSON.stringify({ bench: 'docs', figure, value: v, unit, ...(target ? { target: `<= ${target.max}`, ok: v <= target.max } : {}) }),
  );
}

const QUERIES = [
  'what does the -r option of rm do',
  'how do I see how much memory is free',
  'how do I turn on bluetooth',
  'how do I mount a partition automatically at boot',
  'how do I see the list of my snapshots?',
  'what does grep -v do',
  'how do I add a printer',
  'how to extract a tar.gz file',
  'find files by name',
  'change file permissions chmod',
  'show running processes',
  'kill a process by name',
  'check disk space',
  'copy files over ssh',
  'set the time zone',
  'list installed packages',
  'which package owns a file',
  'view system logs journalctl',
  'connect to wifi from the terminal',
  'make a script executable',
  'show hidden files',
  'rename a file',
  'delete a folder with everything in it',
  'how do I change my password',
  'restart the sound',
  'take a screenshot',
  'format a usb drive',
  'zip a folder',
  'compare two files',
  'count lines in a file',
  'what is my ip address',
  'ping a website',
  'download a file with curl',
  'tar options for gzip',
  'sort lines numerically',
  'ssh key generate',
  'systemctl enable a service',
  'reboot the computer',
  'តើខ្ញុំប្តូរភាសាក្ដារចុចយ៉ាងដូចម្តេច?',
  'ដំឡើងកម្មវិធី',
  'ភ្ជាប់វ៉ាយហ្វាយ',
  'ម៉ាស៊ីនបោះពុម្ព',
  'ថតអេក្រង់',
  'លុបឯកសារ',
  'ពិនិត្យទំហំឌីស',
  'ស្ណាបស៊ុត',
  'សំឡេងមិនចេញ',
  'ប៊្លូធូស',
  'ពាក្យសម្ងាត់',
  'ពុម្ពអក្សរខ្មែរ',
];

/** Preloaded into a child: reports its CPU time (all threads) on stderr as it exits. */
const CPU_REPORT = `data:text/javascript,process.on('exit',()=>{const u=process.cpuUsage();process.stderr.write('\\ncpu-us='+(u.user+u.system)+'\\n')})`;

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

try {
  const manPages = Number(execSync('man -k . 2>/dev/null | wc -l', { encoding: 'utf8', shell: '/bin/sh' }).trim());
  emit('man_k_entries', manPages, 'pages');

  // Wall time is what the budget means; CPU time (all threads) says what it costs when the 2 cores are busy with other work.
  const t0 = Date.now();
  const cpu0 = process.cpuUsage();
  const full = await buildDocsIndex({ cacheDir, env });
  if (!full.ok) throw new Error(`build failed: ${full.error}`);
  const fullS = (Date.now() - t0) / 1000;
  const cpu1 = process.cpuUsage(cpu0);
  if (full.parsed > 0) {
    emit('full_build', fullS, 's', { max: 120 });
    emit('full_build_cpu', (cpu1.user + cpu1.system) / 1e6, 's');
  }
  emit('man_pages_indexed', full.sources.find((s) => s.kind === 'man')?.pages ?? 0, 'pages');
  emit('sections_indexed', full.sections, 'sections');

  const t1 = Date.now();
  const cpu2 = process.cpuUsage();
  const again = await buildDocsIndex({ cacheDir, env });
  emit('refresh_no_change', (Date.now() - t1) / 1000, 's', { max: 10 });
  const cpu3 = process.cpuUsage(cpu2);
  emit('refresh_no_change_cpu', (cpu3.user + cpu3.system) / 1e6, 's');
  if (again.parsed !== 0) console.error(`docs bench: the refresh parsed ${again.parsed} pages (expected 0)`);
  emit('index_size', again.bytes / 1e6, 'MB', { max: 250 });

  const idx = openDocsIndex({ cacheDir, env });
  const c0 = performance.now();
  idx.search(QUERIES[0]!);
  emit('search_first_in_process', performance.now() - c0, 'ms');
  const times: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const q of QUERIES) {
      const s = performance.now();
      idx.search(q, { limit: 5 });
      times.push(performance.now() - s);
    }
  }
  emit('search_p50_in_process', pct(times, 50), 'ms');
  emit('search_p95_in_process', pct(times, 95), 'ms', { max: 50 });
  idx.close();

  // Cold CLI: a new process each time (the launcher's bundle cache is warmed by the first run).
  spawnSync(BIN, ['docs', 'status'], { env, encoding: 'utf8' });
  const cold: number[] = [];
  const coldCpu: number[] = [];
  const baseline: number[] = [];
  for (const q of QUERIES.slice(0, 7)) {
    const s = performance.now();
    const r = spawnSync(process.execPath, ['--import', CPU_REPORT, BIN, 'docs', 'search', '--json', q], { env, encoding: 'utf8' });
    cold.push(performance.now() - s);
    if (r.status !== 0) throw new Error(`docs search exited ${r.status}: ${r.stderr}`);
    coldCpu.push(Number(/cpu-us=(\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1000);
    const b = performance.now();
    spawnSync(BIN, ['--version'], { env, encoding: 'utf8' });
    baseline.push(performance.now() - b);
  }
  emit('cold_cli_search_p50', pct(cold, 50), 'ms', { max: 1000 });
  emit('cold_cli_search_max', Math.max(...cold), 'ms');
  emit('cold_cli_search_cpu_p50', pct(coldCpu, 50), 'ms');
  emit('cold_cli_version_p50', pct(baseline, 50), 'ms');

  // Resident memory added by opening the index and searching, in a fresh process.
  const probe = `
    import { openDocsIndex } from ${JSON.stringify(fileURLToPath(new URL('../src-main/core/knowledge/index.ts', import.meta.url)))};
    const qs = ${JSON.stringify(QUERIES)};
    globalThis.gc?.(); const before = process.memoryUsage().rss;
    const idx = openDocsIndex({ cacheDir: ${JSON.stringify(cacheDir)} });
    for (let r = 0; r < 3; r++) for (const q of qs) idx.search(q);
    globalThis.gc?.(); const after = process.memoryUsage().rss;
    console.log(JSON.stringify({ added: (after - before) / 1e6 }));`;
  const m = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', '--input-type=module', '-e', probe], { env, encoding: 'utf8' });
  const added = (JSON.parse(m.stdout.trim().split('\n').pop()!) as { added: number }).added;
  emit('resident_added', added, 'MB', { max: 100 });
} finally {
  if (!keep) rmSync(cacheDir, { recursive: true, force: true });
}
