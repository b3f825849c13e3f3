// Bundles the koompi-ask CLI (src-main/cli/main.ts and everything it imports) into one ESM file,
// dist/cli/koompi-ask.mjs, that needs nothing but Node's builtins: the package runs it with the
// system Electron as Node (ELECTRON_RUN_AS_NODE=1), so no node_modules ship with it.
import { build } from 'esbuild';
import { statSync } from 'node:fs';
import { cliBundleOptions, docsWorkerEntry } from './cli-bundle.mjs';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'dist/cli/koompi-ask.mjs');
const { version, options } = cliBundleOptions(root, outfile);
const result = await build(options);

// The bundle may only reach Node builtins at run time: anything else would be missing once installed.
// (Prefix-only builtins such as node:sqlite are not in builtinModules, hence the node: test.)
const builtins = new Set(builtinModules);
const isBuiltin = (id) => id.startsWith('node:') || builtins.has(id);
const output = Object.values(result.metafile.outputs)[0];
const foreign = [...new Set(output.imports.filter((i) => i.external && !isBuiltin(i.path)).map((i) => i.path))];
if (foreign.length > 0) {
  console.error(`build-cli: the bundle imports non-builtin modules at run time: ${foreign.join(', ')}`);
  process.exit(1);
}
// The docs index worker (a worker_threads entry), beside the CLI bundle where the build looks for it.
const workerOut = join(root, 'dist/cli/docs-worker.mjs');
await build({ ...options, entryPoints: [docsWorkerEntry(root)], outfile: workerOut, metafile: false });
const kib = (statSync(outfile).size / 1024).toFixed(1);
console.log(`build-cli: dist/cli/koompi-ask.mjs (${kib} KiB, koompi-ask ${version})`);
