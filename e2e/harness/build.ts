// Builds what the e2e page needs: the renderer (vite, the project's own config, to a temp dir) and the
// page bridge IIFE (esbuild). Shared by the e2e global setup and the render benchmark.
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export interface BuiltRenderer {
  /** Directory holding index.html and assets/. */
  dir: string;
  /** Path of the page bridge IIFE. */
  bridgeFile: string;
}

export async function buildRenderer(outDir?: string): Promise<BuiltRenderer> {
  const dir = outDir ?? mkdtempSync(join(tmpdir(), 'koompi-renderer-'));
  const { build } = await import('vite');
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: join(REPO, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir: dir, emptyOutDir: true },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  const esbuild = await import('esbuild');
  const out = await esbuild.build({
    entryPoints: [join(REPO, 'e2e/page-bridge.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'warning',
  });
  const bridgeFile = join(dir, '..', `${dir.split('/').pop()}-page-bridge.js`);
  writeFileSync(bridgeFile, out.outputFiles[0]!.text);
  return { dir, bridgeFile };
}

export function readBridge(b: BuiltRenderer): string {
  return readFileSync(b.bridgeFile, 'utf8');
}

/** Sizes of the built JS: the entry chunk and all chunks, raw and gzipped. */
export function jsSizes(dir: string): { mainGzip: number; totalGzip: number; mainRaw: number; totalRaw: number; chunks: number } {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const entry = /<script[^>]+src="\.\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
  const assets = join(dir, 'assets');
  let totalGzip = 0;
  let totalRaw = 0;
  let mainGzip = 0;
  let mainRaw = 0;
  let chunks = 0;
  for (const f of readdirSync(assets)) {
    if (!f.endsWith('.js')) continue;
    const buf = readFileSync(join(assets, f));
    const gz = gzipSync(buf, { level: 9 }).length;
    chunks++;
    totalGzip += gz;
    totalRaw += statSync(join(assets, f)).size;
    if (entry === `assets/${f}`) {
      mainGzip = gz;
      mainRaw = buf.length;
    }
  }
  return { mainGzip, totalGzip, mainRaw, totalRaw, chunks };
}
