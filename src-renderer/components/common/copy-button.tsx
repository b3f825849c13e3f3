// A button that copies text to the clipboard and says so for a moment. Its name is its visible text plus
// an unseen "what" ("Copy" + " code"), so speech and sight agree; focus stays on the button.
import { useEffect, useRef, useState } from 'react';
import { useT } from '../../hooks/use-t';

export function CopyButton({
  text,
  label,
  what,
  className,
}: {
  /** The text to copy, or a function that gives it at click time. */
  text: string | (() => string);
  /** Visible label instead of "Copy" (e.g. "Copy answer"). */
  label?: string;
  /** Said after the visible label by screen readers only (e.g. "code"). */
  what?: string;
  className?: string;
}) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!copied) return;
    const id = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(id);
  }, [copied]);
  const copy = () => {
    const value = typeof text === 'function' ? text() : text;
    const done = () => {
      setCopied(true);
      ref.current?.focus();
    };
    if (navigator.clipboard?.writeText) navigator.clipboard.writeText(value).then(done, () => fallbackCopy(value) && done());
    else if (fallbackCopy(value)) done();
  };
  return (
    <button type="button" ref={ref} className={className ?? 'btn btn-small'} onClick={copy}>
      {copied ? t('chat.copied') : (label ?? t('code.copy'))}
      {what && <span className="visually-hidden"> {what}</span>}
    </button>
  );
}

/** Older path when the clipboard API is refused: a hidden text area; focus goes back where it was. */
function fallbackCopy(text: string): boolean {
  const before = document.activeElement as HTMLElement | null;
  const ta = document.createElement('textarea');
  ta.value = text;
  ta.setAttribute('readonly', '');
  ta.className = 'offscreen';
  document.body.appendChild(ta);
  ta.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  ta.remove();
  before?.focus();
  return ok;
}
