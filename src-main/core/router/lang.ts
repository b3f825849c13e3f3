// Detects whether a question is written in Khmer (any Khmer letter) or English.

const KHMER = /[\u1780-\u17FF\u19E0-\u19FF]/u;

export function detectLang(text: string): 'en' | 'km' {
  return KHMER.test(text) ? 'km' : 'en';
}
