// The question box: Enter sends, Shift+Enter adds a line, ↑ in an empty box brings back the last
// question, Esc hides the overlay; Stop replaces Send while an answer streams.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useStore } from '../../store/index';
import { useT } from '../../hooks/use-t';
import { MAX_QUESTION_CHARS } from '../../limits';

export function Composer({ overlay }: { overlay?: boolean }) {
  const t = useT();
  const [text, setText] = useState('');
  const ref = useRef<HTMLTextAreaElement>(null);
  const streaming = useStore((s) => s.pending !== null);
  const canStop = useStore((s) => s.pending?.requestId != null);
  const focusTick = useStore((s) => s.focusTick);
  const askError = useStore((s) => s.askError);
  const ask = useStore((s) => s.ask);
  const stop = useStore((s) => s.stop);
  const hideWindow = useStore((s) => s.hideWindow);

  useEffect(() => {
    ref.current?.focus();
  }, [focusTick]);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${Math.min(el.scrollHeight, overlay ? 120 : 200)}px`;
  }, [text, overlay]);

  const tooLong = text.length > MAX_QUESTION_CHARS;
  const send = () => {
    if (streaming || !text.trim() || tooLong) return;
    const sent = text;
    setText('');
    void ask(sent).then((taken) => {
      if (!taken) setText((now) => now || sent);
    });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      send();
    } else if (e.key === 'ArrowUp' && !text) {
      const msgs = useStore.getState().messages;
      const lastQ = [...msgs].reverse().find((m) => m.role === 'user');
      if (lastQ) {
        e.preventDefault();
        setText(lastQ.content);
      }
    } else if (e.key === 'Escape' && overlay) {
      e.preventDefault();
      hideWindow();
    }
  };

  return (
    <form
      className={overlay ? 'composer composer-overlay' : 'composer'}
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <label htmlFor="question" className="visually-hidden">
        {t('composer.label')}
      </label>
      <textarea
        id="question"
        ref={ref}
        rows={1}
        value={text}
        placeholder={t('composer.placeholder')}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        aria-invalid={tooLong || undefined}
        aria-describedby={tooLong ? 'too-long' : askError ? 'ask-error' : undefined}
      />
      {streaming ? (
        // Stop is replaced by Send when the answer ends: focus goes to the question box, not to <body>.
        <button
          type="button"
          className="btn btn-stop"
          onClick={() => {
            ref.current?.focus();
            void stop();
          }}
          disabled={!canStop}
        >
          <span aria-hidden="true">■ </span>
          {t('composer.stop')}
        </button>
      ) : (
        <button type="submit" className="btn btn-primary" disabled={!text.trim() || tooLong}>
          {t('composer.send')}
        </button>
      )}
      {tooLong && (
        <p id="too-long" className="composer-error" role="alert">
          {t('composer.tooLong', { count: String(text.length), max: String(MAX_QUESTION_CHARS) })}
        </p>
      )}
      {!tooLong && askError && (
        <p id="ask-error" className="composer-error" role="alert">
          {askError}
        </p>
      )}
    </form>
  );
}
