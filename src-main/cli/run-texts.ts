// What koompi-ask --run says, in English and Khmer (a Khmer question gets Khmer prompts), and which answers mean yes.

export type RunLang = 'en' | 'km';

export interface RunTexts {
  noTty: (n: number) => string;
  safe: string;
  elevated: string;
  destructive: string;
  ask: string;
  typeWord: (word: string) => string;
  notRun: string;
  wrongWord: (word: string) => string;
  ok: string;
  failed: (code: string) => string;
  interrupted: string;
  cannotStart: (why: string) => string;
  skipped: (n: number) => string;
  where: (cwd: string) => string;
}

const EN: RunTexts = {
  noTty: (n) => `koompi-ask: --run needs a terminal to confirm each command; not running ${n} command(s).`,
  safe: 'safe',
  elevated: 'needs root',
  destructive: 'DESTRUCTIVE',
  ask: 'Run it? [y/N] ',
  typeWord: (w) => `This can lose data. Type "${w}" to run it: `,
  notRun: 'Not run.',
  wrongWord: (w) => `Not run: the word typed was not "${w}".`,
  ok: 'Done (exit 0).',
  failed: (c) => `Failed (exit ${c}).`,
  interrupted: 'Stopped with Ctrl+C.',
  cannotStart: (why) => `Could not start: ${why}`,
  skipped: (n) => `Not offering the ${n} command(s) after it, since this one failed.`,
  where: (cwd) => `(runs in ${cwd})`,
};

const KM: RunTexts = {
  noTty: (n) => `koompi-ask: --run ត្រូវការ terminal ដើម្បីបញ្ជាក់ពាក្យបញ្ជានីមួយៗ; មិនដំណើរការពាក្យបញ្ជា ${n} ទេ។`,
  safe: 'សុវត្ថិភាព',
  elevated: 'ត្រូវការសិទ្ធិ root',
  destructive: 'អាចបំផ្លាញទិន្នន័យ',
  ask: 'ដំណើរការវាឬ? [បាទ/ចាស/y ឬ N] ',
  typeWord: (w) => `វាអាចធ្វើឱ្យបាត់ទិន្នន័យ។ វាយ "${w}" ដើម្បីដំណើរការ៖ `,
  notRun: 'មិនបានដំណើរការទេ។',
  wrongWord: (w) => `មិនបានដំណើរការ៖ ពាក្យដែលបានវាយមិនមែន "${w}" ទេ។`,
  ok: 'រួចរាល់ (exit 0)។',
  failed: (c) => `បរាជ័យ (exit ${c})។`,
  interrupted: 'បានបញ្ឈប់ដោយ Ctrl+C។',
  cannotStart: (why) => `មិនអាចចាប់ផ្ដើមបានទេ៖ ${why}`,
  skipped: (n) => `មិនផ្ដល់ពាក្យបញ្ជា ${n} បន្ទាប់ទៀតទេ ព្រោះពាក្យបញ្ជានេះបរាជ័យ។`,
  where: (cwd) => `(ដំណើរការក្នុង ${cwd})`,
};

export const runTexts = (lang: RunLang): RunTexts => (lang === 'km' ? KM : EN);

/** y / yes / បាទ / ចាស / យល់ព្រម (any case, spaces and zero-width characters ignored) count as yes. */
export function isYes(answer: string | null): boolean {
  const a = (answer ?? '').replace(/[\u200b\u200c\u200d\ufeff\s]/g, '').toLowerCase();
  return ['y', 'yes', 'បាទ', 'ចាស', 'បាទ/ចាស', 'យល់ព្រម'].includes(a);
}
