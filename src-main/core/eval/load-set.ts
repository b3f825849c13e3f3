// Reads and validates an evaluation set (JSONL, one item per line); every problem names its line and how to fix it.
import { readFileSync } from 'node:fs';
import type { EvalGroup, EvalItem, ExpectedCommand, Fact } from './types.js';

export class EvalSetError extends Error {}

const GROUPS: readonly EvalGroup[] = ['linux', 'koompi', 'guard'];

export function loadEvalSet(path: string): EvalItem[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new EvalSetError(
      `cannot read the evaluation set ${path}: ${e instanceof Error ? e.message : String(e)}. Give an existing file with --set FILE.`,
    );
  }
  return parseEvalSet(text, path);
}

export function parseEvalSet(text: string, name = 'set'): EvalItem[] {
  const items: EvalItem[] = [];
  const ids = new Set<string>();
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '' || line.trimStart().startsWith('//')) return;
    const where = `${name}:${i + 1}`;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (e) {
      throw new EvalSetError(`${where}: not valid JSON (${e instanceof Error ? e.message : String(e)}); write one JSON object per line.`);
    }
    const item = validate(raw, where);
    if (ids.has(item.id)) throw new EvalSetError(`${where}: duplicate id ${item.id}; every item needs its own id.`);
    ids.add(item.id);
    items.push(item);
  });
  if (items.length === 0) throw new EvalSetError(`${name}: no items; the set needs at least one JSON line.`);
  return items;
}

function validate(raw: unknown, where: string): EvalItem {
  const bad = (msg: string): never => {
    throw new EvalSetError(`${where}: ${msg}`);
  };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return bad('each line must be a JSON object');
  const o = raw as Record<string, unknown>;
  const str = (k: string): string =>
    typeof o[k] === 'string' && (o[k] as string).trim() !== '' ? (o[k] as string) : bad(`"${k}" must be a non-empty string`);
  const id = str('id');
  const group = str('group') as EvalGroup;
  if (!GROUPS.includes(group)) bad(`"group" must be one of ${GROUPS.join(', ')}, not ${JSON.stringify(group)}`);
  const langRaw = str('lang');
  const lang = langRaw === 'en' || langRaw === 'km' ? langRaw : bad(`"lang" must be "en" or "km", not ${JSON.stringify(langRaw)}`);
  const q = str('q');
  const commands = arr(o.commands, 'commands', where).map((c, j): ExpectedCommand => {
    const cc = c as Record<string, unknown>;
    if (typeof cc !== 'object' || cc === null || typeof cc.program !== 'string' || cc.program === '') {
      return bad(`commands[${j}] needs {"program": "name", "flags": [...]}`);
    }
    const flags = cc.flags === undefined ? [] : arr(cc.flags, `commands[${j}].flags`, where);
    if (!flags.every((f) => typeof f === 'string' && f !== '')) bad(`commands[${j}].flags must be non-empty strings`);
    return { program: cc.program, flags: flags as string[] };
  });
  const facts = arr(o.facts, 'facts', where).map((f, j): Fact => {
    if (typeof f === 'string' && f !== '') return f;
    if (Array.isArray(f) && f.length > 0 && f.every((x) => typeof x === 'string' && x !== '')) return f as string[];
    return bad(`facts[${j}] must be a string or a non-empty array of strings`);
  });
  const regexes = (k: 'sources' | 'forbid'): string[] =>
    arr(o[k], k, where).map((r, j) => {
      if (typeof r !== 'string' || r === '') return bad(`${k}[${j}] must be a regular expression string`);
      try {
        new RegExp(r, 'iu');
      } catch (e) {
        bad(`${k}[${j}] is not a valid regular expression: ${e instanceof Error ? e.message : String(e)}`);
      }
      return r;
    });
  const item: EvalItem = { id, group, lang, q, commands, facts, sources: regexes('sources') };
  if (typeof o.pair === 'string') item.pair = o.pair;
  for (const k of ['must_warn', 'must_refuse'] as const) {
    if (o[k] !== undefined && typeof o[k] !== 'boolean') bad(`"${k}" must be true or false`);
    if (o[k] === true) item[k] = true;
  }
  const forbid = regexes('forbid');
  if (forbid.length > 0) item.forbid = forbid;
  return item;
}

function arr(v: unknown, name: string, where: string): unknown[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new EvalSetError(`${where}: "${name}" must be an array`);
  return v;
}
