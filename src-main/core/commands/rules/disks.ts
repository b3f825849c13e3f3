// Rule family: disks. Formatting, partitioning, raw writes, filesystems, volumes and pools, boot loader, snapshots.
import { destructive, elevated, parseOpts } from '../judge-context.js';
import { classifyPath, isSystemKind, isWideKind, looksLikeExistingFile, normalisePath } from '../paths.js';
import { onlyPretends, operands, prefixOf, safeUnless, simpleElevated, texts, type Rule, type RuleFamily } from './types.js';

const mkfs: Rule = (args, ctx, _i, name) => {
  const t = parseOpts(args, ['t', 'L', 'n', 'b', 'F', 'c', 'O', 'U', 'p', 'e', 'm', 'E', 'i', 'I', 'N', 's']).operands[0];
  // `mkswap /swapfile` after `fallocate`: a plain file made into swap or an image, not a disk
  const n = t ? normalisePath(t.text, ctx) : null;
  const k = t ? classifyPath(t.text, ctx) : 'dynamic';
  if (n !== null && (k === 'system' || k === 'user') && !looksLikeExistingFile(n)) {
    elevated(ctx, `turns the file ${t!.text} into ${name === 'mkswap' ? 'swap space' : 'a filesystem image'} (${name})`);
    return;
  }
  destructive(ctx, `formats ${t?.text ?? 'a disk'}, erasing everything on it (${name})`);
};

const LVM_READ = /^(pvs|vgs|lvs|pvdisplay|vgdisplay|lvdisplay|pvscan|vgscan|lvscan|lvmdiskscan)$/;
const LVM_ERASE = /^(lvremove|vgremove|pvremove|lvreduce)$/;
const lvm: Rule = (args, ctx, _info, name) => {
  if (LVM_READ.test(name)) return;
  if (LVM_ERASE.test(name)) {
    destructive(ctx, `deletes a disk volume and the files on it (${name} ${texts(args).join(' ')})`);
    return;
  }
  elevated(ctx, `changes disk volumes (${name} ${texts(args).join(' ')})`);
};
const LVM_NAMES = [
  'pvs',
  'vgs',
  'lvs',
  'pvdisplay',
  'vgdisplay',
  'lvdisplay',
  'pvscan',
  'vgscan',
  'lvscan',
  'lvmdiskscan',
  'lvremove',
  'vgremove',
  'pvremove',
  'lvreduce',
  'lvcreate',
  'vgcreate',
  'pvcreate',
  'lvextend',
  'lvresize',
  'vgextend',
  'vgreduce',
  'lvrename',
  'vgrename',
  'lvchange',
  'vgchange',
  'pvmove',
];

const fsck = simpleElevated('checks and repairs a filesystem; repairs on a mounted disk can lose data');
const partitionEditor =
  (name: string): Rule =>
  (_a, ctx) =>
    destructive(ctx, `edits the partition table, which can erase everything on the disk (${name})`);

