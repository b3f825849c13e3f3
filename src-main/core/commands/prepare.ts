// Turns a confirmed command into what actually runs: sudo/doas go through pkexec (polkit dialog), or the whole thing opens in Konsole.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commandName, newCtx } from './judge-context.js';
import { unwrap } from './unwrap.js';
import { findExecs } from './unwrap-launchers.js';
import { parseCommandLine } from './parse.js';
import { walkSimple } from './walk.js';

/**
 * The exact rewrite for root: the confirmed text runs unchanged, but with a private folder first on PATH that holds
 * `sudo` and `doas` shims. Each shim calls `pkexec [--user USER] env -C "$PWD" COMMAND…`, so KDE shows its polkit
 * dialog instead of a password prompt on a terminal that does not exist. Being programs (not shell functions), they
 * also work under `sh -c`, `xargs sudo`, `find -exec sudo`, `env sudo`. `-u USER` becomes `pkexec --user USER`;
 * other sudo options (-E, -H, -n, -k …) are dropped. `sudo -s` / `sudo -i` without a command fail with a message.
 * Only an absolute `/usr/bin/sudo` bypasses the shim (it then fails for lack of a terminal).
 */
export const SUDO_SHIM = [
  '#!/bin/sh',
  '# koompi-assistant: sudo without a terminal goes through pkexec (polkit dialog)',
  'user=""',
  'while [ $# -gt 0 ]; do',
  '  case "$1" in',
  '    -u) user="$2"; shift 2 ;;',
  '    --user=*) user="${1#--user=}"; shift ;;',
  '    -g|-p|-C|-D|-T|-r|-t|-U|-h) shift 2 ;;',
  '    --) shift; break ;;',
  '    -*) shift ;;',
  '    *) break ;;',
  '  esac',
  'done',
  'if [ $# -eq 0 ]; then echo "koompi: a root shell needs a terminal; open the command in Konsole" >&2; exit 1; fi',
  'if [ -n "$user" ]; then exec pkexec --user "$user" env -C "$PWD" "$@"; fi',
  'exec pkexec env -C "$PWD" "$@"',
  '',
].join('\n');

let shimDir: string | null = null;

/** A private (0700) folder holding the sudo/doas shims, created once per process. */
export function ensureSudoShim(): string {
  if (shimDir && existsSync(join(shimDir, 'sudo'))) return shimDir;
  const dir = mkdtempSync(join(tmpdir(), 'koompi-root-shim-'));
  for (const name of ['sudo', 'doas']) writeFileSync(join(dir, name), SUDO_SHIM, { mode: 0o700 });
  shimDir = dir;
  return dir;
}

export interface PreparedRun {
  /** What the user confirmed, shown as is. */
  displayText: string;
  /** What is handed to runCommand: the same text (or the Konsole argv). */
  runText?: string;
  runArgv?: string[];
  /** Extra environment for the run (PATH with the sudo shim first). */
  env?: NodeJS.ProcessEnv;
  /** True when sudo/doas are redirected to pkexec (show the note too). */
  rewritten: boolean;
  note: string | null;
}

/** Does the text call sudo or doas anywhere (after parsing, so `echo sudo` does not count)? */
export function usesSudo(text: string): boolean {
  try {
    return walkSimple(parseCommandLine(text), (n) => {
      let found = false;
      for (const w of n.words) if (w.subs.some((s) => usesSudo(s.source))) found = true;
      const scratch = newCtx();
      const u = unwrap(n.words, scratch, (script) => {
        if (usesSudo(script)) found = true;
      });
      if (scratch.root && n.words.some((w) => commandName(w) === 'sudo' || commandName(w) === 'doas')) found = true;
      // `find … -exec sudo chown …`: the command find runs is unwrapped the same way
      if (commandName(u.argv[0]) === 'find') {
        for (const e of findExecs(u.argv.slice(1))) {
          const inner = newCtx();
          unwrap(e.argv, inner, (script) => {
            if (usesSudo(script)) found = true;
          });
          if (inner.root && e.argv.some((w) => commandName(w) === 'sudo' || commandName(w) === 'doas')) found = true;
        }
      }
      return found;
    });
  } catch {
    return /\b(sudo|doas)\b/.test(text);
  }
}

/** How a confirmed command will be run: directly, with sudo → pkexec, or in Konsole (which has a terminal for sudo). */
export function prepareRun(text: string, opts: { konsole?: boolean; env?: NodeJS.ProcessEnv } = {}): PreparedRun {
  if (opts.konsole) {
    return { displayText: text, runArgv: konsoleArgv(text), rewritten: false, note: 'opens in Konsole' };
  }
  if (usesSudo(text)) {
    const env = { ...(opts.env ?? process.env) };
    env.PATH = `${ensureSudoShim()}:${env.PATH ?? '/usr/local/bin:/usr/bin:/bin'}`;
    return {
      displayText: text,
      runText: text,
      env,
      rewritten: true,
      note: 'sudo runs as pkexec: the system asks for your password in a dialog',
    };
  }
  return { displayText: text, runText: text, rewritten: false, note: null };
}

/** `konsole --hold -e bash -c TEXT`: the command gets a real terminal (sudo prompts work) and the window stays open. */
export function konsoleArgv(text: string): string[] {
  return ['konsole', '--hold', '-e', 'bash', '-c', text];
}
