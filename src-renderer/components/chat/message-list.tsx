// The conversation: every message in order, kept scrolled to the newest while an answer streams.
import { useEffect, useRef } from 'react';
import { useStore } from '../../store/index';
import { useT } from '../../hooks/use-t';
import { MessageItem } from './message-item';

export function MessageList({ lastOnly }: { lastOnly?: boolean }) {
  const messages = useStore((s) => s.messages);
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const shown = lastOnly ? messages.slice(-2) : messages;
  const last = shown[shown.length - 1];
  const stick = useRef(true);

  useEffect(() => {
    const el = ref.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [last?.content, shown.length]);

  const onScroll = () => {
    const el = ref.current;
    if (el) stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 48;
  };

  if (!shown.length) {
    return (
      <div className="messages messages-empty" ref={ref}>
        <p className="empty-title">{t('chat.empty')}</p>
        {!lastOnly && <p className="muted">{t('chat.emptyHint')}</p>}
      </div>
    );
  }
  return (
    <div className="messages" ref={ref} onScroll={onScroll} role="log" aria-label={t('chat.messages')}>
      {shown.map((m) => (
        <MessageItem key={m.key} message={m} />
      ))}
    </div>
  );
}
