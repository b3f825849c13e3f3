// The KOOMPI system prompt sent with every local and cloud question (assets/ollama/Modelfile carries the same base text),
// and the grounding: the best documentation passages as numbered context within a token budget, cited as [n].

/** The part that never changes; assets/ollama/Modelfile's SYSTEM must equal it (a test keeps them in step). */
export const BASE_SYSTEM_PROMPT = `You are KOOMPI Assistant, a helper built into KOOMPI OS, an Arch Linux system with the KDE Plasma desktop.
Answer briefly and precisely: a short explanation, then the commands, nothing more than the question needs.
For packages and snapshots prefer the koompi command line when it is available: koompi pkg install|remove|search|update NAME, koompi snapshot create|list|rollback|delete. Otherwise use pacman, systemctl and snapper.
Put every command in a \`\`\`bash code block, one command per line, with no prompt sign and no commentary inside the block.
Before any command that can delete data, remove packages, format or partition disks, or change the system in a way that is hard to undo, say so clearly in one sentence and suggest taking a snapshot first (koompi snapshot create, or snapper create).
Never invent package names, options or files; if you are not sure, say so and show how to check.
When the user writes in Khmer, answer in Khmer (keep the commands themselves unchanged).`;

export interface SystemPromptOptions {
  /** Whether the koompi CLI is installed on this machine. */
  hasKoompiCli: boolean;
  /** The language the question was asked in, when known. */
  lang?: 'en' | 'km';
  /** Documentation passages to answer from (buildGrounding), when the offline documentation has any. */
  grounding?: Grounding | null;
}

/** A documentation passage offered to the model. */
export interface GroundingPassage {
  kind: string;
  title: string;
  ref: string;
  text: string;
}

export interface Grounding {
  /** The numbered context block put into the system prompt. */
  block: string;
  /** The passages that fit, in the order they are numbered ([1] is used[0]). */
  used: GroundingPassage[];
  /** Estimated tokens of the block. */
  tokens: number;
}

/**
 * About 1,500 tokens of passages: with the base prompt (~350), the question and a short history this stays well
 * inside the Modelfile's num_ctx 4096 and leaves room for the answer (num_predict 1024).
 */
export const GROUNDING_TOKEN_BUDGET = 1500;
export const GROUNDING_MAX_PASSAGES = 4;
/** A passage is not worth sending with less room than this. */
const MIN_PASSAGE_TOKENS = 80;
/** The most of the budget a single passage may take. */
const PASSAGE_SHARE = 0.45;

/**
 * A conservative token estimate for qwen2.5's byte-level BPE: English runs about 4 characters a token (3.5 counted
 * here); Khmer and other non-ASCII letters take one token or more each (one counted).
 */
export function estimateTokens(text: string): number {
  let ascii = 0;
  let other = 0;
  for (const ch of text) {
    if (ch.charCodeAt(0) < 128) ascii++;
    else other++;
  }
  return Math.ceil(ascii / 3.5 + other);
}

/** The passage's text cut at a line boundary to about `tokens`, a fenced block closed if the cut fell inside one. */
function cutToTokens(text: string, tokens: number): string {
  const lines = text.trim().split('\n');
  const out: string[] = [];
  let used = 0;
  let inFence = false;
  for (const line of lines) {
    const t = estimateTokens(line) + 1;
    if (used + t > tokens && out.length > 0) break;
    if (used + t > tokens) {
      out.push(line.slice(0, Math.max(0, Math.floor(tokens * 3))));
      used = tokens;
      break;
    }
    out.push(line);
    used += t;
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
  }
  if (inFence) out.push('```');
  return out.join('\n');
}

/** Numbers the passages and fits them into the budget (best first; a passage that does not fit is cut or left out). */
export function buildGrounding(passages: readonly GroundingPassage[], budget = GROUNDING_TOKEN_BUDGET): Grounding | null {
  const used: GroundingPassage[] = [];
  const parts: string[] = [];
  let left = budget;
  for (const p of passages) {
    if (used.length >= GROUNDING_MAX_PASSAGES) break;
    const head = `[${used.length + 1}] ${p.title} (${p.ref})`;
    const room = left - estimateTokens(head) - 2;
    if (room < MIN_PASSAGE_TOKENS) break;
    // One long passage (a whole man page section) must not crowd out the others.
    const body = cutToTokens(p.text, Math.min(room, Math.ceil(budget * PASSAGE_SHARE)));
    if (!body.trim()) continue;
    const part = `${head}\n${body}`;
    parts.push(part);
    used.push(p);
    left -= estimateTokens(part) + 2;
  }
  if (used.length === 0) return null;
  const block = parts.join('\n\n');
  return { block, used, tokens: estimateTokens(block) };
}

const GROUNDING_RULES = `Documentation from this computer follows, numbered. Answer from these passages when they cover the question, and cite the passages you used as [1], [2] right after the sentence that uses them. Take commands, options and menu names from the passages rather than from memory. If the passages do not cover the question, say so in one short sentence and answer from what you know, without citing them.`;

export function systemPrompt(opts: SystemPromptOptions): string {
  const parts = [BASE_SYSTEM_PROMPT];
  parts.push(
    opts.hasKoompiCli
      ? 'The koompi command line is installed on this machine: prefer it.'
      : 'The koompi command line is not installed on this machine: use pacman, systemctl and snapper.',
  );
  if (opts.lang === 'km') parts.push('This question is in Khmer: answer in Khmer.');
  if (opts.grounding) parts.push('', GROUNDING_RULES, '', opts.grounding.block);
  return parts.join('\n');
}
