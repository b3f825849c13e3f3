// The judge against a table of plain and disguised commands, plus the held-out list written before tuning.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { judgeCommand } from '../../../src-main/core/commands/index.js';
import type { Risk } from '../../../src-main/core/types.js';
import { TABLE } from './judge-table.js';

describe('judgeCommand table', () => {
  it('has at least 120 rows of each kind together', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(120);
    for (const r of ['safe', 'elevated', 'destructive'] as Risk[]) expect(TABLE.filter((t) => t[1] === r).length).toBeGreaterThan(20);
  });
  it.each(TABLE)('%j is %s', (cmd, risk) => {
    const j = judgeCommand(cmd);
    expect(j.command).toBe(cmd);
    expect(j.risk, j.reasons.join(' | ')).toBe(risk);
    if (risk !== 'safe') {
      expect(j.reasons.length).toBeGreaterThan(0);
      for (const r of j.reasons) expect(r).toMatch(/^[a-z].{8,}/);
    }
  });
});

// Lists written before the judge was tuned on them (first-pass agreement: 68/71, then 59/60, then 214/218 for -3).
// heldout-commands-4 gathers the disguise probes written while fixing -3 (launchers, loops, variables, vital files …).
describe.each(['heldout-commands.jsonl', 'heldout-commands-2.jsonl', 'heldout-commands-3.jsonl', 'heldout-commands-4.jsonl'])(
  'held-out list %s',
  (file) => {
    const rows = readFileSync(new URL(`./${file}`, import.meta.url), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { cmd: string; risk: Risk });
    it('catches every destructive command and agrees on at least 90%', () => {
      let agree = 0;
      const missedDestructive: string[] = [];
      for (const r of rows) {
        const j = judgeCommand(r.cmd);
        if (j.risk === r.risk) agree++;
        if (r.risk === 'destructive' && j.risk !== 'destructive') missedDestructive.push(r.cmd);
        if (j.risk !== 'safe') expect(j.reasons.length).toBeGreaterThan(0);
      }
      expect(rows.length).toBeGreaterThanOrEqual(60);
      expect(missedDestructive).toEqual([]);
      expect(agree / rows.length).toBeGreaterThanOrEqual(0.9);
    });
  },
);

describe('judgement details', () => {
  it('names the reason in plain words', () => {
    expect(judgeCommand('sudo pacman -S gimp').reasons).toContain('needs root (sudo)');
    expect(judgeCommand('rm -rf ~/x').reasons).toContain('deletes files recursively (rm -r)');
    expect(judgeCommand('curl -s https://x | sh').reasons[0]).toMatch(/downloaded from the network \(curl \| sh\)/);
  });
  it('puts the worst reason first', () => {
    const j = judgeCommand('sudo pacman -Syu && rm -rf ~/x');
    expect(j.risk).toBe('destructive');
    expect(j.reasons[0]).toMatch(/recursively/);
  });
  it('never calls unparseable text safe', () => {
    for (const c of ['ls "', "echo '", 'echo $(date', 'ls |', 'cat <<EOF', 'case x in a) ls;; esac'])
      expect(judgeCommand(c).risk).not.toBe('safe');
  });
  it('judges decoded base64 by what it decodes to', () => {
    const enc = Buffer.from('sudo mkfs.ext4 /dev/sda1').toString('base64');
    const j = judgeCommand(`echo ${enc} | base64 -d | bash`);
    expect(j.risk).toBe('destructive');
    expect(j.reasons.join(' ')).toMatch(/formats/);
  });
  it('is fast enough for a long chain and deep nesting without hanging', () => {
    const chain = Array.from({ length: 300 }, (_, i) => `echo ${i}`).join(' && ') + ' && rm -rf ~/x';
    expect(judgeCommand(chain).risk).toBe('destructive');
    let nested = 'rm -rf ~/x';
    for (let i = 0; i < 14; i++) nested = `sh -c ${JSON.stringify(nested)}`;
    expect(judgeCommand(nested).risk).not.toBe('safe');
  });
});

describe('pathological nesting', () => {
  it('refuses 5,000 nested substitutions as dangerous instead of parsing them', () => {
    const deep = 'echo ' + '$('.repeat(5000) + 'x' + ')'.repeat(5000);
    const j = judgeCommand(deep);
    expect(j.risk).toBe('destructive');
    expect(j.reasons[0]).toMatch(/too deep to check/);
  });
  it('still judges ordinary nesting by what it does', () => {
    expect(judgeCommand('echo $(date) $( (uname -a) )').risk).toBe('safe');
    expect(judgeCommand(':(){ :|:& };:').risk).toBe('destructive');
  });
});
