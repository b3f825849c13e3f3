// Shell parser for the command judge: turns lexer tokens into lists, pipelines, groups, functions and simple commands.
import { lex, ShellSyntaxError, type RedirToken, type Token, type Word } from './shell-lexer.js';

export interface Redirect {
  fd: number | null;
  op: RedirToken['op'];
  target: Word;
  body?: string;
}

export interface SimpleCommand {
  kind: 'simple';
  assigns: Word[];
  words: Word[];
  redirs: Redirect[];
}

export interface ListNode {
  kind: 'list';
  items: { node: Node; background: boolean }[];
}
export interface PipelineNode {
  kind: 'pipeline';
  stages: Node[];
}
export interface GroupNode {
  kind: 'group';
  body: ListNode;
  redirs: Redirect[];
}
export interface FuncNode {
  kind: 'func';
  name: string;
  body: Node;
}
export type Node = SimpleCommand | ListNode | PipelineNode | GroupNode | FuncNode;

const SKIP_WORDS = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', 'time']);
const END_WORDS = new Set(['fi', 'done', 'esac']);

export function parseShell(src: string, depth = 0): ListNode {
  if (depth > 12) throw new ShellSyntaxError('commands nested too deeply to check');
  const p = new Parser(lex(src));
  const list = p.parseList(false);
  if (!p.atEnd()) throw new ShellSyntaxError(`unexpected ${p.describe()}`);
  return list;
}

class Parser {
  private i = 0;
  constructor(private readonly toks: Token[]) {}

  atEnd(): boolean {
    return this.i >= this.toks.length;
  }
  private peek(): Token | undefined {
    return this.toks[this.i];
  }
  describe(): string {
    const t = this.peek();
    if (!t) return 'end of command';
    if (t.t === 'op') return t.v === '\n' ? 'line break' : `"${t.v}"`;
    if (t.t === 'redir') return `"${t.op}"`;
    return `"${t.word.text}"`;
  }
  private isOp(v: string): boolean {
    const t = this.peek();
    return t?.t === 'op' && t.v === v;
  }
  private isWord(text: string): boolean {
    const t = this.peek();
    return t?.t === 'word' && !t.word.quoted && t.word.text === text;
  }
  private skipNewlines(): void {
    while (this.isOp('\n')) this.i++;
  }

  /** list := pipeline ((; & && || \n) pipeline)* ; stops at ")" or "}" when nested. */
  parseList(nested: boolean): ListNode {
    const items: ListNode['items'] = [];
    this.skipNewlines();
    for (;;) {
      if (this.atEnd()) break;
      if (nested && (this.isOp(')') || this.isWord('}'))) break;
      if (this.isWord('}') || this.isOp(')')) throw new ShellSyntaxError(`unexpected ${this.describe()}`);
      const node = this.parsePipeline();
      let background = false;
      const t = this.peek();
      if (t?.t === 'op' && (t.v === ';' || t.v === '&' || t.v === '\n' || t.v === '&&' || t.v === '||')) {
        background = t.v === '&';
        this.i++;
        if (t.v === '&&' || t.v === '||') {
          this.skipNewlines();
          if (this.atEnd()) throw new ShellSyntaxError(`nothing after "${t.v}"`);
        }
        this.skipNewlines();
      } else if (t && !(nested && (this.isOp(')') || this.isWord('}')))) {
        throw new ShellSyntaxError(`unexpected ${this.describe()}`);
      }
      items.push({ node, background });
    }
    return { kind: 'list', items };
  }

  private parsePipeline(): Node {
    const stages: Node[] = [this.parseCommand()];
    while (this.isOp('|') || this.isOp('|&')) {
      this.i++;
      this.skipNewlines();
      if (this.atEnd()) throw new ShellSyntaxError('nothing after "|"');
      stages.push(this.parseCommand());
    }
    return stages.length === 1 ? stages[0]! : { kind: 'pipeline', stages };
  }

