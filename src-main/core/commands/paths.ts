// Classifies a path a command touches: the user's own files, the home folder itself, system places or disk devices.

export type PathKind =
  | 'null-device' // /dev/null, /dev/stdout, /dev/tty …: harmless
  | 'block-device' // a disk or partition, or raw memory
  | 'device' // some other device node
  | 'kernel' // /proc, /sys knobs
  | 'root' // / itself
  | 'home-root' // ~, $HOME, /home, /home/NAME, /root
  | 'system-top' // /etc, /usr, /boot … themselves
  | 'system' // inside them
  | 'user' // inside home, relative to home, /tmp, removable media
  | 'dynamic'; // only known at run time

const SYSTEM_TOP = [
  'etc',
  'usr',
  'bin',
  'sbin',
  'lib',
  'lib32',
  'lib64',
  'boot',
  'var',
  'opt',
  'srv',
  'run',
  'efi',
  'mnt',
  'media',
  'snap',
];
const SYSTEM_SECOND =
  /^\/(usr\/(bin|lib|lib32|lib64|local|share|sbin|include|src)|var\/(lib|cache|log|spool|db)|usr\/local\/(bin|lib|share)|boot\/(efi|grub|loader)|etc\/[^/]+\.d)$/;
const NULLISH = /^\/dev\/(null|zero|full|random|urandom|stdout|stderr|stdin|tty|fd\/\d+|pts\/\d+)$/;
const BLOCK =
  /^\/dev\/((sd|hd|vd|xvd)[a-z]+\d*|nvme\d+n\d+(p\d+)?|mmcblk\d+(p\d+)?|loop\d+|md\d+|dm-\d+|sr\d+|mapper\/.+|disk\/.+|mem|kmem|port|root)$/;

export interface PathContext {
  /** Current directory as the judge tracks it: '~' (the default: commands run in the user's home) or absolute. */
  cwd: string;
}

/** Normalises a path to '~/…' or '/…' form (no ., .., or repeated slashes). Null when not literal. */
export function normalisePath(p: string, ctx: PathContext): string | null {
  let s = p.replace(/^\$\{?HOME\}?(?=\/|$)/, '~');
  if (/\$|`/.test(s)) return null;
  if (s === '~' || s.startsWith('~/')) {
    /* already home-relative */
  } else if (/^~[A-Za-z_][\w.-]*/.test(s)) s = '/home/' + s.slice(1);
  else if (!s.startsWith('/')) s = (ctx.cwd.endsWith('/') ? ctx.cwd : ctx.cwd + '/') + s;
  const home = s.startsWith('~');
  const parts: string[] = [];
  for (const seg of (home ? s.slice(1) : s).split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      parts.pop();
      continue;
    }
    parts.push(seg);
  }
  return (home ? '~' : '') + '/' + parts.join('/');
}

export function classifyPath(p: string, ctx: PathContext): PathKind {
  const n = normalisePath(p, ctx);
  if (n === null) {
    // `~/Backup/x-$(date +%F)`: the folder part is literal, so judge by the folder it lands in.
    const cut = p.search(/\$|`/);
    const prefix = p.slice(0, cut);
    const slash = prefix.lastIndexOf('/');
    if (cut <= 0 || slash <= 0 || /^\$\{?HOME\b/.test(p)) return 'dynamic';
    const dir = classifyPath(prefix.slice(0, slash), ctx);
    if (dir === 'user' || dir === 'home-root') return 'user';
    if (dir === 'system' || dir === 'system-top' || dir === 'kernel') return dir === 'kernel' ? 'kernel' : 'system';
    return 'dynamic';
  }
  if (n.startsWith('~')) return n === '~/' ? 'home-root' : 'user';
  if (NULLISH.test(n)) return 'null-device';
  if (BLOCK.test(n)) return 'block-device';
  if (n.startsWith('/dev/shm/')) return 'user'; // a memory-backed folder for ordinary files
  if (n.startsWith('/dev/')) return 'device';
  if (n === '/') return 'root';
  if (/^\/(proc|sys)(\/|$)/.test(n)) return n === '/proc' || n === '/sys' ? 'system-top' : 'kernel';
  if (n === '/home' || /^\/home\/[^/]+$/.test(n) || n === '/root') return 'home-root';
  if (
    n.startsWith('/home/') ||
    n === '/tmp' ||
    n.startsWith('/tmp/') ||
    n.startsWith('/var/tmp/') ||
    n.startsWith('/run/media/') ||
    n.startsWith('/run/user/')
  )
    return 'user';
  if (n === '/dev') return 'system-top';
  // a drive mounted under /mnt or /media holds someone's files, not the system's
  if (/^\/(mnt|media)\/[^/]+/.test(n)) return 'user';
  const top = n.split('/')[1] ?? '';
  if (SYSTEM_TOP.includes(top)) return n === '/' + top || SYSTEM_SECOND.test(n) ? 'system-top' : 'system';
  if (top === 'root' || top === 'lost+found' || top === 'swap') return 'system'; // root's own home, fsck's salvage
  // inside a top folder Arch does not make (/data, /backup, /scratch): someone's own files
  return n === '/' + top ? 'system' : 'user';
}

/** A path that looks like a file someone already has and cares about (config, keys, logs, databases). */
export function looksLikeExistingFile(p: string): boolean {
  const base = p.slice(p.lastIndexOf('/') + 1);
  if (base.startsWith('.') && base !== '.' && base !== '..') return true; // ~/.bashrc, ~/.profile …
  if (/(^|\/)\.(ssh|gnupg|password-store)\//.test(p)) return true;
  if (/(^|\/)\.config\/[^/]+rc$/.test(p) || /(^|\/)\.config\/[^/]+$/.test(p)) return true; // ~/.config/kwinrc
  return (
    /\.(conf|cfg|ini|db|sqlite3?|key|pem|kdbx|env|bak|plist)$/i.test(p) ||
    /(^|\/)(passwd|shadow|group|fstab|hosts|hostname|sudoers|crontab|profile|environment|authorized_keys|known_hosts|id_rsa|id_ed25519)$/.test(
      p,
    )
  );
}

/** System files whose loss stops the computer from starting or anyone from logging in. */
export function isCriticalSystemPath(p: string): boolean {
  return /^\/(boot\/.+|(usr\/)?(s?bin|lib|lib64|lib32)\/.+|etc\/(passwd|shadow|group|gshadow|fstab|sudoers|pam\.d(\/.*)?|systemd\/system\.conf|default\/grub|mkinitcpio\.conf|os-release|ld\.so\.(conf|cache)|nsswitch\.conf|login\.defs|crypttab))$/.test(
    p,
  );
}

/** System files whose whole text matters: replacing them with one line breaks booting, logging in, names or updates. */
export function isVitalSystemFile(p: string): boolean {
  return isCriticalSystemPath(p) || /^\/etc\/(hosts|pacman\.conf|pacman\.d\/gnupg\/.+|locale\.gen|vconsole\.conf|sddm\.conf)$/.test(p);
}

/** Folders held in memory (tmpfs on Arch): what is moved there is gone at the next restart. */
export function isVolatilePath(p: string): boolean {
  return /^\/(tmp|dev\/shm|run\/user\/\d+)(\/|$)/.test(p);
}

export const isSystemKind = (k: PathKind): boolean =>
  k === 'system' || k === 'system-top' || k === 'root' || k === 'kernel' || k === 'device';
export const isWideKind = (k: PathKind): boolean => k === 'root' || k === 'home-root' || k === 'system-top';
