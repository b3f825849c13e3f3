// What the docs index says to people, in English and Khmer.

export type TextLang = 'en' | 'km';

export const DOCS_TEXTS = {
  en: {
    phase: { discover: 'Finding documentation', parse: 'Reading pages', write: 'Writing the index', done: 'Done' } as Record<
      string,
      string
    >,
    built: (sections: number, ms: number, mb: string) => `Indexed ${sections} sections in ${(ms / 1000).toFixed(1)} s (${mb} MB).`,
    unchanged: (ms: number) => `Nothing changed since the last build (checked in ${(ms / 1000).toFixed(1)} s).`,
    source: (kind: string, pages: number, sections: number, skipped: number) =>
      `  ${kind.padEnd(9)} ${String(pages).padStart(6)} pages  ${String(sections).padStart(7)} sections${skipped ? `  (${skipped} skipped: unreadable or empty)` : ''}`,
    locked: (why: string) => `${why}. Wait for it to finish, then run \`koompi-ask docs index\` again.`,
    diskFull: (why: string) => `${why}. Free some space (for example \`sudo paccache -r\`), then run \`koompi-ask docs index\` again.`,
    ioError: (why: string) => `${why}. Check that the cache folder is writable (KOOMPI_CACHE_DIR).`,
    notBuilt: 'Only the KOOMPI articles are searched: the man pages and the ArchWiki are not indexed yet. Run `koompi-ask docs index`.',
    stale: 'The index was built by another version: run `koompi-ask docs index` to rebuild it.',
    noResults: 'Nothing found in the offline documentation.',
    emptyQuery: 'docs search needs a question, e.g. koompi-ask docs search "how do I mount a USB drive"',
    badLimit: '--limit must be a whole number from 1 to 100',
    usage: 'docs needs one of: index, search "query", status',
    statusNone: 'not built yet',
    statusHead: (dir: string, built: string, mb: string) => `Index: ${dir}\nBuilt: ${built}\nSize: ${mb} MB`,
    building: 'A build is running right now.',
    problem: (p: string) => `Problem: ${p}`,
  },
  km: {
    phase: { discover: 'កំពុងស្វែងរកឯកសារ', parse: 'កំពុងអានទំព័រ', write: 'កំពុងសរសេរលិបិក្រម', done: 'រួចរាល់' } as Record<string, string>,
    built: (sections: number, ms: number, mb: string) =>
      `បានធ្វើលិបិក្រម ${sections} ផ្នែក ក្នុងរយៈពេល ${(ms / 1000).toFixed(1)} វិនាទី (${mb} MB)។`,
    unchanged: (ms: number) => `គ្មានអ្វីផ្លាស់ប្ដូរតាំងពីការបង្កើតចុងក្រោយទេ (បានពិនិត្យក្នុង ${(ms / 1000).toFixed(1)} វិនាទី)។`,
    source: (kind: string, pages: number, sections: number, skipped: number) =>
      `  ${kind.padEnd(9)} ${String(pages).padStart(6)} ទំព័រ  ${String(sections).padStart(7)} ផ្នែក${skipped ? `  (រំលង ${skipped}៖ អានមិនបាន ឬទទេ)` : ''}`,
    locked: (why: string) => `${why}។ សូមរង់ចាំវាបញ្ចប់ រួចដំណើរការ \`koompi-ask docs index\` ម្ដងទៀត។`,
    diskFull: (why: string) => `${why}។ សូមសម្អាតទំហំឌីសខ្លះ (ឧទាហរណ៍ \`sudo paccache -r\`) រួចដំណើរការ \`koompi-ask docs index\` ម្ដងទៀត។`,
    ioError: (why: string) => `${why}។ សូមពិនិត្យថាថតឃ្លាំងសម្ងាត់អាចសរសេរបាន (KOOMPI_CACHE_DIR)។`,
    notBuilt: 'កំពុងស្វែងរកតែអត្ថបទ KOOMPI ប៉ុណ្ណោះ៖ ទំព័រ man និង ArchWiki មិនទាន់មានលិបិក្រមនៅឡើយ។ សូមដំណើរការ `koompi-ask docs index`។',
    stale: 'លិបិក្រមត្រូវបានបង្កើតដោយកំណែផ្សេង៖ សូមដំណើរការ `koompi-ask docs index` ដើម្បីបង្កើតវាឡើងវិញ។',
    noResults: 'រកមិនឃើញអ្វីក្នុងឯកសារក្រៅបណ្ដាញទេ។',
    emptyQuery: 'docs search ត្រូវការសំណួរ ឧទាហរណ៍ koompi-ask docs search "តើខ្ញុំភ្ជាប់ USB យ៉ាងដូចម្ដេច"',
    badLimit: '--limit ត្រូវតែជាចំនួនគត់ពី 1 ដល់ 100',
    usage: 'docs ត្រូវការមួយក្នុងចំណោម៖ index, search "សំណួរ", status',
    statusNone: 'មិនទាន់បង្កើតនៅឡើយ',
    statusHead: (dir: string, built: string, mb: string) => `លិបិក្រម៖ ${dir}\nបង្កើតនៅ៖ ${built}\nទំហំ៖ ${mb} MB`,
    building: 'ការបង្កើតលិបិក្រមកំពុងដំណើរការឥឡូវនេះ។',
    problem: (p: string) => `បញ្ហា៖ ${p}`,
  },
};

export type DocsTexts = (typeof DOCS_TEXTS)['en'];

/** Khmer when the text has Khmer in it, or the environment's language is Khmer. */
export function docsLang(text: string, env: NodeJS.ProcessEnv): TextLang {
  if (/[\u1780-\u17FF]/.test(text)) return 'km';
  const l = env.KOOMPI_LANG || env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return l.startsWith('km') ? 'km' : 'en';
}
