// Placing the core's commands on code lines: prompts the core strips ($, user@host:~$), continuations and
// trailing operators, any fence language (fish too), and nothing placed that the core did not find.
import { describe, expect, it } from 'vitest';
import { codeLines } from '../../src-renderer/markdown/code-lines.js';
import { textLang } from '../../src-renderer/i18n/text-lang.js';

const keys = (code: string, known: string[]) => codeLines(code, new Set(known)).map((l) => l.commandKey);

describe('codeLines', () => {
  it('places commands at the line where the core found them, $ and user@host prompts stripped', () => {
    expect(keys('$ df -h\nuser@koompi:~$ sudo pacman -Syu\n[user@koompi ~]$ ls', ['df -h', 'sudo pacman -Syu', 'ls'])).toEqual([
      'df -h',
      'sudo pacman -Syu',
      'ls',
    ]);
  });

  it('joins backslash continuations and trailing pipes into one line with the command', () => {
    const lines = codeLines(
      'sudo pacman -S \\\n  firefox\necho a |\n  grep a\nnext',
      new Set(['sudo pacman -S firefox', 'echo a | grep a']),
    );
    expect(lines.map((l) => l.commandKey)).toEqual(['sudo pacman -S firefox', 'echo a | grep a', null]);
    expect(lines[0]!.text).toBe('sudo pacman -S \\\n  firefox');
  });

  it('places nothing the core did not find (python, comments, output), and nothing without commands', () => {
    expect(keys('print(1)\n# comment\nFilesystem Size', ['df -h'])).toEqual([null, null, null]);
    expect(codeLines('df -h', null).map((l) => l.commandKey)).toEqual([null]);
  });

  it('finds commands in a fish block like the core does', () => {
    expect(keys('set -x PATH $PATH ~/bin', ['set -x PATH $PATH ~/bin'])).toEqual(['set -x PATH $PATH ~/bin']);
  });
});

describe('textLang', () => {
  it('tells Khmer from English, with mixed text by its share of Khmer letters', () => {
    expect(textLang('How do I install Firefox?')).toBe('en');
    expect(textLang('តើខ្ញុំដំឡើង Firefox យ៉ាងដូចម្តេច?')).toBe('km');
    expect(textLang('Run sudo pacman -Syu to update (ធ្វើបច្ចុប្បន្នភាព) the whole system and then reboot the machine')).toBe('en');
    expect(textLang('')).toBe('en');
  });
});
