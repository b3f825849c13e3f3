// Rendering one markdown block: raw HTML is escaped, images and non-https links are dropped, top-level
// fences become code segments, table alignment becomes classes (no style attributes under the CSP).
import { describe, expect, it } from 'vitest';
import { renderBlock } from '../../src-renderer/markdown/render-block.js';

const html = (text: string) =>
  renderBlock(text, false)
    .filter((s) => s.kind === 'html')
    .map((s) => (s as { html: string }).html)
    .join('');

describe('renderBlock', () => {
  it('escapes raw HTML from the model', () => {
    const out = html('hi <img src=x onerror="alert(1)"> <script>alert(2)</script>');
    expect(out).not.toMatch(/<img|<script/);
    expect(out).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
  });

  it('keeps https links (marked external) and drops javascript:, data: and images', () => {
    const out = html('[ok](https://koompi.com) [bad](javascript:alert(1)) [d](data:text/html,x) ![i](https://x/y.png)');
    expect(out).toContain('<a href="https://koompi.com" rel="noreferrer noopener" data-external="1">ok</a>');
    expect(out).not.toMatch(/href="(javascript|data):/);
    expect(out).not.toContain('<img');
  });

  it('turns top-level fences into code segments between prose', () => {
    const segs = renderBlock('Run:\n```bash\nls -la\n```\nthen', false);
    expect(segs.map((s) => s.kind)).toEqual(['html', 'code', 'html']);
    expect(segs[1]).toEqual({ kind: 'code', lang: 'bash', code: 'ls -la' });
  });

  it('writes table alignment as classes, never style attributes', () => {
    const out = html('| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |');
    expect(out).not.toContain('style=');
    expect(out).toContain('<th class="md-align-left">a</th>');
    expect(out).toContain('<td class="md-align-center">2</td>');
    expect(out).toContain('<td class="md-align-right">3</td>');
  });
});
