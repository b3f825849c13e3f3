// Notices from the app (and errors of actions) shown as dismissible toasts, announced politely.
import { useStore } from '../../store/index';
import { useT } from '../../hooks/use-t';
import { CloseIcon } from './icons';
import { textLang } from '../../i18n/text-lang';

export function Toasts() {
  const toasts = useStore((s) => s.toasts);
  const dismiss = useStore((s) => s.dismissToast);
  const t = useT();
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((x) => (
        <div key={x.id} className={`toast toast-${x.level}`}>
          <span lang={textLang(x.message)}>{x.message}</span>
          <button type="button" className="btn btn-ghost btn-small" onClick={() => dismiss(x.id)} aria-label={t('notice.dismiss')}>
            <CloseIcon />
          </button>
        </div>
      ))}
    </div>
  );
}
