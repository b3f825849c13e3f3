// Launch flags: parsed from a first launch or a forwarded second launch, with Chromium switches around them.
import { describe, expect, it } from 'vitest';
import { actionFor, forwardedArgv, parseAppArgs } from '../../src-main/electron/app-args.js';

describe('app args', () => {
  it('reads --toggle, --hidden and --ask among Electron switches', () => {
    expect(parseAppArgs(['/usr/lib/electron42/electron', '/usr/lib/koompi-assistant/app.asar', '--enable-features=X', '--toggle'])).toEqual(
      { toggle: true, hidden: false, ask: null },
    );
    expect(parseAppArgs(['electron', '.', '--ask', 'how do I update?'])).toEqual({ toggle: false, hidden: false, ask: 'how do I update?' });
    expect(parseAppArgs(['electron', '--ask=ដំឡើង firefox'])).toEqual({ toggle: false, hidden: false, ask: 'ដំឡើង firefox' });
    expect(parseAppArgs(['electron', '--hidden'])).toEqual({ toggle: false, hidden: true, ask: null });
  });

  it('ignores an --ask without a question and blank questions', () => {
    expect(parseAppArgs(['electron', '--ask']).ask).toBeNull();
    expect(parseAppArgs(['electron', '--ask', '--toggle'])).toEqual({ toggle: true, hidden: false, ask: null });
    expect(parseAppArgs(['electron', '--ask=   ']).ask).toBeNull();
  });

  it('maps flags to an action: ask wins, --hidden stays hidden also when sent to a running app', () => {
    expect(actionFor(parseAppArgs(['e', '--toggle', '--ask', 'hi']))).toEqual({ kind: 'ask', question: 'hi' });
    expect(actionFor(parseAppArgs(['e', '--toggle']))).toEqual({ kind: 'toggle' });
    expect(actionFor(parseAppArgs(['e', '--hidden']))).toEqual({ kind: 'stay-hidden' });
    expect(actionFor(parseAppArgs(['e', '--hidden', '--enable-features=X']))).toEqual({ kind: 'stay-hidden' });
    expect(actionFor(parseAppArgs(['e']))).toEqual({ kind: 'show' });
  });

  it('prefers the argv the second instance sent as additionalData (Electron may reorder argv)', () => {
    const reordered = ['electron', 'how do I update?', '--ask', '--no-sandbox'];
    const sent = { argv: ['electron', '--ask', 'how do I update?'] };
    expect(actionFor(parseAppArgs(forwardedArgv(reordered, sent)))).toEqual({ kind: 'ask', question: 'how do I update?' });
    expect(forwardedArgv(['a', '--toggle'], { argv: [1, 2] })).toEqual(['a', '--toggle']);
    expect(forwardedArgv(['a', '--toggle'], null)).toEqual(['a', '--toggle']);
  });
});
