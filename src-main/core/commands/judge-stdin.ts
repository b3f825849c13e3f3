// Where a command's standard input comes from and what is known about that text: heredocs, echo, decoders, downloads.
import { childCtx, commandName, newCtx, type JudgeCtx } from './judge-context.js';
import { baseName, resolveWord } from './judge-words.js';
import { parseCommandLine } from './parse.js';
import { DOWNLOADER_WORD, DOWNLOADERS } from './rules/downloads.js';
import type { StdinInfo } from './rules/types.js';
import { decodeEscapes, type Word } from './shell-lexer.js';
import type { Node, Redirect } from './shell-parser.js';
import { unwrap } from './unwrap.js';
import { firstSimple, walkSimple } from './walk.js';

export interface PipeInfo {
  stages: Node[];
  index: number;
}

/** Does any substitution inside this word download something? */
export function subsDownload(w: Word): boolean {
  return w.subs.some((s) => scriptDownloads(s.source, 0));
}

/** Does this script run a downloader anywhere (through wrappers, pipes, substitutions)? */
export function scriptDownloads(source: string, depth: number): boolean {
  if (depth > 6) return false;
  try {
    const tree = parseCommandLine(source, depth);
    return walkSimple(tree, (n) => {
      const scratch = newCtx();
      let found = false;
      const u = unwrap(
        n.words.map((w) => resolveWord(w, scratch)),
        scratch,
        (s) => {
          if (scriptDownloads(s, depth + 1)) found = true;
        },
      );
      if (DOWNLOADERS.has(commandName(u.argv[0]))) found = true;
      for (const w of n.words) if (w.subs.some((s) => scriptDownloads(s.source, depth + 1))) found = true;
      return found;
    });
  } catch {
    return DOWNLOADER_WORD.test(source);
  }
}

export function stdinOf(redirs: Redirect[], pipe: PipeInfo | null, ctx: JudgeCtx): StdinInfo {
  for (const r of redirs) {
    if (r.op === '<<' || r.op === '<<-') return { kind: 'text', downloaded: false, encoded: false, text: r.body ?? '', from: 'heredoc' };
    if (r.op === '<<<') {
      const w = resolveWord(r.target, ctx);
      return { kind: 'text', downloaded: subsDownload(r.target), encoded: false, text: w.dynamic ? null : w.text, from: 'here-string' };
    }
    if (r.op === '<') {
      const w = resolveWord(r.target, ctx);
      if (w.subs.some((s) => s.kind === 'proc'))
        return { kind: 'text', downloaded: subsDownload(r.target), encoded: false, text: null, from: 'process substitution' };
      return { kind: 'file', downloaded: ctx.downloads.has(baseName(w.text)), encoded: false, text: null, from: w.text };
    }
  }
  if (!pipe || pipe.index === 0) return { kind: 'none', downloaded: false, encoded: false, text: null, from: '' };
  return pipeText(pipe.stages.slice(0, pipe.index), ctx);
}

/** Follows the text through earlier pipeline stages: literal echo, decoders, downloads. */
function pipeText(stages: Node[], ctx: JudgeCtx): StdinInfo {
  const info: StdinInfo = { kind: 'pipe', downloaded: false, encoded: false, text: null, from: '' };
  for (const stage of stages) {
    const s = firstSimple(stage);
    if (!s) {
      info.text = null;
      continue;
    }
    const scratch = childCtx(ctx);
    scratch.findings = [];
    const u = unwrap(
      s.words.map((w) => resolveWord(w, ctx)),
      scratch,
      () => undefined,
    );
    const argv = u.argv;
    const name = commandName(argv[0]);
    const args = argv.slice(1);
    const literal = args.every((w) => !w.dynamic);
    const here = s.redirs.find((r) => r.op === '<<<' || r.op === '<<' || r.op === '<<-');
    const hereText = here
      ? here.op === '<<<'
        ? resolveWord(here.target, ctx).dynamic
          ? null
          : resolveWord(here.target, ctx).text
        : (here.body ?? null)
      : undefined;
    info.many = false;
    if (s.words.some((w) => subsDownload(w)) || (here && subsDownload(here.target))) {
      info.downloaded = true;
      info.from ||= 'a download';
    }
    if (DOWNLOADERS.has(name)) {
      info.downloaded = true;
      info.from = name;
      info.text = null;
      continue;
    }
    if (name === 'echo' && literal) {
      const a = args.map((w) => w.text);
      let esc = false;
      while (a[0] && /^-[neE]+$/.test(a[0])) {
        if (a[0].includes('e')) esc = true;
        a.shift();
      }
      info.text = esc ? decodeEscapes(a.join(' ')) : a.join(' ');
      if (esc && /\\x|\\[0-7]/.test(a.join(' '))) info.encoded = true;
      // `xargs echo rm`: each batch of input words is appended to the text
      info.many = u.viaXargs;
      info.from = u.viaXargs ? 'xargs echo' : info.from;
      continue;
    }
    if (name === 'printf' && literal && args.length > 0) {
      const raw = args.map((w) => w.text);
      let k = 1;
      // `xargs printf 'rm %s\n'`: each input word fills the format, so the text is that command over many files
      info.text = decodeEscapes(raw[0]!).replace(/%[sdbc]/g, () => (u.viaXargs ? '{}' : (raw[k++] ?? '')));
      if (/\\x|\\[0-7]/.test(raw[0]!)) info.encoded = true;
      info.many = u.viaXargs;
      continue;
    }
    if (
      ((name === 'cat' || name === 'tee') && args.filter((w) => !w.text.startsWith('-')).length === 0) ||
      (name === 'cat' && hereText !== undefined)
    ) {
      if (hereText !== undefined) info.text = hereText;
      continue;
    }
    const decode = decoderOf(
      name,
      args.map((w) => w.text),
    );
    if (decode) {
      info.encoded = true;
      const input = hereText !== undefined ? hereText : info.text;
      info.text = input === null ? null : decode(input);
      continue;
    }
    info.text = null;
    info.from = name;
    info.source = argv.map((w) => w.text).join(' ');
  }
  return info;
}

function decoderOf(name: string, args: string[]): ((s: string) => string | null) | null {
  const hasD = args.some((a) => /^-[a-zA-Z]*[dD]/.test(a) || a === '--decode');
  if ((name === 'base64' || name === 'basenc') && hasD) return (s) => Buffer.from(s.trim(), 'base64').toString('utf8');
  if (name === 'base32' && hasD) return () => null;
  if (name === 'xxd' && args.some((a) => /^-[a-z]*r/.test(a)))
    return (s) => Buffer.from(s.replace(/[^0-9a-fA-F]/g, ''), 'hex').toString('utf8');
  if (name === 'rev')
    return (s) =>
      s
        .split('\n')
        .map((l) => [...l].reverse().join(''))
        .join('\n');
  if (name === 'openssl' && args.some((a) => a === '-d' || a === 'base64' || a === '-base64'))
    return (s) => Buffer.from(s.trim(), 'base64').toString('utf8');
  if (
    ['uudecode', 'gunzip', 'zcat', 'xz', 'unxz', 'bunzip2', 'bzcat', 'zstd', 'unzstd', 'gzip', 'tr', 'sed', 'awk', 'perl'].includes(name)
  ) {
    if (name === 'gzip' || name === 'xz' || name === 'zstd') return hasD ? () => null : null;
    return () => null;
  }
  return null;
}
