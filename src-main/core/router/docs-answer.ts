// The docs tier's answer, with no model: the best passage shortened to what answers the question (an option's
// paragraph for "what does -r do", else the matching paragraphs with their steps and commands), a line naming where
// it comes from, in the question's language, and the sources. null when no passage is good enough (the router then
// falls through to the fallback text).
import type { AnswerSource } from '../types.js';
import type { DocHit } from '../knowledge/types.js';
import { excerpt, optionParagraphs, optionsIn } from './docs-excerpt.js';
import { assessHits } from './docs-match.js';
import { extractCommands, judgeCommand } from '../commands/index.js';

/** Sources listed under a docs answer: the passages used, the manual pages of their commands, close runners-up. */
export const MAX_DOCS_SOURCES = 4;
/** A second passage is added when its score is at least this share of the best one's (a near tie: the index cannot
 * tell which of two sections answers, so both are shown, still short). */
export const RUNNER_UP_SHARE = 0.9;
/** Manual pages of the answer's commands listed as sources. */
const MAX_MAN_SOURCES = 2;
/** Commands added as a block when the passage names some but has no fenced block (kept short). */
const MAX_ADDED_COMMANDS = 4;

export interface DocsAnswer {
  text: string;
  sources: AnswerSource[];
  /** The hit the text was taken from. */
  used: DocHit;
}

export function toSource(h: Pick<DocHit, 'kind' | 'title' | 'ref'>): AnswerSource {
  return { kind: h.kind, title: h.title, ref: h.ref };
}

const PHRASES = {
  en: {
    from: (title: string, kind: DocHit['kind']) => `From ${KIND_EN[kind]} *${title}*:`,
    englishOnly: '',
    option: (opt: string, title: string) => `The option \`${opt}\` in ${title}:`,
    also: (title: string) => `Also from *${title}*:`,
    usage: 'Usage:',
    careful:
      '**Careful:** a command below can delete data or is hard to undo. Check it before running it, and take a snapshot first (`koompi snapshot create`, or `sudo snapper -c root create`).',
  },
  km: {
    from: (title: string, kind: DocHit['kind']) => `ពី${KIND_KM[kind]} *${title}*៖`,
    englishOnly: '(ឯកសារនេះមានតែជាភាសាអង់គ្លេស។)',
    option: (opt: string, title: string) => `ជម្រើស \`${opt}\` នៅក្នុង ${title}៖`,
    also: (title: string) => `ព្រមទាំងពី *${title}*៖`,
    usage: 'របៀបប្រើ៖',
    careful:
      '**ប្រយ័ត្ន៖** ពាក្យបញ្ជាខាងក្រោមអាចលុបទិន្នន័យ ឬពិបាកត្រឡប់វិញ។ សូមពិនិត្យវាមុននឹងដំណើរការ ហើយថតស្ណាបស៊ុតជាមុនសិន (`koompi snapshot create` ឬ `sudo snapper -c root create`)។',
  },
};
const KIND_EN: Record<DocHit['kind'], string> = {
  koompi: 'the KOOMPI guide',
  man: 'the manual page',
  archwiki: 'the ArchWiki page',
  kde: 'the KDE handbook',
};
const KIND_KM: Record<DocHit['kind'], string> = {
  koompi: 'មគ្គុទ្ទេសក៍ KOOMPI',
  man: 'ឯកសារណែនាំ (man)',
  archwiki: 'ទំព័រ ArchWiki',
  kde: 'សៀវភៅណែនាំ KDE',
};

/** Picks the passage to answer from: for a Khmer question a Khmer passage when one is as relevant. */
function pick(relevant: readonly DocHit[], lang: 'en' | 'km'): DocHit {
  const best = relevant[0]!;
  if (lang === 'km' && best.lang !== 'km') {
    const km = relevant.find((h) => h.lang === 'km' && h.score >= best.score * 0.8);
    if (km) return km;
  }
  if (lang === 'en' && best.lang !== 'en') {
    const en = relevant.find((h) => h.lang === 'en' && h.score >= best.score * 0.8);
    if (en) return en;
  }
  return best;
}

