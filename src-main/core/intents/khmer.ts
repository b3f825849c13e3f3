// Rewrites Khmer request words into the English words the rules know (ដំឡើង → install …); names pass through.
import { foldKhmer } from './normalize.js';

const RAW: ReadonlyArray<readonly [string, string]> = [
  ['ចាប់ផ្ដើមឡើងវិញ|ដំណើរការឡើងវិញ|បើកឡើងវិញ|រីស្ដាត|រីស្តាត', ' restart '],
  ['រីប៊ូត', ' reboot '],
  [
    'ធ្វើការបច្ចុប្បន្នភាព|ធ្វើការអាប់ដេត|ធ្វើអាប់ដេត|ធ្វើបច្ចុប្បន្នភាព|បច្ចុប្បន្នភាព|អាប់ដេត|អាប់ដែត|អាប់ដេ|ធ្វើឱ្យទាន់សម័យ|ដំឡើងកំណែថ្មី|ដំឡើងកំណែ|អាប់គ្រេដ',
    ' update ',
  ],
  ['អាន់អ៊ីនស្[តដ]ល|អាន់អ៊ីនស្[តដ]ូល|អានអ៊ីនស្[តដ]ល', ' uninstall '],
  ['ដកការដំឡើង|លុបការដំឡើង|លុបចោល|លុបចេញ|ដកចេញ|លុប', ' remove '],
  ['ទាញយកនិងដំឡើង|ទាញយកហើយដំឡើង|ដំឡើង|អ៊ីនស្[តដ]ល|អ៊ីនស្[តដ]ូល|អីនស្[តដ]ល|អ៊ីនស្[តដ]ល', ' install '],
  ['ទាញយក|ដោនឡូ[តដ]|ដោនឡូដ', ' download '],
  // ដាក់ ("put") a program on the computer is the everyday word for installing it
  ['ដាក់បញ្ចូល|ដាក់', ' put '],
  ['មុនពេល|មុននឹង|មុន', ' before '],
  ['ខ្ញុំចង់បាន|ចង់បាន', ' i want '],
  ['ត្រូវការ', ' i need '],
  ['សម្រាប់', ' for '],
  ['(?:ចេញ)?(?:ពី|លើ|នៅលើ|ក្នុង|នៅក្នុង|ចូលក្នុង|ចូល|ទៅក្នុង)(?:កុំព្យូទ័រ|ម៉ាស៊ីន)(?:របស់)?(?:ខ្ញុំ|នេះ)?', ' on my computer '],
  ['ដំណើរការ', ' run '],
  ['ស្វែងរក|រកមើល|រក', ' search '],
  ['សេវាកម្ម|សេវា', ' service '],
  ['ថ្នាក់រៀន|ម៉ោងរៀន|ថ្នាក់', ' classroom '],
  ['ចាប់ផ្ដើម', ' start '],
  ['បញ្ឈប់|ឈប់', ' stop '],
  ['បញ្ចប់', ' end '],
  ['រូបថតប្រព័ន្ធ|ស្ណាបស៊ុត|ស្ន៉េបស៊ត|ស្នេបស៊ត', ' snapshot '],
  ['ចំណុចស្ដារ', ' restore point '],
  ['ស្ដារឡើងវិញ|ស្ដារ', ' restore '],
  ['ត្រឡប់ទៅវិញ|ត្រឡប់ទៅ|ត្រលប់ទៅ|ត្រឡប់', ' roll back to '],
  ['បង្កើត', ' create '],
  ['ថត(?=\\s*snapshot)', ' take '],
  ['កម្មវិធីកំណត់|ការកំណត់', ' settings '],
  // បើក is "open" for apps but "turn on" for a radio (wifi is handled by the rules; bluetooth is a service)
  ['បើក\\s*bluetooth', ' turn on bluetooth '],
  ['បើក', ' open '],
  ['បិទ|ពន្លត់', ' turn off '],
  ['ម៉ាស៊ីនបោះពុម្ព|ព្រីនធ័រ', ' printer '],
  ['កុំព្យូទ័រយួរដៃ|កុំព្យូទ័រ|ម៉ាស៊ីន|ឡាបថប', ' computer '],
  ['ប្រព័ន្ធប្រតិបត្តិការ|ប្រព័ន្ធ', ' system '],
  ['កម្មវិធីទាំងអស់', ' everything '],
  ['ទាំងអស់', ' all '],
  ['កម្មវិធីគ្រប់គ្រងឯកសារ|កម្មវិធីរុករកឯកសារ', ' file manager '],
  ['កម្មវិធី', ' app '],
  ['កញ្ចប់', ' package '],
  ['ហើយនិង|ជាមួយនឹង|និង', ' and '],
  // នឹង ("will") is often typed for និង ("and"); between two names it can only mean "and"
  ['(?<=[a-z0-9] ?)នឹង(?= ?[a-z0-9])', ' and '],
  ['អេក្រង់', ' display '],
  ['សំឡេង', ' sound '],
  ['បណ្ដាញឥតខ្សែ', ' wifi '],
  ['បណ្ដាញ\\s*wifi', ' wifi networks '],
  ['ដែលមាន|ដែលអាចប្រើបាន|ដែលអាចភ្ជាប់បាន', ' available '],
  ['បណ្ដាញ', ' network '],
  ['អ៊ីនធឺណិត|អ៊ិនធឺណិត|អ៊ីនធើណែត', ' internet '],
  ['ក្ដារចុច', ' keyboard '],
  ['កណ្ដុរ', ' mouse '],
  ['ថ្មី', ' '],
  ['ថាមពល|ថ្ម', ' power '],
  ['ភាសា', ' language '],
  ['ផ្ទាំងរូបភាព|រូបផ្ទៃខាងក្រោយ', ' wallpaper '],
  ['ស្ថានភាព', ' status '],
  ['បញ្ជី', ' list '],
  ['ការប្រើប្រាស់|ប្រើប្រាស់', ' usage '],
  ['ប្រើអស់|ប្រើ', ' used '],
  ['ទំហំថាសទំនេរ|ទំហំទំនេរ|កន្លែងទំនេរ|ទំហំថាស|ទំហំផ្ទុក|ថាសរឹង|ថាស|ឌីស', ' disk space '],
  ['អង្គចងចាំ|មេម៉ូរី|រ៉ាម', ' memory '],
  ['នៅសល់', ' left '],
  ['ប៉ុន្មាន', ' '],
  ['បង្ហាញ|ពិនិត្យមើល|ពិនិត្យ|មើល', ' show '],
  ['ឈ្មោះ', ' named '],
  ['លេខ', ' number '],
];

