// plan(): the pure routing decision. Tier order and, for every tier left out, a machine-readable kind.
import { describe, expect, it } from 'vitest';
import { plan, type PlanState } from '../../../src-main/core/router/plan.js';
import { matchIntent } from '../../../src-main/core/intents/index.js';

const base: PlanState = {
  intent: null,
  docs: 'none',
  allowCloud: false,
  privacyMode: false,
  offline: false,
  preferCloud: false,
  hasLocal: true,
  cloud: 'ready',
};
const kinds = (p: ReturnType<typeof plan>) => Object.fromEntries(p.skipped.map((s) => [s.tier, s.kind]));

describe('plan', () => {
  it('a rule that acts answers alone; every other tier is skipped as answered by rules', () => {
    const intent = matchIntent('install firefox', { hasKoompiCli: false });
    const p = plan('install firefox', { ...base, intent, docs: 'strong', allowCloud: true });
    expect(p.order).toEqual(['rules']);
    expect(kinds(p)).toEqual({ docs: 'rules-answer', local: 'rules-answer', cloud: 'rules-answer' });
  });

  it('a strong documentation match answers first, before the models; a good one after them', () => {
    expect(plan('how do I take a snapshot', { ...base, docs: 'strong' })).toMatchObject({ order: ['docs', 'local'], docsFirst: true });
    expect(plan('how do I take a snapshot', { ...base, docs: 'good' })).toMatchObject({ order: ['local', 'docs'], docsFirst: false });
    const none = plan('how do I take a snapshot', { ...base, docs: 'none' });
    expect(none.order).toEqual(['local']);
    expect(kinds(none).docs).toBe('no-match');
  });

  it('a follow-up in a conversation goes to the model first: it has the context, a passage does not', () => {
    expect(plan('and how do I delete it?', { ...base, docs: 'strong', followUp: true }).order).toEqual(['local', 'docs']);
  });

  it('a complex question or a cloud request goes to the models even with a strong match', () => {
    const q = 'explain in detail the differences between btrfs snapshots and backups';
    expect(plan(q, { ...base, docs: 'strong' }).order).toEqual(['local', 'docs']);
    expect(plan(q, { ...base, docs: 'strong', allowCloud: true }).order).toEqual(['cloud', 'local', 'docs']);
    expect(plan('how do I take a snapshot', { ...base, docs: 'strong', allowCloud: true, preferCloud: true }).order).toEqual([
      'cloud',
      'local',
      'docs',
    ]);
  });

  it('says why the cloud is left out, one kind per reason, in order of precedence', () => {
    expect(kinds(plan('q', { ...base, cloud: 'absent' })).cloud).toBe('absent');
    expect(kinds(plan('q', { ...base, allowCloud: true, offline: true, privacyMode: true })).cloud).toBe('offline');
    expect(kinds(plan('q', { ...base, allowCloud: true, privacyMode: true })).cloud).toBe('privacy');
    expect(kinds(plan('q', { ...base })).cloud).toBe('not-allowed');
    expect(kinds(plan('q', { ...base, allowCloud: true, cloud: 'no-key' })).cloud).toBe('no-key');
    expect(plan('q', { ...base, allowCloud: true }).order).toEqual(['local', 'cloud']);
  });

  it('no local provider and no index are skips with their own kinds', () => {
    const p = plan('q', { ...base, hasLocal: false, docs: 'error' });
    expect(p.order).toEqual([]);
    expect(kinds(p)).toMatchObject({ rules: 'no-rule', local: 'absent', docs: 'no-index', cloud: 'not-allowed' });
    expect(kinds(plan('q', { ...base, docs: 'absent' })).docs).toBe('absent');
  });

  it('a rule below the threshold is named with its confidence', () => {
    const intent = {
      intent: 'pkg.install',
      confidence: 0.5,
      argv: ['pacman', '-S', 'x'],
      command: 'pacman -S x',
      text: '',
      lang: 'en' as const,
    };
    const p = plan('maybe install x?', { ...base, intent });
    expect(p.skipped[0]).toEqual({ tier: 'rules', kind: 'no-rule', why: 'the rule pkg.install is not sure enough (0.50)' });
    expect(p.order).toEqual(['local']);
  });

  it('is pure: the same input gives the same plan', () => {
    const s: PlanState = { ...base, docs: 'good', allowCloud: true };
    expect(plan('how do I print', s)).toEqual(plan('how do I print', s));
  });
});
