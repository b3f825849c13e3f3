// useT(): the translate function for the current UI language (from settings, else the system's).
import { useMemo } from 'react';
import { useStore } from '../store/index';
import { makeT, resolveLang, type Lang, type T } from '../i18n/translate';

export function useLang(): Lang {
  const setting = useStore((s) => s.settings?.language);
  return resolveLang(setting, typeof navigator === 'undefined' ? 'en' : navigator.language);
}

export function useT(): T {
  const lang = useLang();
  return useMemo(() => makeT(lang), [lang]);
}
