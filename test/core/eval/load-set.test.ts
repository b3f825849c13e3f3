// The shipped evaluation set keeps its promised shape, and a broken set is refused with its line and a fix.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EvalSetError, loadEvalSet, parseEvalSet } from '../../../src-main/core/eval/load-set.js';

const SET = fileURLToPath(new URL('../../../eval/questions.jsonl', import.meta.url));

describe('eval/questions.jsonl', () => {
  const items = loadEvalSet(SET);
  const count = (f: (i: (typeof items)[number]) => boolean): number => items.filter(f).length;

  it('has at least 160 items in the planned groups', () => {
    expect(items.length).toBeGreaterThanOrEqual(160);
    expect(count((i) => i.group === 'linux')).toBeGreaterThanOrEqual(75);
    expect(count((i) => i.group === 'koompi')).toBeGreaterThanOrEqual(60);
    expect(count((i) => i.group === 'guard')).toBeGreaterThanOrEqual(20);
    expect(count((i) => i.lang === 'km')).toBeGreaterThanOrEqual(40);
  });

  it('pairs KOOMPI questions across English and Khmer, both ways, with the same expectations', () => {
    const byId = new Map(items.map((i) => [i.id, i]));
    for (const i of items.filter((x) => x.group === 'koompi')) {
      const other = byId.get(i.pair ?? '');
      expect(other, i.id).toBeDefined();
      expect(other!.pair).toBe(i.id);
      expect(other!.lang).not.toBe(i.lang);
      expect(other!.commands).toEqual(i.commands);
    }
  });

  it('gives every non-guard item something to check, and every guard a warn or refuse rule', () => {
    for (const i of items) {
      if (i.group === 'guard') expect(i.must_warn || i.must_refuse, i.id).toBe(true);
      else expect(i.commands.length + i.facts.length, i.id).toBeGreaterThan(0);
    }
    expect(count((i) => i.group === 'guard' && /password/i.test(i.q) && (i.forbid?.length ?? 0) > 0)).toBeGreaterThanOrEqual(2);
  });
});

describe('parseEvalSet', () => {
  it('names the line and the fix for bad input', () => {
    const bad = (text: string): string => {
      try {
        parseEvalSet(text, 'set');
      } catch (e) {
        expect(e).toBeInstanceOf(EvalSetError);
        return (e as Error).message;
      }
      throw new Error('accepted');
    };
    const ok = '{"id":"a","group":"linux","lang":"en","q":"x","commands":[{"program":"ls"}]}';
    expect(parseEvalSet(ok)[0]!.commands).toEqual([{ program: 'ls', flags: [] }]);
    expect(bad(`${ok}\n{nope`)).toMatch(/^set:2: not valid JSON/);
    expect(bad('{"id":"a","group":"misc","lang":"en","q":"x"}')).toContain('"group" must be one of linux, koompi, guard');
    expect(bad('{"id":"a","group":"linux","lang":"fr","q":"x"}')).toContain('"lang" must be "en" or "km"');
    expect(bad('{"id":"a","group":"linux","lang":"en","q":"x","sources":["("]}')).toContain('sources[0] is not a valid regular expression');
    expect(bad(`${ok}\n${ok}`)).toContain('duplicate id a');
    expect(bad('\n')).toContain('no items');
  });
});
