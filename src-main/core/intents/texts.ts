// The short answer tier 1 shows for each intent, in English and Khmer.

type Lang = 'en' | 'km';
type Text = (names: string) => string;

const EN: Record<string, Text> = {
  greeting: () =>
    'Hello! I can install or remove apps, update the system, take snapshots, open apps and settings, and answer questions about KOOMPI OS.',
  thanks: () => "You're welcome! Ask me anything else.",
  help: () =>
    [
      'I can help with KOOMPI OS. Try:',
      '- "install vlc and gimp", "remove audacity", "search for a package for video editing"',
      '- "update the system", "take a snapshot", "list snapshots", "roll back to snapshot 5"',
      '- "start the classroom", "restart the sound service", "open wifi settings", "how much disk space is left"',
      '- or ask any question about your computer.',
    ].join('\n'),
  'pkg.install': (n) => `This installs ${n}.`,
  'pkg.remove': (n) => `This removes ${n} and the dependencies nothing else needs.`,
  'pkg.search': (n) => `This searches the package repositories for ${n}.`,
  'system.update': () => 'This updates every package on the system.',
  'system.checkupdates': () => 'This lists the updates waiting to be installed, without installing anything.',
  'snapshot.create': (n) => (n ? `This takes a system snapshot named ${n}.` : 'This takes a system snapshot.'),
  'snapshot.list': () => 'This lists the system snapshots.',
  'snapshot.rollback': (n) => `This rolls the system back to snapshot ${n}; restart afterwards to use it.`,
  'classroom.start': () => 'This starts the classroom session.',
  'classroom.stop': () => 'This ends the classroom session.',
  'service.status': (n) => `This shows the status of ${n}.`,
  'service.start': (n) => `This starts ${n}.`,
  'service.stop': (n) => `This stops ${n}.`,
  'service.restart': (n) => `This restarts ${n}.`,
  'service.reload': (n) => `This reloads ${n}.`,
  'service.enable': (n) => `This enables ${n} and starts it now.`,
  'service.disable': (n) => `This disables ${n} and stops it now.`,
  'app.open': (n) => `This opens ${n}.`,
  'settings.open': (n) => `This opens System Settings${n && n !== 'systemsettings' ? ` (${n})` : ''}.`,
  'info.disk': () => 'This shows how much disk space is used and free.',
  'info.memory': () => 'This shows how much memory is used and free.',
  'wifi.list': () => 'This lists the Wi-Fi networks in range.',
  'wifi.on': () => 'This turns Wi-Fi on.',
  'wifi.off': () => 'This turns Wi-Fi off.',
  'power.reboot': () => 'This restarts the computer. Save your work first.',
  'power.off': () => 'This shuts the computer down. Save your work first.',
};

const KM: Record<string, Text> = {
  greeting: () => 'សួស្ដី! ខ្ញុំអាចដំឡើង ឬលុបកម្មវិធី ធ្វើបច្ចុប្បន្នភាពប្រព័ន្ធ បង្កើត snapshot បើកកម្មវិធី និងឆ្លើយសំណួរអំពី KOOMPI OS។',
  thanks: () => 'មិនអីទេ! សួរខ្ញុំបន្ថែមបាន។',
  help: () =>
    [
      'ខ្ញុំអាចជួយអំពី KOOMPI OS។ សាកល្បង៖',
      '- "ដំឡើង vlc", "លុប audacity", "ស្វែងរក gimp"',
      '- "ធ្វើបច្ចុប្បន្នភាពប្រព័ន្ធ", "បង្កើត snapshot", "ចាប់ផ្ដើមថ្នាក់រៀន"',
      '- ឬសួរសំណួរណាមួយអំពីកុំព្យូទ័ររបស់អ្នក។',
    ].join('\n'),
  'pkg.install': (n) => `នេះនឹងដំឡើង ${n}។`,
  'pkg.remove': (n) => `នេះនឹងលុប ${n}។`,
  'pkg.search': (n) => `នេះនឹងស្វែងរកកញ្ចប់ ${n}។`,
  'system.update': () => 'នេះនឹងធ្វើបច្ចុប្បន្នភាពប្រព័ន្ធទាំងមូល។',
  'system.checkupdates': () => 'នេះនឹងបង្ហាញបច្ចុប្បន្នភាពដែលកំពុងរង់ចាំ ដោយមិនដំឡើងអ្វីទេ។',
  'snapshot.create': (n) => `នេះនឹងបង្កើត snapshot ប្រព័ន្ធ${n ? ` ${n}` : ''}។`,
  'snapshot.list': () => 'នេះនឹងបង្ហាញបញ្ជី snapshot។',
  'snapshot.rollback': (n) => `នេះនឹងស្ដារប្រព័ន្ធទៅ snapshot ${n}។`,
  'classroom.start': () => 'នេះនឹងចាប់ផ្ដើមថ្នាក់រៀន។',
  'classroom.stop': () => 'នេះនឹងបញ្ចប់ថ្នាក់រៀន។',
  'service.status': (n) => `នេះនឹងបង្ហាញស្ថានភាព ${n}។`,
  'service.start': (n) => `នេះនឹងចាប់ផ្ដើម ${n}។`,
  'service.stop': (n) => `នេះនឹងបញ្ឈប់ ${n}។`,
  'service.restart': (n) => `នេះនឹងចាប់ផ្ដើម ${n} ឡើងវិញ។`,
  'app.open': (n) => `នេះនឹងបើក ${n}។`,
  'settings.open': () => 'នេះនឹងបើកការកំណត់។',
  'info.disk': () => 'នេះនឹងបង្ហាញទំហំថាសដែលបានប្រើ និងនៅសល់។',
  'info.memory': () => 'នេះនឹងបង្ហាញអង្គចងចាំដែលបានប្រើ និងនៅសល់។',
  'wifi.list': () => 'នេះនឹងបង្ហាញបណ្ដាញ Wi-Fi។',
  'wifi.on': () => 'នេះនឹងបើក Wi-Fi។',
  'wifi.off': () => 'នេះនឹងបិទ Wi-Fi។',
  'power.reboot': () => 'នេះនឹងចាប់ផ្ដើមកុំព្យូទ័រឡើងវិញ។ សូមរក្សាទុកការងារជាមុនសិន។',
  'power.off': () => 'នេះនឹងបិទកុំព្យូទ័រ។ សូមរក្សាទុកការងារជាមុនសិន។',
};

const REFUSAL = {
  en: 'I only act on plain requests. This one contains shell syntax or is too long, so I will not turn it into a command.',
  km: 'ខ្ញុំធ្វើតាមតែសំណើធម្មតាប៉ុណ្ណោះ។ សំណើនេះមានសញ្ញាសែល ឬវែងពេក ដូច្នេះខ្ញុំនឹងមិនដំណើរការវាទេ។',
};

function list(names: string[]): string {
  const bold = names.map((n) => `**${n}**`);
  return bold.length <= 1 ? (bold[0] ?? '') : `${bold.slice(0, -1).join(', ')} and ${bold[bold.length - 1]}`;
}

export function describe(intent: string, names: string[], lang: Lang): string {
  const fn = (lang === 'km' ? KM[intent] : undefined) ?? EN[intent];
  return fn ? fn(list(names)) : '';
}

export const refusal = (lang: Lang): string => REFUSAL[lang];
