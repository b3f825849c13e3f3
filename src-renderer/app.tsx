// The root: applies theme and language, then shows the overlay or the window layout.
import { useStore } from './store/index';
import { useDocumentPrefs } from './hooks/use-document-prefs';
import { OverlayLayout } from './components/overlay/overlay-layout';
import { WindowLayout } from './components/window/window-layout';
import { Toasts } from './components/common/toasts';
import { LinkDialog } from './components/common/link-dialog';

export function App() {
  useDocumentPrefs();
  const view = useStore((s) => s.view);
  const booted = useStore((s) => s.booted);
  const bootError = useStore((s) => s.bootError);
  return (
    <div className={`app app-${view}`} data-booted={booted ? '1' : '0'}>
      {bootError && (
        <p className="banner banner-error" role="alert">
          {bootError}
        </p>
      )}
      {view === 'overlay' ? <OverlayLayout /> : <WindowLayout />}
      <Toasts />
      <LinkDialog />
    </div>
  );
}
