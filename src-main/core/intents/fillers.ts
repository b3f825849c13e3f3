// Strips politeness and padding ("please", "can you", "for me", សូម, ជួយ, ផង …) so rules see only the request.
import { foldKhmer } from './normalize.js';

/** Request verbs: a lead word before one of them is padding ("help install vlc", "i need install vlc"). */
const BEFORE_VERB =
  '(?= (?:install|reinstall|uninstall|remove|delete|update|upgrade|open|launch|start|restart|stop|search|take|create|make|turn|enable|disable)(?: |$))';

const EN_LEAD = new RegExp(
  '^(?:' +
    [
      '(?:hi|hello|hey) there',
      'good (?:morning|afternoon|evening|day)',
      'please',
      'pls',
      'plz',
      'kindly',
      'ok',
      'okay',
      'alright',
      'hey',
      'hi',
      'hello',
      'yo',
      'koompi',
      'assistant',
      'so',
      'now',
      'just',
      'quickly',
      'then',
      'and',
      'also',
      'first',
      'oh',
      'um',
      'uh',
      'well',
      'sir',
      'yes',
      'yeah',
      'yep',
      'yup',
      'sure',
      'right',
      'great',
      'cool',
      'good',
      'fine',
      // "i need install vlc" (Khmer "ខ្ញុំត្រូវការដំឡើង" translated word for word): the need before a verb
      `i (?:really )?(?:need|want)${BEFORE_VERB}`,
      `help${BEFORE_VERB}`,
      // forms of address and courtesy openers ("bong, please install vlc", "sorry, can you …", "thanks, now …")
      'bong',
      'bro',
      'brother',
      'sis',
      'sister',
      'dude',
      'teacher',
      'dear',
      'friend',
      'buddy',
      'sorry',
      'excuse me',
      'thanks',
      'thank you',
      'thx',
      '(?:can|could|would|will) (?:you|u|ya)(?: please| kindly| quickly| just| maybe)?',
      'would you mind',
      'would you be able to',
      'are you able to',
      'do you mind',
      'i (?:want|need|would like|d like) you to',
      'id like you to',
      'i want to',
      'i wanna',
      'i need to',
      'i would like to',
      'id like to',
      'i would love to',
      'id love to',
      'i have to',
      'i must',
      'i gotta',
      'lets',
      'let us',
      'help me(?: to)?',
      'go ahead and',
      'try to',
      'time to',
      'it is time to',
      'its time to',
      'i am asking you to',
      'im asking you to',
      'i ask you to',
    ].join('|') +
    ')\\s+',
);

const EN_TRAIL = new RegExp(
  '\\s+(?:' +
    [
      'please',
      'pls',
      'plz',
      'thanks',
      'thank you',
      'thx',
      'ty',
      'now',
      'right now',
      'asap',
      'quickly',
      'immediately',
      'for me',
      'too',
      'as well',
      'if you can',
      'if possible',
      'thanks a lot',
      'ok',
      'okay',
      'right away',
      'real quick',
      'for me please',
      'again',
      'today',
      'sir',
      'mate',
      'and',
      '(?:on|onto|to|in|from) (?:(?:my|this|the|our) )?(?:computer|pc|laptop|machine|device|system|koompi)',
      '(?:on|in|over) here',
      'here',
    ].join('|') +
    ')$',
);

/** Khmer words that only carry politeness, person or tense padding; dropped when they stand alone after translation. */
const KM_FILLER_RUN = new RegExp(
  foldKhmer(
    '^(?:សូម|ជួយ|សុំ|ផង|ឱ្យខ្ញុំ|ឱ្យ|ខ្ញុំ|ចង់|ត្រូវការ|អ្នក|អាច|បានទេ|បានអត់|បានឬទេ|បានឬអត់|បាទ|ចាស|ចា៎ស|ចា៎|បង|ប្អូន|លោក|អ្នកគ្រូ|លោកគ្រូ|ផងណា|ណា|ចេញ|ចោល|ចូល|វិញ|បន្តិច|ឡើងវិញ|ឥឡូវនេះ|ឥឡូវ|ភ្លាមៗ|ភ្លាម|អរគុណ|របស់|នេះ|នោះ|ហ្នឹង|មួយ|ថ្មី|ដែល|ពី|នៅ|ក្នុង|លើ|ទៅ|មក|សិន|ម្ដង|ហើយ|ពេលនេះ|ឲ្យ|សួស្ដី|ជំរាបសួរ|ហាឡូ)+$',
  ),
);

export function stripFillers(text: string): string {
  let s = text;
  if (/[\u1780-\u17FF]/.test(s)) {
    s = s
      .split(' ')
      .filter((w) => !KM_FILLER_RUN.test(w))
      .join(' ');
  }
  for (let i = 0; i < 8; i++) {
    const next = s.replace(EN_LEAD, '').replace(EN_TRAIL, '');
    if (next === s) break;
    s = next;
  }
  return s;
}
