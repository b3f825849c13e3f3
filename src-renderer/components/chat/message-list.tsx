// The conversation: every message in order, kept scrolled to the newest while an answer streams; its
// live region announces answers when they finish (the list itself is not live, so tokens stay silent).
import { useEffect, useRef, type KeyboardEvent, type WheelEvent } from 'react';
import { useStore } from '../../store/index';
import { useT } from '../../hooks/use-t';
import { MessageItem } from './message-item';
import { AnswerAnnouncer } from './answer-announcer';

export function MessageList({ lastOnly }: { lastOnly?: boolean }) {
  const messages = useStore((s) => s.messages);
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const shown = lastOnly ? messages.slice(-2) : messages;
  const last = shown[shown.length - 1];
  const stick = useRef(true);
  const count = useRef(0);
  /** A pointer is down in the list (e.g. dragging its scrollbar): a scroll away from the bottom is the user's. */
  const dragging = useRef(false);

  // A new message (the user just asked) brings the view back to the bottom.
  if (shown.length > count.current) stick.current = true;
  count.current = shown.length;

  // Follow the bottom whenever the content grows (streamed text, then Run buttons and badges when the
  // answer is done), unless the user scrolled up to read. ResizeObserver runs after layout, so this
  // never forces an extra layout per streamed frame.
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const follow = () => {
      if (stick.current) el.scrollTop = el.scrollHeight;
    };
    follow();
    if (typeof ResizeObserver !== 'function') return;
    const ro = new ResizeObserver(follow);
    for (const child of Array.from(el.children)) ro.observe(child);
    return () => ro.disconnect();
  }, [shown.length, last?.key]);

  // Only the user lets go of the bottom: a wheel or key up, or dragging the scrollbar. Scroll events alone
  // cannot tell (our own scrollTop writes and layout changes fire them too, late), so they only re-stick.
  const onScroll = () => {
    const el = ref.current;
    if (!el) return;
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < 48;
    if (atBottom) stick.current = true;
    else if (dragging.current) stick.current = false;
  };
  const onWheel = (e: WheelEvent<HTMLDivElement>) => {
    if (e.deltaY < 0) stick.current = false;
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (['ArrowUp', 'PageUp', 'Home'].includes(e.key)) stick.current = false;
  };

  const announcer = <AnswerAnnouncer last={last} />;
  if (!shown.length) {
    return (
      <div className="messages messages-empty" ref={ref}>
        <p className="empty-title">{t('chat.empty')}</p>
        {!lastOnly && <p className="muted empty-hint">{t('chat.emptyHint')}</p>}
        {announcer}
      </div>
    );
  }
  return (
    <div
      className="messages"
      ref={ref}
      onScroll={onScroll}
      onWheel={onWheel}
      onKeyDown={onKeyDown}
      onPointerDown={() => (dragging.current = true)}
      onPointerUp={() => (dragging.current = false)}
      onPointerCancel={() => (dragging.current = false)}
      role="region"
      aria-label={t('chat.messages')}
      tabIndex={0}
    >
      {shown.map((m) => (
        <MessageItem key={m.key} message={m} />
      ))}
      {announcer}
    </div>
  );
}
