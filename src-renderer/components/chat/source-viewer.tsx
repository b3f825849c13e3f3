// The in-app view of one source: a KOOMPI article section or an ArchWiki/KDE section as markdown (no raw HTML,
// code blocks copyable but not runnable from here), a man page as plain monospaced text. Opened from the
// sources under an answer; Esc or Close returns to the answer.
import { useMemo } from 'react';
import type { AnswerSource } from '../../../src-main/ipc/channels';
import { useLang, useT } from '../../hooks/use-t';
import { useDocSection } from '../../hooks/use-doc-section';
import { splitAll } from '../../markdown/split-blocks';
import { Dialog } from '../common/dialog';
import { MarkdownView } from './markdown-view';
import { api } from '../../api';

function Body({ kind, text }: { kind: AnswerSource['kind']; text: string }) {
  const split = useMemo(() => splitAll(text), [text]);
  if (kind === 'man')
    return (
      <pre className="source-man" translate="no">
        {text}
      </pre>
    );
  return (
    <div className="markdown source-markdown">
      <MarkdownView split={split} commands={null} />
    </div>
  );
}

export function SourceViewer({ source, onClose }: { source: AnswerSource; onClose: () => void }) {
  const t = useT();
  const lang = useLang();
  const s = useDocSection(source.ref, lang);
  const title = s.state === 'ok' ? s.section.title : source.title;
  return (
    <Dialog title={title} onClose={onClose}>
      <div className="source-viewer" data-source-ref={source.ref} data-source-kind={source.kind}>
        <p className="source-meta muted small">
          <span className={`badge source-kind source-kind-${source.kind}`}>{t(`sources.kind.${source.kind}`)}</span>
          <span className="source-ref" translate="no">
            {source.ref}
          </span>
        </p>
        <div className="source-body" tabIndex={0} aria-label={t('viewer.body', { title })} aria-busy={s.state === 'loading'}>
          {s.state === 'loading' && <p className="muted">{t('viewer.loading')}</p>}
          {s.state === 'missing' && (
            <p className="error-text" role="alert">
              {t('viewer.missing')}
            </p>
          )}
          {s.state === 'error' && (
            <p className="error-text" role="alert">
              {t('viewer.error', { error: s.error })}
            </p>
          )}
          {s.state === 'ok' && (
            <div lang={s.section.lang}>
              <Body kind={s.section.kind} text={s.section.text} />
            </div>
          )}
        </div>
        <div className="dialog-actions">
          {/^https:\/\//.test(source.ref) && (
            <button
              type="button"
              className="btn"
              onClick={() =>
                void api()
                  .openExternal(source.ref)
                  .catch(() => undefined)
              }
            >
              {t('viewer.online')}
            </button>
          )}
          <button type="button" className="btn" onClick={onClose} data-autofocus>
            {t('viewer.close')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
