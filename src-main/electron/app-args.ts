// Command-line actions of koompi-assistant (--toggle, --ask "…", --hidden), parsed the same way for the
// first launch and for a second launch forwarded by the single-instance lock.

export interface AppArgs {
  toggle: boolean;
  hidden: boolean;
  ask: string | null;
}

export type LaunchAction = { kind: 'toggle' } | { kind: 'ask'; question: string } | { kind: 'show' } | { kind: 'stay-hidden' };

/** Parses our flags out of an argv that may also hold Electron/Chromium switches (ignored). */
export function parseAppArgs(argv: readonly string[]): AppArgs {
  const out: AppArgs = { toggle: false, hidden: false, ask: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--toggle') out.toggle = true;
    else if (a === '--hidden') out.hidden = true;
    else if (a === '--ask') {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('--')) {
        out.ask = next;
        i++;
      }
    } else if (a?.startsWith('--ask=')) out.ask = a.slice('--ask='.length);
  }
  if (out.ask !== null) {
    out.ask = out.ask.trim().slice(0, 20_000);
    if (out.ask === '') out.ask = null;
  }
  return out;
}

/**
 * What to do with parsed args. --hidden always means "show nothing" (autostart runs it; sent to an app that
 * is already running, e.g. a second autostart, it must not pop the chat window up either).
 */
export function actionFor(args: AppArgs): LaunchAction {
  if (args.ask !== null) return { kind: 'ask', question: args.ask };
  if (args.toggle) return { kind: 'toggle' };
  if (args.hidden) return { kind: 'stay-hidden' };
  return { kind: 'show' };
}

/**
 * Electron may reorder or extend a second instance's argv, so the second instance also sends its own
 * argv as additionalData; prefer that when it is a list of strings.
 */
export function forwardedArgv(argv: readonly string[], additionalData: unknown): readonly string[] {
  if (additionalData && typeof additionalData === 'object' && 'argv' in additionalData) {
    const list = (additionalData as { argv: unknown }).argv;
    if (Array.isArray(list) && list.length <= 200 && list.every((x) => typeof x === 'string')) return list as string[];
  }
  return argv;
}
