#!/usr/bin/bash
# /usr/bin/koompi-assistant: runs the app on the system Electron (Arch convention). Extra Chromium
# flags come from ${XDG_CONFIG_HOME:-~/.config}/koompi-assistant-flags.conf, one per line ('#' starts a
# comment). --enable-features is NOT passed on: Chromium honours only the last such switch and the app
# merges its own features (GlobalShortcutsPortal on Wayland) into one, so the values travel in
# KOOMPI_EXTRA_FEATURES for the app to merge.
set -euo pipefail

name=koompi-assistant
electron=electron42
appdir=/usr/lib/$name
flags_file="${XDG_CONFIG_HOME:-$HOME/.config}/$name-flags.conf"

flags=()
features=()
if [[ -f "$flags_file" ]]; then
  while IFS= read -r line || [[ -n "$line" ]]; do
    line="${line#"${line%%[![:space:]]*}"}"   # trim leading blanks
    line="${line%"${line##*[![:space:]]}"}"   # trim trailing blanks
    [[ -z "$line" || "$line" == \#* ]] && continue
    if [[ "$line" == --enable-features=* ]]; then
      features+=("${line#--enable-features=}")
    else
      flags+=("$line")
    fi
  done < "$flags_file"
fi
if ((${#features[@]} > 0)); then
  joined=$(IFS=,; echo "${features[*]}")
  export KOOMPI_EXTRA_FEATURES="${KOOMPI_EXTRA_FEATURES:+$KOOMPI_EXTRA_FEATURES,}$joined"
fi

# An inherited ELECTRON_RUN_AS_NODE would turn the app into a bare Node process.
unset ELECTRON_RUN_AS_NODE
exec "$electron" "$appdir/app.asar" "${flags[@]}" "$@"
