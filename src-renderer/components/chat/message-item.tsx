// One message: the user's question, or the assistant's answer with its tier badge, streamed
// markdown, commands (inline in code blocks, or listed below), notices and errors.
import { memo } from 'react';
import type { UiMessage } from '../../store/chat-slice';
import { useT } from '../../hooks/use-t';
import { useUnplacedCommands } from '../../hooks/use-unplaced-commands';
import { ActionCard } from './action-card';
import { MarkdownView, useCommandMap } from './markdown-view';
import { StandaloneCommand } from './run-panel';
import { TierBadge } from './tier-badge';

export const MessageItem = memo(function MessageItem({ message: m }: { message: UiMessage }) {
  const t = useT();
  const commands = useCommandMap(m.commands);
  const unplaced = useUnplacedCommands(m);
  if (m.role === 'user') {
    return (
      <div className="msg msg-user" data-role="user">
        <span className="visually-hidden">{t('chat.you')}: </span>
        <div className="msg-user-text">{m.content}</div>
      </div>
    );
  }
  const isAction = m.tier === 'rules' && !!m.intent && m.commands.length > 0 && !m.streaming;
  return (
    <article className={`msg msg-assistant${m.streaming ? ' streaming' : ''}`} data-role="assistant" data-streaming={m.streaming ? '1' : '0'} aria-busy={m.streaming} aria-label={t('chat.answer')}>
      <div className="msg-meta">
        {m.tier && <TierBadge tier={m.tier} model={m.model} />}
        {m.tokensPerSecond !== null && m.tier === 'local' && <span className="muted small">{t('chat.speed', { tps: m.tokensPerSecond.toFixed(0) })}</span>}
      </div>
      {m.notices.map((n, i) => (
        <p key={i} className="msg-notice">{n}</p>
      ))}
      {isAction ? (
        <ActionCard message={m} />
      ) : (
        <MarkdownView split={m.split} commands={commands} />
      )}
      {m.streaming && !m.content && <p className="thinking" aria-hidden="true">{t('chat.thinking')}</p>}
      {!isAction && unplaced.length > 0 && (
        <section className="suggested" aria-label={t('code.suggested')}>
          <h3 className="suggested-title">{t('code.suggested')}</h3>
          {unplaced.map((c) => <StandaloneCommand key={c.id} command={c} />)}
        </section>
      )}
      {m.stopped && !m.streaming && <p className="msg-stopped muted">{t('chat.stopped')}</p>}
      {m.error && !m.stopped && <p className="msg-error" role="alert">{t('chat.error', { message: m.error })}</p>}
    </article>
  );
});
