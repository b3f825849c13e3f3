// Grounding: the best passages, numbered, fit a ~1,500-token budget (room left in num_ctx 4096), a fenced block cut
// in the middle is closed, the model is told to answer from them and cite [n]; the docs excerpt keeps what answers.
import { describe, expect, it } from 'vitest';
import {
  BASE_SYSTEM_PROMPT,
  buildGrounding,
  estimateTokens,
  GROUNDING_TOKEN_BUDGET,
  systemPrompt,
} from '../../../src-main/core/providers/system-prompt.js';
import { excerpt, optionParagraphs, optionsIn } from '../../../src-main/core/router/docs-excerpt.js';

const passage = (n: number, text: string) => ({ kind: 'koompi', title: `Title ${n}`, ref: `koompi:a#s${n}`, text });

describe('buildGrounding', () => {
  it('numbers the passages in order and keeps them within the budget', () => {
    const long = Array.from({ length: 400 }, (_, i) => `Line ${i} about snapshots and rollback on KOOMPI OS.`).join('\n');
    const g = buildGrounding([passage(1, long), passage(2, long), passage(3, long), passage(4, long), passage(5, long)])!;
    expect(g.tokens).toBeLessThanOrEqual(GROUNDING_TOKEN_BUDGET);
    expect(g.used.length).toBeGreaterThanOrEqual(2);
    expect(g.used.length).toBeLessThanOrEqual(4);
    expect(g.block.startsWith('[1] Title 1 (koompi:a#s1)\n')).toBe(true);
    expect(g.block).toContain('\n\n[2] Title 2 (koompi:a#s2)\n');
    // One long passage cannot take the whole budget.
    expect(estimateTokens(g.block.split('\n\n[2]')[0]!)).toBeLessThan(GROUNDING_TOKEN_BUDGET * 0.5);
  });

  it('closes a fenced block it had to cut', () => {
    const text = 'Run:\n```bash\n' + Array.from({ length: 600 }, (_, i) => `echo ${i}`).join('\n') + '\n```';
    const g = buildGrounding([passage(1, text)])!;
    const fences = g.block.split('\n').filter((l) => l.startsWith('```')).length;
    expect(fences % 2).toBe(0);
  });

  it('counts Khmer as more tokens per character than English', () => {
    expect(estimateTokens('ក'.repeat(100))).toBeGreaterThan(estimateTokens('a'.repeat(100)) * 2);
    expect(buildGrounding([])).toBeNull();
  });

  it('the system prompt tells the model to answer from the passages and cite them; without passages it is unchanged', () => {
    const g = buildGrounding([passage(1, 'Take a snapshot with `koompi snapshot create`.')])!;
    const p = systemPrompt({ hasKoompiCli: true, lang: 'km', grounding: g });
    expect(p.startsWith(BASE_SYSTEM_PROMPT)).toBe(true);
    expect(p).toContain('cite the passages you used as [1]');
    expect(p).toContain('[1] Title 1 (koompi:a#s1)\nTake a snapshot');
    expect(p).toContain('answer in Khmer');
    expect(systemPrompt({ hasKoompiCli: true })).not.toContain('[1]');
  });
});

describe('docs excerpt', () => {
  const man = [
    'rm removes each specified file.',
    '',
    '       -f, --force',
    '              ignore nonexistent files and arguments, never prompt',
    '',
    '       -r, -R, --recursive',
    '              remove directories and their contents recursively',
    '',
    '       -v, --verbose',
    '              explain what is being done',
  ].join('\n');

  it('finds the paragraph of the option a question names', () => {
    expect(optionsIn('what does the -r option of rm do')).toContain('-r');
    expect(optionsIn('what does rm -rf do')).toEqual(expect.arrayContaining(['-rf', '-r', '-f']));
    const p = optionParagraphs(man, ['-r']);
    expect(p).toHaveLength(1);
    expect(p[0]).toContain('--recursive');
    expect(p[0]).toContain('recursively');
    expect(p[0]).not.toContain('verbose');
    expect(optionParagraphs(man, ['--verbose'])[0]).toContain('explain what is being done');
    expect(optionParagraphs(man, ['-z'])).toEqual([]);
  });

  it("keeps a short passage whole and cuts a long one to the paragraphs that share the question's words", () => {
    expect(excerpt('One.\n\n```bash\nls\n```', 'list')).toBe('One.\n\n```bash\nls\n```');
    const filler = Array.from(
      { length: 12 },
      (_, i) => `Paragraph ${i} talks about printers, paper and ink cartridges in general terms.`,
    ).join('\n\n');
    const long = `Intro line.\n\n${filler}\n\nTo change the wallpaper, right-click the desktop.\n\n\`\`\`bash\nplasma-apply-wallpaperimage ~/pic.png\n\`\`\``;
    const e = excerpt(long, 'how do I change the wallpaper');
    expect(e).toContain('Intro line.');
    expect(e).toContain('change the wallpaper');
    expect(e).toContain('plasma-apply-wallpaperimage');
    expect(e.length).toBeLessThan(long.length);
  });
});
