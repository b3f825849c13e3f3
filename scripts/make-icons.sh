#!/usr/bin/env bash
# Renders the committed PNG icons from the SVG sources in assets/icons (app icon in the hicolor sizes,
# tray icons for light and dark panels at 22, 24 and 44 px). Needs rsvg-convert (Debian/Arch:
# librsvg2-bin / librsvg). The PNGs are committed, so packaging never needs this tool.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v rsvg-convert >/dev/null || { echo "make-icons: rsvg-convert not found (apt-get install librsvg2-bin)" >&2; exit 1; }

icons=assets/icons
app_svg=$icons/app/koompi-assistant.svg
for size in 16 22 24 32 48 64 128 256 512; do
  out=$icons/hicolor/${size}x${size}/apps
  mkdir -p "$out"
  rsvg-convert -w "$size" -h "$size" "$app_svg" -o "$out/koompi-assistant.png"
done

# Panel colours follow Breeze: dark glyphs (#232629) on light panels, light glyphs (#fcfcfc) on dark ones.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for panel in light-panel dark-panel; do
  colour='#232629'
  [ "$panel" = dark-panel ] && colour='#fcfcfc'
  out=$icons/tray/$panel
  mkdir -p "$out"
  for state in ready thinking offline; do
    src=$icons/tray/koompi-assistant-tray-$state-symbolic.svg
    sed "s/color:#232629/color:$colour/" "$src" > "$tmp/$state.svg"
    rsvg-convert -w 22 -h 22 "$tmp/$state.svg" -o "$out/koompi-assistant-tray-$state.png"
    rsvg-convert -w 24 -h 24 "$tmp/$state.svg" -o "$out/koompi-assistant-tray-$state-24.png"
    rsvg-convert -w 44 -h 44 "$tmp/$state.svg" -o "$out/koompi-assistant-tray-$state@2x.png"
  done
done
echo "make-icons: $(find "$icons" -name '*.png' | wc -l) PNGs written under $icons"
