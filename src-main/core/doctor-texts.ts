// The health check's texts in English and Khmer: every message, label and the prose part of every fix.
// Commands, paths and product names stay as they are in both languages. Used by doctor.ts, the app's report
// (service/doctor-report.ts, service/docs-health.ts) and `koompi-ask doctor`.
import type { ModelFit } from './hardware/model-fit.js';

export type DoctorLang = 'en' | 'km';

export const START_OLLAMA = 'sudo systemctl enable --now ollama';
export const RESTART_OLLAMA = 'sudo systemctl restart ollama   (then, if it still hangs: journalctl -u ollama -e)';
const RESTART_OLLAMA_KM = 'sudo systemctl restart ollama   (បើវានៅតែគាំង សូមមើល៖ journalctl -u ollama -e)';
export const SET_KEY_CMD = 'koompi-ask config set-key gemini';
const KEY_URL = 'https://aistudio.google.com/apikey';

type Where = 'env' | 'stored';

const EN = {
  settingsOk: (path: string) => `Settings: ${path}`,
  settingsNotice: (notice: string, _path: string) => notice,
  ollamaOk: (v: string, host: string) => `Ollama ${v} is running at ${host}`,
  ollamaStuck: (host: string, why: string) => `Ollama runs at ${host} but does not answer: ${why}`,
  ollamaDown: (host: string, why: string) => (why.includes(host) ? why : `Ollama is not reachable at ${host}: ${why}`),
  restartOllama: RESTART_OLLAMA,
  modelSkip: 'Local model not checked (Ollama is not running)',
  modelOk: (m: string) => `Local model ${m} is installed`,
  modelMissing: (reason: string) => reason,
  modelFix: (fix: string) => fix,
  modelCheckFailed: (why: string) => why,
  keyMissing: 'No Gemini API key is set (the cloud tier is optional)',
  keyFix: `export GEMINI_API_KEY=…  or  ${SET_KEY_CMD}  (or add a key in Settings)`,
  where: (w: Where): string => (w === 'env' ? 'GEMINI_API_KEY' : 'stored in Settings'),
  keyNotTried: (where: string) => `A Gemini API key is set (${where}); not tried, since the cloud is not allowed`,
  keyWorks: (where: string) => `The Gemini API key (${where}) works`,
  keyFailed: (where: string, why: string, _refused: boolean) => `The Gemini API key (${where}) did not work: ${why}`,
  keyAuthFix: `Copy the key again from ${KEY_URL} and set it: ${SET_KEY_CMD} (or in Settings)`,
  networkFix: 'Check the network and try again',
  keyringFile: (problem: string, file: string) =>
    `; no desktop keyring is reachable (${problem}), so it is kept in plain text in ${file}, readable only by you`,
  privacy: 'Privacy mode is on: nothing is sent to the cloud',
  privacyFix: 'Turn off Privacy mode in Settings to allow Gemini',
  cloudOff: 'The cloud (Gemini) is not allowed',
  cloudOffFix: 'Turn on "Allow cloud" in Settings',
  cloudNoKey: (m: string) => `The cloud is allowed but has no key (model ${m})`,
  cloudBadKey: (m: string) => `The cloud is allowed, but Gemini cannot answer with this key (model ${m})`,
  cloudBadKeyFix: 'Fix the key (see above)',
  cloudOk: (m: string) => `The cloud is allowed (model ${m})`,
  memory: (f: ModelFit) => f.en,
  memoryFix: (f: ModelFit) => f.fix,
  // The app's extra lines and labels.
  labels: {
    settings: 'Settings file',
    ollama: 'Ollama',
    model: 'Local model',
    'gemini-key': 'Gemini key',
    cloud: 'Cloud (Gemini)',
    memory: 'Memory (RAM)',
    hotkey: 'Global hotkey',
    'key-storage': 'Key storage',
    'docs-index': 'Offline documentation',
  } as Record<string, string>,
  hotkeyFix: 'System Settings → Shortcuts → Add Command: koompi-assistant --toggle',
  keyPlain:
    'No desktop keyring (Secret Service) is reachable: keys are kept in keys.json in the settings folder, readable only by you but not encrypted.',
  keyPlainFix: 'Enable KDE Wallet (System Settings → KDE Wallet) and restart the assistant, or set GEMINI_API_KEY instead.',
  keyFromEnv: 'The Gemini key comes from GEMINI_API_KEY.',
  keyEncrypted: (backend: string) => `Keys are kept encrypted (${backend}).`,
  // `koompi-ask doctor`
  fixLabel: 'fix',
  canAnswer: 'A model can answer.',
  docsAnswer: 'No model can answer yet, but the offline documentation answers common questions: apply the fixes above for the rest.',
  nothingAnswers: 'No model can answer yet: apply the fixes above.',
};

