// The docs answer composer over a real index: the shipped articles plus man pages built from a fixture MANPATH.
// An option question is answered from the program's manual (its paragraph, the page as the source, in the
// question's language); a task answer lists the manuals of its commands; a destructive command is preceded by a
// warning; nothing good enough gives null (the router's fallback).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocsIndex, openDocsIndex, type DocsIndex } from '../../../src-main/core/knowledge/index.js';
import { createRouter } from '../../../src-main/core/router/index.js';
import { composeDocsAnswer, findOptionPage } from '../../../src-main/core/router/docs-answer.js';
import { systemPrompt } from '../../../src-main/core/providers/system-prompt.js';

const page = (name: string, desc: string, opts: Array<[string, string]>) =>
  [
    `.TH ${name.toUpperCase()} 1 "2026" "fixture" "User Commands"`,
    '.SH NAME',
    `${name} \\- ${desc}`,
    '.SH SYNOPSIS',
    `.B ${name}`,
    '[\\fIOPTION\\fR]... [\\fIFILE\\fR]...',
    '.SH DESCRIPTION',
    `${desc}.`,
    ...opts.flatMap(([o, d]) => ['.TP', o, d]),
    '',
  ].join('\n');

let dir: string;
let index: DocsIndex;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'koompi-docs-answer-'));
  await mkdir(join(dir, 'man', 'man1'), { recursive: true });
  await writeFile(
    join(dir, 'man', 'man1', 'rm.1'),
    page('rm', 'remove files or directories', [
      ['\\fB\\-f\\fR, \\fB\\-\\-force\\fR', 'ignore nonexistent files and arguments, never prompt'],
      ['\\fB\\-r\\fR, \\fB\\-R\\fR, \\fB\\-\\-recursive\\fR', 'remove directories and their contents recursively'],
    ]),
  );
  await writeFile(
    join(dir, 'man', 'man1', 'free.1'),
    page('free', 'Display amount of free and used memory in the system', [
      ['\\fB\\-h\\fR, \\fB\\-\\-human\\fR', 'Show all output fields automatically scaled to shortest three digit unit'],
    ]),
  );
  const env = {
    PATH: process.env.PATH,
    MANPATH: join(dir, 'man'),
    KOOMPI_ARCH_WIKI_DIR: join(dir, 'none'),
    KOOMPI_KDE_HELP_DIR: join(dir, 'none'),
  };
  const built = await buildDocsIndex({ cacheDir: join(dir, 'cache'), env, inProcess: true });
  expect(built.ok).toBe(true);
  index = openDocsIndex({ cacheDir: join(dir, 'cache'), env });
}, 60_000);
afterAll(async () => {
  index?.close();
  await rm(dir, { recursive: true, force: true });
});

const router = () =>
  createRouter({
    settings: () => ({ allowCloud: false, privacyMode: true }),
    local: () => null,
    cloud: () => null,
    intentContext: () => ({ hasKoompiCli: false }),
    systemPrompt,
    docs: () => index,
  });

describe('docs answers', () => {
  it("an option question: the option's paragraph from the manual, the page as the first source", async () => {
    const a = await router().ask({ question: 'what does the -r option of rm do' });
    expect(a.tier).toBe('docs');
    expect(a.text).toContain('remove directories and their contents recursively');
    expect(a.text).not.toContain('never prompt');
    expect(a.sources[0]).toEqual({ kind: 'man', title: 'rm(1)', ref: 'rm(1)' });
    expect(a.commands).toEqual([]);
    const f = await router().ask({ question: 'rm --force: what is it for?' });
    expect(f.text).toContain('never prompt');
  });

  it('in Khmer: the head in Khmer, a note that the manual is English, the paragraph unchanged', async () => {
    const a = await router().ask({ question: 'តើជម្រើស -r របស់ rm ធ្វើអ្វី?' });
    expect(a.tier).toBe('docs');
    expect(a.text.split('\n')[0]).toMatch(/^ជម្រើស `-r`/u);
    expect(a.text).toContain('ភាសាអង់គ្លេស');
    expect(a.text).toContain('recursively');
  });

  it('no option paragraph, no program: not an option answer', () => {
    expect(findOptionPage('what does rm do', (p) => index.section(`${p}(1)`))).toBeNull();
    expect(findOptionPage('what does -z do in rm', (p) => index.section(`${p}(1)`))).toBeNull();
    expect(findOptionPage('what does -r do in nosuchprogram', (p) => index.section(`${p}(1)`))).toBeNull();
  });

  it('a task answer keeps its commands and lists the manual pages of the programs it runs', async () => {
    const a = await router().ask({ question: 'how do I see how much memory is free' });
    expect(a.tier).toBe('docs');
    expect(a.commands.map((c) => c.command)).toContain('free -h');
    expect(a.sources[0]?.kind).toBe('koompi');
    expect(a.sources.map((s) => s.ref)).toContain('free(1)');
  });

  it('a destructive command is preceded by a warning to check it and take a snapshot', async () => {
    const a = await router().ask({ question: 'how do I format a usb drive' });
    expect(a.tier).toBe('docs');
    expect(a.commands.some((c) => c.risk === 'destructive')).toBe(true);
    expect(a.text.startsWith('**Careful:**')).toBe(true);
    expect(a.text).toContain('koompi snapshot create');
  });

  it('nothing good enough: null, so the router falls through to the fallback', () => {
    expect(composeDocsAnswer('qwxz plorf zindle', 'en', index.search('qwxz plorf zindle'))).toBeNull();
    expect(composeDocsAnswer('how do I take a snapshot', 'en', [])).toBeNull();
  });
});
