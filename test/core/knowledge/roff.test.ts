// roff to text: man(7) and mdoc(7) macros, escapes, sections, commands from EXAMPLES.
import { describe, expect, it } from 'vitest';
import { renderRoff } from '../../../src-main/core/knowledge/roff.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from './fixture-tree.js';

describe('renderRoff', () => {
  it('turns a man(7) page into sections with its summary, options and example commands', () => {
    const p = renderRoff(readFileSync(join(FIXTURES, 'man/man1/frobnicate.1'), 'utf8'), 'frobnicate', '1');
    expect(p.summary).toBe('twist widgets into shape');
    expect(p.sections.map((s) => s.heading)).toEqual(['SYNOPSIS', 'DESCRIPTION', 'OPTIONS', 'EXAMPLES']);
    const opts = p.sections.find((s) => s.heading === 'OPTIONS')!.text;
    expect(opts).toContain('-r, --recursive\n    twist the widgets inside folders too, recursively');
    expect(p.sections.find((s) => s.heading === 'DESCRIPTION')!.text).toContain('“sprockets”');
    expect(p.sections.find((s) => s.heading === 'EXAMPLES')!.commands).toEqual(['frobnicate -r ~/widgets']);
    expect(p.sections.some((s) => s.heading === 'AUTHOR')).toBe(false);
  });

  it('reads BSD mdoc pages', () => {
    const p = renderRoff(readFileSync(join(FIXTURES, 'man/man8/gizmoctl.8'), 'utf8'), 'gizmoctl', '8');
    expect(p.summary).toBe('control the gizmo daemon');
    const syn = p.sections.find((s) => s.heading === 'SYNOPSIS')!.text;
    expect(syn).toContain('gizmoctl [-v] command');
    const desc = p.sections.find((s) => s.heading === 'DESCRIPTION')!.text;
    expect(desc).toContain('gizmod(8)');
    expect(desc).toContain('-v\n    Print every zorblax message.');
  });

  it('drops what is not text: comments, fonts, conditionals for troff, macro definitions', () => {
    const src =
      '.TH X 1\n.de XX\n.ft B\n..\n.SH NAME\nx \\- y\n.SH DESCRIPTION\n.\\" a comment\n.if t .ft B\n.if n plain\n\\fBbold\\fP and \\s-1small\\s0 \\(em done\\e\n';
    const p = renderRoff(src);
    expect(p.sections[0]!.text).toBe('plain bold and small — done\\');
  });
});
