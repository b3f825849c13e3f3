// One message: the user's question, or the assistant's answer with its tier badge, streamed
// markdown, commands (inline in code blocks, or listed below), notices and errors.
import { memo } from 'react';
import type { UiMessage } from '../../store/chat-events';
import { useT } from '../../hooks/use-t';
import { useUnplacedCommands } from '../../hooks/use-unplaced-commands';
import { ActionCard } from './action-card';
import { MarkdownView, useCommandMap } from './markdown-view';
import { StandaloneCommand } from './run-panel';
import { TierBadge } from './tier-badge';
import { SourcesList } from './sources-list';
import { textLang } from '../../i18n/text-lang';

export const MessageItem = memo(function MessageItem({ message: m }: { message: UiMessage }) {
  const t = useT();
  const commands = useCommandMap(m.commands);
  const unplaced = useUnplacedCommands(m);
  if (m.role === 'user') {
    return (
      <div className="msg msg-user" data-role="user">
        <span className="visually-hidden">{t('chat.you')}: </span>
        <div className="msg-user-text" lang={textLang(m.content)}>
          {m.content}
        </div>
      </div>
    );
  }
  const isAction = m.tier === 'rules' && !!m.intent && m.commands.length > 0 && !m.streaming;
  return (
    <article
      className="msg msg-assistant"
      data-role="assistant"
      data-streaming={m.streaming ? '1' : '0'}
      aria-busy={m.streaming}
      aria-label={t('chat.answer')}
    >
      <div className="msg-meta">
        {m.tier && <TierBadge tier={m.tier} model={m.model} />}
        {m.tokensPerSecond !== null && m.tier === 'local' && (
          <span className="muted small">{t('chat.speed', { tps: m.tokensPerSecond.toFixed(0) })}</span>
        )}
      </div>
      {m.notices.map((n, i) => (
        <p key={i} className="msg-notice" lang={textLang(n)}>
          {n}
        </p>
      ))}
      <div lang={m.streaming && m.content.length < 40 ? undefined : textLang(m.content)}>
        {isAction ? <ActionCard message={m} /> : <MarkdownView split={m.split} commands={commands} streaming={m.streaming} />}
      </div>
      {m.streaming && !m.content && (
        <p className="thinking" aria-hidden="true">
          {t('chat.thinking')}
        </p>
      )}
      {!isAction && unplaced.length > 0 && (
        <section className="suggested" aria-label={t('code.suggested')}>
          <h3 className="suggested-title">{t('code.suggested')}</h3>
          {unplaced.map((c) => (
            <StandaloneCommand key={c.id} command={c} />
          ))}
        </section>
      )}
      {!m.streaming && m.sources.length > 0 && <SourcesList sources={m.sources} />}
      {m.stopped && !m.streaming && <p className="msg-stopped muted">{t('chat.stopped')}</p>}
      {m.error && !m.stopped && (
        <p className="msg-error" role="alert">
          {t('chat.error', { message: '' })}
          <span lang={textLang(m.error)}>{m.error}</span>
        </p>
      )}
    </article>
  );
});
