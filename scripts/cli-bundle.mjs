// How the koompi-ask CLI is bundled (one ESM file needing only Node builtins): shared by the package
// build (scripts/build-cli.mjs) and the checkout launcher's cache (bin/koompi-ask).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The docs index builds in a worker thread: its entry is bundled beside the CLI as docs-worker.mjs. */
export function docsWorkerEntry(root) {
  return join(root, 'src-main/core/knowledge/build-worker.ts');
}

export function cliBundleOptions(root, outfile) {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  // The core must never import Electron; a stray import would pull the npm stub into the bundle.
  const noElectron = {
    name: 'no-electron',
    setup(b) {
      b.onResolve({ filter: /^electron(\/.*)?$/ }, (args) => ({
        errors: [{ text: `the CLI bundle must not import 'electron' (imported by ${args.importer})` }],
      }));
    },
  };
  return {
    version,
    options: {
      entryPoints: [join(root, 'src-main/cli/main.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      // Bundled CommonJS dependencies call require() for builtins; ESM output needs a real require.
      banner: {
        js: [
          '// koompi-ask, bundled from src-main/cli/main.ts. Licence: GPL-3.0-or-later.',
          "import { createRequire as __koompiCreateRequire } from 'node:module';",
          'const require = __koompiCreateRequire(import.meta.url);',
        ].join('\n'),
      },
      define: { __KOOMPI_VERSION__: JSON.stringify(version) },
      plugins: [noElectron],
      sourcemap: false,
      legalComments: 'eof',
      metafile: true,
      logLevel: 'warning',
    },
  };
}
