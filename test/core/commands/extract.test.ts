// Extraction of runnable commands from markdown answers: fences, prompts, continuations, comments, output lines, heredocs.
import { describe, expect, it } from 'vitest';
import { extractCommands, extractSuggestedCommands } from '../../../src-main/core/commands/index.js';

const fence = (lang: string, body: string, f = '```'): string => `${f}${lang}\n${body}\n${f}`;

describe('extractCommands', () => {
  it('takes one command per line from bash/sh/shell/zsh blocks, skipping comments and blanks', () => {
    const md = `Try this:\n\n${fence('bash', '# update first\nsudo pacman -Syu\n\nsudo pacman -S gimp')}\n\nthen\n${fence('sh', 'ls ~')}\n${fence('shell', 'df -h')}\n${fence('zsh', 'echo hi')}`;
    expect(extractCommands(md)).toEqual(['sudo pacman -Syu', 'sudo pacman -S gimp', 'ls ~', 'df -h', 'echo hi']);
  });
  it('ignores other fences and inline code', () => {
    const md = `Run \`rm -rf ~\`?\n${fence('python', 'import os')}\n${fence('', 'ls')}\n${fence('text', 'rm -rf ~')}\n${fence('json', '{}')}`;
    expect(extractCommands(md)).toEqual([]);
  });
  it('supports ~~~ fences and longer fences', () => {
    expect(extractCommands(fence('bash', 'uptime', '~~~'))).toEqual(['uptime']);
    expect(extractCommands('````bash\necho "```"\n````')).toEqual(['echo "```"']);
  });
  it('strips $ and # prompts in console blocks and leaves output out', () => {
    const md = fence(
      'console',
      '$ uname -r\n6.6.1-arch1-1\n# pacman -Syu\n:: Synchronizing package databases...\nuser@koompi:~$ free -h\n[user@koompi ~]$ df -h\n              total',
    );
    expect(extractCommands(md)).toEqual(['uname -r', 'pacman -Syu', 'free -h', 'df -h']);
  });
  it('treats a bash block with $ prompts like a console block', () => {
    expect(extractCommands(fence('bash', '$ ls ~\nDocuments  Music\n$ pwd\n/home/user'))).toEqual(['ls ~', 'pwd']);
  });
  it('joins backslash continuations, trailing operators and open quotes', () => {
    const md = fence('bash', 'sudo pacman -S \\\n    gimp \\\n    inkscape\nls &&\n  pwd\necho "two\nlines"');
    expect(extractCommands(md)).toEqual(['sudo pacman -S gimp inkscape', 'ls && pwd', 'echo "two\nlines"']);
  });
  it('joins continuations after console prompts (with > secondary prompts)', () => {
    expect(extractCommands(fence('console', '$ sudo pacman -S \\\n> vlc\noutput'))).toEqual(['sudo pacman -S vlc']);
  });
  it('keeps a heredoc whole', () => {
    const md = fence('bash', "cat <<'EOF' > ~/hello.txt\nhello\n# not a comment here\nEOF\necho done");
    expect(extractCommands(md)).toEqual(["cat <<'EOF' > ~/hello.txt\nhello\n# not a comment here\nEOF", 'echo done']);
  });
  it('handles indented fences inside list items and CRLF text', () => {
    const md = '1. Update:\r\n   ```bash\r\n   sudo pacman -Syu\r\n   ```\r\n';
    expect(extractCommands(md)).toEqual(['sudo pacman -Syu']);
  });
  it('copes with an unclosed fence (takes what is there)', () => {
    expect(extractCommands('```bash\nls -l')).toEqual(['ls -l']);
  });
});

describe('extractSuggestedCommands', () => {
  it('gives each command a unique id and its judgement', () => {
    const cmds = extractSuggestedCommands(fence('bash', 'ls\nrm -rf ~/x\nsudo pacman -S vlc'));
    expect(cmds.map((c) => c.risk)).toEqual(['safe', 'destructive', 'elevated']);
    expect(new Set(cmds.map((c) => c.id)).size).toBe(3);
    for (const c of cmds) {
      expect(c.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(c.argv).toBeNull();
    }
    expect(cmds[1]!.reasons.length).toBeGreaterThan(0);
  });
});