const rules: Record<string, Rule> = {
  mkfs,
  mke2fs: mkfs,
  mkswap: mkfs,
  mkdosfs: mkfs,
  mkntfs: mkfs,
  mkexfatfs: mkfs,
  dd(args, ctx) {
    for (const a of args) {
      const m = /^of=(.*)$/.exec(a.text);
      if (!m) continue;
      const k = a.dynamic ? 'dynamic' : classifyPath(m[1]!, ctx);
      if (k === 'block-device') destructive(ctx, `writes straight onto the disk ${m[1]}, destroying what is on it (dd)`);
      else if (k === 'null-device') continue;
      else if (isWideKind(k) || ((isSystemKind(k) || k === 'user') && looksLikeExistingFile(m[1]!)))
        destructive(ctx, `overwrites ${m[1]} (dd)`);
      else if (isSystemKind(k)) elevated(ctx, `writes the system file ${m[1]} (dd, needs root)`);
      else if (k === 'dynamic') elevated(ctx, 'writes to a target only known when it runs (dd)');
    }
  },
  ddrescue(args, ctx) {
    const t = parseOpts(args).operands[1];
    if (t && classifyPath(t.text, ctx) === 'block-device') destructive(ctx, `writes straight onto the disk ${t.text} (ddrescue)`);
  },
  blkdiscard: (_a, ctx) => destructive(ctx, 'discards every block on the device, erasing it (blkdiscard)'),
  wipefs(args, ctx) {
    const o = parseOpts(args, ['o', 'offset', 't', 'types']);
    if (o.flags.has('n') || o.flags.has('no-act')) return;
    if (['a', 'all', 'o', 'offset', 'f'].some((f) => o.flags.has(f)))
      destructive(ctx, 'erases filesystem signatures, making the disk unreadable (wipefs)');
    else elevated(ctx, 'inspects disk signatures (wipefs; with -a it erases them)');
  },
  mount(args, ctx) {
    const t = texts(args);
    if (
      t.length === 0 ||
      t.every((a) => ['-l', '--show-labels', '-h', '--help', '-V', '--version'].includes(a)) ||
      (t.length === 2 && t[0] === '-t')
    )
      return;
    elevated(ctx, `mounts a filesystem (mount ${t.join(' ')})`);
  },
  umount: simpleElevated('unmounts a filesystem'),
  eject: simpleElevated('ejects a drive'),
  swapon(args, ctx) {
    if (texts(args).every((a) => ['--show', '-s', '--summary'].includes(a))) return;
    elevated(ctx, 'turns swap space on (swapon)');
  },
  swapoff: simpleElevated('turns swap space off'),
  losetup(args, ctx) {
    const t = texts(args);
    if (t.length === 0 || t.every((a) => ['-a', '--all', '-l', '--list', '-J', '--json'].includes(a))) return;
    elevated(ctx, 'attaches or detaches loop devices (losetup)');
  },
  udisksctl: safeUnless(['status', 'info', 'dump', 'help', 'monitor', undefined], 'mounts, unmounts or powers off drives'),
  cryptsetup(args, ctx) {
    const sub = operands(args, ['d', 'key-file', 'type', 'c', 'cipher', 's', 'key-size', 'S', 'key-slot'])[0];
    if (!sub || ['status', 'luksDump', 'isLuks', 'luksUUID', 'benchmark', 'tcryptDump', 'bitlkDump'].includes(sub)) return;
    if (['luksFormat', 'erase', 'luksErase', 'reencrypt', 'luksKillSlot', 'luksRemoveKey'].includes(sub)) {
      destructive(ctx, `can make the encrypted data unreadable for good (cryptsetup ${sub})`);
      return;
    }
    elevated(ctx, `changes an encrypted volume (cryptsetup ${sub})`);
  },
  fsck,
  e2fsck: fsck,
  'fsck.ext4': fsck,
  'fsck.vfat': fsck,
  xfs_repair: simpleElevated('repairs a filesystem'),
  btrfs(args, ctx) {
    const t = operands(args);
    const [a = '', b = ''] = t;
    if (prefixOf(a, 'subvolume') && prefixOf(b, 'delete')) {
      destructive(ctx, `deletes a btrfs subvolume and all its files (btrfs subvolume delete ${t.slice(2).join(' ')})`);
      return;
    }
    if (prefixOf(a, 'check') && texts(args).includes('--repair')) {
      destructive(ctx, 'runs a btrfs repair that can lose data (btrfs check --repair)');
      return;
    }
    if (prefixOf(a, 'filesystem') && prefixOf(b, 'show', 'df', 'usage', 'du', 'label') && !(prefixOf(b, 'label') && t.length > 3)) return;
    if (prefixOf(a, 'subvolume') && prefixOf(b, 'list', 'show', 'get-default')) return;
    if (
      (prefixOf(a, 'scrub', 'balance') && prefixOf(b, 'status')) ||
      (prefixOf(a, 'device') && prefixOf(b, 'stats', 'usage')) ||
      (prefixOf(a, 'property') && prefixOf(b, 'get', 'list')) ||
      prefixOf(a, 'version', 'help')
    )
      return;
    elevated(ctx, `changes a btrfs filesystem (btrfs ${t.slice(0, 2).join(' ')})`);
  },
  snapper(args, ctx) {
    const sub = operands(args, ['c', 'config'])[0];
    if (sub === 'delete' || sub === 'remove' || sub === 'rm') {
      destructive(ctx, `deletes system snapshots for good (snapper ${texts(args).join(' ')})`);
      return;
    }
    safeUnless(['list', 'ls', 'status', 'diff', 'get-config', 'list-configs', 'xadiff', undefined], 'changes system snapshots', [
      'c',
      'config',
    ])(args, ctx, {} as never, 'snapper');
  },
  timeshift(args, ctx) {
    const t = texts(args);
    if (t.includes('--delete-all')) {
      destructive(ctx, 'deletes every system snapshot (timeshift --delete-all)');
      return;
    }
    if (t.some((a) => ['--restore', '--delete', '--create'].includes(a)))
      elevated(ctx, `changes system snapshots (timeshift ${t.join(' ')})`);
  },
  fdisk(args, ctx) {
    if (texts(args).some((a) => a === '-l' || a === '--list' || a === '-x' || a === '--list-details')) return;
    destructive(ctx, `edits the partition table, which can erase everything on the disk (fdisk ${texts(args).join(' ')})`);
  },
  sfdisk(args, ctx) {
    if (texts(args).some((a) => /^(-[lsdVJ]|--list|--show-size|--dump|--verify|--json|--list-free|-F|--no-act|-n)$/.test(a))) return;
    destructive(ctx, 'rewrites the partition table (sfdisk)');
  },
  cfdisk: partitionEditor('cfdisk'),
  gdisk(args, ctx) {
    if (texts(args).includes('-l')) return;
    destructive(ctx, 'edits the partition table, which can erase everything on the disk (gdisk)');
  },
  cgdisk: partitionEditor('cgdisk'),
  sgdisk(args, ctx) {
    const t = texts(args);
    if (t.every((a) => !a.startsWith('-') || /^(-p|--print|-v|--verify|-i\d*|--info.*|-L|--list-types|-O|--print-mbr)$/.test(a))) return;
    destructive(ctx, `rewrites the partition table (sgdisk ${t.join(' ')})`);
  },
  parted(args, ctx) {
    const t = texts(args);
    if (
      t.includes('-l') ||
      t.includes('--list') ||
      (t.some((a) => a === 'print' || a === 'p') &&
        !t.some((a) => /^(mklabel|mktable|mkpart|rm|resizepart|mkfs|name|set|toggle|rescue)$/.test(a)))
    )
      return;
    destructive(ctx, `edits the partition table, which can erase everything on the disk (parted ${t.join(' ')})`);
  },
  ventoy: (_a, ctx) => destructive(ctx, 'formats a USB drive to install Ventoy (ventoy)'),
  'Ventoy2Disk.sh': (_a, ctx) => destructive(ctx, 'formats a USB drive to install Ventoy'),
  badblocks(args, ctx) {
    if (texts(args).some((a) => /^-[a-zA-Z]*w/.test(a))) destructive(ctx, 'overwrites the whole disk while testing it (badblocks -w)');
    else elevated(ctx, 'reads the whole disk looking for errors (badblocks)');
  },
  hdparm(args, ctx) {
    const t = texts(args);
    if (t.some((a) => /security-erase|write-sector|trim-sector|--dco-restore|--make-bad-sector/.test(a))) {
      destructive(ctx, 'erases or damages data on the disk (hdparm)');
      return;
    }
    if (t.every((a) => !a.startsWith('-') || /^-[iItTgrC]+$/.test(a))) return;
    elevated(ctx, `changes disk settings (hdparm ${t.join(' ')})`);
  },
  nvme(args, ctx) {
    const sub = operands(args)[0];
    if (sub === 'format' || sub === 'sanitize' || sub === 'delete-ns') destructive(ctx, `erases the NVMe drive (nvme ${sub})`);
    else if (sub && !['list', 'smart-log', 'id-ctrl', 'id-ns', 'error-log', 'list-subsys', 'fw-log', 'help'].includes(sub))
      elevated(ctx, `changes the NVMe drive (nvme ${sub})`);
  },
  tune2fs: simpleElevated('changes filesystem settings'),
  resize2fs: simpleElevated('resizes a filesystem'),
  e2label: simpleElevated('renames a filesystem'),
  fatlabel: simpleElevated('renames a filesystem'),
  'grub-install': simpleElevated('installs the boot loader'),
  'grub-mkconfig': (args, ctx) => {
    if (texts(args).some((a) => a === '-o' || a.startsWith('--output'))) elevated(ctx, 'rewrites the boot menu (grub-mkconfig -o)');
  },
  'update-grub': simpleElevated('rewrites the boot menu'),
  mkinitcpio: (args, ctx) => {
    if (texts(args).some((a) => /^-[a-zA-Z]*[pPgk]|--preset|--allpresets|--generate/.test(a)))
      elevated(ctx, 'rebuilds the boot images (mkinitcpio)');
  },
  dracut: simpleElevated('rebuilds the boot images'),
  'update-initramfs': simpleElevated('rebuilds the boot images'),
  bootctl: safeUnless(['status', 'list', 'is-installed', 'help', undefined], 'changes the boot loader'),
  efibootmgr(args, ctx) {
    if (texts(args).every((a) => a === '-v' || a === '--verbose')) return;
    elevated(ctx, `changes the firmware boot entries (efibootmgr ${texts(args).join(' ')})`);
  },
  zpool(args, ctx) {
    const sub = operands(args)[0];
    if (sub === 'destroy' || sub === 'labelclear' || sub === 'create' || sub === 'split')
      destructive(ctx, `erases a ZFS pool or the disks given to it (zpool ${texts(args).join(' ')})`);
    else if (sub && !['list', 'status', 'iostat', 'history', 'get', 'events', 'version', 'help'].includes(sub))
      elevated(ctx, `changes a ZFS pool (zpool ${sub})`);
  },
  zfs(args, ctx) {
    const t = texts(args);
    const sub = operands(args)[0];
    if ((sub === 'destroy' && !t.some((a) => /^-[a-zA-Z]*n/.test(a))) || (sub === 'rollback' && t.some((a) => /^-[a-zA-Z]*[rR]/.test(a))))
      destructive(ctx, `deletes ZFS data or snapshots (zfs ${t.join(' ')})`);
    else if (sub && !['list', 'get', 'help', 'version', 'diff', 'holds', 'userspace', 'groupspace'].includes(sub) && !onlyPretends(args))
      elevated(ctx, `changes ZFS datasets (zfs ${sub})`);
  },
  mdadm(args, ctx) {
    const t = texts(args);
    if (t.some((a) => /^(--zero-superblock|--create|-C)$/.test(a))) destructive(ctx, `erases RAID member disks (mdadm ${t.join(' ')})`);
    else if (!t.some((a) => /^(--detail|-D|--examine|-E|--query|-Q)$/.test(a))) elevated(ctx, `changes RAID arrays (mdadm ${t.join(' ')})`);
  },
};
for (const n of LVM_NAMES) rules[n] = lvm;

export const DISKS: RuleFamily = {
  name: 'disks',
  rules,
  patterns: [
    { re: /^mkfs\..+$/, rule: mkfs },
    { re: /^fsck\..+$/, rule: fsck },
  ],
  examples: {
    safe: ['lsblk -f', 'fdisk -l', 'btrfs filesystem usage /', 'snapper list', 'lvs', 'sfdisk --dump /dev/sda', 'wipefs -n /dev/sdb'],
    elevated: [
      'sudo mount /dev/sdb1 /mnt',
      'sudo umount /mnt',
      'sudo mkswap /swapfile',
      'sudo snapper create -d before-update',
      'sudo btrfs balance start /',
      'sudo lvextend -L +5G vg/home',
    ],
    destructive: [
      'sudo mkfs.ext4 /dev/sdb1',
      'sudo dd if=/dev/zero of=/dev/nvme0n1 bs=1M',
      'sudo wipefs -a /dev/sdb',
      'sudo parted /dev/sda mklabel gpt',
      'sudo lvremove vg/data',
      'sudo zpool destroy tank',
      'sudo snapper delete 3-9',
    ],
  },
};
