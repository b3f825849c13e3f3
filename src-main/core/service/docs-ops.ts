// docs:section / docs:status: the offline documentation for the app. A section by the ref an answer's sources gave
// (validated by the channel's schema; an unknown ref is null, never an error), text capped for the viewer; and the
// index's status for the health check.
import type { DocSectionView, DocsStatusView } from '../../ipc/channels.js';
import type { DocsIndex, DocsStatus } from '../knowledge/types.js';

/** The viewer shows at most this much of a section (a whole man page can be long). */
export const MAX_SECTION_CHARS = 200_000;

export interface DocsOps {
  section(ref: string, lang?: 'en' | 'km'): DocSectionView | null;
  status(): DocsStatusView | null;
}

export function createDocsOps(deps: { docs: () => DocsIndex | null; status: () => DocsStatus | null }): DocsOps {
  return {
    section(ref, lang) {
      const index = deps.docs();
      if (!index) throw new Error('The offline documentation could not be opened. Rebuild it with: koompi-ask docs index');
      const hit = index.section(ref, lang);
      if (!hit) return null;
      const truncated = hit.text.length > MAX_SECTION_CHARS;
      return {
        kind: hit.kind,
        title: hit.title,
        ref,
        lang: hit.lang,
        text: truncated ? hit.text.slice(0, MAX_SECTION_CHARS) : hit.text,
        truncated,
      };
    },
    status() {
      const s = deps.status();
      if (!s) return null;
      return {
        builtAt: s.builtAt,
        sources: s.sources.map((x) => ({ kind: x.kind, pages: x.pages, sections: x.sections, skipped: x.skipped })),
        bytes: s.bytes,
        stale: s.stale,
        building: s.building ?? false,
        problem: s.problem ?? null,
      };
    },
  };
}
