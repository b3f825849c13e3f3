// The markdown parser (markdown-it) loads lazily so the overlay paints without it; the loaded module lives
// in the store (no module state here), components read it through useMarkdown() and re-render once when
// it arrives. main.tsx asks for it as soon as the page is idle.
import { useEffect } from 'react';
import { useStore } from '../store/index';
import type { MarkdownModule } from '../store/ui-slice';

/** The parser module, or null until it has loaded (then the caller re-renders). */
export function useMarkdown(): MarkdownModule | null {
  const m = useStore((s) => s.markdown);
  const load = useStore((s) => s.loadMarkdown);
  useEffect(() => {
    if (!m) void load();
  }, [m, load]);
  return m;
}
