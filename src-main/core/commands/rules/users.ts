// Rule family: users. Accounts, groups, passwords, sudo rights, and the keys that identify a user.
import { destructive, elevated } from '../judge-context.js';
import { simpleElevated, texts, type RuleFamily } from './types.js';

export const USERS: RuleFamily = {
  name: 'users',
  rules: {
    useradd: simpleElevated('creates a user account'),
    adduser: simpleElevated('creates a user account'),
    usermod: simpleElevated('changes a user account'),
    userdel(args, ctx) {
      if (texts(args).some((a) => /^-[a-zA-Z]*r|--remove/.test(a)))
        destructive(ctx, `deletes a user account and its home folder (userdel ${texts(args).join(' ')})`);
      else elevated(ctx, `deletes a user account (userdel ${texts(args).join(' ')})`);
    },
    deluser(args, ctx) {
      if (texts(args).includes('--remove-home') || texts(args).includes('--remove-all-files'))
        destructive(ctx, `deletes a user account and its files (deluser ${texts(args).join(' ')})`);
      else elevated(ctx, 'deletes a user account (deluser)');
    },
    groupadd: simpleElevated('creates a group'),
    groupdel: simpleElevated('deletes a group'),
    groupmod: simpleElevated('changes a group'),
    gpasswd: simpleElevated('changes group membership'),
    passwd(args, ctx) {
      if (texts(args).some((a) => a === '-S' || a === '--status')) return;
      elevated(ctx, `changes a password (passwd ${texts(args).join(' ')})`.replace(' )', ')'));
    },
    chpasswd: simpleElevated('changes passwords'),
    chage: (args, ctx) => {
      if (texts(args).includes('-l')) return;
      elevated(ctx, 'changes password expiry (chage)');
    },
    chsh: simpleElevated('changes the login shell'),
    chfn: simpleElevated('changes account details'),
    visudo(args, ctx) {
      if (texts(args).some((a) => a === '-c' || a === '--check')) return;
      elevated(ctx, 'edits who may use sudo (visudo)');
    },
    vipw: simpleElevated('edits the user database'),
    gpg(args, ctx) {
      if (texts(args).some((a) => /^--delete-(secret-)?keys?|--delete-secret-and-public-key/.test(a)))
        elevated(ctx, 'deletes encryption keys (gpg --delete-key)');
    },
    'ssh-keygen'(args, ctx, info) {
      const t = texts(args);
      if (t.includes('-R')) {
        elevated(ctx, 'removes a host key (ssh-keygen -R)');
        return;
      }
      // `yes | ssh-keygen -f ~/.ssh/id_ed25519`: answering "Overwrite (y/n)?" with yes replaces the private key
      const reads = t.some((a) => /^-[a-zA-Z]*[lyBFHDkQ]/.test(a) && !/^-[a-zA-Z]*t/.test(a));
      if (reads) return;
      const fi = t.indexOf('-f');
      const file = fi >= 0 ? (t[fi + 1] ?? '') : '~/.ssh/id_*';
      const yes =
        (info.stdin.kind === 'pipe' && /^(yes|echo|printf)\b/.test(info.stdin.source ?? info.stdin.from)) ||
        (info.stdin.text !== null && /^\s*y/i.test(info.stdin.text));
      if (yes)
        destructive(ctx, `answers "overwrite" with yes, replacing the private key ${file} (ssh-keygen): whatever it unlocked is lost`);
    },
  },
  examples: {
    safe: [
      'ssh-keygen -t ed25519 -C me@example.com',
      'ssh-keygen -lf ~/.ssh/id_ed25519.pub',
      'passwd -S student',
      'chage -l student',
      'gpg --list-keys',
    ],
    elevated: ['sudo useradd -m teacher', 'sudo usermod -aG wheel student', 'passwd', 'ssh-keygen -R 192.168.1.10', 'sudo visudo'],
    destructive: [
      'sudo userdel -r student',
      'yes | ssh-keygen -t ed25519 -f ~/.ssh/id_ed25519 -N ""',
      "echo y | ssh-keygen -q -f ~/.ssh/id_rsa -N ''",
    ],
  },
};
