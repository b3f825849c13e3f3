// The Electron main process entry. The single-instance lock comes first, before the app's own code is
// even loaded: a second launch (the KDE shortcut's fallback, `koompi-assistant --toggle`) then hands its
// argv and Wayland activation token over and quits without evaluating the rest of the bundle. The first
// instance starts the app in named phases (start-app.ts).
import * as electron from 'electron';
import { join } from 'node:path';

const forwarded = {
  argv: process.argv,
  ...(process.env.XDG_ACTIVATION_TOKEN ? { activationToken: process.env.XDG_ACTIVATION_TOKEN } : {}),
};
if (!electron.app.requestSingleInstanceLock(forwarded)) {
  electron.app.quit();
} else {
  // A require, not an import: esbuild then evaluates start-app and everything it imports only here.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startApp } = require('./start-app.js') as typeof import('./start-app.js');
  startApp(electron, process.env, { distDir: join(__dirname, '..') });
}
