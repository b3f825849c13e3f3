// Query expansion: groups of words students use for the same thing, in English and Khmer. A query term
// found in a group adds the other members at a lower weight (the words documentation uses instead).
import { tokenize } from './tokenize.js';

const GROUPS: string[][] = [
  ['delete', 'remove', 'erase', 'rm', 'uninstall', 'លុប'],
  ['folder', 'directory', 'dir', 'ថត'],
  ['file', 'ឯកសារ'],
  ['copy', 'cp', 'duplicate', 'ចម្លង'],
  ['move', 'rename', 'mv', 'ផ្លាស់ទី', 'ប្តូរឈ្មោះ'],
  ['install', 'ដំឡើង', 'តំឡើង', 'setup'],
  ['update', 'upgrade', 'អាប់ដេត', 'បច្ចុប្បន្នភាព'],
  ['app', 'application', 'program', 'software', 'package', 'កម្មវិធី'],
  ['wifi', 'wi-fi', 'wireless', 'wlan', 'វ៉ាយហ្វាយ', 'networkmanager'],
  ['internet', 'network', 'connection', 'online', 'អ៊ីនធឺណិត', 'បណ្តាញ'],
  ['printer', 'print', 'printing', 'cups', 'ម៉ាស៊ីនបោះពុម្ព', 'បោះពុម្ព'],
  ['sound', 'audio', 'volume', 'speaker', 'pipewire', 'សំឡេង'],
  ['microphone', 'mic', 'មីក្រូហ្វូន'],
  ['screen', 'display', 'monitor', 'resolution', 'អេក្រង់'],
  ['screenshot', 'spectacle', 'capture', 'ថតអេក្រង់'],
  ['keyboard', 'layout', 'input', 'ក្តារចុច'],
  ['khmer', 'ខ្មែរ', 'cambodian'],
  ['language', 'ភាសា', 'locale'],
  ['font', 'fonts', 'ពុម្ពអក្សរ'],
  ['password', 'passwd', 'ពាក្យសម្ងាត់'],
  ['user', 'account', 'useradd', 'អ្នកប្រើ', 'គណនី'],
  ['snapshot', 'snapper', 'restore', 'rollback', 'ស្ណាបស៊ុត'],
  ['bluetooth', 'bluetoothctl', 'ប៊្លូធូស', 'ប្លូធូស'],
  ['usb', 'flash', 'thumb', 'pendrive', 'ឌីសយូអេសប៊ី'],
  ['disk', 'drive', 'partition', 'storage', 'ថាស'],
  ['space', 'usage', 'df', 'du', 'ទំហំ'],
  ['memory', 'ram', 'free', 'អង្គចងចាំ'],
  ['process', 'task', 'program', 'ps', 'top', 'htop'],
  ['kill', 'stop', 'terminate', 'end', 'បញ្ឈប់'],
  ['search', 'find', 'locate', 'look', 'ស្វែងរក', 'រក'],
  ['text', 'grep', 'pattern', 'match'],
  ['archive', 'zip', 'tar', 'compress', 'extract', 'unzip', 'ពន្លា', 'បង្ហាប់'],
  ['permission', 'chmod', 'access', 'សិទ្ធិ'],
  ['owner', 'chown', 'ownership'],
  ['log', 'logs', 'journal', 'journalctl', 'កំណត់ហេតុ'],
  ['ssh', 'remote', 'scp', 'sftp'],
  ['time', 'clock', 'timezone', 'date', 'timedatectl', 'ម៉ោង'],
  ['touchpad', 'trackpad', 'mouse', 'libinput'],
  ['mount', 'fstab', 'attach', 'ម៉ោន'],
  ['service', 'daemon', 'systemctl', 'systemd'],
  ['restart', 'reboot', 'ចាប់ផ្តើមឡើងវិញ'],
  ['shutdown', 'poweroff', 'off', 'បិទ'],
  ['open', 'launch', 'start', 'run', 'បើក'],
  ['office', 'libreoffice', 'word', 'excel', 'docx', 'writer', 'calc'],
  ['help', 'support', 'contact', 'ជំនួយ'],
  ['ip', 'address', 'ifconfig'],
  ['terminal', 'konsole', 'shell', 'command', 'ពាក្យបញ្ជា'],
  ['list', 'show', 'view', 'see', 'display', 'បង្ហាញ', 'មើល'],
  ['size', 'big', 'large', 'ទំហំ'],
  ['hidden', 'dotfile'],
  ['battery', 'power', 'ថ្ម'],
  ['brightness', 'backlight', 'ពន្លឺ'],
];

let table: Map<string, string[]> | null = null;

function buildTable(): Map<string, string[]> {
  const t = new Map<string, string[]>();
  for (const g of GROUPS) {
    const terms = [...new Set(g.flatMap((w) => tokenize(w, true)))];
    for (const a of terms) {
      const list = t.get(a) ?? [];
      for (const b of terms) if (b !== a && !list.includes(b)) list.push(b);
      t.set(a, list);
    }
  }
  return t;
}

/** The query's own terms (weight 1) and their synonyms (lower weight), deduplicated. */
export function expandQuery(query: string): { term: string; weight: number }[] {
  table ??= buildTable();
  const out = new Map<string, number>();
  const own = tokenize(query);
  for (const t of own) out.set(t, 1);
  for (const t of own) {
    for (const s of table.get(t) ?? []) if (!out.has(s)) out.set(s, 0.35);
  }
  return [...out].map(([term, weight]) => ({ term, weight }));
}
