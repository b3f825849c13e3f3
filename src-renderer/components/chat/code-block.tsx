// A fenced code block: language, Copy, and for each line that is a command the core found, its risk
// badge with Run / Open in Konsole and the live run. Shell highlighting loads lazily.
import { memo, useEffect, useMemo, useState } from 'react';
import type { SuggestedCommand } from '../../types';
import { codeLines } from '../../markdown/code-lines';
import { CopyButton } from '../common/copy-button';
import { CommandActions, RunPanel } from './run-panel';
import type { HighlightToken } from '../../highlight/shell-highlight';

type Highlighter = (code: string) => HighlightToken[];
let highlighter: Highlighter | null = null;
let loading: Promise<Highlighter> | null = null;
const HIGHLIGHT_LANGS = new Set(['', 'bash', 'sh', 'shell', 'console', 'zsh']);

function useHighlighter(enabled: boolean): Highlighter | null {
  const [h, setH] = useState<Highlighter | null>(() => highlighter);
  useEffect(() => {
    if (!enabled || h) return;
    let live = true;
    loading ??= import('../../highlight/shell-highlight').then((m) => (highlighter = m.highlightShell));
    loading.then((fn) => live && setH(() => fn), () => undefined);
    return () => {
      live = false;
    };
  }, [enabled, h]);
  return h;
}

function Code({ text, hl }: { text: string; hl: Highlighter | null }) {
  if (!hl) return <>{text}</>;
  return <>{hl(text).map((tok, i) => (tok.cls ? <span key={i} className={`hl-${tok.cls}`}>{tok.text}</span> : tok.text))}</>;
}

/** One logical line as its own block box: a streamed block of thousands of lines then re-highlights and
 * re-lays out only the line that changed, not the whole text. */
const CodeRow = memo(function CodeRow({ text, hl }: { text: string; hl: Highlighter | null }) {
  return <span className="code-row"><Code text={text} hl={hl} /></span>;
});

export const CodeBlock = memo(function CodeBlock({ lang, code, commands }: { lang: string; code: string; commands: ReadonlyMap<string, SuggestedCommand> | null }) {
  const lines = useMemo(() => codeLines(lang, code), [lang, code]);
  const hl = useHighlighter(HIGHLIGHT_LANGS.has(lang.toLowerCase()));
  const matched = lines.map((l) => (l.command && commands ? commands.get(l.command) ?? null : null));
  const any = matched.some(Boolean);
  return (
    <div className="code-block">
      <div className="code-head">
        <span className="code-lang">{lang || 'text'}</span>
        <CopyButton text={code} />
      </div>
      {!any ? (
        <pre className="code-body"><code>{lines.map((l, i) => <CodeRow key={i} text={l.text} hl={hl} />)}</code></pre>
      ) : (
        <div className="code-body code-lines">
          {lines.map((l, i) => {
            const cmd = matched[i];
            return (
              <div key={i} className={cmd ? 'code-line code-line-cmd' : 'code-line'}>
                <pre><code><Code text={l.text} hl={hl} /></code></pre>
                {cmd && <CommandActions command={cmd} />}
                {cmd && <RunPanel commandId={cmd.id} />}
              </div>
            );
          })}
        </div>
      )}
    </div>
  );
});
