// Applies the theme (light/dark/system) and language to <html> so CSS and fonts follow them.
import { useEffect, useState } from 'react';
import { useStore } from '../store/index';
import { useLang } from './use-t';

function systemDark(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
}

export function useDocumentPrefs(): void {
  const theme = useStore((s) => s.settings?.theme ?? 'system');
  const lang = useLang();
  const [dark, setDark] = useState(systemDark);

  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const mq = matchMedia('(prefers-color-scheme: dark)');
    const on = () => setDark(mq.matches);
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, []);

  useEffect(() => {
    const resolved = theme === 'system' ? (dark ? 'dark' : 'light') : theme;
    document.documentElement.dataset.theme = resolved;
  }, [theme, dark]);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
}
