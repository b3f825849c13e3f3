// Classes of everyday phrasing tier 1 must generalise to (and the look-alikes it must not act on).
import { describe, expect, it } from 'vitest';
import { cmd } from './helpers.js';

describe('package requests in everyday phrasing', () => {
  it('cuts a purpose or reason off the names, trusting only known names then', () => {
    expect(cmd('i need steam for my games')).toBe('sudo pacman -S --needed steam');
    expect(cmd('can you install gimp so i can edit photos')).toBe('sudo pacman -S --needed gimp');
    expect(cmd('install python to learn coding')).toBe('sudo pacman -S --needed python');
    expect(cmd('install photoshop for school')).toBeNull();
  });

  it('never lets a purpose hide a second request, a flag or a path', () => {
    for (const q of [
      'install vlc for fun and reboot',
      'install vlc so it can reboot',
      'install vlc for x then rm',
      'install vlc to ../../etc',
      'install vlc for /etc/passwd',
      'install vlc because --config',
    ]) {
      expect(cmd(q), q).toBeNull();
    }
  });

  it('reads "i want X installed / removed" and a verb after known names', () => {
    expect(cmd("i'd like firefox installed")).toBe('sudo pacman -S --needed firefox');
    expect(cmd('i want steam removed')).toBe('sudo pacman -Rs steam');
    expect(cmd('VLC install please')).toBe('sudo pacman -S --needed vlc');
    expect(cmd('steam uninstall')).toBe('sudo pacman -Rs steam');
    expect(cmd('reboot install')).toBeNull();
  });

  it('reads needs of other people, passive requests and "take X off"', () => {
    expect(cmd('my teacher needs blender installed')).toBe('sudo pacman -S --needed blender');
    expect(cmd('our class needs krita')).toBe('sudo pacman -S --needed krita');
    expect(cmd('vlc needs to be installed')).toBe('sudo pacman -S --needed vlc');
    expect(cmd('discord needs to be removed')).toBe('sudo pacman -Rs discord');
    expect(cmd('take discord off my computer')).toBe('sudo pacman -Rs discord');
    expect(cmd('my teacher needs help')).toBeNull();
  });

  it('drops words that say what kind of app a known name is, never guessing an unknown one', () => {
    expect(cmd('install the firefox browser')).toBe('sudo pacman -S --needed firefox');
    expect(cmd('remove the game steam')).toBe('sudo pacman -Rs steam');
    for (const q of ['install text editor', 'install a game', 'install vlc and a media player']) expect(cmd(q), q).toBeNull();
  });

  it('joins the words of a known hyphenated name and drops "and its dependencies"', () => {
    expect(cmd('Install Telegram Desktop')).toBe('sudo pacman -S --needed telegram-desktop');
    expect(cmd('uninstall steam and its dependencies')).toBe('sudo pacman -Rs steam');
  });

  it('resolves "it" to the known names of a need (or a need no more)', () => {
    expect(cmd('we need inkscape for class tomorrow, please install it')).toBe('sudo pacman -S --needed inkscape');
    expect(cmd("i don't need kdenlive anymore, remove it")).toBe('sudo pacman -Rs kdenlive');
    for (const q of [
      "i don't need kdenlive anymore, don't remove it",
      "i don't know if i need vlc, remove it",
      'we need photoshop for class, install it',
      "i don't need sudo anymore, remove it",
      'i need vlc, why install it',
    ]) {
      expect(cmd(q), q).toBeNull();
    }
  });

  it('skips courtesy openers, forms of address and emoji', () => {
    for (const q of [
      'bong, please install vlc',
      'sorry, can you install vlc',
      'thanks, now install vlc',
      'yes install vlc',
      'help install vlc',
      'install vlc :)',
      'install vlc pls 🙏',
    ]) {
      expect(cmd(q), q).toBe('sudo pacman -S --needed vlc');
    }
  });

  it('does not take outcomes or other systems for package names, nor remove core families', () => {
    for (const q of [
      'install failed',
      'install windows',
      'remove linux-firmware',
      'remove systemd-libs',
      'remove archlinux-keyring',
      'install rm-rf',
      'install reboot-now',
      'install curl-evil',
      'install setup.exe',
      'take a snapshot called rm-rf',
      'install vlc and curl',
    ]) {
      expect(cmd(q), q).toBeNull();
    }
  });
});

