// Tells questions, statements and refusals ("how do I …?", "I installed …", "don't …") from requests to act.
import { foldKhmer } from './normalize.js';

/** Asking how/why/what-is, describing a past event, or asking permission: always for the model. */
const EN_ASKING = new RegExp(
  '(?:^|\\s)(?:' +
    [
      'how (?:do|does|did|can|could|would|should|to|is it|are|will|shall|would i|might)',
      'why',
      'when',
      'where',
      'should',
      'shall i',
      'explain',
      'difference',
      'meaning',
      'define',
      'definition',
      'tell me (?:about|how to|how do|how can|what is a|why|when|if|whether)',
      'teach me',
      'show me how to',
      'is it (?:safe|ok|okay|possible|good|bad|a good idea|necessary|wise|normal)',
      'can i',
      'could i',
      'may i',
      'do i need',
      'do i have to',
      'what happens',
      'what if',
      'what does',
      'what do',
      'what would',
      'what will',
      'what should',
      'help me understand',
      'i wonder',
      'wondering',
      'is there a way',
      'i (?:have|had|ve|am|m) (?:installed|removed|updated|deleted|tried|been|a problem|an issue|an error|trouble|having|getting|trying|seeing)',
      'i (?:installed|uninstalled|removed|updated|upgraded|tried|did|was|cant|can not|cannot|dont|didnt|deleted|opened|restarted|rebooted|got|keep)',
      'it (?:crashes|crashed|fails|failed|doesnt|does not|wont|is|was|keeps)',
      'whats wrong',
      'what is wrong',
      'error',
      'problem',
      'not working',
      'doesnt work',
      'broken',
      'slow',
    ].join('|') +
    ')(?:\\s|$)',
);

/** Negation and change of mind: never act. */
const EN_NEGATION =
  /(?:^|\s)(?:dont|do not|never|not|no|cant|cannot|wont|shouldnt|didnt|doesnt|isnt|wasnt|couldnt|wouldnt|havent|hasnt|nevermind|never mind|forget it|forget about it|forget|cancel|stop asking|nope|without|instead of|unless)(?:\s|$)/;

/** Openers of questions that are not requests once "can you/could you" has been stripped as politeness. */
const EN_QUESTION_OPENER =
  /^(?:what|whats|which|who|whose|whom|is|are|was|were|does|do(?! (?:a|an|the|full|complete|whole|system)(?:\s|$))|did|has|have|had|will|would|could|can|might|may|am|isnt|arent|doesnt|why|how|hows|when|where|should|shall|must)(?:\s|$)/;

const KM_ASKING = new RegExp(
  foldKhmer(
    [
      'តើ',
      'ដោយរបៀបណា',
      'របៀប',
      'យ៉ាងម៉េច',
      'ធ្វើម៉េច',
      'ម៉េច',
      'ដូចម្ដេច',
      'ហេតុអ្វី',
      'ហេតុអី',
      'ពេលណា',
      'ឯណា',
      'កន្លែងណា',
      'អ្វី',
      'គួរ',
      'ខ្ញុំអាច',
      'ចង់ដឹង',
      'ពន្យល់',
      'ឬនៅ',
      'មែនទេ',
      'ឬក៏',
      'ឬទេ',
      'ឬអត់',
      'ខ្ញុំបាន',
      'បានហើយ',
      'មិន',
      'កុំ(?!ព្យូទ័រ)',
      'ទេ$',
      'អត់$',
      'ដែរឬទេ',
      'គាំង',
      'ខូច',
      'បញ្ហា',
      'យឺត',
    ].join('|'),
  ),
);

/** "… បានទេ" / "… បានអត់" closes a polite request ("can you …?"), not a question. */
const KM_POLITE_END = new RegExp(foldKhmer('(?:បានទេ|បានអត់|បានឬទេ|បានឬអត់)$'));

const KM_NOT_POLITE = new RegExp(foldKhmer('ខ្ញុំអាច|គួរ|តើ'));

/** True for a Khmer question or statement (checked on the normalised Khmer text, before translation). */
export function isKhmerQuestion(text: string): boolean {
  const compact = text.replace(/\s+/g, '');
  const polite = KM_POLITE_END.test(compact) && !KM_NOT_POLITE.test(compact);
  const rest = polite ? compact.replace(KM_POLITE_END, '') : compact;
  return KM_ASKING.test(rest);
}

/** Questions that stay questions even when they mention a state ("how do I check disk space?"). */
export function isAsking(text: string): boolean {
  return EN_ASKING.test(text) || EN_NEGATION.test(text);
}

/** Any remaining question form (checked after state queries such as "how much disk space" had their chance). */
export function isQuestionForm(text: string): boolean {
  return EN_QUESTION_OPENER.test(text);
}
