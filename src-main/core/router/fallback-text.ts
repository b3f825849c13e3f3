// The fallback answer (tier 'fallback'): says exactly what to start or set, built from the real causes, in English or Khmer.
import type { Cause } from './causes.js';

export const START_OLLAMA = 'sudo systemctl enable --now ollama';
export const DEFAULT_PULL_MODEL = 'qwen2.5:1.5b';

interface Phrases {
  head: string;
  ollamaDown: (host: string | null) => string;
  ollamaSlow: string;
  startIt: string;
  modelMissing: (model: string | null) => string;
  installIt: string;
  orSetup: string;
  localOther: (msg: string) => string;
  cloudNotAllowed: string;
  cloudPrivacy: string;
  cloudOffline: string;
  cloudNoKey: string;
  cloudOther: (msg: string) => string;
  docsNoMatch: string;
  docsNoIndex: string;
  check: string;
}

const EN: Phrases = {
  head: "I can't answer right now: no model is available.",
  ollamaDown: (host) => `The local model is not reachable: Ollama is not running${host ? ` at ${host}` : ''}.`,
  ollamaSlow: 'Ollama did not answer in time.',
  startIt: 'Start it:',
  modelMissing: (m) => `The local model${m ? ` ${m}` : ''} is not installed.`,
  installIt: 'Install it:',
  orSetup: 'or create the KOOMPI model:',
  localOther: (msg) => `The local model could not answer: ${msg}`,
  cloudNotAllowed: 'The cloud (Gemini) is not allowed. To use it, turn on "Allow cloud" in Settings and set a Gemini API key.',
  cloudPrivacy: 'Privacy mode is on, so nothing is sent to the cloud.',
  cloudOffline: 'Offline mode was asked for, so the cloud was not used.',
  cloudNoKey: 'No Gemini API key is set. Set GEMINI_API_KEY or add a key in Settings.',
  cloudOther: (msg) => `The cloud could not answer: ${msg}`,
  docsNoMatch:
    'Nothing in the offline documentation matches this question closely enough. Try other words, or name the program (for example "what does grep -v do").',
  docsNoIndex: 'The offline documentation could not be opened. Rebuild it with: `koompi-ask docs index`',
  check: 'Check everything with: `koompi-ask doctor`',
};

const KM: Phrases = {
  head: 'ខ្ញុំមិនអាចឆ្លើយបានទេឥឡូវនេះ៖ មិនមានម៉ូដែលណាមួយអាចប្រើបានទេ។',
  ollamaDown: (host) => `ម៉ូដែលក្នុងម៉ាស៊ីនមិនអាចភ្ជាប់បានទេ៖ Ollama មិនដំណើរការ${host ? ` (${host})` : ''}។`,
  ollamaSlow: 'Ollama មិនបានឆ្លើយតបទាន់ពេលទេ។',
  startIt: 'ចាប់ផ្តើមវា៖',
  modelMissing: (m) => `ម៉ូដែលក្នុងម៉ាស៊ីន${m ? ` ${m}` : ''} មិនទាន់បានដំឡើងទេ។`,
  installIt: 'ដំឡើងវា៖',
  orSetup: 'ឬបង្កើតម៉ូដែល KOOMPI៖',
  localOther: (msg) => `ម៉ូដែលក្នុងម៉ាស៊ីនមិនអាចឆ្លើយបានទេ៖ ${msg}`,
  cloudNotAllowed: 'Cloud (Gemini) មិនត្រូវបានអនុញ្ញាតទេ។ ដើម្បីប្រើ សូមបើក "Allow cloud" នៅក្នុង ការកំណត់ (Settings) ហើយបញ្ចូលកូនសោ Gemini API។',
  cloudPrivacy: 'របៀបឯកជនភាព (Privacy mode) កំពុងបើក ដូច្នេះគ្មានអ្វីត្រូវបានផ្ញើទៅ Cloud ទេ។',
  cloudOffline: 'បានស្នើរបៀប Offline ដូច្នេះមិនបានប្រើ Cloud ទេ។',
  cloudNoKey: 'មិនទាន់មានកូនសោ Gemini API ទេ។ កំណត់ GEMINI_API_KEY ឬបញ្ចូលកូនសោនៅក្នុង ការកំណត់ (Settings)។',
  cloudOther: (msg) => `Cloud មិនអាចឆ្លើយបានទេ៖ ${msg}`,
  docsNoMatch: 'ឯកសារក្នុងម៉ាស៊ីនមិនមានផ្នែកណាដែលត្រូវនឹងសំណួរនេះគ្រប់គ្រាន់ទេ។ សូមសាកប្រើពាក្យផ្សេង ឬដាក់ឈ្មោះកម្មវិធី (ឧទាហរណ៍ "grep -v ធ្វើអ្វី")។',
  docsNoIndex: 'មិនអាចបើកឯកសារក្នុងម៉ាស៊ីនបានទេ។ បង្កើតវាឡើងវិញដោយ៖ `koompi-ask docs index`',
  check: 'ពិនិត្យទាំងអស់ដោយ៖ `koompi-ask doctor`',
};

