// Checks the shipped KOOMPI knowledge base (assets/knowledge): front matter, en/km pairing, anchors,
// section size, one runnable command per bash line, and every command judged by the project's own judge.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractCommands, judgeCommand } from '../../src-main/core/commands/index.js';

const ROOT = fileURLToPath(new URL('../../assets/knowledge', import.meta.url));
const LANGS = ['en', 'km'] as const;
const REQUIRED = ['id', 'lang', 'title', 'topics', 'keywords', 'os_generation', 'updated'];
const MAX_SECTION = 1200;
/** A section that suggests a destructive command must say so in bold first. */
const WARNING = /\*\*(Warning|ប្រយ័ត្ន)/;
/** Task files whose Khmer version is optional; every other English article must have one. */
const OPTIONAL_KM = /^tasks-/;

interface Section {
  heading: string;
  anchor: string;
  body: string;
  raw: string;
}
interface Article {
  file: string;
  meta: Record<string, string | string[]>;
  title: string;
  sections: Section[];
}

function parseMeta(text: string, file: string): { meta: Record<string, string | string[]>; rest: string } {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!m) throw new Error(`${file}: no front matter between --- lines`);
  const meta: Record<string, string | string[]> = {};
  for (const line of m[1]!.split('\n')) {
    if (line.trim() === '') continue;
    const kv = /^([a-z_]+):\s*(.*)$/.exec(line);
    if (!kv) throw new Error(`${file}: front matter line is not "key: value": ${line}`);
    const value = kv[2]!.trim();
    meta[kv[1]!] = value.startsWith('[')
      ? value
          .replace(/^\[|\]$/g, '')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : value;
  }
  return { meta, rest: text.slice(m[0].length) };
}

