// Small tables tier 1 needs: spoken names → Arch package names, apps → binaries, settings pages, services.

/** Spoken or common names whose Arch package name differs. Keys are normalised (lowercase, single spaces). */
export const PACKAGE_ALIASES: ReadonlyMap<string, string> = new Map([
  ['vs code', 'code'], ['vscode', 'code'], ['visual studio code', 'code'],
  ['libre office', 'libreoffice-fresh'], ['libreoffice', 'libreoffice-fresh'], ['office', 'libreoffice-fresh'],
  ['chrome', 'chromium'], ['google chrome', 'chromium'],
  ['obs', 'obs-studio'], ['obs studio', 'obs-studio'],
  ['telegram', 'telegram-desktop'], ['signal', 'signal-desktop'], ['element', 'element-desktop'],
  ['vlc media player', 'vlc'], ['vlc player', 'vlc'], ['firefox browser', 'firefox'], ['chromium browser', 'chromium'],
  ['node', 'nodejs'], ['node js', 'nodejs'], ['python3', 'python'], ['pip', 'python-pip'],
  ['java', 'jre-openjdk'], ['jdk', 'jdk-openjdk'], ['virtual box', 'virtualbox'], ['free cad', 'freecad'],
  ['thunderbird mail', 'thunderbird'], ['open shot', 'openshot'], ['k denlive', 'kdenlive'],
  ['node.js', 'nodejs'], ['python 3', 'python'], ['g++', 'gcc'], ['c++', 'gcc'], ['kde connect', 'kdeconnect'],
  ['libreoffice writer', 'libreoffice-fresh'], ['open office', 'libreoffice-fresh'], ['visual studio', 'code'],
]);

/** Packages people commonly ask for by name (lets "install vlc gimp" without commas act). */
export const KNOWN_PACKAGES: ReadonlySet<string> = new Set([
  'vlc', 'mpv', 'gimp', 'inkscape', 'krita', 'blender', 'audacity', 'kdenlive', 'obs-studio', 'openshot', 'shotcut',
  'handbrake', 'darktable', 'rawtherapee', 'scribus', 'calibre', 'musescore', 'lmms', 'ardour', 'godot',
  'firefox', 'chromium', 'thunderbird', 'libreoffice-fresh', 'libreoffice-still', 'code', 'geany', 'kate', 'kwrite',
  'gedit', 'vim', 'neovim', 'emacs', 'nano', 'git', 'htop', 'btop', 'fastfetch', 'neofetch', 'tmux', 'zsh', 'fish',
  'docker', 'podman', 'virtualbox', 'qemu-full', 'gparted', 'timeshift', 'flatpak', 'okular', 'gwenview',
  'spectacle', 'ark', 'kcalc', 'konsole', 'dolphin', 'elisa', 'steam', 'discord', 'telegram-desktop',
  'signal-desktop', 'element-desktop', 'filezilla', 'remmina', 'keepassxc', 'qbittorrent', 'transmission-qt',
  'freecad', 'kicad', 'librecad', 'python', 'python-pip', 'nodejs', 'npm', 'yarn', 'jre-openjdk', 'jdk-openjdk',
  'gcc', 'clang', 'cmake', 'make', 'go', 'rust', 'ruby', 'php', 'lua', 'julia', 'r', 'wine', 'ollama',
  'kdeconnect', 'partitionmanager', 'filelight', 'kolourpaint', 'kdenlive', 'digikam', 'shotwell', 'rhythmbox',
  'clementine', 'strawberry', 'amarok', 'kmail', 'korganizer', 'ktorrent', 'krdc', 'krfb', 'kget', 'okteta',
  'kompare', 'kleopatra', 'yakuake', 'kdiff3', 'meld', 'zathura', 'evince', 'ffmpeg', 'imagemagick', 'unzip', 'zip',
  'p7zip', 'unrar', 'tree', 'jq', 'ripgrep', 'fd', 'bat', 'fzf', 'openssh', 'rsync', 'cups', 'hplip', 'bluez',
  'fcitx5', 'ibus', 'noto-fonts', 'noto-fonts-emoji', 'ttf-khmer', 'anki', 'stellarium', 'kstars', 'marble',
  'kalzium', 'kgeography', 'kturtle', 'scratch', 'geogebra', 'octave', 'sqlitebrowser', 'postgresql', 'mariadb',
  'nginx', 'apache', 'gnome-boxes', 'kamoso', 'cheese', 'guvcview', 'audacious', 'pavucontrol', 'easyeffects',
  'obsidian', 'zim', 'xournalpp', 'goldendict', 'zoom', 'teams', 'skype',
]);

