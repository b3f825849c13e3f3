// The sources under an answer: where a docs answer comes from, or the passages a model was given (numbered as
// the model cites them, [1], [2]). Each opens in the in-app source viewer.
import { memo, useState } from 'react';
import type { AnswerSource } from '../../../src-main/ipc/channels';
import { useT } from '../../hooks/use-t';
import { textLang } from '../../i18n/text-lang';
import { SourceViewer } from './source-viewer';

export const SourcesList = memo(function SourcesList({ sources }: { sources: readonly AnswerSource[] }) {
  const t = useT();
  const [open, setOpen] = useState<AnswerSource | null>(null);
  if (sources.length === 0) return null;
  return (
    <section className="sources" aria-label={t('sources.title')}>
      <h3 className="sources-title">{t('sources.title')}</h3>
      <ol className="sources-list">
        {sources.map((s, i) => (
          <li key={`${s.ref}-${i}`} className="source-item" data-source-ref={s.ref}>
            <button
              type="button"
              className="source-link"
              onClick={() => setOpen(s)}
              aria-label={t('sources.open', { n: i + 1, title: s.title, kind: t(`sources.kind.${s.kind}`) })}
            >
              <span className="source-n" aria-hidden="true">
                [{i + 1}]
              </span>
              <span className={`badge source-kind source-kind-${s.kind}`} aria-hidden="true">
                {t(`sources.kind.${s.kind}`)}
              </span>
              <span className="source-title" lang={textLang(s.title)}>
                {s.title}
              </span>
            </button>
          </li>
        ))}
      </ol>
      {open && <SourceViewer source={open} onClose={() => setOpen(null)} />}
    </section>
  );
});