export type DoctorTexts = typeof EN;

const KM: DoctorTexts = {
  settingsOk: (path) => `ឯកសារការកំណត់៖ ${path}`,
  settingsNotice: (notice, path) =>
    /newer version/.test(notice)
      ? 'ការកំណត់ត្រូវបានសរសេរដោយកំណែថ្មីជាងនេះ៖ ជម្រើសដែលវាមិនស្គាល់ត្រូវបានរំលង។'
      : /Could not read/.test(notice)
        ? `មិនអាចអានឯកសារការកំណត់ ${path} បានទេ៖ កំពុងប្រើតម្លៃដើម។`
        : `ការកំណត់ខ្លះក្នុង ${path} មិនត្រឹមត្រូវ ហើយត្រូវបានដាក់ត្រឡប់ទៅតម្លៃដើមវិញ។ ការកំណត់ផ្សេងទៀតនៅដដែល ហើយឯកសារចាស់ត្រូវបានរក្សាទុកជាច្បាប់បម្រុង។`,
  ollamaOk: (v, host) => `Ollama ${v} កំពុងដំណើរការនៅ ${host}`,
  ollamaStuck: (host) => `Ollama កំពុងដំណើរការនៅ ${host} ប៉ុន្តែមិនឆ្លើយតបទេ (ប្រហែលជាគាំង ឬរវល់ពេក)`,
  ollamaDown: (host) => `មិនអាចភ្ជាប់ទៅ Ollama នៅ ${host} បានទេ៖ វាប្រហែលជាមិនទាន់បើកដំណើរការ`,
  restartOllama: RESTART_OLLAMA_KM,
  modelSkip: 'មិនទាន់ពិនិត្យម៉ូដែលក្នុងម៉ាស៊ីនទេ (Ollama មិនដំណើរការ)',
  modelOk: (m) => `ម៉ូដែលក្នុងម៉ាស៊ីន ${m} បានដំឡើងរួចហើយ`,
  modelMissing: (reason) => {
    const named = /The model (\S+) is not installed/.exec(reason)?.[1];
    return named ? `ម៉ូដែល ${named} មិនទាន់បានដំឡើងក្នុង Ollama នៅឡើយទេ` : 'មិនទាន់មានម៉ូដែលណាមួយសម្រាប់ឆ្លើយដែលបានដំឡើងក្នុង Ollama នៅឡើយទេ';
  },
  modelCheckFailed: () => 'មិនអាចពិនិត្យម៉ូដែលក្នុងម៉ាស៊ីនបានទេ៖ Ollama មិនឆ្លើយតបទាន់ពេល',
  modelFix: (fix) => {
    const cmd = /koompi-ask (?:models (?:pull \S+|setup)|config set \S+ \S+)/.exec(fix)?.[0];
    if (!cmd) return fix;
    return /then koompi-ask models setup/.test(fix)
      ? `${cmd}  (បន្ទាប់មក koompi-ask models setup ដើម្បីបានម៉ូដែល koompi-assistant ដែលបានកែសម្រួលរួច)`
      : cmd;
  },
  keyMissing: 'មិនទាន់មានកូនសោ Gemini API នៅឡើយទេ (ការប្រើ cloud គឺស្រេចតែចិត្ត)',
  keyFix: `export GEMINI_API_KEY=…  ឬ  ${SET_KEY_CMD}  (ឬបញ្ចូលកូនសោក្នុង Settings)`,
  where: (w) => (w === 'env' ? 'ពី GEMINI_API_KEY' : 'រក្សាទុកក្នុង Settings'),
  keyNotTried: (where) => `មានកូនសោ Gemini API រួចហើយ (${where})៖ មិនបានសាកល្បងទេ ព្រោះមិនទាន់អនុញ្ញាតឱ្យប្រើ cloud`,
  keyWorks: (where) => `កូនសោ Gemini API (${where}) ដំណើរការល្អ`,
  keyFailed: (where, _why, refused) =>
    refused
      ? `កូនសោ Gemini API (${where}) មិនដំណើរការទេ៖ Google បដិសេធកូនសោនេះ`
      : `មិនអាចសាកល្បងកូនសោ Gemini API (${where}) បានទេ៖ មិនអាចទាក់ទង Gemini បាន`,
  keyAuthFix: `សូមចម្លងកូនសោម្តងទៀតពី ${KEY_URL} ហើយដាក់វាដោយ៖ ${SET_KEY_CMD} (ឬក្នុង Settings)`,
  networkFix: 'សូមពិនិត្យបណ្តាញ ហើយសាកល្បងម្តងទៀត',
  keyringFile: (problem, file) =>
    `៖ រកមិនឃើញ keyring របស់ desktop ទេ (${problem}) ដូច្នេះកូនសោត្រូវបានរក្សាទុកជាអក្សរធម្មតា (មិនបានអ៊ិនគ្រីប) ក្នុង ${file} ដែលមានតែអ្នកទេអាចអានបាន`,
  privacy: 'របៀបឯកជនភាពកំពុងបើក៖ គ្មានអ្វីត្រូវបានផ្ញើទៅ cloud ទេ',
  privacyFix: 'បិទរបៀបឯកជនភាព (Privacy mode) ក្នុង Settings ដើម្បីអនុញ្ញាតឱ្យប្រើ Gemini',
  cloudOff: 'មិនទាន់អនុញ្ញាតឱ្យប្រើ cloud (Gemini) នៅឡើយទេ',
  cloudOffFix: 'បើក "Allow cloud" ក្នុង Settings',
  cloudNoKey: (m) => `បានអនុញ្ញាតឱ្យប្រើ cloud ហើយ ប៉ុន្តែមិនទាន់មានកូនសោ (ម៉ូដែល ${m})`,
  cloudBadKey: (m) => `បានអនុញ្ញាតឱ្យប្រើ cloud ហើយ ប៉ុន្តែ Gemini មិនអាចឆ្លើយដោយកូនសោនេះបានទេ (ម៉ូដែល ${m})`,
  cloudBadKeyFix: 'សូមកែកូនសោជាមុនសិន (មើលខាងលើ)',
  cloudOk: (m) => `បានអនុញ្ញាតឱ្យប្រើ cloud (ម៉ូដែល ${m})`,
  memory: (f) => f.km,
  memoryFix: (f) =>
    f.fix === null
      ? null
      : f.level === 'tight'
        ? 'koompi-ask models pull qwen2.5:0.5b  រួចហើយ  koompi-ask config set model qwen2.5:0.5b'
        : 'សូមប្រើម៉ាស៊ីនមេរបស់សាលា៖ koompi-ask config set ollamaHost http://SERVER:11434  (ឬ openaiBaseUrl http://SERVER:8000/v1)',
  labels: {
    settings: 'ឯកសារការកំណត់',
    ollama: 'Ollama',
    model: 'ម៉ូដែលក្នុងម៉ាស៊ីន',
    'gemini-key': 'កូនសោ Gemini',
    cloud: 'Cloud (Gemini)',
    memory: 'អង្គចងចាំ (RAM)',
    hotkey: 'គ្រាប់ចុចកាត់សកល',
    'key-storage': 'កន្លែងរក្សាកូនសោ',
    'docs-index': 'ឯកសារជំនួយក្រៅបណ្តាញ',
  },
  hotkeyFix: 'បើក System Settings → Shortcuts → Add Command ហើយបញ្ចូល៖ koompi-assistant --toggle',
  keyPlain:
    'រកមិនឃើញ keyring របស់ desktop (Secret Service) ទេ៖ កូនសោត្រូវបានរក្សាទុកក្នុង keys.json ក្នុងថតការកំណត់ ដែលមានតែអ្នកទេអាចអានបាន ប៉ុន្តែមិនបានអ៊ិនគ្រីបទេ។',
  keyPlainFix: 'បើក KDE Wallet (System Settings → KDE Wallet) ហើយចាប់ផ្តើមជំនួយការឡើងវិញ ឬប្រើ GEMINI_API_KEY ជំនួសវិញ។',
  keyFromEnv: 'កូនសោ Gemini មកពី GEMINI_API_KEY។',
  keyEncrypted: (backend) => `កូនសោត្រូវបានរក្សាទុកដោយអ៊ិនគ្រីប (${backend})។`,
  fixLabel: 'វិធីដោះស្រាយ',
  canAnswer: 'មានម៉ូដែលអាចឆ្លើយបានហើយ។',
  docsAnswer: 'មិនទាន់មានម៉ូដែលណាអាចឆ្លើយបានទេ ប៉ុន្តែឯកសារជំនួយក្រៅបណ្តាញអាចឆ្លើយសំណួរទូទៅបាន៖ សូមធ្វើតាមវិធីដោះស្រាយខាងលើសម្រាប់សំណួរផ្សេងទៀត។',
  nothingAnswers: 'មិនទាន់មានម៉ូដែលណាអាចឆ្លើយបានទេ៖ សូមធ្វើតាមវិធីដោះស្រាយខាងលើ។',
};

export function doctorTexts(lang: DoctorLang = 'en'): DoctorTexts {
  return lang === 'km' ? KM : EN;
}