/** The passage's text for the answer: the option's paragraph, or the excerpt, plus its commands when not shown. */
function body(hit: DocHit, question: string, lang: 'en' | 'km'): string {
  const opts = optionsIn(question);
  if (opts.length > 0 && hit.kind === 'man') {
    const paras = optionParagraphs(hit.text, opts);
    if (paras.length > 0)
      return `${PHRASES[lang].option(opts[0]!, hit.title)}\n\n${paras.map((p) => '```text\n' + p + '\n```').join('\n\n')}`;
  }
  let text = excerpt(hit.text, question);
  if (!/^\s*(```|~~~)/m.test(text) && hit.kind !== 'man' && hit.commands.length > 0) {
    text += `\n\n\`\`\`bash\n${hit.commands.slice(0, MAX_ADDED_COMMANDS).join('\n')}\n\`\`\``;
  }
  // A manual page's usage line (its SYNOPSIS) says how the command is written; shown, never offered to run.
  const usage =
    hit.kind === 'man'
      ? hit.commands
          .map((c) => c.trim())
          .filter((c) => c && c.length <= 160 && !text.includes(c))
          .slice(0, 2)
      : [];
  if (usage.length > 0) text += `\n\n${PHRASES[lang].usage} ${usage.map((u) => `\`${u.replace(/`/g, "'")}\``).join(', ')}`;
  return text;
}

/** Looks up a manual page by name (`df` -> df(1)), for listing the manuals of an answer's commands. */
export type ManLookup = (program: string) => Pick<DocHit, 'kind' | 'title' | 'ref'> | null;

/** The programs an answer's commands run (after sudo/env), in order, without duplicates. */
function programsOf(commands: readonly string[]): string[] {
  const out: string[] = [];
  for (const c of commands) {
    const words = c
      .trim()
      .split(/\s+/)
      .filter((w) => !/^(sudo|doas|env|nohup|time|command|exec)$/.test(w) && !/^\w+=/.test(w));
    const prog = words[0]?.replace(/^.*\//, '');
    if (prog && /^[a-z][\w.+-]*$/.test(prog) && !out.includes(prog)) out.push(prog);
  }
  return out;
}

/** Words of a question that are not program names. */
const NOT_PROGRAMS = new Set(
  (
    'what does do the a an of in on to for with option options flag flags switch mean means meaning command ' +
    'commands how use using is are it this that when why which explain tell me my i you can linux terminal shell'
  ).split(' '),
);
/** Candidate programs tried per question (each is one page lookup). */
const MAX_PROGRAM_CANDIDATES = 4;

export interface OptionAnswer {
  /** The whole manual page (kind 'man'). */
  page: DocHit;
  option: string;
  paragraphs: string[];
}

/**
 * "What does the -r option of rm do", "grep -v": the manual page of a program the question names that describes the
 * option. `page(program)` gives the program's whole manual page (section 1, else 8) or null.
 */
export function findOptionPage(question: string, page: (program: string) => DocHit | null): OptionAnswer | null {
  const opts = optionsIn(question);
  if (opts.length === 0) return null;
  const words = [...question.toLowerCase().matchAll(/(?:^|[\s"'`(])([a-z][\w.+-]{0,30})(?=[\s"'`),?.!:]|$)/g)].map((m) =>
    m[1]!.replace(/[.]+$/, ''),
  );
  const tried = new Set<string>();
  for (const w of words) {
    if (tried.size >= MAX_PROGRAM_CANDIDATES) break;
    if (NOT_PROGRAMS.has(w) || tried.has(w) || w.length < 2) continue;
    tried.add(w);
    const hit = page(w);
    if (!hit || hit.kind !== 'man') continue;
    const paragraphs = optionParagraphs(hit.text, opts);
    if (paragraphs.length > 0) return { page: hit, option: opts[0]!, paragraphs };
  }
  return null;
}

/** The answer to an option question: the option's paragraph from the manual page, with the page as the source. */
export function composeOptionAnswer(o: OptionAnswer, lang: 'en' | 'km', others: readonly DocHit[] = []): DocsAnswer {
  const p = PHRASES[lang];
  const ref = o.page.ref.replace(/#.*$/, '');
  const head = p.option(o.option, ref);
  const note = lang === 'km' ? `${p.englishOnly}\n\n` : '';
  const text = `${head}\n\n${note}${o.paragraphs.map((x) => '```text\n' + x + '\n```').join('\n\n')}\n`;
  const sources: AnswerSource[] = [{ kind: 'man', title: ref, ref }];
  for (const h of others) {
    if (sources.length >= MAX_DOCS_SOURCES) break;
    if (!sources.some((x) => x.ref === h.ref)) sources.push(toSource(h));
  }
  return { text, sources, used: o.page };
}

/** Composes the answer from the hits the index returned for the question; null when none is good enough. */
export function composeDocsAnswer(question: string, lang: 'en' | 'km', hits: readonly DocHit[], man?: ManLookup): DocsAnswer | null {
  const { relevant } = assessHits(question, hits);
  if (relevant.length === 0) return null;
  const used = pick(relevant, lang);
  const main = body(used, question, lang).trim();
  if (!main) return null;
  const p = PHRASES[lang];
  const parts = [p.from(used.title, used.kind), ''];
  if (lang === 'km' && used.lang !== 'km') parts.push(p.englishOnly, '');
  parts.push(main);
  // A near tie: the second passage too (a different section, in the same language as the first when there is one).
  const second = relevant.find(
    (h) => h !== used && h.ref !== used.ref && h.score >= used.score * RUNNER_UP_SHARE && (h.lang === used.lang || h.kind === 'man'),
  );
  const runnerUp = second ? body(second, question, lang).trim() : '';
  if (second && runnerUp) parts.push('', p.also(second.title), '', runnerUp);
  let text = parts.join('\n') + '\n';
  const commands = extractCommands(text);
  if (commands.some((c) => judgeCommand(c).risk === 'destructive')) text = `${p.careful}\n\n${text}`;

  const sources: AnswerSource[] = [toSource(used)];
  const add = (s: Pick<DocHit, 'kind' | 'title' | 'ref'>): void => {
    if (sources.length < MAX_DOCS_SOURCES && !sources.some((x) => x.ref === s.ref)) sources.push(toSource(s));
  };
  if (second && runnerUp) add(second);
  if (man) {
    let n = 0;
    // Each look-up reads a page: a few programs at most (the first ones are the answer's main commands).
    for (const prog of programsOf(commands)
      .filter((p) => p !== 'koompi')
      .slice(0, MAX_MAN_SOURCES + 1)) {
      if (n >= MAX_MAN_SOURCES) break;
      const page = man(prog);
      if (page) {
        add(page);
        n++;
      }
    }
  }
  // Only what the text was taken from (and the manuals of its commands): a source the answer does not use would
  // send the reader to the wrong page.
  return { text, sources, used };
}