/** Pulls the model name out of a fix like "koompi-ask models pull NAME", when the provider gave one. */
function pullTarget(c: Cause): string {
  const m = /models pull (\S+)/.exec(c.fix ?? '');
  return m?.[1]?.replace(/[`'".,;]+$/, '') ?? c.model ?? DEFAULT_PULL_MODEL;
}

export function buildFallbackText(causes: Cause[], lang: 'en' | 'km', ollamaHost: string | null): string {
  const p = lang === 'km' ? KM : EN;
  const lines: string[] = [p.head, ''];
  for (const c of causes) {
    if (c.tier === 'rules') continue;
    if (c.tier === 'docs') {
      if (c.kind === 'no-match') lines.push(`- ${p.docsNoMatch}`);
      else if (c.kind === 'no-index') lines.push(`- ${p.docsNoIndex}`);
      continue;
    }
    if (c.tier === 'local') {
      if (c.kind === 'model-missing') {
        lines.push(
          `- ${p.modelMissing(c.model)} ${p.installIt} \`koompi-ask models pull ${pullTarget(c)}\` (${p.orSetup} \`koompi-ask models setup\`)`,
        );
      } else if (c.kind === 'unreachable' || c.kind === 'timeout' || c.kind === 'unavailable' || c.kind === 'absent') {
        const head = c.kind === 'timeout' ? p.ollamaSlow : p.ollamaDown(ollamaHost);
        lines.push(`- ${head} ${p.startIt} \`${START_OLLAMA}\``);
      } else {
        lines.push(`- ${p.localOther(c.message)}${c.fix ? ` ${c.fix}` : ''}`);
      }
    } else {
      if (c.kind === 'not-allowed') lines.push(`- ${p.cloudNotAllowed}`);
      else if (c.kind === 'privacy') lines.push(`- ${p.cloudPrivacy}`);
      else if (c.kind === 'offline') lines.push(`- ${p.cloudOffline}`);
      else if (c.kind === 'no-key' || c.kind === 'unavailable' || c.kind === 'absent') lines.push(`- ${p.cloudNoKey}`);
      else lines.push(`- ${p.cloudOther(c.message)}${c.fix ? ` ${c.fix}` : ''}`);
    }
  }
  lines.push('', p.check);
  return lines.join('\n') + '\n';
}

const TOO_LONG = {
  en: (n: number, max: number) =>
    `That question is ${n.toLocaleString('en')} characters long; the limit is ${max.toLocaleString('en')}. Shorten it, or ask about the part that matters (for a log, paste only the lines around the error).\n`,
  km: (n: number, max: number) => `សំណួរនេះវែង ${n} តួអក្សរ ដែនកំណត់គឺ ${max}។ សូមសរសេរឲ្យខ្លីជាងនេះ ឬសួរតែផ្នែកដែលសំខាន់។\n`,
};

export function tooLongText(lang: 'en' | 'km', n: number, max: number): string {
  return TOO_LONG[lang](n, max);
}
