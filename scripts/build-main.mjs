// Bundles the Electron main process (src-main/electron/main.ts -> dist/main/main.cjs) and the sandboxed
// preload (src-main/preload/preload.ts -> dist/preload/preload.cjs) with esbuild. Only 'electron' stays
// external; the preload may not reach any Node builtin (a sandboxed preload cannot require them).
import { build } from 'esbuild';
import { statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sourcemap = process.env.KOOMPI_SOURCEMAP === '1';
const common = /** @type {const} */ ({ bundle: true, format: 'cjs', sourcemap, legalComments: 'eof', logLevel: 'warning', metafile: true });

const main = await build({
  ...common,
  entryPoints: [join(root, 'src-main/electron/main.ts')],
  outfile: join(root, 'dist/main/main.cjs'),
  platform: 'node',
  target: 'node22',
  external: ['electron'],
  // Dependencies that read import.meta.url get the bundle's own file URL in CJS. The banner starts with
  // "use strict": anything before the directive would leave the whole bundle in sloppy mode.
  define: { 'import.meta.url': '__koompiImportMetaUrl' },
  banner: { js: "'use strict';\nconst __koompiImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
});

// The docs index builds in a worker thread; buildDocsIndex looks for docs-worker.mjs beside main.cjs
// (or in app.asar.unpacked when main.cjs is inside app.asar).
await build({
  ...common,
  format: 'esm',
  entryPoints: [join(root, 'src-main/core/knowledge/build-worker.ts')],
  outfile: join(root, 'dist/main/docs-worker.mjs'),
  platform: 'node',
  target: 'node22',
  metafile: false,
});

const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
/** @type {import('esbuild').Plugin} */
const noBuiltins = {
  name: 'no-node-builtins',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) =>
      builtins.has(args.path)
        ? { errors: [{ text: `the sandboxed preload cannot use Node's '${args.path}' (imported by ${args.importer})` }] }
        : undefined,
    );
  },
};
const preload = await build({
  ...common,
  entryPoints: [join(root, 'src-main/preload/preload.ts')],
  outfile: join(root, 'dist/preload/preload.cjs'),
  platform: 'browser',
  target: 'chrome130',
  external: ['electron'],
  plugins: [noBuiltins],
});

for (const r of [main, preload]) {
  const out = Object.keys(r.metafile?.outputs ?? {}).find((f) => f.endsWith('.cjs'));
  if (out) console.log(`build-main: ${out} (${(statSync(out).size / 1024).toFixed(1)} KiB)`);
}
