// POSIX shell quoting for showing an argv as one command line (quotes only what needs it).

const SAFE_WORD = /^[A-Za-z0-9@%+=:,./_-]+$/;

/** Quotes one argument so a POSIX shell would read it back as exactly that word. */
export function quoteArg(arg: string): string {
  if (arg !== '' && SAFE_WORD.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** Joins an argv into the command line a person would type. */
export function quoteArgv(argv: readonly string[]): string {
  return argv.map(quoteArg).join(' ');
}
