// The full chat window: sidebar + the chosen panel (chat, settings, health check); the heavy panels
// load lazily so the overlay and the chat stay light.
import { lazy, Suspense, useEffect } from 'react';
import { useStore } from '../../store/index';
import { useT } from '../../hooks/use-t';
import { Composer } from '../chat/composer';
import { MessageList } from '../chat/message-list';
import { Sidebar } from './sidebar';

const SettingsPanel = lazy(() => import('../settings/settings-panel'));
const DoctorPanel = lazy(() => import('../doctor/doctor-panel'));

function DoctorBanner() {
  const t = useT();
  const failing = useStore((s) => s.doctor.report?.checks.some((c) => !c.ok && (c.id === 'ollama' || c.id === 'model')) ?? false);
  const setPanel = useStore((s) => s.setPanel);
  if (!failing) return null;
  return (
    <div className="banner banner-warning" role="status">
      <span>{t('doctor.banner')}</span>
      <button type="button" className="btn btn-small" onClick={() => setPanel('doctor')}>
        {t('doctor.bannerOpen')}
      </button>
    </div>
  );
}

/** Below this width the sidebar starts closed (a 360 px window keeps its whole width for the answer). */
const NARROW = '(max-width: 720px)';

function SidebarToggle() {
  const t = useT();
  const open = useStore((s) => s.sidebarOpen);
  const toggle = useStore((s) => s.toggleSidebar);
  return (
    <button
      type="button"
      className="btn btn-ghost btn-small sidebar-toggle"
      aria-expanded={open}
      aria-controls="sidebar"
      onClick={() => toggle()}
    >
      <span aria-hidden="true">☰ </span>
      {t(open ? 'sidebar.hide' : 'sidebar.show')}
    </button>
  );
}

export function WindowLayout() {
  const panel = useStore((s) => s.panel);
  const open = useStore((s) => s.sidebarOpen);
  const toggle = useStore((s) => s.toggleSidebar);
  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const mq = matchMedia(NARROW);
    toggle(!mq.matches);
    const on = () => toggle(!mq.matches);
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, [toggle]);
  return (
    <div className={open ? 'window' : 'window sidebar-closed'}>
      {open && <Sidebar />}
      <main className="main">
        <div className="main-bar">
          <SidebarToggle />
        </div>
        {panel === 'chat' && (
          <div className="chat">
            <DoctorBanner />
            <MessageList />
            <Composer />
          </div>
        )}
        <Suspense fallback={<div className="panel-loading" aria-busy="true" />}>
          {panel === 'settings' && <SettingsPanel />}
          {panel === 'doctor' && <DoctorPanel />}
        </Suspense>
      </main>
    </div>
  );
}
