// Picks the UI language and fills {placeholders}; components get `t` through useT().
import { en, type MessageKey } from './en';
import { km } from './km';

export type Lang = 'en' | 'km';
export type Vars = Record<string, string | number>;
export type T = (key: MessageKey, vars?: Vars) => string;

const tables: Record<Lang, Record<MessageKey, string>> = { en, km };

export function resolveLang(setting: 'auto' | 'en' | 'km' | undefined, navigatorLang: string): Lang {
  if (setting === 'en' || setting === 'km') return setting;
  return navigatorLang.toLowerCase().startsWith('km') ? 'km' : 'en';
}

export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  const s = tables[lang][key] ?? en[key];
  if (!vars) return s;
  return s.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

export function makeT(lang: Lang): T {
  return (key, vars) => translate(lang, key, vars);
}
