// `npm start`: builds everything (scripts/build.mjs), then launches the app on an Electron runtime:
// ELECTRON_PATH / KOOMPI_ELECTRON, else `electron42` or `electron` on PATH (as Arch ships it), else the
// npm electron package's binary. Without any runtime it says how to get one instead of a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

/** @param {string} name */
function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    // npm puts node_modules/.bin on PATH: its `electron` is the npm wrapper, handled by npmElectron().
    if (!dir || dir.split(/[\\/]/).includes('node_modules')) continue;
    const p = join(dir, name);
    try {
      accessSync(p, constants.X_OK);
      return p;
    } catch {
      /* next */
    }
  }
  return null;
}

function npmElectron() {
  // The npm electron package keeps its binary under dist/ (path.txt names it) and fetches it lazily.
  const pkg = join(root, 'node_modules/electron');
  if (!existsSync(join(pkg, 'install.js'))) return null;
  const binary = () => {
    try {
      const p = join(pkg, 'dist', readFileSync(join(pkg, 'path.txt'), 'utf8').trim());
      return existsSync(p) ? p : null;
    } catch {
      return null;
    }
  };
  if (binary()) return binary();
  if (process.env.KOOMPI_NO_ELECTRON_DOWNLOAD === '1') return null;
  console.error('npm start: downloading the Electron runtime for node_modules/electron…');
  const r = spawnSync(process.execPath, [join(pkg, 'install.js')], {
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 10 * 60_000,
    encoding: 'utf8',
  });
  if (r.status !== 0) {
    const why = `${r.stderr ?? ''}`
      .split('\n')
      .find((l) => /error|ENOTFOUND|EAI_AGAIN|ECONN|403|404/i.test(l))
      ?.trim();
    console.error(`npm start: the download did not work${why ? ` (${why.slice(0, 200)})` : ''}.`);
    return null;
  }
  return binary();
}

function findElectron() {
  const given = process.env.ELECTRON_PATH || process.env.KOOMPI_ELECTRON;
  if (given) {
    if (existsSync(given)) return given;
    console.error(`npm start: ELECTRON_PATH/KOOMPI_ELECTRON is set to ${given}, which does not exist.`);
    process.exit(1);
  }
  return onPath('electron42') ?? onPath('electron') ?? npmElectron();
}

if (!args.includes('--no-build')) {
  const b = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit', cwd: root });
  if (b.status !== 0) {
    console.error('npm start: the build failed (see above).');
    process.exit(b.status ?? 1);
  }
}

const electron = findElectron();
if (!electron) {
  console.error(
    [
      'npm start: no Electron runtime found. Any one of these works:',
      '  • install the system runtime:   sudo pacman -S electron42',
      '  • point to one you have:        ELECTRON_PATH=/path/to/electron npm start',
      '  • let npm fetch the binary:     node node_modules/electron/install.js   (needs internet access)',
      '    (KOOMPI_NO_ELECTRON_DOWNLOAD=1 skips that attempt)',
    ].join('\n'),
  );
  process.exit(1);
}

// The app is built and tested for Electron 42 (43.3.0 broke Linux tray registration): warn about others.
const probe = spawnSync(electron, ['-p', 'process.versions.electron'], {
  env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  encoding: 'utf8',
  timeout: 15_000,
});
const version = `${probe.stdout ?? ''}`.trim();
if (/^\d+\./.test(version) && !version.startsWith('42.'))
  console.error(
    `npm start: warning: ${electron} is Electron ${version}; KOOMPI Assistant is made for Electron 42 (sudo pacman -S electron42, or ELECTRON_PATH=…).`,
  );

const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE; // would turn the app into a bare Node process
const child = spawn(electron, [root, ...args.filter((a) => a !== '--no-build')], { stdio: 'inherit', env, cwd: root });
child.on('error', (err) => {
  console.error(`npm start: could not run ${electron}: ${err.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
for (const sig of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.on(sig, () => child.kill(sig));
