// Streamed markdown, block by block: finished blocks are memoized and parsed once; only the open
// tail re-parses when a chunk arrives. A link asks first, showing its real target (https only).
import { memo, useDeferredValue, useMemo, type MouseEvent } from 'react';
import type { SuggestedCommand } from '../../types';
import { MAY_HAVE_CODE, normaliseCommand } from '../../markdown/code-lines';
import { useMarkdown } from '../../markdown/lazy-markdown';
import type { SplitState } from '../../markdown/split-blocks';
import { useStore } from '../../store/index';
import { CodeBlock, type CommandMap } from './code-block';

const Block = memo(
  function Block({ text, open, glued, commands }: { text: string; open: boolean; glued: boolean; commands: CommandMap }) {
    const md = useMarkdown();
    // Until the parser has loaded (a moment after start), the text shows as it is.
    if (!md) return <div className="md-block md-plain">{text}</div>;
    const segments = md.renderBlock(text, !open);
    return (
      <>
        {segments.map((s, i) =>
          s.kind === 'html' ? (
            // markdown-it with html:false escapes every tag in model output; links are validated (https/mailto).
            <div key={i} className={glued && i === 0 ? 'md-block md-cont' : 'md-block'} dangerouslySetInnerHTML={{ __html: s.html }} />
          ) : (
            <CodeBlock key={i} lang={s.lang} code={s.code} commands={commands} />
          ),
        )}
      </>
    );
  },
  (a, b) => a.text === b.text && a.open === b.open && a.glued === b.glued && (a.commands === b.commands || !MAY_HAVE_CODE.test(a.text)),
);

const GROUP = 32;

/** Finished blocks [start, end): streamed blocks keep their string identity, so an unchanged group is skipped. */
const BlockGroup = memo(
  function BlockGroup({
    blocks,
    glued,
    start,
    end,
    commands,
  }: {
    blocks: readonly string[];
    glued: readonly number[];
    start: number;
    end: number;
    commands: CommandMap;
  }) {
    const out = [];
    for (let i = start; i < end; i++)
      out.push(<Block key={i} text={blocks[i]!} open={false} glued={glued.includes(i)} commands={commands} />);
    return <div className="md-group">{out}</div>;
  },
  (a, b) =>
    a.start === b.start &&
    a.end === b.end &&
    a.commands === b.commands &&
    a.glued === b.glued &&
    sameRange(a.blocks, b.blocks, a.start, a.end),
);

function sameRange(a: readonly string[], b: readonly string[], start: number, end: number): boolean {
  if (a === b) return true;
  for (let i = start; i < end; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The finished blocks in groups, so adding a block re-renders one group, not every block of a long answer. */
const FinishedBlocks = memo(function FinishedBlocks({
  blocks,
  glued,
  commands,
}: {
  blocks: readonly string[];
  glued: readonly number[];
  commands: CommandMap;
}) {
  const groups = [];
  for (let g = 0; g < blocks.length; g += GROUP) {
    groups.push(
      <BlockGroup key={g} blocks={blocks} glued={glued} start={g} end={Math.min(g + GROUP, blocks.length)} commands={commands} />,
    );
  }
  return <>{groups}</>;
});

export function MarkdownView({ split, commands: latest, streaming }: { split: SplitState; commands: CommandMap; streaming?: boolean }) {
  // When a long answer finishes, putting Run buttons and badges on its code lines is a big render: it runs
  // as a background (time-sliced) render, so the page never freezes for it.
  const commands = useDeferredValue(latest);
  const askOpenLink = useStore((s) => s.askOpenLink);
  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const a = (e.target as HTMLElement).closest('a');
    if (!a) return;
    e.preventDefault();
    const href = a.getAttribute('href') ?? '';
    if (/^https:\/\//i.test(href)) askOpenLink(href, a.textContent ?? '');
  };
  const { blocks, glued, tail } = split;
  return (
    <div className={streaming ? 'markdown is-streaming' : 'markdown'} onClick={onClick}>
      <FinishedBlocks blocks={blocks} glued={glued} commands={commands} />
      {tail.trim() !== '' && <Block key={`tail-${blocks.length}`} text={tail} open glued={split.tailGlued} commands={commands} />}
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
