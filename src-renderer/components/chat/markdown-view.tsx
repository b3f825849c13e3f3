// Streamed markdown, block by block: finished blocks are memoized and parsed once; only the open
// tail re-parses when a chunk arrives. Links open outside through the main process (https only).
import { memo, useMemo, type MouseEvent } from 'react';
import type { SuggestedCommand } from '../../types';
import { normaliseCommand } from '../../markdown/code-lines';
import { useMarkdown } from '../../markdown/lazy-markdown';
import type { SplitState } from '../../markdown/split-blocks';
import { useStore } from '../../store/index';
import { CodeBlock } from './code-block';

type CommandMap = ReadonlyMap<string, SuggestedCommand> | null;

const Block = memo(function Block({ text, open, commands }: { text: string; open: boolean; commands: CommandMap }) {
  const md = useMarkdown();
  // Until the parser has loaded (a moment after start), the text shows as it is.
  if (!md) return <div className="md-block md-plain">{text}</div>;
  const segments = md.renderBlock(text, !open);
  return (
    <>
      {segments.map((s, i) =>
        s.kind === 'html' ? (
          // markdown-it with html:false escapes every tag in model output; links are validated (https/mailto).
          <div key={i} className="md-block" dangerouslySetInnerHTML={{ __html: s.html }} />
        ) : (
          <CodeBlock key={i} lang={s.lang} code={s.code} commands={commands} />
        ),
      )}
    </>
  );
});

/** The finished blocks: re-rendered only when a block is added (or the commands arrive), not per chunk. */
const FinishedBlocks = memo(function FinishedBlocks({ blocks, commands }: { blocks: readonly string[]; commands: CommandMap }) {
  return (
    <>
      {blocks.map((b, i) => (
        <Block key={i} text={b} open={false} commands={commands} />
      ))}
    </>
  );
});

export function MarkdownView({ split, commands }: { split: SplitState; commands: CommandMap }) {
  const openExternal = useStore((s) => s.openExternal);
  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const a = (e.target as HTMLElement).closest('a');
    if (!a) return;
    e.preventDefault();
    const href = a.getAttribute('href') ?? '';
    if (/^https:\/\//i.test(href)) openExternal(href);
  };
  const { blocks, tail } = split;
  return (
    <div className="markdown" onClick={onClick}>
      <FinishedBlocks blocks={blocks} commands={commands} />
      {tail.trim() !== '' && <Block key={`tail-${blocks.length}`} text={tail} open commands={commands} />}
    </div>
  );
}

/** The commands of a message by their normalised text, for matching code lines. */
export function useCommandMap(commands: SuggestedCommand[]): CommandMap {
  return useMemo(() => {
    if (!commands.length) return null;
    const m = new Map<string, SuggestedCommand>();
    for (const c of commands) m.set(normaliseCommand(c.command), c);
    return m;
  }, [commands]);
}
