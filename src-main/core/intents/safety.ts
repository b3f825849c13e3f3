// The first gate: a question that carries shell syntax or is absurdly long never becomes an action.

/** Longest question tier 1 will consider acting on. */
export const MAX_ACTIONABLE_LENGTH = 300;

/** `;` `&` `|` backticks `$` redirects backslash and control characters (newline, C1 included), after NFKC so fullwidth and lookalike forms count too. */
const SHELL_SYNTAX = /[;&|`$<>\\\u0000-\u0008\u000A-\u001F\u007F-\u009F\u2028\u2029]/;

export type Hostility = 'shell-syntax' | 'too-long' | null;

export function hostility(raw: string): Hostility {
  if (raw.length > MAX_ACTIONABLE_LENGTH) return 'too-long';
  if (SHELL_SYNTAX.test(raw) || (/[^\x00-\x7F]/.test(raw) && SHELL_SYNTAX.test(raw.normalize('NFKC')))) return 'shell-syntax';
  return null;
}
