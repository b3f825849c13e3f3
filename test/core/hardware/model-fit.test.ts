// The model that fits the machine's RAM (the plan's table), in English and Khmer, and /proc/meminfo's MemAvailable.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMemory, recommendModel, SCHOOL_SERVER_FIX } from '../../../src-main/core/hardware/model-fit.js';

const GB = 1024 ** 3;
const mem = (total: number, free = total / 2) => ({ totalBytes: total * GB, availableBytes: free * GB });

describe('recommendModel', () => {
  it('8 GB and more: Qwen2.5 1.5B, and Phi-3-mini fits too', () => {
    const f = recommendModel(mem(16));
    expect(f).toMatchObject({ level: 'good', model: 'qwen2.5:1.5b', alternatives: ['phi3:mini'], fix: null });
    expect(f.en).toMatch(/16\.0 GB of RAM: Qwen2\.5 1\.5B \(needs 2–3 GB\) fits; Phi-3-mini \(about 4 GB\) fits too/);
    expect(f.km).toMatch(/RAM 16\.0 GB/);
  });

  it('4–8 GB: Qwen2.5 1.5B only; says so when little is free right now', () => {
    expect(recommendModel(mem(6, 4))).toMatchObject({ level: 'good', model: 'qwen2.5:1.5b', alternatives: [] });
    expect(recommendModel(mem(4, 1.2)).en).toMatch(/Only 1\.2 GB is free now: close some apps/);
  });

  it('tight (2.5–4 GB): Qwen2.5 0.5B or TinyLlama, with the commands', () => {
    const f = recommendModel(mem(3));
    expect(f).toMatchObject({ level: 'tight', model: 'qwen2.5:0.5b', alternatives: ['tinyllama:1.1b'] });
    expect(f.fix).toMatch(/models pull qwen2\.5:0\.5b/);
  });

  it('too small: no local model, points to the school server', () => {
    const f = recommendModel(mem(2));
    expect(f).toMatchObject({ level: 'too-small', model: null, fix: SCHOOL_SERVER_FIX });
    expect(f.en).toMatch(/too little to run a local model well.*school's server/);
    expect(f.km).toMatch(/ម៉ាស៊ីនមេរបស់សាលា/);
  });

  it('reads MemAvailable from meminfo', async () => {
    const d = await mkdtemp(join(tmpdir(), 'koompi-mem-'));
    await writeFile(join(d, 'meminfo'), 'MemTotal:       3900000 kB\nMemFree:         100000 kB\nMemAvailable:    2000000 kB\n');
    expect(readMemory(join(d, 'meminfo')).availableBytes).toBe(2_000_000 * 1024);
    expect(readMemory(join(d, 'missing')).totalBytes).toBeGreaterThan(0);
    await rm(d, { recursive: true, force: true });
  });
});
