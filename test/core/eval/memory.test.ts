// The process-tree memory sampler counts the children's resident memory too.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { startMemorySampler, treeRssBytes } from '../../../src-main/core/eval/memory.js';

describe('treeRssBytes', () => {
  it('includes a child that holds 80 MB', async () => {
    const before = treeRssBytes();
    const child = spawn(
      process.execPath,
      ['-e', 'const b = Buffer.alloc(80e6, 1); console.log("ready"); setTimeout(() => b.length, 10000)'],
      { stdio: ['ignore', 'pipe', 'ignore'] },
    );
    await new Promise<void>((r) => child.stdout.once('data', () => r()));
    const sampler = startMemorySampler(50);
    const withChild = treeRssBytes();
    const { peakBytes, samples } = sampler.stop();
    child.kill();
    expect(withChild - before).toBeGreaterThan(80e6);
    expect(peakBytes).toBeGreaterThanOrEqual(withChild * 0.9);
    expect(samples).toBeGreaterThanOrEqual(2);
  });
});
