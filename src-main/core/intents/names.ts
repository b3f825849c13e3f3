// What may become an argument of an action: package, service and snapshot names, checked strictly.

/** A package or unit name as Arch and systemd allow them: no leading '-', ASCII only. */
const NAME = /^[a-z0-9@._+][a-z0-9@._+-]*$/;
export const MAX_NAME_LENGTH = 100;

/** Words that are shell commands or injection bait: never accepted as a package, service or app name. */
export const NEVER_A_NAME: ReadonlySet<string> = new Set([
  'rm', 'rmdir', 'dd', 'mkfs', 'shred', 'wipefs', 'fdisk', 'parted', 'mv', 'cp', 'chmod', 'chown', 'chattr',
  'reboot', 'shutdown', 'poweroff', 'halt', 'init', 'telinit', 'systemctl', 'kill', 'killall', 'pkill',
  'sudo', 'su', 'doas', 'pkexec', 'eval', 'exec', 'source', 'sh', 'bash', 'dash', 'env', 'nohup', 'xargs',
  'pacman', 'yay', 'paru', 'makepkg', 'koompi', 'snapper', 'nc', 'ncat', 'netcat', 'socat', 'crontab',
]);

/** Downloaders: fine as a package to install on their own, but a sign of injection inside a longer unseparated list. */
export const DOWNLOADERS: ReadonlySet<string> = new Set(['curl', 'wget', 'aria2c', 'fetch']);

/** Generic nouns people use after a verb that are not package names ("remove everything", "install updates"). */
export const NOT_A_PACKAGE: ReadonlySet<string> = new Set([
  'it', 'this', 'that', 'them', 'these', 'those', 'everything', 'all', 'anything', 'something', 'nothing', 'stuff',
  'system', 'computer', 'pc', 'laptop', 'machine', 'os', 'device', 'update', 'updates', 'upgrade', 'upgrades',
  'snapshot', 'snapshots', 'file', 'files', 'folder', 'folders', 'directory', 'photo', 'photos', 'picture',
  'pictures', 'document', 'documents', 'downloads', 'music', 'video', 'videos', 'home', 'cache', 'history',
  'cookies', 'wifi', 'internet', 'network', 'bluetooth', 'printer', 'password', 'user', 'users', 'account',
  'virus', 'viruses', 'malware', 'ads', 'junk', 'trash', 'temp', 'logs', 'kernel', 'driver', 'drivers', 'font',
  'fonts', 'theme', 'wallpaper', 'background', 'app', 'apps', 'application', 'applications', 'program',
  'programs', 'package', 'packages', 'software', 'help', 'sound', 'audio', 'screen', 'display', 'keyboard',
  'mouse', 'language', 'browser', 'game', 'games', 'antivirus', 'vpn', 'classroom', 'class', 'service',
  'services', 'settings', 'me', 'my', 'you', 'i', 'and', 'or', 'not', 'the', 'a', 'an', 'for', 'from',
  'with', 'to', 'of', 'on', 'in', 'at', 'by', 'how', 'what', 'why', 'when', 'where', 'which', 'who',
  // outcomes and problems ("install failed", "update stuck"), times, and systems that are not Arch packages
  'failed', 'fail', 'fails', 'failing', 'error', 'errors', 'stuck', 'issue', 'issues', 'problem', 'problems',
  'crash', 'crashed', 'crashes', 'crashing', 'frozen', 'later', 'tomorrow', 'tonight', 'soon', 'yesterday',
  'windows', 'macos', 'mac', 'ios', 'android', 'iphone', 'guide', 'tutorial', 'instructions', 'steps',
  'manually', 'properly', 'correctly', 'automatically', 'yourself', 'myself', 'anymore', 'there', 'here',
  // words that describe what is wanted rather than name it ("a specific package", "the database", "every node")
  'specific', 'certain', 'particular', 'different', 'other', 'another', 'same', 'new', 'old', 'older', 'newer', 'version',
  'versions', 'database', 'databases', 'db', 'library', 'libraries', 'module', 'modules', 'plugin', 'plugins',
  'extension', 'extensions', 'dependency', 'dependencies', 'node', 'nodes', 'cluster', 'server', 'servers', 'client',
  'tool', 'tools', 'utility', 'utilities', 'command', 'commands', 'script', 'scripts', 'text', 'word', 'words', 'string',
  'pattern', 'case', 'name', 'names', 'size', 'type', 'line', 'lines', 'content', 'contents', 'process', 'processes',
  'port', 'ports', 'key', 'keys', 'disk', 'disks', 'partition', 'drive', 'image', 'images', 'container', 'containers',
  'repository', 'repositories', 'repo', 'repos', 'branch', 'commit', 'variable', 'variables', 'environment', 'path',
  'link', 'links', 'log', 'page', 'pages', 'site', 'website', 'url', 'every', 'each', 'any', 'some', 'one', 'ignoring',
  'matching', 'containing', 'recursively', 'owner', 'owners', 'permission', 'permissions', 'group', 'groups', 'entry',
  'entries', 'record', 'records', 'table', 'tables', 'column', 'columns', 'row', 'rows', 'field', 'fields', 'value',
  'values', 'option', 'options', 'setting', 'config', 'configuration', 'profile', 'job', 'jobs', 'task', 'tasks',
]);

