// A fenced code block: language, Copy, and on each line where the core found a command, its risk badge
// with Run / Open in Konsole and the live run. Shell highlighting (lazy) only for shell languages; other
// code is shown as it is. Command lines never wrap: a long one scrolls sideways and Run stays in view.
import { memo, useMemo } from 'react';
import type { SuggestedCommand } from '../../types';
import { codeLines } from '../../markdown/code-lines';
import { useT } from '../../hooks/use-t';
import { highlightShell } from '../../highlight/shell-highlight';
import { CopyButton } from '../common/copy-button';
import { CommandActions, RunAll, RunPanel } from './run-panel';

export type CommandMap = ReadonlyMap<string, SuggestedCommand> | null;

type Highlighter = typeof highlightShell;

const SHELL_LANGS = new Set([
  'bash',
  'sh',
  'shell',
  'console',
  'zsh',
  'fish',
  'ksh',
  'shell-session',
  'shellsession',
  'sh-session',
  'terminal',
]);

function Code({ text, hl }: { text: string; hl: Highlighter | null }) {
  if (!hl) return <>{text}</>;
  return (
    <>
      {hl(text).map((tok, i) =>
        tok.cls ? (
          <span key={i} className={`hl-${tok.cls}`}>
            {tok.text}
          </span>
        ) : (
          tok.text
        ),
      )}
    </>
  );
}

/** One logical line as its own block box: a streamed block of thousands of lines then re-highlights and
 * re-lays out only the line that changed, not the whole text. */
const CodeRow = memo(function CodeRow({ text, hl }: { text: string; hl: Highlighter | null }) {
  return (
    <span className="code-row">
      <Code text={text} hl={hl} />
    </span>
  );
});

export const CodeBlock = memo(function CodeBlock({ lang, code, commands }: { lang: string; code: string; commands: CommandMap }) {
  const t = useT();
  const shell = SHELL_LANGS.has(lang.toLowerCase());
  const known = useMemo(() => (commands ? new Set(commands.keys()) : null), [commands]);
  const lines = useMemo(() => codeLines(code, known), [code, known]);
  const anyCommand = commands !== null && lines.some((l) => l.commandKey !== null);
  // Lines the core found commands on are shell, whatever the fence says (e.g. an unlabelled block).
  const hl = shell || anyCommand ? highlightShell : null;
  // Several commands in one block: "Run all" runs them in order in one shell (src-renderer/components/chat/run-panel.tsx).
  const blockCommands = useMemo(
    () =>
      anyCommand
        ? lines.flatMap((l) => {
            const c = l.commandKey ? commands!.get(l.commandKey) : undefined;
            return c ? [c] : [];
          })
        : [],
    [anyCommand, lines, commands],
  );
  return (
    <div className="code-block" translate="no">
      <div className="code-head">
        <span className="code-lang">{lang || 'text'}</span>
        <CopyButton text={code} what={t('code.copyWhat')} />
      </div>
      {!anyCommand ? (
        <pre className="code-body" tabIndex={0} aria-label={t('code.label', { lang: lang || 'text' })}>
          <code>
            {lines.map((l, i) => (
              <CodeRow key={i} text={l.text} hl={hl} />
            ))}
          </code>
        </pre>
      ) : (
        <div className="code-body code-lines">
          {lines.map((l, i) => {
            const cmd = l.commandKey ? (commands!.get(l.commandKey) ?? null) : null;
            return (
              <div key={i} className={cmd ? 'code-line code-line-cmd' : 'code-line'}>
                <pre tabIndex={cmd ? 0 : undefined} aria-label={cmd ? cmd.command.slice(0, 200) : undefined}>
                  <code>
                    <Code text={l.text} hl={hl} />
                  </code>
                </pre>
                {cmd && <CommandActions command={cmd} />}
                {cmd && <RunPanel commandId={cmd.id} />}
              </div>
            );
          })}
          {blockCommands.length > 1 && <RunAll commands={blockCommands} />}
        </div>
      )}
    </div>
  );
});
