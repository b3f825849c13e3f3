#!/bin/sh
# /usr/bin/koompi-ask: the KOOMPI Assistant CLI, a single bundled ESM file run by the system Electron
# in Node mode, so the package needs no nodejs. The real binary is called directly because the
# /usr/bin/electronNN wrapper adds Chromium flags from electronNN-flags.conf, which Node would reject.
electron=/usr/lib/electron42/electron
[ -x "$electron" ] || electron=electron42
ELECTRON_RUN_AS_NODE=1 exec "$electron" /usr/lib/koompi-assistant/cli/koompi-ask.mjs "$@"
