// Normalises a question before matching: Unicode form, invisible characters, Khmer spelling variants, case, punctuation.

/** Format characters (zero-width space/joiners, BOM, word joiner, bidi marks, soft hyphen) and Khmer invisible vowels. */
const INVISIBLE = /[\p{Cf}\u034F\u115F\u1160\u17B4\u17B5\u180E\u3164\uFFA0]/gu;
const KHMER_CHAR = /[\u1780-\u17FF\u19E0-\u19FF]/;

/**
 * Folds Khmer spelling variants to one form: coeng TA and coeng DA (ណ្ត/ណ្ដ), split vowels typed as two
 * parts, the two independent vowels for "ឱ", sign order of ុំ, and common misspellings of frequent verbs.
 */
export function foldKhmer(s: string): string {
  if (!KHMER_CHAR.test(s)) return s;
  return s
    .replace(/\u17D2\u178F/g, '\u17D2\u178A')
    .replace(/\u17C1\u17B8/g, '\u17BE')
    .replace(/\u17C1\u17B6/g, '\u17C4')
    .replace(/\u17C6\u17BB/g, '\u17BB\u17C6')
    .replace(/\u17B2/g, '\u17B1')
    .replace(/អោយ|ឱយ|អោ្យ/g, 'ឱ្យ')
    .replace(/[តដ]ំ[ឡល]ើង|តម្លើង/g, 'ដំឡើង')
    .replace(/ស្វេងរក/g, 'ស្វែងរក')
    .replace(/ជម្រាបសួរ|ជំរាបសួរ/g, 'ជំរាបសួរ')
    .replace(/សំឡេង|សម្លេង/g, 'សំឡេង')
    .replace(/វ៉ា?យហ្វា?យ|វ៉ៃហ្វៃ|វ៉ាយហ្វៃ|វាយហ្វាយ/g, ' wifi ')
    .replace(/ប៊្លូធូ[សថធ]|ប្លូធូ[សថធ]/g, ' bluetooth ');
}

export interface Normalized {
  /** Lowercase, punctuation-free, single-spaced text; Khmer and Latin runs separated by a space. */
  text: string;
  lang: 'en' | 'km';
  /** The question carried a question mark (any script). */
  questionMark: boolean;
}

export function normalize(raw: string): Normalized {
  let s = raw.normalize('NFC').replace(INVISIBLE, '');
  const lang: 'en' | 'km' = KHMER_CHAR.test(s) ? 'km' : 'en';
  const questionMark = /[?\uFF1F\u061F\u00BF\u2753\u2754]/.test(s);
  s = s.replace(/[\u17E0-\u17E9]/g, (d) => String(d.charCodeAt(0) - 0x17e0));
  s = foldKhmer(s).toLowerCase();
  if (lang === 'km') {
    s = s.replace(/([\u1780-\u17FF])(?=[a-z0-9])/g, '$1 ').replace(/([a-z0-9])(?=[\u1780-\u17FF])/g, '$1 ');
  }
  s = s
    .replace(/['’‘´ʼ]/g, '')
    .replace(/[?\uFF1F!\uFF01,\uFF0C:"“”«»។៕៖…\u2753\u2754]/g, ' ')
    .replace(/(^|[^a-z0-9])\.+|\.+(?![a-z0-9])/g, '$1 ')
    .replace(/#(?=\d)/g, '')
    .replace(/\bwi[- ]?fi\b/g, 'wifi')
    .replace(/\bsnap shot/g, 'snapshot')
    .replace(/\s+/g, ' ')
    .trim();
  return { text: s, lang, questionMark };
}
