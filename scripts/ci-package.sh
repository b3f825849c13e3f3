#!/usr/bin/env bash
# CI step for issue 7: builds the Arch package from the working tree with Debian's makepkg, as an
# unprivileged user with --nodeps, then checks the package's file list (every expected path there,
# nothing that must not ship), the contents of app.asar, that the CLI bundle runs on its own, and
# that the committed .SRCINFO matches `makepkg --printsrcinfo`. Prints the file list. Run as root.
#
# The build inside makepkg is the real one (npm ci + npm run build + asar pack, as a KOOMPI packager
# would run it). To keep it fast, npm works from a copy of root's npm cache (filled by the CI's own
# `npm ci`) with prefer-offline; anything missing still comes from the npm registry.
# Env: KEEP_WORK=1 keeps the work folder; PKG_OUT=dir (default ./release) receives the package.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
pkgname=koompi-assistant
builder=koompi-build

say() { printf '\n== ci-package: %s\n' "$*"; }
fail() { printf 'ci-package: FAIL: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || fail "run as root: it installs makepkg and creates the build user '$builder'"

# --- tools: Debian's makepkg (needs pacman's binary for its checks), bsdtar with zstd --------------
need=()
command -v makepkg >/dev/null || need+=(makepkg)
command -v pacman >/dev/null || need+=(pacman-package-manager)
command -v bsdtar >/dev/null || need+=(libarchive-tools)
command -v zstd >/dev/null || need+=(zstd)
command -v fakeroot >/dev/null || need+=(fakeroot)
command -v desktop-file-validate >/dev/null || need+=(desktop-file-utils)
if ((${#need[@]} > 0)); then
  say "installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
id -u "$builder" >/dev/null 2>&1 || useradd --create-home --shell /bin/bash "$builder"
# makepkg asks pacman for the installed packages (.BUILDINFO); give Debian's pacman an empty database.
if [ ! -f /var/lib/pacman/local/ALPM_DB_VERSION ]; then
  mkdir -p /var/lib/pacman/local
  pacman-db-upgrade >/dev/null 2>&1 || true
fi

# --- versions agree ----------------------------------------------------------------------------------
version=$(node -p 'require("./package.json").version')
pkgver=$(sed -n 's/^pkgver=//p' PKGBUILD)
pkgrel=$(sed -n 's/^pkgrel=//p' PKGBUILD)
[ "$version" = "$pkgver" ] || fail "PKGBUILD pkgver=$pkgver but package.json version=$version"

# --- work folder: PKGBUILD + a source tarball of the working tree (tracked and new, unignored files) -
work=$(mktemp -d /tmp/koompi-pkg.XXXXXX)
chmod 755 "$work"
cleanup() { if [ "${KEEP_WORK:-0}" = 1 ]; then echo "ci-package: work folder kept: $work"; else rm -rf "$work"; fi; }
trap cleanup EXIT
cp PKGBUILD "$work/"
git ls-files -z --cached --others --exclude-standard \
  | while IFS= read -r -d '' f; do [ -f "$f" ] && printf '%s\0' "$f"; done \
  | tar --null -T - --transform "s,^,$pkgname-$version/," -czf "$work/$pkgname-$version.tar.gz"
if [ -d "$HOME/.npm/_cacache" ]; then
  mkdir -p "$work/npm-cache"
  cp -a "$HOME/.npm/_cacache" "$work/npm-cache/"
fi
chown -R "$builder:" "$work"

as_builder() {
  runuser -u "$builder" -- env -i PATH="$PATH" HOME="$(getent passwd "$builder" | cut -d: -f6)" \
    LANG=C.UTF-8 PKGEXT=.pkg.tar.zst npm_config_cache="$work/npm-cache" npm_config_prefer_offline=true \
    npm_config_update_notifier=false npm_config_loglevel=error "$@"
}

# --- .SRCINFO is current -------------------------------------------------------------------------------
say ".SRCINFO"
(cd "$work" && as_builder makepkg --printsrcinfo) > "$work/SRCINFO.now"
diff -u .SRCINFO "$work/SRCINFO.now" || fail ".SRCINFO is stale: run makepkg --printsrcinfo > .SRCINFO"

# --- electron-builder.yml against electron-builder's own schema validator (it cannot run here: it
# downloads Electron) --------------------------------------------------------------------------------------
say "electron-builder.yml"
node --input-type=module - "$repo" <<'EOF'
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
const repo = process.argv[2];
const require = createRequire(createRequire(`${repo}/package.json`).resolve('app-builder-lib/package.json'));
const { load } = require('js-yaml'); // app-builder-lib's own YAML parser
const { validateConfiguration } = require('./out/util/config/config.js');
const cfg = load(readFileSync(`${repo}/electron-builder.yml`, 'utf8'));
await validateConfiguration(cfg, { isEnabled: false, add() {} });
const pinned = JSON.parse(readFileSync(`${repo}/node_modules/electron/package.json`, 'utf8')).version;
if (cfg.electronVersion !== pinned) throw new Error(`electronVersion ${cfg.electronVersion} != installed electron ${pinned}`);
console.log(`valid for electron-builder; electronVersion ${cfg.electronVersion}; targets ${cfg.linux.target.join(', ')}`);
EOF

# --- build ---------------------------------------------------------------------------------------------
say "makepkg --nodeps (npm ci, npm run build, asar pack, package)"
start=$SECONDS
(cd "$work" && as_builder makepkg --nodeps --noconfirm --noprogressbar) || fail "makepkg failed"
pkg="$work/$pkgname-$version-$pkgrel-any.pkg.tar.zst"
[ -f "$pkg" ] || fail "package not found: $pkg"
echo "built $(basename "$pkg") ($(du -k "$pkg" | cut -f1) KiB) in $((SECONDS - start)) s"

# --- file list -----------------------------------------------------------------------------------------
files=$(bsdtar -tf "$pkg" | grep -v '^\.' | grep -v '/$' | sort)
expected=(
  usr/bin/koompi-assistant
  usr/bin/koompi-ask
  usr/lib/koompi-assistant/app.asar
  usr/lib/koompi-assistant/cli/koompi-ask.mjs
  usr/lib/koompi-assistant/cli/docs-worker.mjs
  usr/lib/koompi-assistant/app.asar.unpacked/dist/main/docs-worker.mjs
  usr/share/koompi-assistant/Modelfile
  usr/share/koompi-assistant/koompi-assistant-autostart.desktop
  usr/share/applications/koompi-assistant.desktop
  usr/share/applications/koompi-assistant-toggle.desktop
  usr/share/kglobalaccel/koompi-assistant-toggle.desktop
  usr/share/icons/hicolor/scalable/apps/koompi-assistant.svg
  usr/share/icons/hicolor/scalable/status/koompi-assistant-tray-ready-symbolic.svg
  usr/share/icons/hicolor/scalable/status/koompi-assistant-tray-thinking-symbolic.svg
  usr/share/icons/hicolor/scalable/status/koompi-assistant-tray-offline-symbolic.svg
  usr/share/licenses/koompi-assistant/LICENSE
  usr/share/doc/koompi-assistant/README.md
)
# The KOOMPI knowledge base: every article of the tree, in both languages.
for f in "$repo"/assets/knowledge/*/*.md; do
  expected+=("usr/share/koompi-assistant/knowledge/${f#"$repo"/assets/knowledge/}")
done
for size in 16 22 24 32 48 64 128 256 512; do
  expected+=("usr/share/icons/hicolor/${size}x${size}/apps/koompi-assistant.png")
done
missing=0
for f in "${expected[@]}"; do
  grep -qxF "$f" <<<"$files" || { echo "missing from package: $f" >&2; missing=1; }
done
((missing == 0)) || fail "expected paths missing"
forbidden='(\.map$|\.ts$|\.tsx$|(^|/)node_modules/|(^|/)(test|tests|e2e|bench|src-main|src-renderer)/|/\.git)'
if bad=$(grep -E "$forbidden" <<<"$files"); then
  echo "$bad" >&2
  fail "files that must not ship are in the package"
fi
unexpected=$(grep -vxF -f <(printf '%s\n' "${expected[@]}" usr/share/doc/koompi-assistant/koompi-assistant-flags.conf.example) <<<"$files" || true)
[ -z "$unexpected" ] || { echo "$unexpected" >&2; fail "unexpected files in the package (add them to the expected list if intended)"; }

# --- what is inside: app.asar, the CLI bundle, the desktop entries ------------------------------------
root="$work/root"
mkdir -p "$root"
bsdtar -xf "$pkg" -C "$root"
say "app.asar"
asar() { "$repo/node_modules/.bin/asar" "$@"; }
asar_list=$(asar list "$root/usr/lib/koompi-assistant/app.asar" | sort)
grep -E '^/(package\.json|dist/(main|preload)/[^/]+|dist/renderer/index\.html)$' <<<"$asar_list" || true
echo "... $(wc -l <<<"$asar_list") entries in all (renderer assets, tray and app icons, hotkey-default.txt)"
for f in /package.json /dist/main/main.cjs /dist/preload/preload.cjs /dist/renderer/index.html \
         /assets/icons/tray/light-panel/koompi-assistant-tray-ready.png; do
  grep -qxF "$f" <<<"$asar_list" || fail "app.asar lacks $f"
done
if bad=$(grep -E '(\.map$|\.ts$|/node_modules(/|$)|/(test|e2e|src-main|src-renderer)(/|$))' <<<"$asar_list"); then
  echo "$bad" >&2
  fail "app.asar holds files that must not ship"
fi
asar extract "$root/usr/lib/koompi-assistant/app.asar" "$work/asar"
# Nothing in app.asar may need a module that is not there at run time (only builtins and electron).
# esbuild re-bundles main and preload from the extracted asar: a require() it cannot resolve there
# would fail at run time too (require text inside strings, such as ajv's code templates, is not code).
node --input-type=module - "$work/asar" "$repo" <<'EOF'
import { createRequire, builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
const [dir, repo] = process.argv.slice(2);
const { build } = createRequire(`${repo}/package.json`)('esbuild');
const pkg = JSON.parse(readFileSync(`${dir}/package.json`, 'utf8'));
if (pkg.main !== 'dist/main/main.cjs') throw new Error(`app.asar package.json main is ${pkg.main}`);
for (const file of ['dist/main/main.cjs', 'dist/preload/preload.cjs']) {
  try {
    await build({
      entryPoints: [`${dir}/${file}`], absWorkingDir: dir, bundle: true, write: false, platform: 'node',
      external: ['electron', 'node:*', ...builtinModules], logLevel: 'silent',
    });
  } catch (e) {
    const texts = (e.errors ?? [{ text: String(e) }]).map((x) => x.text);
    console.error(`ci-package: ${file} needs what app.asar does not hold:\n  ${texts.join('\n  ')}`);
    process.exit(1);
  }
  const kib = (readFileSync(`${dir}/${file}`).length / 1024).toFixed(0);
  console.log(`${file}: ${kib} KiB, every require() resolves inside app.asar (or is electron/builtin)`);
}
EOF
say "CLI bundle runs on its own (outside the repo, no node_modules)"
cli_out=$(cd "$work" && node "$root/usr/lib/koompi-assistant/cli/koompi-ask.mjs" --version)
[ "$cli_out" = "koompi-ask $version" ] || fail "CLI bundle --version printed '$cli_out'"
echo "$cli_out"
say "desktop entries"
for f in "$root"/usr/share/applications/*.desktop "$root"/usr/share/kglobalaccel/*.desktop \
         "$root"/usr/share/koompi-assistant/*.desktop; do
  desktop-file-validate "$f" || fail "invalid desktop entry: $f"
done
hotkey_kde=$(sed -n 's/^X-KDE-Shortcuts=//p' "$root/usr/share/kglobalaccel/koompi-assistant-toggle.desktop")
hotkey_electron=$(tr -d '\n' < assets/hotkey-default.txt)
[ "${hotkey_electron//Control/Ctrl}" = "$hotkey_kde" ] \
  || fail "X-KDE-Shortcuts=$hotkey_kde disagrees with assets/hotkey-default.txt ($hotkey_electron)"
echo "all valid; default hotkey $hotkey_electron (X-KDE-Shortcuts=$hotkey_kde)"

# --- report ----------------------------------------------------------------------------------------------
out=${PKG_OUT:-$repo/release}
mkdir -p "$out"
cp "$pkg" "$out/"
say "package file list: $(basename "$pkg") ($(wc -l <<<"$files") files)"
bsdtar -tvf "$pkg" | grep -v ' \.[A-Z]' | grep -v '/$' | awk '{printf "%10s  %s\n", $5, $9}' | sort -k2
say "OK: package built and checked; copied to $out/"
