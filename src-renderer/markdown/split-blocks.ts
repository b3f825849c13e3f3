// Splits streamed markdown into blocks, incrementally: finished blocks never change again (so they stay
// memoized); only the open tail is re-parsed per chunk. Blocks end at blank lines outside code fences,
// after a fence opened at column 0 closes, and, to keep the open block small, a long list is cut
// before one of its own items at column 0 (the cut is recorded so the UI draws the list as one).

export interface Fence {
  ch: '`' | '~';
  len: number;
  /** Opened at column 0: then it is a top-level block, and its closing line ends a block. */
  top: boolean;
}

/** A list item's marker kind: the bullet character, or the ordered delimiter. */
type ListKind = '-' | '*' | '+' | '.' | ')';

export interface SplitState {
  /** Finished blocks, in order; never mutated once pushed. */
  readonly blocks: readonly string[];
  /** Indices of blocks that continue the previous block's list (a cut made only to keep the tail small). */
  readonly glued: readonly number[];
  /** The open block still receiving text. */
  readonly tail: string;
  /** Index in tail where the next unscanned line starts. */
  readonly scanned: number;
  /** The fence open at `scanned`, if any. */
  readonly fence: Fence | null;
  /** The tail so far is one list of this kind, every column-0 line one of its items (null: not cuttable). */
  readonly list: ListKind | null;
  /** The tail continues the last finished block's list. */
  readonly tailGlued: boolean;
}

export const EMPTY_SPLIT: SplitState = { blocks: [], glued: [], tail: '', scanned: 0, fence: null, list: null, tailGlued: false };

/** A list longer than this (characters) is cut before its next item. */
export const LIST_CUT_CHARS = 1000;

const FENCE_RE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const BLANK_RE = /^[ \t]*$/;
const ITEM_RE = /^(?:([-*+])|\d{1,9}([.)]))[ \t]+\S/;
const BREAK_RE = /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;

function listKind(line: string): ListKind | null {
  if (BREAK_RE.test(line)) return null;
  const m = ITEM_RE.exec(line);
  return m ? ((m[1] ?? m[2]) as ListKind) : null;
}

/** Appends streamed text; returns a new state (the old one is left as it was). */
export function appendText(state: SplitState, text: string): SplitState {
  if (!text) return state;
  let tail = state.tail + text;
  let scanned = state.scanned;
  let fence = state.fence;
  let list = state.list;
  let tailGlued = state.tailGlued;
  let blocks: string[] | null = null;
  let glued: number[] | null = null;
  /** Ends the open block at `at` and starts the next one at `rest`. */
  const cut = (at: number, rest: number, glueNext: boolean) => {
    const block = tail.slice(0, at);
    if (!BLANK_RE.test(block.replace(/\n/g, ''))) {
      blocks ??= [...state.blocks];
      if (tailGlued) (glued ??= [...state.glued]).push(blocks.length);
      blocks.push(block.replace(/\s+$/, ''));
    }
    tail = tail.slice(rest);
    scanned = 0;
    list = null;
    tailGlued = glueNext;
  };

  for (;;) {
    const nl = tail.indexOf('\n', scanned);
    if (nl < 0) break; // the last line is not complete yet
    const line = tail.slice(scanned, nl);
    const next = nl + 1;
    if (fence) {
      const m = FENCE_RE.exec(line);
      if (m && m[1]![0] === fence.ch && m[1]!.length >= fence.len && BLANK_RE.test(m[2]!)) {
        const top = fence.top;
        fence = null;
        // A top-level fence is a whole block: what follows cannot continue anything before it.
        if (top) {
          cut(next, next, false);
          continue;
        }
      }
      scanned = next;
      continue;
    }
    if (BLANK_RE.test(line)) {
      cut(scanned, next, false);
      continue;
    }
    if (!/^[ \t]/.test(line)) {
      const kind = listKind(line);
      if (scanned === 0) {
        list = kind;
      } else if (list && kind === list && scanned >= LIST_CUT_CHARS) {
        // Another item of the same list: the list goes on in a new block, drawn as one with this one.
        cut(scanned, scanned, true);
        continue; // the item is scanned again as the new block's first line
      } else if (kind !== list) {
        list = null;
      }
    }
    const m = FENCE_RE.exec(line);
    if (m && !(m[1]![0] === '`' && m[2]!.includes('`'))) {
      fence = { ch: m[1]![0] as '`' | '~', len: m[1]!.length, top: line[0] === m[1]![0] };
      list = null;
    }
    scanned = next;
  }
  return { blocks: blocks ?? state.blocks, glued: glued ?? state.glued, tail, scanned, fence, list, tailGlued };
}

/** Splits a whole text at once (history, final answers). */
export function splitAll(text: string): SplitState {
  return appendText(EMPTY_SPLIT, text);
}

/** Every block including the open tail (when it has content). */
export function allBlocks(state: SplitState): string[] {
  return state.tail.trim() ? [...state.blocks, state.tail] : [...state.blocks];
}
