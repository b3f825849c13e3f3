// The language of a piece of text we did not write (a question, an answer, a message from the core), for
// its `lang` attribute: Khmer when Khmer letters are a good share of its letters, else English. Screen
// readers then speak it with the right voice, and Khmer gets its font and line height.

// Khmer base letters (consonants, independent vowels): the signs that combine with them are not letters.
const KHMER = /[\u1780-\u17B3]/gu;
const LETTER = /\p{L}/gu;

export function textLang(text: string): 'en' | 'km' {
  const sample = text.length > 4000 ? text.slice(0, 4000) : text;
  const khmer = sample.match(KHMER)?.length ?? 0;
  if (khmer === 0) return 'en';
  const letters = sample.match(LETTER)?.length ?? khmer;
  return khmer / Math.max(letters, 1) >= 0.2 ? 'km' : 'en';
}
