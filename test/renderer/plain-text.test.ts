// What the live region says for a finished answer: the words as shown, without markdown's marks.
import { describe, expect, it } from 'vitest';
import { plainText } from '../../src-renderer/markdown/plain-text.js';

describe('plainText', () => {
  it('drops fences, emphasis, code marks, heading and quote markers and link targets', () => {
    const md = [
      '## Free up space',
      'Use **Disk Usage Analyzer** or `du`, see [the wiki](https://wiki.koompi.org/disk) _first_.',
      '',
      '1. Clear the cache.',
      '- Remove orphans',
      '> Tip: check snapshots.',
      '```bash',
      'sudo pacman -Sc',
      '```',
    ].join('\n');
    expect(plainText(md)).toBe(
      [
        'Free up space',
        'Use Disk Usage Analyzer or du, see the wiki first.',
        '1. Clear the cache.',
        'Remove orphans',
        'Tip: check snapshots.',
        'sudo pacman -Sc',
      ].join('\n'),
    );
  });

  it('leaves snake_case words, file globs and arithmetic alone', () => {
    expect(plainText('Edit journald_conf and run ls *.log with 2*3*4')).toBe('Edit journald_conf and run ls *.log with 2*3*4');
  });
});
