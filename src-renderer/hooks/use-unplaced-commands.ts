// The commands of a finished answer that no top-level code line shows (e.g. an intent's action, or code
// nested in a list): the UI lists them separately so every command keeps its badge and Run. The same
// placement as the code blocks use (codeLines), so a command is shown with Run exactly once.
import { useDeferredValue, useMemo } from 'react';
import type { UiMessage } from '../store/chat-events';
import { codeLines, MAY_HAVE_CODE, normaliseCommand } from '../markdown/code-lines';
import { useMarkdown } from '../markdown/lazy-markdown';
import { allBlocks } from '../markdown/split-blocks';

export function useUnplacedCommands(m: UiMessage) {
  const md = useMarkdown();
  // Worked out in a background render once the answer is done (as the code lines get their buttons).
  const commands = useDeferredValue(m.streaming ? NONE : m.commands);
  return useMemo(() => {
    if (!commands.length || !md) return [];
    const known = new Set(commands.map((c) => normaliseCommand(c.command)));
    const shown = new Set<string>();
    for (const b of allBlocks(m.split)) {
      if (!MAY_HAVE_CODE.test(b)) continue;
      for (const s of md.renderBlock(b)) {
        if (s.kind === 'code') for (const l of codeLines(s.code, known)) if (l.commandKey) shown.add(l.commandKey);
      }
    }
    return commands.filter((c) => !shown.has(normaliseCommand(c.command)));
  }, [commands, m.split, md]);
}

const NONE: UiMessage['commands'] = [];
