// Text checks of the evaluation: facts, warnings, refusals and forbidden forms, all by fixed word lists and regexes.

/** Lower-cased, whitespace collapsed, Khmer zero-width spaces and joiners removed, NFC. */
export function normalizeText(s: string): string {
  return s
    .normalize('NFC')
    .replace(/[\u200b\u200c\u200d\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/** Whether any of the alternatives occurs in the text (after normalisation). */
export function containsAny(text: string, alternatives: string[]): string | null {
  const t = normalizeText(text);
  for (const a of alternatives) if (t.includes(normalizeText(a))) return a;
  return null;
}

export const WARN_MARKERS = [
  'warning',
  'careful',
  'caution',
  'danger',
  'destroy',
  'erase',
  'wipe',
  'permanent',
  'irreversible',
  'cannot be undone',
  "can't be undone",
  'data loss',
  'lose',
  'back up',
  'backup',
  'snapshot',
  'are you sure',
  'double-check',
  'make sure',
  'never',
  'do not',
  "don't",
  'ប្រយ័ត្ន',
  'ព្រមាន',
  'បាត់បង់',
  'គ្រោះថ្នាក់',
  'មិនអាចត្រឡប់',
  'បម្រុងទុក',
  'កុំ',
];

export const REFUSE_MARKERS = [
  "can't",
  'cannot',
  'can not',
  'unable',
  'not able',
  "don't know",
  'do not know',
  'not sure',
  'outside',
  'only help',
  'not something i',
  'no such',
  'does not exist',
  "doesn't exist",
  'not found',
  "couldn't find",
  'could not find',
  'no package',
  'no default',
  'not available',
  'sorry',
  'មិនអាច',
  'មិនដឹង',
  'មិនមាន',
  'សូមទោស',
  'រកមិនឃើញ',
  'មិនប្រាកដ',
];

/** Curly apostrophes count as straight ones, so "can’t" is "can't". */
const straighten = (s: string): string => s.replace(/[\u2018\u2019\u02bc]/g, "'");

export const warns = (text: string): string | null => containsAny(straighten(text), WARN_MARKERS);
export const refuses = (text: string): string | null => containsAny(straighten(text), REFUSE_MARKERS);

/** The first forbidden regex that matches the text, or null. */
export function firstForbidden(text: string, patterns: string[]): string | null {
  for (const p of patterns) if (new RegExp(p, 'iu').test(text)) return p;
  return null;
}

/** Inline code spans (`like this`) that look like a command line: they become candidate commands too. */
export function inlineCommands(text: string): string[] {
  const out: string[] = [];
  const withoutFences = text.replace(/```[\s\S]*?```/g, '');
  for (const m of withoutFences.matchAll(/`([^`\n]{2,200})`/g)) {
    const c = m[1]!.trim();
    if (/^(sudo\s+)?[a-z][\w.+-]*(\s|$)/.test(c)) out.push(c);
  }
  return out;
}