/** App names → the argv that opens them. */
export const APPS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ...['dolphin', 'file manager', 'files', 'file explorer', 'explorer', 'my files', 'file browser', 'home folder']
    .map((k) => [k, ['dolphin']] as const),
  ...['konsole', 'terminal', 'console', 'command line', 'command prompt', 'shell'].map((k) => [k, ['konsole']] as const),
  ...['kate', 'text editor', 'editor', 'notepad'].map((k) => [k, ['kate']] as const),
  ['kwrite', ['kwrite']],
  ...['systemsettings', 'settings', 'system settings', 'control panel', 'preferences', 'setting'].map((k) => [k, ['systemsettings']] as const),
  ...['kcalc', 'calculator'].map((k) => [k, ['kcalc']] as const),
  ...['spectacle', 'screenshot', 'screenshot tool', 'screen shot'].map((k) => [k, ['spectacle']] as const),
  ...['okular', 'pdf viewer', 'pdf reader', 'document viewer'].map((k) => [k, ['okular']] as const),
  ...['gwenview', 'image viewer', 'photo viewer', 'photos', 'pictures'].map((k) => [k, ['gwenview']] as const),
  ...['ark', 'archive manager'].map((k) => [k, ['ark']] as const),
  ...['discover', 'plasma-discover', 'software center', 'app store', 'software store', 'store'].map((k) => [k, ['plasma-discover']] as const),
  ...['system monitor', 'task manager', 'plasma-systemmonitor', 'ksysguard'].map((k) => [k, ['plasma-systemmonitor']] as const),
  ...['info center', 'system info', 'system information', 'kinfocenter'].map((k) => [k, ['kinfocenter']] as const),
  ...['elisa', 'music player'].map((k) => [k, ['elisa']] as const),
  ...['libreoffice', 'libre office', 'office'].map((k) => [k, ['libreoffice']] as const),
  ...['writer', 'word', 'libreoffice writer', 'word processor'].map((k) => [k, ['libreoffice', '--writer']] as const),
  ...['calc', 'spreadsheet', 'excel', 'libreoffice calc'].map((k) => [k, ['libreoffice', '--calc']] as const),
  ...['impress', 'powerpoint', 'presentation', 'libreoffice impress'].map((k) => [k, ['libreoffice', '--impress']] as const),
  ...['thunderbird', 'email', 'mail', 'email client'].map((k) => [k, ['thunderbird']] as const),
  ...['code', 'vs code', 'vscode', 'visual studio code'].map((k) => [k, ['code']] as const),
  ...['chromium', 'chrome', 'google chrome'].map((k) => [k, ['chromium']] as const),
  ...['telegram', 'telegram-desktop'].map((k) => [k, ['telegram-desktop']] as const),
  ...['obs', 'obs studio', 'obs-studio'].map((k) => [k, ['obs']] as const),
  ...['kde connect', 'kdeconnect'].map((k) => [k, ['kdeconnect-app']] as const),
  ...['partition manager', 'partitionmanager'].map((k) => [k, ['partitionmanager']] as const),
  ...['firefox', 'vlc', 'gimp', 'inkscape', 'krita', 'blender', 'audacity', 'kdenlive', 'steam', 'discord',
    'gparted', 'filelight', 'kolourpaint', 'okteta', 'yakuake', 'digikam', 'kamoso', 'mpv', 'geany', 'anki',
    'stellarium', 'kstars', 'marble', 'kalzium', 'kgeography', 'kturtle', 'filezilla', 'remmina', 'keepassxc',
    'qbittorrent', 'timeshift', 'calibre', 'musescore', 'kmail', 'korganizer', 'kget', 'krdc', 'pavucontrol',
    'shotcut', 'openshot', 'handbrake', 'darktable', 'scribus', 'freecad', 'kicad', 'librecad', 'godot',
    'xournalpp', 'obsidian', 'zim', 'goldendict', 'virtualbox', 'rhythmbox', 'strawberry', 'amarok']
    .map((k) => [k, [k]] as const),
]);

