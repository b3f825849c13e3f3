// Before a link from an answer leaves the app: the real target (host in bold, then the whole address),
// whatever the link's text claims, and a choice. Cancel is the default.
import { useStore } from '../../store/index';
import { useT } from '../../hooks/use-t';
import { Dialog } from './dialog';

export function LinkDialog() {
  const t = useT();
  const link = useStore((s) => s.pendingLink);
  const answer = useStore((s) => s.answerLink);
  if (!link) return null;
  let host = link.href;
  try {
    host = new URL(link.href).host;
  } catch {
    // shown as it is
  }
  const text = link.text.trim();
  return (
    <Dialog title={t('link.title')} onClose={() => answer(false)}>
      <p>{t('link.body')}</p>
      <p className="link-target" lang="en" translate="no">
        <strong>{host}</strong>
        <br />
        <span className="link-url">{link.href}</span>
      </p>
      {text && text !== link.href && <p className="help">{t('link.text', { text })}</p>}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={() => answer(false)} data-autofocus>
          {t('dialog.cancel')}
        </button>
        <button type="button" className="btn btn-primary" onClick={() => answer(true)}>
          {t('link.open')}
        </button>
      </div>
    </Dialog>
  );
}
