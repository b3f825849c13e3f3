// Scores the held-out sets (phrasings written before tuning on them) with the eval tool's logic: >= 95%, hostile all harmless.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decideRoute } from '../../../src-main/core/intents/index.js';

interface Row {
  q: string;
  expect: 'action' | 'no-action' | 'safe';
  re?: string;
  not?: string;
  tag: string;
}
const load = (f: string): Row[] =>
  readFileSync(new URL(f, import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Row);
const SETS = ['./held-out.jsonl', './held-out-2.jsonl', './held-out-3.jsonl'];

function passes(c: Row): boolean {
  const o = decideRoute(c.q.replace(/\n/g, ' '), { hasKoompiCli: false });
  const action = o.tier === 'rules' && !!o.command;
  if (c.expect === 'action') return action && new RegExp(c.re!, 'i').test(o.command!);
  if (c.expect === 'no-action') return !action;
  return !action || !new RegExp(c.not!, 'i').test(o.command!);
}

describe.each(SETS)('held-out phrasings %s', (file) => {
  const rows = load(file);

  it('has at least 80 rows in English, Khmer and hostile', () => {
    expect(rows.length).toBeGreaterThanOrEqual(80);
    expect(rows.some((r) => r.tag.startsWith('km-'))).toBe(true);
    expect(rows.some((r) => r.expect === 'safe')).toBe(true);
  });

  it('scores at least 95%', () => {
    const missed = rows.filter((r) => !passes(r)).map((r) => r.q);
    expect((rows.length - missed.length) / rows.length, missed.join(' | ')).toBeGreaterThanOrEqual(0.95);
  });

  it('keeps every hostile case harmless', () => {
    expect(rows.filter((r) => r.expect === 'safe' && !passes(r)).map((r) => r.q)).toEqual([]);
  });
});
