// Judges inline programs (python -c, perl -e, node -e …): shell strings they run, recursive deletes, fork loops, hidden code.
import { destructive, elevated, type JudgeCtx } from './judge-context.js';

const SHELL_CALL =
  /(?:os\.system|os\.popen|subprocess\.(?:run|call|check_call|check_output|Popen|getoutput|getstatusoutput)|\bsystem|\bexec(?:Sync)?|\bspawnSync|shell_exec|passthru|popen|%x)\s*\(\s*\[?\s*(?:r|b|f)?(["'])((?:\\.|(?!\1).)*)\1/g;
const BACKTICK = /`([^`]+)`/g;

export function judgeInlineCode(code: string, ctx: JudgeCtx, lang: string, recurse: (script: string) => void): void {
  if (
    (/\bfork\s*\(/.test(code) && /\b(while|for|loop|until|iter|count|repeat|setInterval)\b/.test(code)) ||
    /\bfork\b\s*(\(\s*\))?\s*(while|until)\b|while\s*(true|1|True)\s*[:;{]?[^\n]*\bfork\s*\(|for\s*\(\s*;\s*;\s*\)\s*fork|\bos\.fork\s*\(\)[^\n]*\bos\.fork|while\s*\(?\s*1\s*\)?\s*\{?\s*fork/.test(
      code,
    )
  ) {
    destructive(ctx, `starts copies of itself without end (a fork bomb in ${lang})`);
  }
  if (/\brmtree\b|rm_rf|rm_r\b|remove_tree|rmSync\([^)]*recursive|rmdirSync\([^)]*recursive|fs\.rm\([^)]*recursive|rimraf/.test(code)) {
    destructive(ctx, `deletes folders recursively (${lang} code)`);
  }
  if (
    /b64decode|base64\.decode|decode_base64|Buffer\.from\([^)]*base64|base64_decode|\.decode\(\s*['"]base64/.test(code) &&
    /\bexec\b|\beval\b|system|popen|subprocess/.test(code)
  ) {
    destructive(ctx, `runs hidden (encoded) code (${lang})`);
  }
  if (
    /urlopen|urllib|requests\.get|http\.get|https\.get|fetch\(|LWP::|Net::HTTP|open-uri|file_get_contents\(\s*['"]https?:|\bget(?:store)?\s*\(\s*['"]https?:/.test(
      code,
    ) &&
    /\bexec\b|\beval\b|system|popen|subprocess/.test(code)
  ) {
    destructive(ctx, `runs code downloaded from the network (${lang})`);
  }
  let m: RegExpExecArray | null;
  let calls = 0;
  SHELL_CALL.lastIndex = 0;
  while ((m = SHELL_CALL.exec(code)) !== null && calls++ < 20) {
    const inner = m[2]!.replace(/\\(["'\\])/g, '$1');
    if (/^\s*\[/.test(m[0].slice(m[0].indexOf('(') + 1))) {
      // argv list form: ["rm", "-rf", "x"] → rebuild the command line
      const list = [...code.slice(m.index).matchAll(/["']([^"']*)["']/g)].slice(0, 12).map((x) => x[1]!);
      const end = code.indexOf(']', m.index);
      const listText = end > 0 ? code.slice(m.index, end) : '';
      const items = [...listText.matchAll(/["']([^"']*)["']/g)].map((x) => x[1]!);
      recurse((items.length > 0 ? items : list).map((s) => `'${s.replace(/'/g, `'\\''`)}'`).join(' '));
    } else {
      recurse(inner);
    }
  }
  if (lang === 'perl' || lang === 'ruby' || lang === 'php') {
    BACKTICK.lastIndex = 0;
    let b: RegExpExecArray | null;
    let n = 0;
    while ((b = BACKTICK.exec(code)) !== null && n++ < 10) recurse(b[1]!);
  }
  if (/\bunlink\s*\(?\s*(glob\b|<\*|"\*|'\*)|\bglob\([^)]*\*[^)]*\)[^;\n]*(remove|unlink)|(remove|unlink)[^;\n]*\bglob\(/.test(code)) {
    destructive(ctx, `deletes every file matching a wildcard (${lang} code)`);
  }
  if (/\bos\.(remove|unlink|rmdir)\b|\bunlink(Sync)?\s*\(|File\.delete|FileUtils\.rm\b/.test(code)) {
    elevated(ctx, `deletes files (${lang} code)`);
  }
}