describe('other intents in everyday phrasing', () => {
  it('asks nothing of one word and a question mark, and defines rather than measures', () => {
    for (const q of ['update?', 'restart?', 'snapshot?', 'what is ram', 'what is disk space']) expect(cmd(q), q).toBeNull();
    expect(cmd('what is my ram usage')).toBe('free -h');
    expect(cmd('how much free space is on my hard drive')).toBe('df -h');
  });

  it('treats "do a …" as a request, not a question', () => {
    expect(cmd('do a full system upgrade')).toBe('sudo pacman -Syu');
    expect(cmd('do you install vlc')).toBeNull();
  });

  it('switches services by split verbs and at boot, never by extra words', () => {
    expect(cmd('turn bluetooth off')).toBe('sudo systemctl stop bluetooth');
    expect(cmd('enable ssh on boot')).toBe('sudo systemctl enable --now sshd');
    expect(cmd('check if ssh is running')).toBe('systemctl status sshd');
    expect(cmd('restart internet connection')).toBe('sudo systemctl restart NetworkManager');
    expect(cmd('restart bluetooth and reboot')).toBeNull();
    expect(cmd('turn the sound off')).toBeNull();
  });

  it('opens a known app named with its kind, and snapshots before something', () => {
    expect(cmd('open firefox browser')).toBe('firefox');
    expect(cmd('open dolphin file manager')).toBe('dolphin');
    expect(cmd('snapshot before update')).toBe("sudo snapper create --description 'before update'");
    expect(cmd('make a backup snapshot before I update')).toBe("sudo snapper create --description 'before i update'");
    expect(cmd('go back to the previous snapshot')).toBeNull();
  });
});

describe('Khmer everyday phrasing', () => {
  it('knows need, put, transliterations, purpose, and the common នឹង for និង', () => {
    expect(cmd('ខ្ញុំត្រូវការ vlc')).toBe('sudo pacman -S --needed vlc');
    expect(cmd('ដាក់កម្មវិធី vlc ចូលកុំព្យូទ័រ')).toBe('sudo pacman -S --needed vlc');
    expect(cmd('អ៊ីនស្តល vlc')).toBe('sudo pacman -S --needed vlc');
    expect(cmd('អាន់អ៊ីនស្តល steam')).toBe('sudo pacman -Rs steam');
    expect(cmd('ដំឡើង zoom សម្រាប់រៀន')).toBe('sudo pacman -S --needed zoom');
    expect(cmd('ដំឡើង vlc នឹង gimp')).toBe('sudo pacman -S --needed vlc gimp');
    expect(cmd('លុប steam ចោល')).toBe('sudo pacman -Rs steam');
  });

  it('updates, measures, switches and snapshots', () => {
    expect(cmd('ធ្វើអាប់ដេត')).toBe('sudo pacman -Syu');
    expect(cmd('រ៉ាមប្រើប៉ុន្មាន')).toBe('free -h');
    expect(cmd('បើក bluetooth')).toBe('sudo systemctl start bluetooth');
    expect(cmd('បើក wifi វិញ')).toBe('nmcli radio wifi on');
    expect(cmd('ថត snapshot មុនពេលអាប់ដេត')).toBe("sudo snapper create --description 'before update'");
  });

  it('keeps Khmer statements of intent and hostile mixes out', () => {
    for (const q of ['ខ្ញុំនឹងដំឡើង vlc', 'ដាក់ rm', 'អ៊ីនស្តល reboot', 'ដំឡើង vlc នឹង rm']) expect(cmd(q), q).toBeNull();
  });
});
