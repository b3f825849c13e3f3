// useDocSection(ref): loads one documentation section (a KOOMPI article section, a man page, a wiki section)
// through the app's `docs:section` channel for the source viewer; state: loading, the section, missing or an error.
import { useEffect, useState } from 'react';
import type { DocSectionView } from '../../src-main/ipc/channels';
import { api, errorText } from '../api';

export type DocSectionState =
  { state: 'loading' } | { state: 'ok'; section: DocSectionView } | { state: 'missing' } | { state: 'error'; error: string };

export function useDocSection(ref: string, lang: 'en' | 'km'): DocSectionState {
  const [s, setS] = useState<DocSectionState>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    setS({ state: 'loading' });
    api()
      .docsSection(ref, lang)
      .then(
        (section) => {
          if (live) setS(section ? { state: 'ok', section } : { state: 'missing' });
        },
        (e: unknown) => {
          if (live) setS({ state: 'error', error: errorText(e) });
        },
      );
    return () => {
      live = false;
    };
  }, [ref, lang]);
  return s;
}
