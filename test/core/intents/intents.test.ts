// Every intent in English and Khmer, with and without the koompi CLI, and the route decision shape.
import { describe, expect, it } from 'vitest';
import { decideRoute, matchIntent } from '../../../src-main/core/intents/index.js';
import { ACT_THRESHOLD } from '../../../src-main/core/types.js';
import { cmd, intentOf, WITH_KOOMPI } from './helpers.js';

describe('packages', () => {
  it('installs one or several packages (pacman without koompi, koompi pkg with it)', () => {
    expect(cmd('install vlc')).toBe('sudo pacman -S --needed vlc');
    expect(cmd('please install vlc and gimp')).toBe('sudo pacman -S --needed vlc gimp');
    expect(cmd('install vlc, gimp and inkscape')).toBe('sudo pacman -S --needed vlc gimp inkscape');
    expect(cmd('can you install krita for me')).toBe('sudo pacman -S --needed krita');
    expect(cmd('download and install blender')).toBe('sudo pacman -S --needed blender');
    expect(cmd('I need audacity')).toBe('sudo pacman -S --needed audacity');
    expect(cmd('install vlc and gimp', WITH_KOOMPI)).toBe('koompi pkg install vlc gimp');
  });

  it('maps common names to Arch package names', () => {
    expect(cmd('install vs code')).toBe('sudo pacman -S --needed code');
    expect(cmd('install libre office')).toBe('sudo pacman -S --needed libreoffice-fresh');
    expect(cmd('install obs studio')).toBe('sudo pacman -S --needed obs-studio');
  });

  it('trusts space-separated lists only when every name is known', () => {
    expect(cmd('install vlc gimp')).toBe('sudo pacman -S --needed vlc gimp');
    expect(cmd('install vlc media stuff')).toBeNull();
    expect(cmd('get me the weather')).toBeNull();
  });

  it('removes packages, never core ones', () => {
    expect(cmd('uninstall audacity')).toBe('sudo pacman -Rs audacity');
    expect(cmd('get rid of vlc and gimp')).toBe('sudo pacman -Rs vlc gimp');
    expect(cmd('remove vlc', WITH_KOOMPI)).toBe('koompi pkg remove vlc');
    expect(cmd('remove linux')).toBeNull();
    expect(cmd('remove everything')).toBeNull();
  });

  it('searches packages', () => {
    expect(cmd('search for package vlc')).toBe('pacman -Ss vlc');
    expect(cmd('find a package for video editing')).toBe('pacman -Ss video editing');
    expect(cmd('search vlc', WITH_KOOMPI)).toBe('koompi pkg search vlc');
    expect(cmd('search the web for cats')).toBeNull();
  });

  it('understands Khmer package requests', () => {
    expect(cmd('ដំឡើង vlc')).toBe('sudo pacman -S --needed vlc');
    expect(cmd('តំឡើង vlc')).toBe('sudo pacman -S --needed vlc');
    expect(cmd('សូមដំឡើង vlc និង gimp')).toBe('sudo pacman -S --needed vlc gimp');
    expect(cmd('ជួយដំឡើងកម្មវិធី krita ផង')).toBe('sudo pacman -S --needed krita');
    expect(cmd('លុប vlc ចេញ')).toBe('sudo pacman -Rs vlc');
    expect(cmd('លុបចេញ gimp')).toBe('sudo pacman -Rs gimp');
    expect(cmd('ស្វែងរក obs')).toBe('pacman -Ss obs');
    expect(cmd('រក vlc')).toBe('pacman -Ss vlc');
    expect(cmd('លុបកម្មវិធី vlc ចេញពីកុំព្យូទ័រ')).toBe('sudo pacman -Rs vlc');
    expect(cmd('ខ្ញុំចង់បាន vlc')).toBe('sudo pacman -S --needed vlc');
    expect(cmd('ដំឡើង ភាសាខ្មែរ')).toBeNull();
  });
});

