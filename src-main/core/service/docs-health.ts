// The health check's line for the offline documentation index: what is indexed (sources, sections, when, size),
// whether it is being built, and the fix when it is missing, stale or damaged. In English or Khmer.
import type { HealthCheck } from '../../ipc/channels.js';
import type { DocsBuildProgress, DocsStatus } from '../knowledge/types.js';
import type { DoctorLang } from '../doctor-texts.js';

const KIND_LABEL: Record<string, string> = { koompi: 'KOOMPI guides', man: 'man pages', archwiki: 'ArchWiki', kde: 'KDE handbooks' };
const KIND_LABEL_KM: Record<string, string> = { koompi: 'មគ្គុទ្ទេសក៍ KOOMPI', man: 'man pages', archwiki: 'ArchWiki', kde: 'សៀវភៅណែនាំ KDE' };
export const DOCS_INDEX_FIX = 'koompi-ask docs index';

const n = (x: number): string => x.toLocaleString('en');

interface DocsTexts {
  label: string;
  kinds: Record<string, string>;
  pages: (label: string, count: number) => string;
  what: (sections: number, parts: string) => string;
  nothing: string;
  cannotOpen: string;
  step: (kind: string, done: number, total: number, pct: number) => string;
  building: (step: string, what: string) => string;
  problem: (problem: string, what: string) => string;
  notBuilt: (what: string) => string;
  stale: (builtAt: string, what: string) => string;
  wikiHint: string;
  size: (mb: number) => string;
  skipped: (count: number) => string;
  built: (what: string, builtAt: string, size: string, skip: string, hint: string) => string;
}

const EN: DocsTexts = {
  label: 'Offline documentation',
  kinds: KIND_LABEL,
  pages: (label, count) => `${label} ${n(count)} pages`,
  what: (sections, parts) => `${n(sections)} sections (${parts})`,
  nothing: 'no sections found',
  cannotOpen: 'The documentation index could not be opened.',
  step: (kind, done, total, pct) => ` (${kind ? `${kind}: ` : ''}${n(done)} of ${n(total)}, ${pct} %)`,
  building: (step, what) => `Being built now${step}; meanwhile ${what} can be searched.`,
  problem: (problem, what) => `${problem} Searching ${what} meanwhile.`,
  notBuilt: (what) =>
    `Not built yet: only the KOOMPI guides answer (${what}). Building adds this computer's man pages, the offline ArchWiki and KDE handbooks.`,
  stale: (builtAt, what) => `Out of date (built ${builtAt}); ${what}.`,
  wikiHint: ' Install arch-wiki-docs for the offline ArchWiki.',
  size: (mb) => `, ${mb} MB`,
  skipped: (count) => `; ${n(count)} unreadable pages skipped`,
  built: (what, builtAt, size, skip, hint) => `${what}, built ${builtAt}${size}${skip}.${hint}`,
};

const KM: DocsTexts = {
  label: 'ឯកសារជំនួយក្រៅបណ្តាញ',
  kinds: KIND_LABEL_KM,
  pages: (label, count) => `${label} ${n(count)} ទំព័រ`,
  what: (sections, parts) => `${n(sections)} ផ្នែក (${parts})`,
  nothing: 'រកមិនឃើញផ្នែកណាមួយទេ',
  cannotOpen: 'មិនអាចបើកសន្ទស្សន៍ឯកសារជំនួយបានទេ។',
  step: (kind, done, total, pct) => ` (${kind ? `${kind}៖ ` : ''}${n(done)} ក្នុងចំណោម ${n(total)}, ${pct} %)`,
  building: (step, what) => `កំពុងបង្កើតឥឡូវនេះ${step}។ ក្នុងពេលរង់ចាំ អាចស្វែងរកក្នុង ${what} បាន។`,
  problem: (_problem, what) => `សន្ទស្សន៍ឯកសារជំនួយខូច ឬអានមិនបាន។ ក្នុងពេលរង់ចាំ កំពុងស្វែងរកក្នុង ${what}។`,
  notBuilt: (what) =>
    `មិនទាន់បានបង្កើតទេ៖ មានតែមគ្គុទ្ទេសក៍ KOOMPI ទេដែលឆ្លើយបាន (${what})។ ការបង្កើតនឹងបន្ថែម man pages របស់កុំព្យូទ័រនេះ ArchWiki ក្រៅបណ្តាញ និងសៀវភៅណែនាំ KDE។`,
  stale: (builtAt, what) => `ហួសសម័យហើយ (បង្កើតនៅ ${builtAt})៖ ${what}។`,
  wikiHint: ' សូមដំឡើង arch-wiki-docs ដើម្បីមាន ArchWiki ក្រៅបណ្តាញ។',
  size: (mb) => `, ${mb} MB`,
  skipped: (count) => `៖ បានរំលង ${n(count)} ទំព័រដែលអានមិនបាន`,
  built: (what, builtAt, size, skip, hint) => `${what} បង្កើតនៅ ${builtAt}${size}${skip}។${hint}`,
};

export function docsHealth(status: DocsStatus | null, progress: DocsBuildProgress | null = null, lang: DoctorLang = 'en'): HealthCheck {
  const t = lang === 'km' ? KM : EN;
  const label = (kind: string): string => t.kinds[kind] ?? kind;
  const base = { id: 'docs-index', label: t.label };
  if (!status) return { ...base, ok: false, detail: t.cannotOpen, fix: DOCS_INDEX_FIX };
  const parts = status.sources.filter((s) => s.sections > 0).map((s) => t.pages(label(s.kind), s.pages));
  const sections = status.sources.reduce((a, s) => a + s.sections, 0);
  const skipped = status.sources.reduce((a, s) => a + s.skipped, 0);
  const what = sections > 0 ? t.what(sections, parts.join(', ')) : t.nothing;
  if (status.building || progress) {
    const step =
      progress && progress.total > 0
        ? t.step(
            progress.kind ? label(progress.kind) : '',
            progress.done,
            progress.total,
            Math.floor((100 * progress.done) / progress.total),
          )
        : '';
    return { ...base, ok: true, detail: t.building(step, what), fix: null };
  }
  if (status.problem) return { ...base, ok: false, detail: t.problem(status.problem, what), fix: DOCS_INDEX_FIX };
  if (!status.builtAt) return { ...base, ok: false, detail: t.notBuilt(what), fix: DOCS_INDEX_FIX };
  if (status.stale) return { ...base, ok: false, detail: t.stale(status.builtAt, what), fix: DOCS_INDEX_FIX };
  const wiki = status.sources.find((s) => s.kind === 'archwiki');
  const hint = !wiki || wiki.pages === 0 ? t.wikiHint : '';
  const size = status.bytes > 0 ? t.size(Math.round(status.bytes / 1e6)) : '';
  const skip = skipped > 0 ? t.skipped(skipped) : '';
  return { ...base, ok: true, detail: t.built(what, status.builtAt, size, skip, hint), fix: null };
}
