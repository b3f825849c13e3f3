// The preload bundle stays small and zod-free: it loads ipc/channels and ipc/create-api, never the main-only
// schemas (the split of the IPC contract is checked on the built output, not only by lint).
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

describe('preload bundle', () => {
  it('has no zod and no schemas, and stays small', async () => {
    const out = await build({
      entryPoints: ['src-main/preload/preload.ts'],
      bundle: true,
      write: false,
      format: 'cjs',
      platform: 'browser',
      external: ['electron'],
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(out.metafile!.inputs);
    expect(inputs.filter((f) => /node_modules\/zod|ipc\/schemas|ipc\/dispatch/.test(f))).toEqual([]);
    expect(inputs).toEqual(expect.arrayContaining(['src-main/ipc/channels.ts', 'src-main/ipc/create-api.ts']));
    expect(out.outputFiles[0]!.text.length).toBeLessThan(20_000);
  });
});