describe('system', () => {
  it('updates the system', () => {
    for (const q of [
      'update',
      'update the computer',
      'upgrade everything',
      'install all updates',
      'system update',
      'ធ្វើបច្ចុប្បន្នភាពប្រព័ន្ធ',
      'អាប់ដេត',
    ]) {
      expect(cmd(q), q).toBe('sudo pacman -Syu');
    }
    expect(cmd('update the system', WITH_KOOMPI)).toBe('koompi pkg update');
    expect(cmd('update firefox')).toBeNull();
  });

  it('creates, lists and rolls back snapshots', () => {
    expect(cmd('take a snapshot')).toBe('sudo snapper create');
    expect(cmd('create a snapshot called before-exam')).toBe('sudo snapper create --description before-exam');
    expect(cmd('make a snapshot named before update')).toBe("sudo snapper create --description 'before update'");
    expect(cmd('take a snapshot', WITH_KOOMPI)).toBe('koompi snapshot create');
    expect(cmd('list snapshots')).toBe('snapper list');
    expect(cmd('show my snapshots', WITH_KOOMPI)).toBe('koompi snapshot list');
    expect(cmd('roll back to snapshot 12')).toBe('sudo snapper rollback 12');
    expect(cmd('restore snapshot 3', WITH_KOOMPI)).toBe('koompi snapshot rollback 3');
    expect(cmd('បង្កើត snapshot')).toBe('sudo snapper create');
    expect(cmd('បង្កើត snapshot ថ្មី')).toBe('sudo snapper create');
    expect(cmd('ស្ដារ snapshot ៥')).toBe('sudo snapper rollback 5');
    expect(cmd('roll back the system')).toBeNull();
  });

  it('starts and stops the classroom', () => {
    expect(cmd('start the classroom')).toBe('koompi classroom start');
    expect(cmd('end the class')).toBe('koompi classroom stop');
    expect(cmd('ចាប់ផ្តើមថ្នាក់រៀន')).toBe('koompi classroom start');
    expect(cmd('បញ្ចប់ថ្នាក់រៀន')).toBe('koompi classroom stop');
  });

  it('reboots and powers off', () => {
    expect(cmd('reboot')).toBe('systemctl reboot');
    expect(cmd('restart the computer')).toBe('systemctl reboot');
    expect(cmd('shut down')).toBe('systemctl poweroff');
    expect(cmd('turn off the laptop')).toBe('systemctl poweroff');
    expect(cmd('ចាប់ផ្ដើមកុំព្យូទ័រឡើងវិញ')).toBe('systemctl reboot');
    expect(cmd('បិទកុំព្យូទ័រ')).toBe('systemctl poweroff');
  });
});

describe('services', () => {
  it('acts on system services with sudo and on PipeWire as a user service', () => {
    expect(cmd('restart the sound service pipewire')).toBe('systemctl --user restart pipewire');
    expect(cmd('restart the sound')).toBe('systemctl --user restart pipewire pipewire-pulse wireplumber');
    expect(cmd('restart bluetooth service')).toBe('sudo systemctl restart bluetooth');
    expect(cmd('stop the docker service')).toBe('sudo systemctl stop docker');
    expect(cmd('enable sshd')).toBe('sudo systemctl enable --now sshd');
    expect(cmd('disable cups')).toBe('sudo systemctl disable --now cups');
    expect(cmd('restart network manager')).toBe('sudo systemctl restart NetworkManager');
    expect(cmd('ចាប់ផ្ដើមសេវា bluetooth ឡើងវិញ')).toBe('sudo systemctl restart bluetooth');
    expect(cmd('bluetooth restart')).toBe('sudo systemctl restart bluetooth');
    expect(cmd('firefox start')).toBeNull();
  });

  it('shows status without sudo', () => {
    expect(cmd('status of the bluetooth service')).toBe('systemctl status bluetooth');
    expect(cmd('is docker running?')).toBe('systemctl status docker');
    expect(cmd('ស្ថានភាព bluetooth')).toBe('systemctl status bluetooth');
  });
});

