// Every reason the judge gives for the commands of every rule family, the judgement tables and the held-out lists
// has a Khmer form: Khmer script, no slot left unfilled, and no English word that is not in the command itself.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { judgeCommand } from '../../../src-main/core/commands/index.js';
import { localizeJudgement, localizeReasons, reasonInKhmer, reasonTemplateCount } from '../../../src-main/core/commands/reasons-km.js';
import { CORE_REASONS_KM, PARSE_ERRORS_KM } from '../../../src-main/core/commands/reasons-km-core.js';
import { DICT_KM, RULE_REASONS_KM } from '../../../src-main/core/commands/reasons-km-rules.js';
import { FAMILIES } from '../../../src-main/core/commands/rules/table.js';
import { TABLE } from './judge-table.js';

const here = dirname(fileURLToPath(import.meta.url));
const KHMER = /[\u1780-\u17FF]/u;
/** Technical words a Khmer reader sees in Latin letters (as on Khmer Linux forums and in KOOMPI's own texts). */
const TECHNICAL = new Set([
  'root',
  'shell',
  'fork',
  'bomb',
  'subshell',
  'substitution',
  'wildcard',
  'cache',
  'swap',
  'snapshot',
  'ssh',
  'sudo',
  'login',
  'home',
  'heredoc',
  'backtick',
  'case',
  'redirect',
  'filesystem',
  'image',
  'images',
  'boot',
  'loader',
  'menu',
  'firmware',
  'volume',
  'subvolume',
  'btrfs',
  'zfs',
  'pool',
  'dataset',
  'raid',
  'array',
  'nvme',
  'usb',
  'ventoy',
  'loop',
  'mount',
  'unmount',
  'rescue',
  'emergency',
  'sleep',
  'hibernate',
  'systemd',
  'environment',
  'wi-fi',
  'bluetooth',
  'wwan',
  'firewall',
  'network',
  'namespace',
  'run',
  'level',
  'cpu',
  'selinux',
  'python',
  'ruby',
  'awk',
  'git',
  'commit',
  'branch',
  'merge',
  'stash',
  'remote',
  'repository',
  'container',
  'koompi',
  'subcommand',
  'host',
  'key',
  'yes',
  'dev',
  'curl',
  'base64',
  'pacman',
  'snapper',
  'xargs',
  'find',
  'exec',
  'delete',
  'mkfs',
  'dd',
  'rm',
  'mv',
  'tee',
  'kill',
  'parallel',
  'arch-chroot',
  'chroot',
  'ionice',
  'systemd-run',
  'sudoedit',
  'rsync',
  'tar',
  'to-command',
  'mogrify',
  'truncate',
  'fallocate',
  'sfill',
  'shred',
  'srm',
  'wipe',
  'fuser',
  'systemctl',
  'ddrescue',
  'ssh-keygen',
  'no-preserve-root',
  'overwrite',
  'break-system-packages',
]);

/** English-looking words of the Khmer text (not flags, not variables) that are neither in the command nor a technical term. */
function leftoverEnglish(km: string, command: string): string[] {
  const cmd = command.toLowerCase();
  return (km.match(/(?<![-$\w])[A-Za-z][A-Za-z-]{2,}/g) ?? []).filter(
    (w) => !TECHNICAL.has(w.toLowerCase()) && !cmd.includes(w.toLowerCase()),
  );
}

