// Tokeniser for index and queries: one function, used by both, so terms always meet. Latin text is
// lower-cased, split on non-alphanumerics and lightly stemmed; options keep a dashed form too ("-r");
// Khmer runs are segmented with Intl.Segmenter('km'). The fingerprint changes when the tokeniser or
// the runtime's segmentation changes (Chromium and Node segment Khmer differently): the index is then rebuilt.
import { createHash } from 'node:crypto';
import { normalizeText } from './normalize.js';
import { stem } from './stem.js';

export const TOKENIZER_VERSION = 4;

const STOPWORDS = new Set(
  (
    'a an and are as at be by do does for from how i in is it me my of on or so that the this to was what when where which ' +
    'who why will with you your can could should would please tell about into its our we they them then than there these those ' +
    'use using used get want need'
  ).split(' '),
);
/** Khmer function words that carry no topic ("how", "what", "I", question particles, politeness). */
const KM_STOPWORDS = new Set([
  'តើ',
  'ខ្ញុំ',
  'យ៉ាងដូចម្តេច',
  'យ៉ាងដូច',
  'ម្តេច',
  'ដូចម្តេច',
  'របស់',
  'នៅ',
  'និង',
  'ជា',
  'ដែល',
  'បាន',
  'ទេ',
  'ឬ',
  'នេះ',
  'នោះ',
  'ក្នុង',
  'ពី',
  'អ្វី',
  'ណា',
  'បែប',
  'ណា',
  'សូម',
  'ចង់',
  'ត្រូវ',
  'ធ្វើ',
  'មិន',
  'មួយ',
  'គឺ',
  'ឱ្យ',
  'អោយ',
  'ទៅ',
  'មក',
  'ផង',
  'ហ្នឹង',
  'បាទ',
  'ចាស',
]);

let segmenter: Intl.Segmenter | null = null;
function khmerSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter('km', { granularity: 'word' });
  return segmenter;
}

const RUN = /[\u1780-\u17FF\u19E0-\u19FF]+|-{0,2}[\p{L}\p{N}_][\p{L}\p{N}_.+']*/gu;
/** The same for ASCII-only text (most man pages): a much faster expression. */
const ASCII_RUN = /-{0,2}[A-Za-z0-9_][A-Za-z0-9_.+']*/g;
const NON_ASCII = /[^\x00-\x7f]/;

/** Terms of a text, in order, duplicates kept (term frequencies matter). */
export function tokenize(text: string, keepStopwords = false): string[] {
  const out: string[] = [];
  // Not lower-cased here: a one-letter option keeps its case ("-v" invert, "-V" version); words are lowered below.
  const s = normalizeText(text);
  const re = NON_ASCII.test(s) ? RUN : ASCII_RUN;
  re.lastIndex = 0;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    const run = m[0];
    const c = run.charCodeAt(0);
    if (c >= 0x1780 && c <= 0x19ff) {
      for (const seg of khmerSegmenter().segment(run)) {
        if (!seg.isWordLike) continue;
        if (!keepStopwords && KM_STOPWORDS.has(seg.segment)) continue;
        out.push(seg.segment);
      }
      continue;
    }
    addLatin(run, out, keepStopwords);
  }
  return out;
}

/** Terms of a Latin run, memoised: the vocabulary is small next to the text, so most runs repeat. */
const memo = [new Map<string, string[]>(), new Map<string, string[]>()];

function addLatin(run: string, out: string[], keepStopwords: boolean): void {
  const m = memo[keepStopwords ? 1 : 0]!;
  let terms = m.get(run);
  if (!terms) {
    terms = [];
    latinTerms(run, terms, keepStopwords);
    if (m.size > 400_000) m.clear();
    m.set(run, terms);
  }
  for (const t of terms) out.push(t);
}

function latinTerms(run: string, out: string[], keepStopwords: boolean): void {
  let w = run.replace(/[.']+$/, '');
  const dashes = /^-+/.exec(w)?.[0].length ?? 0;
  if (dashes > 0) {
    w = w.slice(dashes);
    // "-r" and "--recursive" are also kept whole: option questions ("what does -r do") need them.
    // A one-letter option keeps its case: -v and -V are different options.
    if (w.length > 0 && w.length <= 40 && /^[A-Za-z0-9]/.test(w)) {
      const opt = dashes === 1 && /^[A-Za-z]$/.test(w) ? w : w.toLowerCase().replace(/[.']/g, '');
      out.push('-'.repeat(Math.min(dashes, 2)) + opt);
    }
  }
  w = w.toLowerCase();
  for (const part of w.split(/[.'_+]+/)) {
    if (part.length === 0 || part.length > 40) continue;
    if (!keepStopwords && STOPWORDS.has(part)) continue;
    out.push(stem(part));
  }
  // Compound names ("nmcli", "wpa_supplicant", "os-release") also match whole.
  if (/[_.+]/.test(w) && w.length <= 40) out.push(w);
}

let cachedFingerprint: string | null = null;

/** Changes when the tokeniser's code or the runtime's word segmentation changes. */
export function tokenizerFingerprint(): string {
  if (cachedFingerprint) return cachedFingerprint;
  const probe = [
    'តើខ្ញុំប្តូរភាសាក្ដារចុចយ៉ាងដូចម្តេច',
    'ការដំឡើងកម្មវិធីថ្មីលើកុំព្យូទ័រ',
    'ភ្ជាប់វ៉ាយហ្វាយនិងម៉ាស៊ីនបោះពុម្ព',
    'ស្ណាបស៊ុតប្រព័ន្ធត្រឡប់ក្រោយ',
    'Mounting the --recursive wpa_supplicant files -V -v',
  ];
  const h = createHash('sha256');
  h.update(`v${TOKENIZER_VERSION}\n`);
  for (const p of probe) h.update(tokenize(p, true).join('|') + '\n');
  cachedFingerprint = h.digest('hex').slice(0, 16);
  return cachedFingerprint;
}
