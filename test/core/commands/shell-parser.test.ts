// Tokenizer and parser cases: quotes, escapes, operators, redirects, substitutions, groups, functions, heredocs, errors.
import { describe, expect, it } from 'vitest';
import { lex, ShellSyntaxError } from '../../../src-main/core/commands/shell-lexer.js';
import { parseShell, type Node, type SimpleCommand } from '../../../src-main/core/commands/shell-parser.js';

const words = (src: string): string[] =>
  lex(src)
    .filter((t) => t.t === 'word')
    .map((t) => (t.t === 'word' ? t.word.text : ''));
const ops = (src: string): string[] => lex(src).flatMap((t) => (t.t === 'op' ? [t.v] : t.t === 'redir' ? [`${t.fd ?? ''}${t.op}`] : []));

function simples(n: Node): SimpleCommand[] {
  if (n.kind === 'simple') return [n];
  if (n.kind === 'list') return n.items.flatMap((i) => simples(i.node));
  if (n.kind === 'pipeline') return n.stages.flatMap(simples);
  return simples(n.body);
}
const names = (src: string): string[] => simples(parseShell(src)).map((s) => s.words.map((w) => w.text).join(' '));

describe('lexer', () => {
  it('removes quotes and escapes', () => {
    expect(words(`echo 'a b' "c d" e\\ f 'r''m' "x"y`)).toEqual(['echo', 'a b', 'c d', 'e f', 'rm', 'xy']);
    expect(words(`echo "a \\"q\\" \\$HOME"`)).toEqual(['echo', 'a "q" $HOME']);
    expect(words(`\\rm -rf x`)).toEqual(['rm', '-rf', 'x']);
  });
  it("decodes $'…' ANSI-C strings", () => {
    expect(words(`$'\\x72\\x6d' $'a\\tb' $'\\162m'`)).toEqual(['rm', 'a\tb', 'rm']);
  });
  it('splits every control operator', () => {
    expect(ops('a; b && c || d | e |& f & g')).toEqual([';', '&&', '||', '|', '|&', '&']);
    expect(ops('a;b&&c')).toEqual([';', '&&']);
  });
  it('reads redirects with fds', () => {
    expect(ops('a > f >> g 2> h &> i &>> j 2>&1 < k <<< s >| l')).toEqual(['>', '>>', '2>', '&>', '&>>', '2>&', '<', '<<<', '>|']);
  });
  it('records $(…), backticks, <(…) and ${…} as run-time parts', () => {
    const [, a, b, c, d] = lex('echo $(rm -rf x) `ls -l` <(curl u) ${HOME}/x').map((t) => (t.t === 'word' ? t.word : null));
    expect(a!.subs).toEqual([{ kind: 'cmd', source: 'rm -rf x' }]);
    expect(b!.subs).toEqual([{ kind: 'cmd', source: 'ls -l' }]);
    expect(c!.subs).toEqual([{ kind: 'proc', source: 'curl u' }]);
    expect(d!.vars).toEqual(['HOME']);
    expect(a!.dynamic && b!.dynamic && c!.dynamic).toBe(true);
  });
  it('keeps nested substitutions and quotes inside them', () => {
    const w = lex('echo "$(echo "$(date)")"')[1];
    expect(w?.t === 'word' && w.word.subs[0]!.source).toBe('echo "$(date)"');
  });
  it('marks unquoted wildcards only', () => {
    const [, a, b] = lex(`ls *.txt '*.md'`).map((t) => (t.t === 'word' ? t.word : null));
    expect(a!.glob).toBe(true);
    expect(b!.glob).toBe(false);
  });
  it('skips comments and joins backslash-newline', () => {
    expect(words('ls -l # rm -rf ~')).toEqual(['ls', '-l']);
    expect(words('sudo pacman \\\n -S gimp')).toEqual(['sudo', 'pacman', '-S', 'gimp']);
  });
  it('reads heredoc bodies', () => {
    const r = lex('cat <<EOF > f\nline 1\nrm -rf x\nEOF\necho after').find((t) => t.t === 'redir' && t.op === '<<');
    expect(r && r.t === 'redir' ? r.body : null).toBe('line 1\nrm -rf x');
  });
  it.each([
    [`echo 'oops`, 'unbalanced single quote'],
    [`echo "oops`, 'unbalanced double quote'],
    ['echo $(ls', 'unclosed $('],
    ['echo `ls', 'unclosed backtick'],
    ['cat <<EOF\nno end', 'heredoc not closed'],
  ])('rejects %j', (src, msg) => {
    expect(() => lex(src)).toThrow(ShellSyntaxError);
    expect(() => lex(src)).toThrow(msg);
  });
});

describe('parser', () => {
  it('flattens lists, pipelines, subshells and groups', () => {
    expect(names('a 1; b 2 && (c 3 | d 4) || { e 5; }')).toEqual(['a 1', 'b 2', 'c 3', 'd 4', 'e 5']);
  });
  it('keeps assignments apart from words', () => {
    const s = simples(parseShell('LANG=C FOO=1 sort x'))[0]!;
    expect(s.assigns.map((a) => a.text)).toEqual(['LANG=C', 'FOO=1']);
    expect(s.words.map((w) => w.text)).toEqual(['sort', 'x']);
  });
  it('parses the classic fork bomb as a function', () => {
    const list = parseShell(':(){ :|:& };:');
    expect(list.items[0]!.node.kind).toBe('func');
    expect(list.items[1]!.node.kind).toBe('simple');
  });
  it('understands if/for/while bodies', () => {
    expect(names('if true; then rm x; fi')).toContain('rm x');
    expect(names('for f in a b; do echo $f; done')).toContain('echo $f');
    expect(names('while read l; do echo "$l"; done < file')).toContain('echo $l');
  });
  it.each(['ls |', 'ls &&', ') ls', '{ ls', '( ls', 'ls > ', ';; ls'])('rejects %j', (src) => {
    expect(() => parseShell(src)).toThrow(ShellSyntaxError);
  });
});
