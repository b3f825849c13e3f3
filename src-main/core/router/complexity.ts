// Decides whether a question is "complex or creative" (prefers the cloud when allowed) or simple (local first).

export type Complexity = { complex: true; reason: string } | { complex: false; reason: null };

/** Questions longer than this are treated as complex (long, usually multi-part). */
export const LONG_QUESTION_CHARS = 300;

const CREATIVE_EN =
  /\b(write|compose|draft|create|generate|make)\b[^.?!\n]{0,40}?\b(script|poem|story|essay|letter|song|article|program|function|email|e-mail|report|speech|cover letter|blog post)s?\b/i;
const DETAIL_EN =
  /\b(explain|describe|walk me through)\b[^.?!\n]{0,40}?\b(in detail|in depth|thoroughly|step[- ]by[- ]step|fully)\b|\bin (great )?detail\b|\bcompare\b|\bcomparison\b|\bdifferences? between\b|\bpros and cons\b|\bversus\b|\bvs\.? /i;
// Khmer: សរសេរ (write) + script/poem/story/essay-article/letter/song; ប្រៀបធៀប (compare); លម្អិត (in detail).
const CREATIVE_KM = /សរសេរ.{0,30}(ស្គ្រីប|កំណាព្យ|រឿង|អត្ថបទ|សំបុត្រ|លិខិត|ចម្រៀង|កម្មវិធី)/u;
const DETAIL_KM = /ប្រៀបធៀប|លម្អិត|ភាពខុសគ្នារវាង/u;

export function classifyQuestion(question: string): Complexity {
  const q = question.trim();
  if (CREATIVE_EN.test(q) || CREATIVE_KM.test(q)) return { complex: true, reason: 'creative request' };
  if (DETAIL_EN.test(q) || DETAIL_KM.test(q)) return { complex: true, reason: 'detailed explanation or comparison' };
  if (q.length > LONG_QUESTION_CHARS) return { complex: true, reason: 'long question' };
  const marks = (q.match(/[?？]/g) ?? []).length;
  if (marks >= 3 || (marks >= 2 && q.length > 120)) return { complex: true, reason: 'several questions in one' };
  return { complex: false, reason: null };
}
