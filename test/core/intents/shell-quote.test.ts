// POSIX quoting of argv for display: only what needs quotes gets them, and the shell reads it back exactly.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { quoteArgv } from '../../../src-main/core/intents/shell-quote.js';

describe('quoteArgv', () => {
  it('leaves plain words alone', () => {
    expect(quoteArgv(['sudo', 'pacman', '-S', '--needed', 'vlc', 'g++', 'python3.11'])).toBe('sudo pacman -S --needed vlc g++ python3.11');
  });

  it('quotes spaces, quotes and empty words', () => {
    expect(quoteArgv(['snapper', 'create', '--description', 'before update'])).toBe("snapper create --description 'before update'");
    expect(quoteArgv(["it's", ''])).toBe(`'it'\\''s' ''`);
  });

  it('round-trips through a real POSIX shell', () => {
    const argv = ['a b', "c'd", '$(x)', '`y`', ';', 'plain', '*', ''];
    const out = execFileSync('sh', ['-c', `for a in ${quoteArgv(argv)}; do printf '%s\\0' "$a"; done`], { encoding: 'utf8' });
    expect(out.split('\0').slice(0, -1)).toEqual(argv);
  });
});
