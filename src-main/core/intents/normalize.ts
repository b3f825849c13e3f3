// Normalises a question before matching: Unicode form, invisible characters, Khmer spelling variants, case, punctuation.

/** Format characters (zero-width space/joiners, BOM, word joiner, bidi marks, soft hyphen) and Khmer invisible vowels. */
const INVISIBLE = /[\p{Cf}\u034F\u115F\u1160\u17B4\u17B5\u180E\u3164\uFFA0]/gu;
/** Character-level variants: coeng TA → coeng DA (ណ្ត/ណ្ដ), split vowels typed in two parts, ុំ order, ឲ → ឱ. */
const CHAR_FOLDS: ReadonlyMap<string, string> = new Map([
  ['\u17D2\u178F', '\u17D2\u178A'],
  ['\u17C1\u17B8', '\u17BE'],
  ['\u17C1\u17B6', '\u17C4'],
  ['\u17C6\u17BB', '\u17BB\u17C6'],
  ['\u17B2', '\u17B1'],
]);
const CHAR_FOLD_RE = /\u17D2\u178F|\u17C1\u17B8|\u17C1\u17B6|\u17C6\u17BB|\u17B2/g;

/** Word-level variants and misspellings of frequent words, written in the character-folded form. */
const WORD_FOLDS: ReadonlyArray<readonly [string, string]> = [
  ['អោយ|ឱយ|អោ្យ', 'ឱ្យ'],
  ['[តដ]ំ[ឡល]ើង|តម្លើង', 'ដំឡើង'],
  ['ស្វេងរក', 'ស្វែងរក'],
  ['ជម្រាបសួរ|ជំរាបសួរ', 'ជំរាបសួរ'],
  ['សំឡេង|សម្លេង', 'សំឡេង'],
  ['វ៉ា?យហ្វា?យ|វ៉ៃហ្វៃ|វ៉ាយហ្វៃ|វាយហ្វាយ', ' wifi '],
  ['ប៊្លូធូ[សថធ]|ប្លូធូ[សថធ]', ' bluetooth '],
];
const WORD_FOLD_RE = new RegExp(WORD_FOLDS.map(([src]) => `(${src.replace(CHAR_FOLD_RE, (m) => CHAR_FOLDS.get(m)!)})`).join('|'), 'g');
const KHMER_CHAR = /[\u1780-\u17FF\u19E0-\u19FF]/;

/**
 * Folds Khmer spelling variants to one form: coeng TA and coeng DA (ណ្ត/ណ្ដ), split vowels typed as two
 * parts, the two independent vowels for "ឱ", sign order of ុំ, and common misspellings of frequent words.
 * Two passes (characters, then words), each one scan of the text.
 */
export function foldKhmer(s: string): string {
  if (!KHMER_CHAR.test(s)) return s;
  return s
    .replace(CHAR_FOLD_RE, (m) => CHAR_FOLDS.get(m)!)
    .replace(WORD_FOLD_RE, (...g: unknown[]) => {
      for (let i = 1; i <= WORD_FOLDS.length; i++) if (g[i] !== undefined) return WORD_FOLDS[i - 1]![1];
      return String(g[0]);
    });
}

export interface Normalized {
  /** Lowercase, punctuation-free, single-spaced text; commas read as "and"; Khmer and Latin runs separated by a space. */
  text: string;
  lang: 'en' | 'km';
  /** The question carried a question mark (any script). */
  questionMark: boolean;
}

const NON_ASCII = /[^\x00-\x7F]/;
/** Emoji (with skin tones and variation selectors): tone, not content. */
const EMOJI = /[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\uFE0F\u20E3]/gu;
/** Text smileys standing alone (":)", ":-D", "=)"); ';' and '|' ones never get here (shell syntax gate). */
const SMILEY = /(^|\s)[:=]-?[()dDpP3]+(?=\s|$)/g;
const ANY_QUESTION_MARK = /[?\uFF1F\u061F\u00BF\u2753\u2754]/;
const KHMER_DIGIT = /[\u17E0-\u17E9]/g;
const SCRIPT_BOUNDARY = /[\u1780-\u17FF](?=[A-Za-z0-9])|[A-Za-z0-9](?=[\u1780-\u17FF])/g;
const APOSTROPHES = /['’‘´ʼ]/g;
const COMMAS = /[,\uFF0C\u3001]/;
const COMMA_RUN = /\s*[,\uFF0C\u3001][\s,\uFF0C\u3001]*(?:and\s+)?/g;
const PUNCTUATION = /[?\uFF1F!\uFF01:"“”«»។៕៖…\u2753\u2754]/g;
const LOOSE_DOTS = /(^|[^a-z0-9])\.+|\.+(?![a-z0-9])/g;
const HASH_NUMBER = /#(?=\d)/g;
const WIFI = /\bwi[- ]?fi\b/g;
const SNAP_SHOT = /\bsnap shot/g;
const SPACES = /\s+/g;

export function normalize(raw: string): Normalized {
  let s = raw;
  let lang: 'en' | 'km' = 'en';
  let questionMark: boolean;
  if (NON_ASCII.test(s)) {
    s = s.normalize('NFC').replace(INVISIBLE, '').replace(EMOJI, ' ');
    questionMark = ANY_QUESTION_MARK.test(s);
    if (KHMER_CHAR.test(s)) {
      lang = 'km';
      s = foldKhmer(s.replace(KHMER_DIGIT, (d) => String(d.charCodeAt(0) - 0x17e0))).replace(SCRIPT_BOUNDARY, '$& ');
    }
    s = s.toLowerCase().replace(APOSTROPHES, '');
  } else {
    questionMark = s.includes('?');
    s = s.toLowerCase();
    if (s.includes("'")) s = s.replace(APOSTROPHES, '');
  }
  if (s.includes(':') || s.includes('=')) s = s.replace(SMILEY, '$1');
  // a comma (or a run of them, with or without a following "and") reads as one "and"
  if (COMMAS.test(s)) s = s.replace(COMMA_RUN, ' and ');
  s = s.replace(PUNCTUATION, ' ');
  if (s.includes('.')) s = s.replace(LOOSE_DOTS, '$1 ');
  if (s.includes('#')) s = s.replace(HASH_NUMBER, '');
  if (s.includes('wi')) s = s.replace(WIFI, 'wifi');
  if (s.includes('snap shot')) s = s.replace(SNAP_SHOT, 'snapshot');
  return { text: s.replace(SPACES, ' ').trim(), lang, questionMark };
}
