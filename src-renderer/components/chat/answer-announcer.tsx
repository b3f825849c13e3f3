// The chat's one live region: screen readers hear "Thinking…" when an answer starts and the finished
// answer (as shown, capped) when it ends, never every streamed token.
import { useEffect, useRef, useState } from 'react';
import type { UiMessage } from '../../store/chat-events';
import { useT } from '../../hooks/use-t';
import { plainText } from '../../markdown/plain-text';

const ANNOUNCE_MAX = 1200;

export function AnswerAnnouncer({ last }: { last: UiMessage | undefined }) {
  const t = useT();
  const [text, setText] = useState('');
  const was = useRef<{ key: string; streaming: boolean } | null>(null);
  const streaming = last?.role === 'assistant' && last.streaming;
  const key = last?.key ?? '';

  useEffect(() => {
    const prev = was.current;
    was.current = { key, streaming };
    if (!last || last.role !== 'assistant') return;
    if (streaming && !(prev?.key === key && prev.streaming)) {
      setText(t('chat.thinking'));
    } else if (!streaming && prev?.key === key && prev.streaming) {
      // The words as shown (no ``` or **), once the answer is final; capped, the page has the rest.
      let said = plainText(last.content.slice(0, ANNOUNCE_MAX * 2))
        .replace(/\s+/g, ' ')
        .trim();
      if (said.length > ANNOUNCE_MAX) said = said.slice(0, ANNOUNCE_MAX) + '…';
      if (said) setText(t(last.stopped ? 'chat.answerStopped' : 'chat.answerReady', { text: said }));
    }
  }, [key, streaming, last, t]);

  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="answer-announcer">
      {text}
    </div>
  );
}