/** `['cmd', 'risk']` rows written in the other judge tests (their tables are not exported). */
function rowsIn(file: string): string[] {
  const text = readFileSync(join(here, file), 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/\[\s*("(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*')\s*,\s*'(?:safe|elevated|destructive)'\s*\]/g)) {
    const lit = m[1]!;
    out.push(lit.slice(1, -1).replace(/\\(.)/g, (_a, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c)));
  }
  return out;
}

const heldout = readdirSync(here)
  .filter((f) => /^heldout-commands.*\.jsonl$/.test(f))
  .flatMap((f) =>
    readFileSync(join(here, f), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => (JSON.parse(l) as { cmd: string }).cmd),
  );

const commands = [
  ...new Set([
    ...FAMILIES.flatMap((f) => [...f.examples.safe, ...f.examples.elevated, ...f.examples.destructive]),
    ...TABLE.map(([c]) => c),
    ...rowsIn('judge-real-world.test.ts'),
    ...rowsIn('judge-generalise.test.ts'),
    ...heldout,
    // shapes the tables do not reach: parse errors, a bug turned into a reason, systemctl verbs, the raw scan
    'echo "unclosed',
    "rm -rf ~/x 'oops",
    'cat <<EOF',
    'ls |',
    'sudo systemctl mask bluetooth',
    'systemctl --user daemon-reload',
    'sudo systemctl isolate rescue.target',
    'sudo systemctl hibernate',
    'nmcli radio wifi off',
    'nmcli radio all on',
    'rfkill unblock wifi',
    'pip uninstall requests',
    'koompi classroom start',
    'sudo mkswap /swapfile',
    'docker rmi $(docker images -q)',
    'find ~/x -ok rm {} \\;',
    'shred',
    'case x in a) rm -rf ~;; esac',
    'echo $((1+',
    // every systemctl verb and power state (rules/services.ts VERB, POWER), every chmod harm and permission word (rules/files.ts)
    ...[
      'start',
      'stop',
      'restart',
      'reload',
      'try-restart',
      'reload-or-restart',
      'try-reload-or-restart',
      'enable',
      'disable',
      'mask',
      'unmask',
      'kill',
      'isolate',
      'set-default',
      'edit',
      'revert',
      'preset',
      'reset-failed',
      'daemon-reload',
      'daemon-reexec',
      'link',
      'set-property',
      'set-environment',
      'unset-environment',
      'freeze',
      'thaw',
      'clean',
      'frobnicate',
    ].flatMap((v) => [`sudo systemctl ${v} cups`, `systemctl --user ${v}`]),
    ...[
      'poweroff',
      'reboot',
      'halt',
      'suspend',
      'hibernate',
      'hybrid-sleep',
      'suspend-then-hibernate',
      'kexec',
      'soft-reboot',
      'rescue',
      'emergency',
      'default',
    ].map((v) => `systemctl ${v}`),
    'chmod -R 000 ~/x',
    'chmod -R 600 ~/dir',
    'chmod -R o+w ~/x',
    'chmod -R u-r ~/x',
    'find ~/x | xargs chmod 777',
    'sudo chgrp -R users /',
    'setfacl -R -m u:a:r ~/x',
    'sudo chown root /etc/x',
    'chown me $f',
    'chgrp users notes.txt',
    'chmod 644 /etc/fstab',
    'sudo chmod -R 755 /usr/*',
  ]),
];

describe('Khmer risk reasons', () => {
  const reasons = new Map<string, string>();
  for (const c of commands) for (const r of judgeCommand(c).reasons) if (!reasons.has(r)) reasons.set(r, c);

  it('the corpus reaches many different reasons', () => {
    expect(commands.length).toBeGreaterThan(1000);
    expect(reasons.size).toBeGreaterThan(400);
  });

  it('every reason the judge gives has a Khmer form with no English left', () => {
    const missing: string[] = [];
    const english: string[] = [];
    for (const [r, cmd] of reasons) {
      const km = reasonInKhmer(r);
      if (km === null) {
        missing.push(r);
        continue;
      }
      if (!KHMER.test(km) || /\{(\d+|R|P|[a-z]+)\}/.test(km)) missing.push(`${r} → ${km}`);
      const left = leftoverEnglish(km, cmd);
      if (left.length > 0) english.push(`${r} → ${km} [${left.join(' ')}]`);
    }
    expect(missing, missing.join('\n')).toEqual([]);
    expect(english, english.join('\n')).toEqual([]);
  });

  it('keeps command names, paths and flags as written', () => {
    expect(reasonInKhmer('deletes files recursively (rm -r)')).toBe('លុបឯកសារ និងថត ព្រមទាំងអ្វីៗទាំងអស់នៅខាងក្នុង (rm -r)');
    const j = judgeCommand('sudo cp my.conf /etc/');
    const km = localizeReasons(j.reasons, 'km');
    expect(km.join(' ')).toContain('/etc/');
    expect(km.every((r) => KHMER.test(r))).toBe(true);
  });

  it('translates word lists and nested reasons', () => {
    expect(reasonInKhmer('starts the system service cups (systemctl start)')).toBe('ចាប់ផ្ដើមសេវាប្រព័ន្ធ cups (systemctl start)');
    expect(reasonInKhmer('changes the owner of everything under / (chown -R)')).toBe('ប្ដូរម្ចាស់នៃអ្វីៗទាំងអស់ក្រោម / (chown -R)');
    expect(reasonInKhmer('deletes ~/x, asking before each file (find -ok)')).toBe('លុប ~/x ដោយសួរមុនរាល់ឯកសារនីមួយៗ (find -ok)');
    expect(reasonInKhmer('the command could not be parsed (unbalanced double quote), so it cannot be checked')).toContain('សញ្ញាដកស្រង់ទ្វេ');
  });

  it('leaves English alone and keeps unknown text rather than dropping it', () => {
    const j = judgeCommand('rm -rf ~/Pictures');
    expect(localizeReasons(j.reasons, 'en')).toEqual(j.reasons);
    expect(localizeJudgement(j, 'en')).toBe(j);
    expect(localizeJudgement(j, 'km').command).toBe('rm -rf ~/Pictures');
    expect(reasonInKhmer('something no template knows')).toBeNull();
    expect(localizeReasons(['something no template knows'], 'km')).toEqual(['something no template knows']);
  });

  it('counts its templates', () => {
    const n = reasonTemplateCount();
    expect(n.reasons).toBeGreaterThan(250);
    expect(n.parseErrors).toBeGreaterThan(15);
  });
});

describe('the Khmer catalogue against the judge sources', () => {
  // Every piece of fixed reason text in the sources (string and template literals passed to elevated/destructive/
  // simpleElevated/safeUnless, pushed as a finding, or listed in the raw scan) must appear in some English template or
  // word list, so a reason added to a rule without a Khmer line fails here even when no table reaches it.
  const src = join(here, '../../../src-main/core/commands');
  const files = [
    ...readdirSync(src)
      .filter((f) => f.endsWith('.ts') && !f.startsWith('reasons-km'))
      .map((f) => join(src, f)),
    ...readdirSync(join(src, 'rules'))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => join(src, 'rules', f)),
  ];
  const catalogue = [...CORE_REASONS_KM, ...RULE_REASONS_KM, ...PARSE_ERRORS_KM]
    .map(([en]) => en)
    .concat(Object.values(DICT_KM).flatMap((d) => Object.keys(d)))
    .join('\n');

  function pieces(node: ts.Node, out: string[]): void {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) out.push(node.text);
    else if (ts.isTemplateExpression(node)) {
      out.push(node.head.text);
      for (const s of node.templateSpans) {
        pieces(s.expression, out);
        out.push(s.literal.text);
      }
    } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression))
      pieces(node.expression.expression, out); // `…`.replace(…)
    else ts.forEachChild(node, (c) => pieces(c, out));
  }

  const sites: { where: string; parts: string[] }[] = [];
  for (const f of files) {
    const sf = ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (n: ts.Node): void => {
      let arg: ts.Node | undefined;
      if (ts.isCallExpression(n)) {
        const name = n.expression.getText(sf);
        if ((name === 'elevated' || name === 'destructive') && n.arguments.length === 2) arg = n.arguments[1];
        else if (name === 'simpleElevated') arg = n.arguments[0];
        else if (name === 'safeUnless') arg = n.arguments[1];
      } else if (ts.isPropertyAssignment(n) && n.name.getText(sf) === 'reason') arg = n.initializer;
      else if (ts.isVariableDeclaration(n) && n.name.getText(sf) === 'PATTERNS' && n.initializer) arg = n.initializer;
      if (arg) {
        const out: string[] = [];
        pieces(arg, out);
        sites.push({ where: `${f.slice(src.length + 1)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`, parts: out });
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }

  it('finds the reason texts in the sources', () => {
    expect(sites.length).toBeGreaterThan(300);
  });

  it('has every fixed piece of reason text in an English template', () => {
    const missing: string[] = [];
    for (const s of sites) {
      for (const p of s.parts) {
        // the fixed text between two slots; short joiners (' ', ' -', ', ') and regex sources are not reason text
        let t = p
          .trim()
          .replace(/^[(),:;]+|[(),:;]+$/g, '')
          .trim();
        // a closing "(command words" is kept as written in Khmer too; "(…, like pacman -S" or "(x; with -a …" is not
        const tail = /^(.*?)\s*\(([^()]*)$/.exec(t);
        if (tail && !/[,;]|\b(with|like|and|or|over|from|needs|reading|in|it)\b/.test(tail[2]!)) t = tail[1]!;
        if (t.length < 6 || /[\\^$]\S|\(\?/.test(p) || (/^[-\w.]+$/.test(t) && !t.includes(' '))) continue;
        if (!catalogue.includes(t)) missing.push(`${s.where}: "${t}"`);
      }
    }
    expect(missing, missing.join('\n')).toEqual([]);
  });
});
