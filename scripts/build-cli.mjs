// Bundles the koompi-ask CLI (src-main/cli/main.ts and everything it imports) into one ESM file,
// dist/cli/koompi-ask.mjs, that needs nothing but Node's builtins: the package runs it with the
// system Electron as Node (ELECTRON_RUN_AS_NODE=1), so no node_modules ship with it.
import { build } from 'esbuild';
import { readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'src-main/cli/main.ts');
const outfile = join(root, 'dist/cli/koompi-ask.mjs');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

// main.ts may still read ../../package.json next to itself for --version; that path does not exist
// once the bundle is installed (/usr/lib/koompi-assistant/cli/), so the read becomes a literal here.
// Once main.ts uses the __KOOMPI_VERSION__ global (defined below), this plugin changes nothing.
const PKG_READ = /JSON\.parse\(\s*readFileSync\(\s*new URL\(\s*['"]\.\.\/\.\.\/package\.json['"]\s*,\s*import\.meta\.url\s*\)\s*,\s*['"]utf-?8['"]\s*\)\s*\)/g;
const inlineVersion = {
  name: 'inline-package-version',
  setup(b) {
    b.onLoad({ filter: /src-main[\\/]cli[\\/]main\.ts$/ }, (args) => ({
      contents: readFileSync(args.path, 'utf8').replace(PKG_READ, JSON.stringify({ version })),
      loader: 'ts',
    }));
  },
};

// The core must never import Electron; a stray import would pull the npm stub into the bundle.
const noElectron = {
  name: 'no-electron',
  setup(b) {
    b.onResolve({ filter: /^electron(\/.*)?$/ }, (args) => ({
      errors: [{ text: `the CLI bundle must not import 'electron' (imported by ${args.importer})` }],
    }));
  },
};

const result = await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Bundled CommonJS dependencies call require() for builtins; ESM output needs a real require.
  banner: {
    js: [
      '// koompi-ask, bundled by scripts/build-cli.mjs. Licence: GPL-3.0-or-later.',
      "import { createRequire as __koompiCreateRequire } from 'node:module';",
      'const require = __koompiCreateRequire(import.meta.url);',
    ].join('\n'),
  },
  define: { __KOOMPI_VERSION__: JSON.stringify(version) },
  plugins: [inlineVersion, noElectron],
  sourcemap: false,
  legalComments: 'eof',
  metafile: true,
  logLevel: 'warning',
});

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
const kib = (statSync(outfile).size / 1024).toFixed(1);
console.log(`build-cli: dist/cli/koompi-ask.mjs (${kib} KiB, koompi-ask ${version})`);
