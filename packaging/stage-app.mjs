// Stages exactly what the packaged app loads into one folder (default out/app), which becomes
// app.asar: a minimal package.json, the built main/preload/renderer and the runtime assets.
// Main and preload are esbuild bundles, so no node_modules are staged; source maps are left out.
// Used by the PKGBUILD (then `asar pack`) and by electron-builder.yml (directories.app).
// Usage: node packaging/stage-app.mjs [destination]   (run `npm run build` first)
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dest = resolve(process.argv[2] ?? join(root, 'out/app'));

const required = ['dist/main/main.cjs', 'dist/preload/preload.cjs', 'dist/renderer/index.html'];
const missing = required.filter((f) => !existsSync(join(root, f)));
if (missing.length > 0) {
  console.error(`stage-app: missing ${missing.join(', ')}: run \`npm run build\` first`);
  process.exit(1);
}

const copies = [
  ['dist/main', 'dist/main'],
  ['dist/preload', 'dist/preload'],
  ['dist/renderer', 'dist/renderer'],
  // Same layout as the repo, so the app finds its assets the same way in dev and when packaged.
  ['assets/hotkey-default.txt', 'assets/hotkey-default.txt'],
  ['assets/icons/tray/light-panel', 'assets/icons/tray/light-panel'],
  ['assets/icons/tray/dark-panel', 'assets/icons/tray/dark-panel'],
  ['assets/icons/hicolor', 'assets/icons/hicolor'],
  // The KOOMPI knowledge base, searched offline by the docs index (src-main/core/knowledge).
  ['assets/knowledge', 'assets/knowledge'],
];
rmSync(dest, { recursive: true, force: true });
mkdirSync(dest, { recursive: true });
for (const [from, to] of copies) {
  cpSync(join(root, from), join(dest, to), { recursive: true, filter: (src) => !src.endsWith('.map') });
}

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const appPkg = {
  name: pkg.name,
  productName: 'KOOMPI Assistant',
  version: pkg.version,
  description: pkg.description,
  license: pkg.license,
  author: 'KOOMPI',
  homepage: 'https://github.com/koompi/koompi-assistant',
  main: pkg.main,
  // Electron uses it as the Wayland app_id / X11 WM_CLASS, so windows match the desktop entry.
  desktopName: 'koompi-assistant.desktop',
};
writeFileSync(join(dest, 'package.json'), `${JSON.stringify(appPkg, null, 2)}\n`);
console.log(`stage-app: staged ${pkg.name} ${pkg.version} into ${dest}`);