describe('apps, settings and information', () => {
  it('opens apps by name or by everyday words', () => {
    expect(cmd('open dolphin')).toBe('dolphin');
    expect(cmd('open the file manager')).toBe('dolphin');
    expect(cmd('launch a terminal')).toBe('konsole');
    expect(cmd('start firefox')).toBe('firefox');
    expect(cmd('បើក firefox')).toBe('firefox');
    expect(cmd('ដំណើរការ firefox')).toBe('firefox');
    expect(cmd('open the door')).toBeNull();
  });

  it('opens System Settings and its modules', () => {
    expect(cmd('open settings')).toBe('systemsettings');
    expect(cmd('open wifi settings')).toBe('systemsettings kcm_networkmanagement');
    expect(cmd('open bluetooth settings')).toBe('systemsettings kcm_bluetooth');
    expect(cmd('open sound settings')).toBe('systemsettings kcm_pulseaudio');
    expect(cmd('open display settings')).toBe('systemsettings kcm_kscreen');
    expect(cmd('បើកការកំណត់')).toBe('systemsettings');
    expect(cmd('បើកការកំណត់ wifi')).toBe('systemsettings kcm_networkmanagement');
  });

  it('reports disk and memory, also asked as a question', () => {
    for (const q of ['show free disk space', 'how much disk space do I have left?', 'storage', 'ពិនិត្យទំហំថាស'])
      expect(cmd(q), q).toBe('df -h');
    for (const q of ['memory usage', 'how much RAM do I have', 'tell me how much ram i have', 'how much memory am I using', 'មើលអង្គចងចាំ'])
      expect(cmd(q), q).toBe('free -h');
  });

  it('lists Wi-Fi networks and switches the radio', () => {
    expect(cmd('list wifi networks')).toBe('nmcli device wifi list');
    expect(cmd('what wifi networks are available?')).toBe('nmcli device wifi list');
    expect(cmd('turn wifi off')).toBe('nmcli radio wifi off');
    expect(cmd('turn on the Wi-Fi')).toBe('nmcli radio wifi on');
    expect(cmd('បើក wifi')).toBe('nmcli radio wifi on');
    expect(cmd('បិទ wifi')).toBe('nmcli radio wifi off');
  });
});

describe('chat intents and the route decision', () => {
  it('greets and helps with text, never an action', () => {
    for (const q of ['hi', 'Hello!', 'good morning', 'សួស្តី', 'ជំរាបសួរ']) {
      const m = matchIntent(q, { hasKoompiCli: false })!;
      expect(m.intent, q).toBe('greeting');
      expect(m.argv).toBeNull();
      expect(m.text.length).toBeGreaterThan(0);
      expect(decideRoute(q, { hasKoompiCli: false })).toEqual({
        query: q,
        tier: 'llm',
        intent: 'greeting',
        confidence: m.confidence,
        command: null,
      });
    }
    expect(intentOf('help')).toBe('help');
    expect(cmd('hello there, can you install vlc')).toBe('sudo pacman -S --needed vlc');
    expect(cmd('សួស្តី ដំឡើង vlc')).toBe('sudo pacman -S --needed vlc');
    expect(intentOf('what can you do?')).toBe('help');
    expect(intentOf('អ្នកអាចធ្វើអ្វីបាន')).toBe('help');
    expect(matchIntent('ជំនួយ', { hasKoompiCli: false })!.lang).toBe('km');
  });

  it("reports confidence and answers in the question's language", () => {
    const m = matchIntent('ដំឡើង vlc', { hasKoompiCli: false })!;
    expect(m.confidence).toBeGreaterThan(ACT_THRESHOLD);
    expect(m.argv).toEqual(['sudo', 'pacman', '-S', '--needed', 'vlc']);
    expect(m.lang).toBe('km');
    expect(m.text).toContain('vlc');
    const unsure = matchIntent('look for gimp', { hasKoompiCli: false })!;
    expect(unsure.confidence).toBeLessThanOrEqual(ACT_THRESHOLD);
    expect(unsure.argv).toBeNull();
    expect(decideRoute('look for gimp', { hasKoompiCli: false }).tier).toBe('llm');
  });

  it('gives exactly the contract keys', () => {
    expect(Object.keys(decideRoute('install vlc', { hasKoompiCli: false }))).toEqual(['query', 'tier', 'intent', 'confidence', 'command']);
    expect(decideRoute('', { hasKoompiCli: false })).toEqual({ query: '', tier: 'llm', intent: null, confidence: 0, command: null });
  });
});
