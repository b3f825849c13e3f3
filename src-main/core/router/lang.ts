// Detects whether a question is written in Khmer (any Khmer letter) or English, and which language the interface uses.

const KHMER = /[\u1780-\u17FF\u19E0-\u19FF]/u;

export function detectLang(text: string): 'en' | 'km' {
  return KHMER.test(text) ? 'km' : 'en';
}

/** The interface language: the settings' choice, or for 'auto' Khmer when the locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG) is Khmer. */
export function uiLanguage(settingsLanguage: string | null | undefined, env: NodeJS.ProcessEnv): 'en' | 'km' {
  if (settingsLanguage === 'km' || settingsLanguage === 'en') return settingsLanguage;
  for (const k of ['LANGUAGE', 'LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const v = env[k]?.trim();
    if (v) return /^km/i.test(v) ? 'km' : 'en';
  }
  return 'en';
}
