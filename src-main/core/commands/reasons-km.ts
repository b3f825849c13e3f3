// Khmer forms of the judge's risk reasons. The judge keeps producing English (check-command prints it unchanged);
// this layer matches each reason against the English templates of the catalogues and fills in the Khmer template.
// Template slots: {1} {2} … keep the text (command names, paths, flags) as is; {R} is a whole reason, translated in
// turn; {P} is a parse error; any other {name} is a word from the DICT list of that name.
import type { CommandJudgement, SuggestedCommand } from '../types.js';
import { CORE_REASONS_KM, PARSE_ERRORS_KM } from './reasons-km-core.js';
import { DICT_KM, RULE_REASONS_KM } from './reasons-km-rules.js';

export type ReasonLang = 'en' | 'km';

interface Slot {
  kind: 'keep' | 'reason' | 'parse' | 'dict';
  key: string;
}
interface Compiled {
  en: string;
  re: RegExp;
  slots: Slot[];
  km: string;
  weight: number;
}

const SLOT = /\{(\d+|R|P|[a-z]+)\}/g;
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compile(list: readonly (readonly [string, string])[]): Compiled[] {
  const out = list.map(([en, km]) => {
    const slots: Slot[] = [];
    let source = '';
    let last = 0;
    for (const m of en.matchAll(SLOT)) {
      source += escapeRe(en.slice(last, m.index));
      last = m.index + m[0].length;
      const key = m[1]!;
      if (/^\d+$/.test(key)) {
        slots.push({ kind: 'keep', key });
        source += '(.*?)';
      } else if (key === 'R') {
        slots.push({ kind: 'reason', key });
        source += '(.+?)';
      } else if (key === 'P') {
        slots.push({ kind: 'parse', key });
        source += '(.+?)';
      } else {
        const words = DICT_KM[key];
        if (!words) throw new Error(`reasons-km: no word list "${key}" for "${en}"`);
        slots.push({ kind: 'dict', key });
        source += `(${Object.keys(words)
          .sort((a, b) => b.length - a.length)
          .map(escapeRe)
          .join('|')})`;
      }
    }
    source += escapeRe(en.slice(last));
    // A reason built around another reason ("…, asking before each file") goes first, so a kept slot of another
    // template cannot swallow its tail; then the more fixed text a template has, the more specific it is.
    const nests = slots.some((s) => s.kind === 'reason') ? 10_000 : 0;
    return { en, re: new RegExp(`^${source}$`, 's'), slots, km, weight: nests + en.replace(SLOT, '').length };
  });
  return out.sort((a, b) => b.weight - a.weight);
}

let reasons: Compiled[] | null = null;
let parseErrors: Compiled[] | null = null;

function fill(t: Compiled, text: string): string | null {
  const m = t.re.exec(text);
  if (!m) return null;
  const values = new Map<string, string>();
  for (let i = 0; i < t.slots.length; i++) {
    const s = t.slots[i]!;
    const v = m[i + 1] ?? '';
    let km: string | null;
    if (s.kind === 'keep') km = v;
    else if (s.kind === 'reason') km = reasonInKhmer(v);
    else if (s.kind === 'parse') km = translate(parseErrors!, v);
    else km = DICT_KM[s.key]![v] ?? null;
    if (km === null) return null;
    values.set(s.key, km);
  }
  return t.km.replace(SLOT, (_all, key: string) => values.get(key) ?? '');
}

function translate(list: Compiled[], text: string): string | null {
  for (const t of list) {
    const out = fill(t, text);
    if (out !== null) return out;
  }
  return null;
}

/** The Khmer form of one English reason, or null when no template matches it. */
export function reasonInKhmer(reason: string): string | null {
  reasons ??= compile([...CORE_REASONS_KM, ...RULE_REASONS_KM]);
  parseErrors ??= compile(PARSE_ERRORS_KM);
  return translate(reasons, reason);
}

/** Reasons in the reader's language; a reason no template knows stays English rather than being dropped. */
export function localizeReasons(list: readonly string[], lang: ReasonLang): string[] {
  if (lang === 'en') return [...list];
  return list.map((r) => reasonInKhmer(r) ?? r);
}

/** A judgement or suggested command with its reasons in the reader's language (the command text is unchanged). */
export function localizeJudgement<T extends CommandJudgement | SuggestedCommand>(j: T, lang: ReasonLang): T {
  return lang === 'en' ? j : { ...j, reasons: localizeReasons(j.reasons, lang) };
}

/** How many English templates the catalogues hold (reasons, parse errors). */
export function reasonTemplateCount(): { reasons: number; parseErrors: number } {
  return { reasons: CORE_REASONS_KM.length + RULE_REASONS_KM.length, parseErrors: PARSE_ERRORS_KM.length };
}