function parseArticle(file: string): Article {
  const text = readFileSync(file, 'utf8');
  const { meta, rest } = parseMeta(text, file);
  const titles = rest.split('\n').filter((l) => /^# /.test(l));
  const parts = rest.split(/^(?=## )/m);
  const sections: Section[] = [];
  for (const raw of parts.slice(1)) {
    const nl = raw.indexOf('\n');
    const headLine = nl < 0 ? raw : raw.slice(0, nl);
    const h = /^## (.+?)\s*\{#([^}]+)\}\s*$/.exec(headLine);
    if (!h) throw new Error(`${file}: heading without {#anchor}: ${headLine}`);
    sections.push({ heading: h[1]!, anchor: h[2]!, body: nl < 0 ? '' : raw.slice(nl + 1), raw: raw.trimEnd() });
  }
  return { file, meta, title: titles.length === 1 ? titles[0]!.slice(2) : '', sections };
}

function bashBlocks(md: string): string[][] {
  const blocks: string[][] = [];
  const re = /^```bash\n([\s\S]*?)^```$/gm;
  for (let m = re.exec(md); m; m = re.exec(md)) blocks.push(m[1]!.split('\n').filter((l) => l.trim() !== ''));
  return blocks;
}

const articles: Record<string, Map<string, Article>> = { en: new Map(), km: new Map() };
for (const lang of LANGS) {
  for (const name of readdirSync(join(ROOT, lang))
    .filter((n) => n.endsWith('.md'))
    .sort()) {
    const a = parseArticle(join(ROOT, lang, name));
    articles[lang]!.set(name.replace(/\.md$/, ''), a);
  }
}
const all = [...articles.en!.values(), ...articles.km!.values()];

describe('assets/knowledge', () => {
  it('ships the KOOMPI topics and the task files', () => {
    const ids = [...articles.en!.keys()];
    for (const id of [
      'snapshots',
      'packages',
      'khmer-input',
      'wifi',
      'printing',
      'sound',
      'display',
      'users-passwords',
      'touchpad',
      'bluetooth',
      'screenshots',
      'usb-drives',
      'disk-space',
      'office',
      'help',
    ])
      expect(ids).toContain(id);
    expect(ids.filter((id) => OPTIONAL_KM.test(id)).length).toBeGreaterThanOrEqual(12);
    const km = [...articles.km!.keys()];
    for (const id of ['tasks-files', 'tasks-archives', 'tasks-network', 'tasks-disks', 'tasks-system-info']) expect(km).toContain(id);
    const tasks = [...articles.en!.values()].filter((a) => OPTIONAL_KM.test(a.meta.id as string));
    expect(tasks.reduce((n, a) => n + a.sections.length, 0)).toBeGreaterThanOrEqual(150);
  });

  it('has complete front matter whose id and lang match the path', () => {
    for (const a of all) {
      for (const key of REQUIRED) expect(a.meta[key], `${a.file}: ${key}`).toBeTruthy();
      expect(`${a.meta.lang}/${a.meta.id}.md`, a.file).toBe(a.file.slice(ROOT.length + 1));
      expect(a.meta.os_generation, a.file).toBe('arch-kde');
      expect(a.meta.updated, a.file).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Array.isArray(a.meta.topics) && a.meta.topics.length > 0, `${a.file}: topics is a [list]`).toBe(true);
      expect(Array.isArray(a.meta.keywords) && a.meta.keywords.length > 0, `${a.file}: keywords is a [list]`).toBe(true);
      expect(a.title, `${a.file}: exactly one # title`).not.toBe('');
      expect(a.sections.length, a.file).toBeGreaterThan(0);
    }
  });

  it('gives every Khmer article keywords in Khmer', () => {
    for (const a of articles.km!.values())
      expect(
        (a.meta.keywords as string[]).some((k) => /[\u1780-\u17ff]/.test(k)),
        a.file,
      ).toBe(true);
  });

  it('pairs English and Khmer articles with the same anchors', () => {
    for (const [id, en] of articles.en!) {
      const km = articles.km!.get(id);
      if (!km) {
        expect(OPTIONAL_KM.test(id), `km/${id}.md is missing`).toBe(true);
        continue;
      }
      expect(
        km.sections.map((s) => s.anchor),
        id,
      ).toEqual(en.sections.map((s) => s.anchor));
    }
    for (const id of articles.km!.keys()) expect(articles.en!.has(id), `km/${id}.md has no English article`).toBe(true);
  });

  it('uses unique kebab-case anchors', () => {
    for (const a of all) {
      const anchors = a.sections.map((s) => s.anchor);
      expect(new Set(anchors).size, a.file).toBe(anchors.length);
      for (const anchor of anchors) expect(anchor, a.file).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });

  it('keeps every section short and starting with words, not a command', () => {
    for (const a of all)
      for (const s of a.sections) {
        expect(s.raw.length, `${a.file}#${s.anchor} is ${s.raw.length} chars`).toBeLessThanOrEqual(MAX_SECTION);
        const first = s.body.split('\n').find((l) => l.trim() !== '') ?? '';
        expect(first, `${a.file}#${s.anchor}`).not.toMatch(/^(```|\s*[-*] |\d+\. )/);
      }
  });

  it('writes one runnable command per bash line, without prompts', () => {
    for (const a of all)
      for (const s of a.sections)
        for (const lines of bashBlocks(s.body)) {
          for (const line of lines) expect(line, `${a.file}#${s.anchor}`).not.toMatch(/^\s*(\$ |# |#$)/);
          expect(extractCommands('```bash\n' + lines.join('\n') + '\n```'), `${a.file}#${s.anchor}`).toEqual(lines.map((l) => l.trim()));
        }
  });

  it('suggests destructive commands only in sections that warn first', () => {
    const found: string[] = [];
    for (const a of all)
      for (const s of a.sections)
        for (const lines of bashBlocks(s.body))
          for (const line of lines) {
            const j = judgeCommand(line.trim());
            if (j.risk === 'destructive' && !WARNING.test(s.body)) found.push(`${a.file}#${s.anchor}: ${line} (${j.reasons[0]})`);
          }
    expect(found).toEqual([]);
  });

  it('never states a password', () => {
    for (const a of all) {
      const text = readFileSync(a.file, 'utf8');
      expect(text, a.file).not.toMatch(/password\s*(is|[:=])\s*["'`]?\w/i);
      expect(text, a.file).not.toMatch(/ពាក្យសម្ងាត់(ដើម)?\s*(គឺ|[:=៖])\s*["'`]?[A-Za-z0-9]/);
    }
  });
});