  private parseCommand(): Node {
    for (let guard = 0; guard < 64; guard++) {
      const t = this.peek();
      if (t?.t === 'word' && !t.word.quoted && SKIP_WORDS.has(t.word.text)) {
        this.i++;
        // the `time` keyword takes -p (POSIX output) before the command it times
        if (t.word.text === 'time') {
          const n = this.peek();
          if (n?.t === 'word' && (n.word.text === '-p' || n.word.text === '--')) this.i++;
        }
        this.skipNewlines();
        continue;
      }
      if (t?.t === 'word' && !t.word.quoted && END_WORDS.has(t.word.text)) {
        this.i++;
        return { kind: 'group', body: { kind: 'list', items: [] }, redirs: this.parseRedirs() };
      }
      break;
    }
    const t = this.peek();
    if (!t) throw new ShellSyntaxError('missing command');
    if (t.t === 'op' && t.v === '(') {
      this.i++;
      const body = this.parseList(true);
      if (!this.isOp(')')) throw new ShellSyntaxError('unclosed "("');
      this.i++;
      return { kind: 'group', body, redirs: this.parseRedirs() };
    }
    if (t.t === 'op') throw new ShellSyntaxError(`unexpected ${this.describe()}`);
    if (this.isWord('{')) {
      this.i++;
      const body = this.parseList(true);
      if (!this.isWord('}')) throw new ShellSyntaxError('unclosed "{"');
      this.i++;
      return { kind: 'group', body, redirs: this.parseRedirs() };
    }
    if (this.isWord('[[')) {
      const words: Word[] = [];
      while (!this.atEnd() && !this.isWord(']]')) {
        const x = this.toks[this.i++]!;
        if (x.t === 'word') words.push(x.word);
      }
      if (!this.isWord(']]')) throw new ShellSyntaxError('unclosed "[["');
      this.i++;
      return {
        kind: 'simple',
        assigns: [],
        words: [{ raw: '[[', text: '[[', quoted: false, glob: false, dynamic: false, vars: [], subs: [] }, ...words],
        redirs: [],
      };
    }
    if (this.isWord('function')) {
      this.i++;
      const name = this.peek();
      if (name?.t !== 'word') throw new ShellSyntaxError('function without a name');
      this.i++;
      if (this.isOp('(')) {
        this.i++;
        if (!this.isOp(')')) throw new ShellSyntaxError('bad function definition');
        this.i++;
      }
      this.skipNewlines();
      return { kind: 'func', name: name.word.text, body: this.parseCommand() };
    }
    if (this.isWord('for') || this.isWord('select') || this.isWord('case')) {
      // `for NAME in words` / `case WORD in`: keep the words (their substitutions still get judged).
      const isCase = this.isWord('case');
      const words: Word[] = [];
      while (!this.atEnd()) {
        const x = this.peek()!;
        if (x.t === 'op' && (x.v === ';' || x.v === '\n')) break;
        if (x.t === 'word' && !x.word.quoted && x.word.text === 'do' && words.length > 0) break;
        if (x.t === 'word' && isCase && x.word.text === 'in' && words.length > 1) {
          this.i++;
          break;
        }
        if (x.t !== 'word') throw new ShellSyntaxError(`unexpected ${this.describe()}`);
        words.push(x.word);
        this.i++;
      }
      if (isCase) throw new ShellSyntaxError('case statements are not checked');
      return { kind: 'simple', assigns: [], words, redirs: [] };
    }
    return this.parseSimple();
  }

  private parseRedirs(): Redirect[] {
    const out: Redirect[] = [];
    for (let t = this.peek(); t?.t === 'redir'; t = this.peek()) out.push(this.parseRedir());
    return out;
  }

  private parseRedir(): Redirect {
    const r = this.toks[this.i++] as RedirToken;
    const target = this.peek();
    if (target?.t !== 'word') throw new ShellSyntaxError(`redirect "${r.op}" without a target`);
    this.i++;
    const out: Redirect = { fd: r.fd, op: r.op, target: target.word };
    if (r.body !== undefined) out.body = r.body;
    return out;
  }

  private parseSimple(): Node {
    const assigns: Word[] = [];
    const words: Word[] = [];
    const redirs: Redirect[] = [];
    for (;;) {
      const t = this.peek();
      if (!t || t.t === 'op') break;
      if (t.t === 'redir') {
        redirs.push(this.parseRedir());
        continue;
      }
      if (words.length === 0 && /^[A-Za-z_][A-Za-z0-9_]*\+?=/.test(t.word.raw)) {
        assigns.push(t.word);
        this.i++;
        continue;
      }
      words.push(t.word);
      this.i++;
      if (words.length === 1 && this.isOp('(') && this.toks[this.i + 1]?.t === 'op' && (this.toks[this.i + 1] as { v: string }).v === ')') {
        this.i += 2;
        this.skipNewlines();
        return { kind: 'func', name: t.word.text, body: this.parseCommand() };
      }
    }
    if (assigns.length === 0 && words.length === 0 && redirs.length === 0) throw new ShellSyntaxError(`unexpected ${this.describe()}`);
    return { kind: 'simple', assigns, words, redirs };
  }
}
