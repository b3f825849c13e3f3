// Command matching of the evaluation: program + required flags, short-option clusters, wrappers, pipelines.
import { describe, expect, it } from 'vitest';
import { findCommandMatch, hasFlag, matchesCommand, simpleCommands } from '../../../src-main/core/eval/command-match.js';

describe('simpleCommands', () => {
  it('splits at && ; | and strips sudo, env assignments and prompts', () => {
    expect(simpleCommands('$ sudo -u root LANG=C pacman -Syu && df -h | grep sda; echo "a;b"')).toEqual([
      { program: 'pacman', args: ['-Syu'] },
      { program: 'df', args: ['-h'] },
      { program: 'grep', args: ['sda'] },
      { program: 'echo', args: ['a;b'] },
    ]);
  });
  it('takes the basename of a program given by path', () => {
    expect(simpleCommands('/usr/bin/ls -la')[0]).toEqual({ program: 'ls', args: ['-la'] });
  });
});

describe('flags', () => {
  it('finds a short flag inside a cluster, case-sensitively', () => {
    expect(hasFlag(['-Syu'], '-S')).toBe(true);
    expect(hasFlag(['-Syu'], '-s')).toBe(false);
    expect(hasFlag(['-Rns', 'vlc'], '-s')).toBe(true);
  });
  it('accepts --long=value for --long and a word prefix for a required word', () => {
    expect(hasFlag(['--sort=-%cpu'], '--sort')).toBe(true);
    expect(hasFlag(['addr', 'show'], 'a')).toBe(true);
    expect(hasFlag(['if=arch.iso', 'of=/dev/sdb'], 'of=')).toBe(true);
    expect(hasFlag(['+x', 'run.sh'], '+x')).toBe(true);
    expect(hasFlag(['-a'], 'a')).toBe(false);
  });
  it('!flag requires the flag to be absent (pacman -Si is not an install)', () => {
    expect(matchesCommand('pacman -Si firefox', { program: 'pacman', flags: ['-S', '!-i', '!-s'] })).toBe(false);
    expect(matchesCommand('sudo pacman -S --needed firefox', { program: 'pacman', flags: ['-S', '!-i', '!-s'] })).toBe(true);
  });
});

describe('matching expected commands', () => {
  it('needs the same program and every flag', () => {
    expect(matchesCommand('sudo pacman -Syu', { program: 'pacman', flags: ['-S', '-y', '-u'] })).toBe(true);
    expect(matchesCommand('sudo pacman -Sy firefox', { program: 'pacman', flags: ['-S', '-y', '-u'] })).toBe(false);
    expect(matchesCommand('yay -Syu', { program: 'pacman', flags: ['-S'] })).toBe(false);
    expect(matchesCommand('sudo snapper -c root create --description x', { program: 'snapper', flags: ['create'] })).toBe(true);
  });
  it('passes when any expected command matches any answer command', () => {
    const m = findCommandMatch(
      ['lsblk', 'free -h'],
      [
        { program: 'top', flags: [] },
        { program: 'free', flags: [] },
      ],
    );
    expect(m?.line).toBe('free -h');
    expect(findCommandMatch(['df -h'], [{ program: 'du', flags: ['-h'] }])).toBeNull();
  });
});
