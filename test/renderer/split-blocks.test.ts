// Incremental block splitting of streamed markdown: blank lines outside fences close a block, fences
// keep theirs, and feeding the text in any chunking gives the same blocks as splitting it at once.
import { describe, expect, it } from 'vitest';
import { allBlocks, appendText, EMPTY_SPLIT, splitAll } from '../../src-renderer/markdown/split-blocks.js';

const DOC = 'Intro line\nstill intro\n\n```bash\necho one\n\necho two\n```\n\n- a\n- b\n\n\n~~~\nx\n\n~~~\nlast';

describe('splitAll', () => {
  it('splits at blank lines outside fences only', () => {
    const s = splitAll(DOC);
    expect(s.blocks).toEqual(['Intro line\nstill intro', '```bash\necho one\n\necho two\n```', '- a\n- b']);
    // No blank line after the closing fence: "last" still belongs to the open block.
    expect(s.tail).toBe('~~~\nx\n\n~~~\nlast');
    expect(allBlocks(s)).toHaveLength(4);
  });

  it('keeps an unclosed fence open in the tail', () => {
    const s = splitAll('text\n\n```sh\nls\n\npwd\n');
    expect(s.blocks).toEqual(['text']);
    expect(s.tail).toBe('```sh\nls\n\npwd\n');
    expect(s.fence).toEqual({ ch: '`', len: 3 });
  });

  it('does not close a fence on a shorter or different marker', () => {
    const s = splitAll('````\n```\n\n~~~\n\n````\n\nafter');
    expect(s.blocks).toEqual(['````\n```\n\n~~~\n\n````']);
    expect(s.tail).toBe('after');
  });
});

describe('appendText', () => {
  it('gives the same result for any chunking, and never changes a finished block', () => {
    for (const size of [1, 2, 3, 7, 50]) {
      let s = EMPTY_SPLIT;
      const seen: (readonly string[])[] = [];
      for (let i = 0; i < DOC.length; i += size) {
        const before = s.blocks;
        s = appendText(s, DOC.slice(i, i + size));
        if (s.blocks !== before) {
          // Blocks only grow at the end; earlier entries are the same strings.
          expect(s.blocks.slice(0, before.length)).toEqual(before);
          seen.push(s.blocks);
        }
      }
      expect(allBlocks(s)).toEqual(allBlocks(splitAll(DOC)));
      expect(seen.length).toBeGreaterThanOrEqual(size === 1 ? 3 : 1);
      expect(s.blocks).toHaveLength(3);
    }
  });

  it('is linear: appending to a long stream scans only the new text', () => {
    let s = EMPTY_SPLIT;
    for (let i = 0; i < 5000; i++) s = appendText(s, i % 20 === 19 ? 'word.\n\n' : 'word ');
    expect(s.blocks.length).toBe(250);
    expect(s.tail).toBe('');
  });
});
