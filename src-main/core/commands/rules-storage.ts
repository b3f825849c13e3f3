// Per-command rules, part 3: volume managers and pools (LVM, ZFS, mdadm), the package cache and the desktop Trash.
import { destructive, elevated } from './judge-context.js';
import type { Rule } from './rules.js';
import type { Word } from './shell-lexer.js';

const texts = (args: Word[]): string[] => args.map((a) => a.text);
const firstOperand = (args: Word[]): string | undefined => texts(args).find((a) => !a.startsWith('-'));

/** LVM tools that only report. */
const LVM_READ = /^(pvs|vgs|lvs|pvdisplay|vgdisplay|lvdisplay|pvscan|vgscan|lvscan|lvmdiskscan)$/;
const LVM_ERASE = /^(lvremove|vgremove|pvremove|lvreduce)$/;

const lvm: Rule = (args, ctx, _info, name) => {
  if (LVM_READ.test(name)) return;
  if (LVM_ERASE.test(name)) { destructive(ctx, `deletes a disk volume and the files on it (${name} ${texts(args).join(' ')})`); return; }
  elevated(ctx, `changes disk volumes (${name} ${texts(args).join(' ')})`);
};


export const STORAGE_RULES: Record<string, Rule> = {
  zpool(args, ctx) {
    const sub = firstOperand(args);
    if (sub === 'destroy' || sub === 'labelclear' || sub === 'create' || sub === 'split') destructive(ctx, `erases a ZFS pool or the disks given to it (zpool ${texts(args).join(' ')})`);
    else if (sub && !['list', 'status', 'iostat', 'history', 'get', 'events', 'version', 'help'].includes(sub)) elevated(ctx, `changes a ZFS pool (zpool ${sub})`);
  },
  zfs(args, ctx) {
    const t = texts(args);
    const sub = firstOperand(args);
    if (sub === 'destroy' || (sub === 'rollback' && t.some((a) => /^-[a-zA-Z]*[rR]/.test(a)))) destructive(ctx, `deletes ZFS data or snapshots (zfs ${t.join(' ')})`);
    else if (sub && !['list', 'get', 'help', 'version', 'diff', 'holds', 'userspace', 'groupspace'].includes(sub)) elevated(ctx, `changes ZFS datasets (zfs ${sub})`);
  },
  mdadm(args, ctx) {
    const t = texts(args);
    if (t.some((a) => /^(--zero-superblock|--create|-C)$/.test(a))) destructive(ctx, `erases RAID member disks (mdadm ${t.join(' ')})`);
    else if (!t.some((a) => /^(--detail|-D|--examine|-E|--query|-Q)$/.test(a))) elevated(ctx, `changes RAID arrays (mdadm ${t.join(' ')})`);
  },
  paccache(args, ctx) {
    if (texts(args).some((a) => /^-[a-zA-Z]*r|^--remove$/.test(a))) elevated(ctx, `removes old package files from the cache (paccache ${texts(args).join(' ')})`);
  },
  'trash-empty'(_args, ctx) { destructive(ctx, 'permanently deletes everything in the Trash (trash-empty)'); },
  gio(args, ctx) {
    const t = texts(args);
    if (t[0] === 'trash' && t.includes('--empty')) destructive(ctx, 'permanently deletes everything in the Trash (gio trash --empty)');
  },
  ktrash5(args, ctx, _info, name) { if (texts(args).includes('--empty')) destructive(ctx, `permanently deletes everything in the Trash (${name} --empty)`); },
};
STORAGE_RULES.ktrash6 = STORAGE_RULES.ktrash5!;
STORAGE_RULES.ktrash = STORAGE_RULES.ktrash5!;
for (const n of ['pvs', 'vgs', 'lvs', 'pvdisplay', 'vgdisplay', 'lvdisplay', 'pvscan', 'vgscan', 'lvscan', 'lvmdiskscan', 'lvremove', 'vgremove', 'pvremove', 'lvreduce', 'lvcreate', 'vgcreate', 'pvcreate', 'lvextend', 'lvresize', 'vgextend', 'vgreduce', 'lvrename', 'vgrename', 'lvchange', 'vgchange', 'pvmove']) STORAGE_RULES[n] = lvm;
