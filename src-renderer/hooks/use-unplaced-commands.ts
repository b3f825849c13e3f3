// The commands of a finished answer that no top-level code line shows (e.g. an intent's action, or code
// nested in a list): the UI lists them separately so every command keeps its badge and Run.
import { useMemo } from 'react';
import type { UiMessage } from '../store/chat-slice';
import { codeLines, normaliseCommand } from '../markdown/code-lines';
import { useMarkdown } from '../markdown/lazy-markdown';
import { allBlocks } from '../markdown/split-blocks';

export function useUnplacedCommands(m: UiMessage) {
  const md = useMarkdown();
  return useMemo(() => {
    if (m.streaming || !m.commands.length || !md) return [];
    const { renderBlock } = md;
    const shown = new Set<string>();
    for (const b of allBlocks(m.split)) {
      for (const s of renderBlock(b)) {
        if (s.kind === 'code') for (const l of codeLines(s.lang, s.code)) if (l.command) shown.add(l.command);
      }
    }
    return m.commands.filter((c) => !shown.has(normaliseCommand(c.command)));
  }, [m.streaming, m.commands, m.split, md]);
}
