// One parse and one unwrapping shared by the judge, the confirm word and run preparation: they read launchers alike.
import { describe, expect, it } from 'vitest';
import { confirmWordFor, judgeCommand, usesSudo } from '../../../src-main/core/commands/index.js';
import { clearParseCache, parseCommandLine } from '../../../src-main/core/commands/parse.js';
import { simpleCommands } from '../../../src-main/core/commands/walk.js';

describe('parseCommandLine', () => {
  it('parses a line once and hands every caller the same tree', () => {
    clearParseCache();
    const a = parseCommandLine('sudo pacman -Syu && rm -rf ~/x');
    expect(parseCommandLine('sudo pacman -Syu && rm -rf ~/x')).toBe(a);
    expect(simpleCommands(a).map((c) => c.words[0]!.text)).toEqual(['sudo', 'rm']);
  });
  it('remembers a syntax error as one', () => {
    expect(() => parseCommandLine('echo "x')).toThrow(/unbalanced double quote/);
    expect(() => parseCommandLine('echo "x')).toThrow(/unbalanced double quote/);
  });
});

describe('launchers read the same everywhere', () => {
  const cases: [string, boolean, string][] = [
    ['find ~/tmp -name "*.o" -exec sudo rm {} +', true, 'destructive'],
    ['ls *.bak | xargs sudo rm', true, 'destructive'],
    ['nice -n 5 ionice -c3 sudo pacman -Syu', true, 'elevated'],
    ['timeout 30 env LANG=C sudo systemctl restart cups', true, 'elevated'],
    ['echo sudo', false, 'safe'],
    ["bash -c 'doas rm -rf /opt/x'", true, 'destructive'],
  ];
  it.each(cases)('%j: sudo=%s, %s', (cmd, sudo, risk) => {
    expect(usesSudo(cmd)).toBe(sudo);
    expect(judgeCommand(cmd).risk).toBe(risk);
  });
  it('asks for the name of the part that does the harm, wrappers peeled', () => {
    expect(confirmWordFor('echo start; nice -n 5 sudo rm -rf ~/x')).toBe('rm');
    expect(confirmWordFor('ls *.bak | xargs sudo rm')).toBe('rm');
    expect(confirmWordFor('koompi snapshot delete 4')).toBe('koompi');
  });
});
