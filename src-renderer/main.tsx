// Renderer entry: picks the layout (?view=overlay|window), starts the bridge, tells the app it is ready.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { startBridge } from './bridge';
import { useStore } from './store/index';
import './styles/base.css';
import './styles/chat.css';
import './styles/panels.css';
import './styles/sources.css';

const param = new URLSearchParams(location.search).get('view');
const view = param === 'overlay' ? 'overlay' : 'window';
useStore.setState({ view });

const root = document.getElementById('root')!;
if (!window.koompi) {
  root.textContent = 'KOOMPI Assistant: the app bridge is missing.';
} else {
  startBridge(window.koompi, useStore);
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  void useStore.getState().boot(view, param === 'overlay' || param === 'window');
  // The parser is not needed for the first paint; fetch it as soon as the page is idle.
  const preload = () => void useStore.getState().loadMarkdown();
  if (typeof requestIdleCallback === 'function') requestIdleCallback(preload, { timeout: 500 });
  else setTimeout(preload, 100);
}
