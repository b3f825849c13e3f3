// The compact quick-ask overlay: the question box, the streamed answer, and a row of actions.
import { useEffect } from 'react';
import { useStore } from '../../store/index';
import { useT } from '../../hooks/use-t';
import { Composer } from '../chat/composer';
import { MessageList } from '../chat/message-list';
import { CopyButton } from '../common/copy-button';
import { CloseIcon } from '../common/icons';
import { plainText } from '../../markdown/plain-text';

export function OverlayLayout() {
  const t = useT();
  const hideWindow = useStore((s) => s.hideWindow);
  const openFull = useStore((s) => s.openFullWindow);
  const newConversation = useStore((s) => s.newConversation);
  const lastAnswer = useStore((s) => {
    const m = s.messages[s.messages.length - 1];
    return m && m.role === 'assistant' && !m.streaming ? m.content : '';
  });
  const hasMessages = useStore((s) => s.messages.length > 0);
  const busy = useStore((s) => s.pending !== null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) hideWindow();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [hideWindow]);

  return (
    <main className="overlay" aria-label={t('overlay.label')}>
      <header className="overlay-head">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true">
            K
          </span>
          {t('app.title')}
        </span>
        <button type="button" className="btn btn-ghost btn-small" onClick={hideWindow} aria-label={t('overlay.close')}>
          <CloseIcon />
        </button>
      </header>
      <Composer overlay />
      {hasMessages && <MessageList lastOnly />}
      {hasMessages && (
        <footer className="overlay-actions">
          {lastAnswer && <CopyButton text={() => plainText(lastAnswer)} label={t('chat.copyAnswer')} className="btn btn-small" />}
          <button type="button" className="btn btn-small" onClick={newConversation} disabled={busy}>
            {t('chat.newChat')}
          </button>
          <span className="spacer" />
          <button type="button" className="btn btn-small btn-primary" onClick={openFull}>
            {t('chat.openFull')} ↗
          </button>
        </footer>
      )}
    </main>
  );
}
