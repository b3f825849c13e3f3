// Loads the markdown parser (markdown-it) lazily so the overlay paints without it; components read it
// through useMarkdown() and re-render once when it arrives. main.tsx preloads it when the app is idle.
import { useEffect, useSyncExternalStore } from 'react';

type MarkdownModule = typeof import('./render-block');

let mod: MarkdownModule | null = null;
let loading: Promise<MarkdownModule> | null = null;
const listeners = new Set<() => void>();

export function loadMarkdown(): Promise<MarkdownModule> {
  loading ??= import('./render-block').then((m) => {
    mod = m;
    for (const l of listeners) l();
    return m;
  });
  return loading;
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** The parser module, or null until it has loaded (then the caller re-renders). */
export function useMarkdown(): MarkdownModule | null {
  const m = useSyncExternalStore(subscribe, () => mod);
  useEffect(() => {
    if (!m) void loadMarkdown();
  }, [m]);
  return m;
}
