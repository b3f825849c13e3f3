// Splits streamed markdown into blocks at blank lines outside code fences, incrementally: finished
// blocks never change again (so they stay memoized); only the open tail is re-parsed per chunk.

export interface Fence {
  ch: '`' | '~';
  len: number;
}

export interface SplitState {
  /** Finished blocks, in order; never mutated once pushed. */
  readonly blocks: readonly string[];
  /** The open block still receiving text. */
  readonly tail: string;
  /** Index in tail where the next unscanned line starts. */
  readonly scanned: number;
  /** The fence open at `scanned`, if any. */
  readonly fence: Fence | null;
}

export const EMPTY_SPLIT: SplitState = { blocks: [], tail: '', scanned: 0, fence: null };

const FENCE_RE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const BLANK_RE = /^[ \t]*$/;

/** Appends streamed text; returns a new state (the old one is left as it was). */
export function appendText(state: SplitState, text: string): SplitState {
  if (!text) return state;
  let tail = state.tail + text;
  let scanned = state.scanned;
  let fence = state.fence;
  let blocks: string[] | null = null;

  for (;;) {
    const nl = tail.indexOf('\n', scanned);
    if (nl < 0) break; // the last line is not complete yet
    const line = tail.slice(scanned, nl);
    const next = nl + 1;
    if (fence) {
      const m = FENCE_RE.exec(line);
      if (m && m[1]![0] === fence.ch && m[1]!.length >= fence.len && BLANK_RE.test(m[2]!)) fence = null;
      scanned = next;
      continue;
    }
    const m = FENCE_RE.exec(line);
    if (m && !(m[1]![0] === '`' && m[2]!.includes('`'))) {
      fence = { ch: m[1]![0] as '`' | '~', len: m[1]!.length };
      scanned = next;
      continue;
    }
    if (BLANK_RE.test(line)) {
      const block = tail.slice(0, scanned);
      if (!BLANK_RE.test(block.replace(/\n/g, ''))) {
        blocks ??= [...state.blocks];
        blocks.push(block.replace(/\s+$/, ''));
      }
      tail = tail.slice(next);
      scanned = 0;
      continue;
    }
    scanned = next;
  }
  return { blocks: blocks ?? state.blocks, tail, scanned, fence };
}

/** Splits a whole text at once (history, final answers). */
export function splitAll(text: string): SplitState {
  return appendText(EMPTY_SPLIT, text);
}

/** Every block including the open tail (when it has content). */
export function allBlocks(state: SplitState): string[] {
  return state.tail.trim() ? [...state.blocks, state.tail] : [...state.blocks];
}