/** Packages whose removal would break the system: tier 1 never offers to remove them. */
export const NEVER_REMOVE: ReadonlySet<string> = new Set([
  'linux', 'linux-lts', 'linux-zen', 'linux-hardened', 'linux-firmware', 'base', 'systemd', 'glibc', 'pacman',
  'sudo', 'bash', 'coreutils', 'filesystem', 'grub', 'plasma', 'plasma-desktop', 'plasma-workspace', 'kwin',
  'sddm', 'networkmanager', 'mesa', 'xorg-server', 'wayland', 'koompi', 'util-linux', 'shadow', 'pam',
]);

/** Families of core packages (kernels and their firmware, systemd and glibc parts, boot loader, keyrings, KOOMPI's own). */
const NEVER_REMOVE_FAMILY = /^(?:linux(?:-[a-z0-9-]+)?|systemd(?:-[a-z0-9-]+)?|glibc(?:-[a-z0-9-]+)?|lib32-glibc|pacman(?:-[a-z0-9-]+)?|grub(?:-[a-z0-9-]+)?|[a-z0-9-]*-keyring|koompi(?:-[a-z0-9-]+)?|efibootmgr|mkinitcpio|dbus(?:-[a-z0-9-]+)?|polkit|e2fsprogs|btrfs-progs|dosfstools|openssl|ncurses|readline|zlib|gcc-libs|base-devel)$/;

/** True for a package tier 1 must never offer to remove (named, or one of a core family). */
export function isProtectedPackage(name: string): boolean {
  return NEVER_REMOVE.has(name) || NEVER_REMOVE_FAMILY.test(name);
}

/** Command words that no real package name is built from ("rm-rf", "reboot-now", "curl-evil" are bait, not names). */
const BAIT_PART = /(?:^|[-._+@])(?:rm|dd|reboot|shutdown|poweroff|halt|mkfs|shred|wipefs|eval|curl|wget)(?=[-._+@]|$)/;
/** A file to run or unpack ("evil.sh", "setup.exe", "x.deb"), not a package name. */
const FILE_NAME = /\.(?:sh|bash|zsh|py|pl|rb|exe|msi|bat|cmd|ps1|bin|run|deb|rpm|appimage|apk|jar|tar|gz|xz|zst|zip|iso|img)$/;
/** The same for free-text snapshot labels, which have no package names to spare. */
const LABEL_BAIT_PART = /(?:^|[-._+@])(?:rm|dd|reboot|shutdown|poweroff|halt|mkfs|shred|wipefs|eval|curl|wget|sudo|doas|sh|bash|exec|kill)(?=[-._+@]|$)/;

/** True when `word` can be passed as a package/unit name argument. */
export function isValidName(word: string): boolean {
  if (word.length > MAX_NAME_LENGTH || !NAME.test(word) || !/[a-z0-9]/.test(word) || NEVER_A_NAME.has(word)) return false;
  return DOWNLOADERS.has(word) || (!BAIT_PART.test(word) && !FILE_NAME.test(word));
}

/** A snapshot description word: same alphabet as names (kept strict so it cannot carry shell syntax), no command words. */
export function isValidLabelWord(word: string): boolean {
  return word.length <= 40 && NAME.test(word) && !NEVER_A_NAME.has(word) && !DOWNLOADERS.has(word) && !LABEL_BAIT_PART.test(word);
}