/** Settings topics → the KDE System Settings module that shows them. */
export const SETTINGS_MODULES: ReadonlyMap<string, string> = new Map([
  ...['wifi', 'network', 'networks', 'internet', 'wireless', 'connections', 'connection', 'network connections']
    .map((k) => [k, 'kcm_networkmanagement'] as const),
  ['bluetooth', 'kcm_bluetooth'],
  ...['sound', 'audio', 'volume', 'speaker', 'speakers', 'microphone', 'mic'].map((k) => [k, 'kcm_pulseaudio'] as const),
  ...['display', 'displays', 'screen', 'monitor', 'monitors', 'resolution', 'display and monitor'].map((k) => [k, 'kcm_kscreen'] as const),
  ['keyboard', 'kcm_keyboard'], ['shortcuts', 'kcm_keys'], ['keyboard shortcuts', 'kcm_keys'],
  ['mouse', 'kcm_mouse'], ['touchpad', 'kcm_touchpad'],
  ...['power', 'battery', 'energy', 'energy saving', 'power management'].map((k) => [k, 'kcm_powerdevilprofilesconfig'] as const),
  ...['printer', 'printers', 'printing'].map((k) => [k, 'kcm_printer_manager'] as const),
  ...['date', 'time', 'clock', 'date and time', 'date time'].map((k) => [k, 'kcm_clock'] as const),
  ...['language', 'region', 'locale', 'formats', 'region and language', 'language and region'].map((k) => [k, 'kcm_regionandlang'] as const),
  ...['user', 'users', 'account', 'accounts', 'user accounts'].map((k) => [k, 'kcm_users'] as const),
  ...['appearance', 'theme', 'themes', 'look and feel', 'global theme'].map((k) => [k, 'kcm_lookandfeel'] as const),
  ...['wallpaper', 'background', 'desktop background'].map((k) => [k, 'kcm_wallpaper'] as const),
  ['notifications', 'kcm_notifications'], ['notification', 'kcm_notifications'],
  ...['night light', 'night color', 'night mode'].map((k) => [k, 'kcm_nightlight'] as const),
  ['fonts', 'kcm_fonts'], ['font', 'kcm_fonts'], ['accessibility', 'kcm_access'],
  ...['default apps', 'default applications', 'default browser'].map((k) => [k, 'kcm_componentchooser'] as const),
  ...['startup', 'autostart'].map((k) => [k, 'kcm_autostart'] as const),
  ['firewall', 'kcm_firewall'],
]);

export interface ServiceRef {
  units: readonly string[];
  user: boolean;
}

const sys = (unit: string): ServiceRef => ({ units: [unit], user: false });
const SOUND: ServiceRef = { units: ['pipewire', 'pipewire-pulse', 'wireplumber'], user: true };

/** Unit names and the everyday words for them. */
export const SERVICES: ReadonlyMap<string, ServiceRef> = new Map<string, ServiceRef>([
  ['pipewire', { units: ['pipewire'], user: true }],
  ['pipewire-pulse', { units: ['pipewire-pulse'], user: true }],
  ['wireplumber', { units: ['wireplumber'], user: true }],
  ...['sound', 'audio', 'sound server', 'audio server', 'speakers'].map((k) => [k, SOUND] as const),
  ...['networkmanager', 'network manager', 'network', 'networking', 'internet', 'wifi', 'nm']
    .map((k) => [k, sys('NetworkManager')] as const),
  ['bluetooth', sys('bluetooth')],
  ...['cups', 'printer', 'printing', 'print', 'printers'].map((k) => [k, sys('cups')] as const),
  ...['sshd', 'ssh', 'openssh', 'ssh server'].map((k) => [k, sys('sshd')] as const),
  ['docker', sys('docker')], ['sddm', sys('sddm')], ['ufw', sys('ufw')], ['firewalld', sys('firewalld')],
  ...['avahi', 'avahi-daemon'].map((k) => [k, sys('avahi-daemon')] as const),
  ['ollama', sys('ollama')], ['tlp', sys('tlp')], ['power-profiles-daemon', sys('power-profiles-daemon')],
  ...['cron', 'cronie'].map((k) => [k, sys('cronie')] as const),
  ['libvirtd', sys('libvirtd')], ['nginx', sys('nginx')], ['httpd', sys('httpd')], ['apache', sys('httpd')],
  ...['mariadb', 'mysql'].map((k) => [k, sys('mariadb')] as const),
  ['postgresql', sys('postgresql')], ['postgres', sys('postgresql')],
  ...['samba', 'smb'].map((k) => [k, sys('smb')] as const),
  ['systemd-timesyncd', sys('systemd-timesyncd')], ['timesyncd', sys('systemd-timesyncd')],
  ['systemd-resolved', sys('systemd-resolved')], ['thermald', sys('thermald')], ['fstrim.timer', sys('fstrim.timer')],
]);
