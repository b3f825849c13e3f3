// Incremental block splitting of streamed markdown: blank lines outside fences close a block, fences
// keep theirs (a top-level one is a block of its own), long lists are cut before an item and glued back,
// and feeding the text in any chunking gives the same blocks as splitting it at once.
import { describe, expect, it } from 'vitest';
import { allBlocks, appendText, EMPTY_SPLIT, LIST_CUT_CHARS, splitAll, type SplitState } from '../../src-renderer/markdown/split-blocks.js';
import { renderBlock } from '../../src-renderer/markdown/render-block.js';

const DOC = 'Intro line\nstill intro\n\n```bash\necho one\n\necho two\n```\n\n- a\n- b\n\n\n~~~\nx\n\n~~~\nlast';

describe('splitAll', () => {
  it('splits at blank lines outside fences only', () => {
    const s = splitAll(DOC);
    expect(s.blocks).toEqual(['Intro line\nstill intro', '```bash\necho one\n\necho two\n```', '- a\n- b', '~~~\nx\n\n~~~']);
    // No blank line after the closing fence, but a fence at column 0 is a block of its own.
    expect(s.tail).toBe('last');
    expect(allBlocks(s)).toHaveLength(5);
    expect(s.glued).toEqual([]);
  });

  it('keeps an unclosed fence open in the tail', () => {
    const s = splitAll('text\n\n```sh\nls\n\npwd\n');
    expect(s.blocks).toEqual(['text']);
    expect(s.tail).toBe('```sh\nls\n\npwd\n');
    expect(s.fence).toEqual({ ch: '`', len: 3, top: true });
  });

  it('ends a block after a top-level fence, but not after an indented one (it may sit in a list item)', () => {
    expect(splitAll('Run:\n```sh\nls\n```\nthen this\n').blocks).toEqual(['Run:\n```sh\nls\n```']);
    const nested = splitAll('1. Run:\n   ```sh\n   ls\n   ```\n   then this\n');
    expect(nested.blocks).toEqual([]);
    expect(nested.tail).toBe('1. Run:\n   ```sh\n   ls\n   ```\n   then this\n');
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
      expect(s.blocks).toHaveLength(4);
    }
  });

  it('is linear: appending to a long stream scans only the new text', () => {
    let s = EMPTY_SPLIT;
    for (let i = 0; i < 5000; i++) s = appendText(s, i % 20 === 19 ? 'word.\n\n' : 'word ');
    expect(s.blocks.length).toBe(250);
    expect(s.tail).toBe('');
  });
});

const list = (n: number, item: (i: number) => string) => Array.from({ length: n }, (_, i) => item(i)).join('\n') + '\n';
const htmlOf = (blocks: string[]) =>
  blocks
    .flatMap((b) => renderBlock(b, false))
    .map((x) => (x.kind === 'html' ? x.html : ''))
    .join('');
const feed = (text: string, size: number) => {
  let s: SplitState = EMPTY_SPLIT;
  for (let i = 0; i < text.length; i += size) s = appendText(s, text.slice(i, i + size));
  return s;
};

describe('long lists', () => {
  it('cuts a long list before an item, glues the parts, and the parts render the same items in order', () => {
    const doc = list(200, (i) => `${i + 1}. Step number ${i + 1} of the long list, with \`code\``);
    const s = feed(doc, 5);
    expect(s.blocks.length).toBeGreaterThan(3);
    for (const b of s.blocks) expect(b.length).toBeLessThan(LIST_CUT_CHARS + 100);
    // Every block after the first continues the list.
    expect(s.glued).toEqual(s.blocks.slice(1).map((_, i) => i + 1));
    expect(s.tailGlued).toBe(true);
    const parts = htmlOf(allBlocks(s));
    expect(parts.match(/<li>/g)).toHaveLength(200);
    // Ordered parts carry on the numbering.
    const starts = [...parts.matchAll(/<ol(?: start="(\d+)")?>/g)].map((m) => Number(m[1] ?? 1));
    expect(starts[0]).toBe(1);
    expect(starts.slice(1).every((n) => n > 1)).toBe(true);
    expect(parts.replace(/<\/ol>\n<ol start="\d+">\n/g, '')).toBe(htmlOf([doc]));
    expect(allBlocks(s)).toEqual(allBlocks(splitAll(doc)));
  });

  it('keeps a short list whole, and never cuts when a column-0 line is not an item of the same list', () => {
    expect(splitAll(list(5, (i) => `- item ${i}`)).blocks).toEqual([]);
    const lazy = list(100, (i) => (i === 3 ? 'a lazy continuation line at column 0' : `- bullet item number ${i} with some words`));
    expect(splitAll(lazy).blocks).toEqual([]);
    const mixed = list(100, (i) => (i % 2 ? `* star item ${i} with some words` : `- dash item ${i} with some words`));
    expect(splitAll(mixed).blocks).toEqual([]);
    const nested = list(100, (i) => (i % 2 ? `  - nested ${i} with some more words` : `- top ${i} with some words`));
    const s = splitAll(nested);
    expect(s.blocks.length).toBeGreaterThan(1);
    for (const b of [...s.blocks, s.tail]) expect(b.startsWith('- top')).toBe(true);
  });
});
