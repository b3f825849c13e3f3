// Greetings, thanks and help: a friendly answer from tier 1, never an action.
import { foldKhmer } from '../normalize.js';
import { hit, SURE, type Hit } from './hit.js';

const NAME = '(?: (?:koompi|assistant|there|friend|buddy|bot|everyone|all|mate|again))*';
const GREETING = new RegExp(
  `^(?:(?:hi|hello|hey|hiya|howdy|yo|greetings|sup|whats up|hey there|hi there|hello there|good (?:morning|afternoon|evening|day)|morning|evening|helo|hallo|hello)${NAME} ?)+$`,
);
const THANKS =
  /^(?:(?:ok|okay|great|cool|nice|perfect) )?(?:thanks|thank you|thx|ty|many thanks|cheers|thank u)(?: (?:so much|a lot|very much|koompi|assistant|again))*$/;
const HELP =
  /^(?:help|help me|i need help|need help|please help|help please|what can you do|what do you do|what are you able to do|what can i ask(?: you)?|what can i do with you|how can you help(?: me)?|what can you help(?: me)? with|what are your (?:features|capabilities|commands|skills)|show (?:me )?(?:the )?(?:help|commands)|list (?:your |the )?commands|commands|menu|usage|who are you|what are you|what is this|how does this work|what should i ask)$/;

const KM = (src: string) => new RegExp(foldKhmer(src));
const KM_GREETING = KM(
  '^(?:សួស្ដី|ជំរាបសួរ|ហាឡូ|អរុណសួស្ដី|ទិវាសួស្ដី|សាយណ្ហសួស្ដី|រាត្រីសួស្ដី|hello|hi)(?:បង|អ្នក|ប្អូន|koompi|ខុមភី|ណា|ម្ដង|បាទ|ចាស|ទាំងអស់គ្នា|លោក|អ្នកគ្រូ)*$',
);
const KM_THANKS = KM('^(?:អរគុណ|សូមអរគុណ)(?:ច្រើន|ណាស់|បង|អ្នក|បាទ|ចាស)*$');
const KM_HELP = KM(
  '^(?:តើ)?(?:ជំនួយ|ជួយខ្ញុំផង|ជួយផង|ជួយខ្ញុំ|ជួយ|ខ្ញុំត្រូវការជំនួយ|(?:អ្នក)?អាចធ្វើអ្វីបាន(?:ខ្លះ)?|(?:អ្នក)?អាចជួយ(?:ខ្ញុំ)?(?:អ្វី|អី)បាន(?:ខ្លះ)?|អ្នកជានរណា|អ្នកជាអ្នកណា)(?:ទេ|បាទ|ចាស|ផង)?$',
);

/** First words an English chat phrase can start with (skips the chat patterns for everything else). */
const EN_OPENERS = new Set([
  'hi',
  'hello',
  'hey',
  'hiya',
  'howdy',
  'yo',
  'greetings',
  'sup',
  'whats',
  'good',
  'morning',
  'evening',
  'helo',
  'hallo',
  'ok',
  'okay',
  'great',
  'cool',
  'nice',
  'perfect',
  'thanks',
  'thank',
  'thx',
  'ty',
  'many',
  'cheers',
  'help',
  'i',
  'need',
  'please',
  'what',
  'how',
  'show',
  'list',
  'commands',
  'menu',
  'usage',
  'who',
]);

/** Checks the normalised text (Khmer compacted without spaces) for chat intents. */
export function matchChat(text: string): Hit | null {
  if (/[\u1780-\u17FF]/.test(text)) {
    const compact = text.replace(/\s+/g, '');
    if (KM_GREETING.test(compact)) return hit('greeting', SURE, null);
    if (KM_THANKS.test(compact)) return hit('thanks', SURE, null);
    if (KM_HELP.test(compact)) return hit('help', SURE, null);
    return null;
  }
  const space = text.indexOf(' ');
  if (!EN_OPENERS.has(space < 0 ? text : text.slice(0, space))) return null;
  if (GREETING.test(text)) return hit('greeting', SURE, null);
  if (THANKS.test(text)) return hit('thanks', SURE, null);
  if (HELP.test(text)) return hit('help', SURE, null);
  return null;
}
