// The full chat window: sidebar + the chosen panel (chat, settings, health check); the heavy panels
// load lazily so the overlay and the chat stay light.
import { lazy, Suspense } from 'react';
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
      <button type="button" className="btn btn-small" onClick={() => setPanel('doctor')}>{t('doctor.bannerOpen')}</button>
    </div>
  );
}

export function WindowLayout() {
  const panel = useStore((s) => s.panel);
  return (
    <div className="window">
      <Sidebar />
      <main className="main">
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
