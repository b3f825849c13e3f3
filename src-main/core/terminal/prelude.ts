// The few lines of bash put before a confirmed command: terminal size, where its shell's pid and final working
// directory are written (so the next command of the same answer starts where a `cd` left it), the user's SHELL back.
// The confirmed text follows on its own line, unchanged; bash reads and runs it after the prelude.

export interface PreludeFiles {
  /** The final `pwd -P` goes here when the shell exits (an EXIT trap; a command's own EXIT trap replaces it). */
  cwdFile: string;
  /** The shell's pid ($$ = the session id under script(1)). */
  pidFile?: string;
}

/** Quotes a string for bash as one word. */
export const shQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

export function buildScript(text: string, files: PreludeFiles, opts: { pty: boolean; errexit?: boolean }): string {
  const lines: string[] = [];
  if (opts.pty) {
    lines.push('stty rows "$KOOMPI_PTY_ROWS" cols "$KOOMPI_PTY_COLS" 2>/dev/null');
    lines.push('if [ -n "$KOOMPI_ORIG_SHELL" ]; then SHELL=$KOOMPI_ORIG_SHELL; export SHELL; else unset SHELL; fi');
    lines.push('unset KOOMPI_RUN_SCRIPT KOOMPI_ORIG_SHELL KOOMPI_PTY_ROWS KOOMPI_PTY_COLS');
  }
  if (files.pidFile) lines.push(`echo $$ > ${shQuote(files.pidFile)}`);
  lines.push(`trap 'pwd -P > ${shQuote(files.cwdFile).replace(/'/g, `'\\''`)} 2>/dev/null' EXIT`);
  // "Run all" of a block: its lines in order, stopping at the first that fails.
  if (opts.errexit) lines.push('set -e');
  return `${lines.join('\n')}\n${text}`;
}

/** An argv as one shell line (intent actions run without a shell of their own; here every word is quoted). */
export const argvToText = (argv: readonly string[]): string => argv.map(shQuote).join(' ');