/** A verb split around its object ("ចាប់ផ្ដើម X ឡើងវិញ" = restart X), rewritten before the word table. */
const PLAIN_RESTART = foldKhmer('ចាប់ផ្ដើមឡើងវិញ');
const SPLIT_RESTART = new RegExp(foldKhmer('(?:ចាប់ផ្ដើម|ដំណើរការ|បើក)\\s*(\\S.*?)\\s*ឡើងវិញ'), 'g');

/**
 * The table as one alternation, so the text is scanned once: at each position the first listed entry that
 * matches wins (entries are listed longest/most specific first), which is what applying them in turn did.
 */
const ONE_PASS = new RegExp(RAW.map(([src]) => `(${foldKhmer(src)})`).join('|'), 'g');
const OUTPUTS = RAW.map(([, to]) => to);
/** Matched text → output for the entries that are plain word lists (most of them): no scan of the groups needed. */
const LITERAL = new Map<string, string>();
{
  const patterns: RegExp[] = [];
  for (const [src, to] of RAW) {
    const folded = foldKhmer(src);
    if (/[\\()[\]?*+.]/.test(src)) {
      patterns.push(new RegExp(`^(?:${folded})$`));
      continue;
    }
    // a word an earlier pattern entry also matches keeps going through the group scan, as the alternation would
    for (const word of folded.split('|')) if (!LITERAL.has(word) && !patterns.some((p) => p.test(word))) LITERAL.set(word, to);
  }
}

/** Khmer request text (already normalised) → text in the rules' English vocabulary; unknown Khmer stays as is. */
export function translateKhmer(text: string): string {
  const s = text.replace(SPLIT_RESTART, (whole, object: string) => (whole.startsWith(PLAIN_RESTART) ? whole : ` restart ${object} `));
  return s
    .replace(ONE_PASS, (...groups: unknown[]) => {
      const literal = LITERAL.get(groups[0] as string);
      if (literal !== undefined) return literal;
      for (let i = 1; i <= OUTPUTS.length; i++) if (groups[i] !== undefined) return OUTPUTS[i - 1]!;
      return String(groups[0]);
    })
    .replace(/\s+/g, ' ')
    .trim();
}
