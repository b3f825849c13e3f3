// Fallback for text the parser rejects: looks for well-known dangerous shapes so a broken quote cannot hide them.
import { destructive, type JudgeCtx } from './judge-context.js';
import { DOWNLOADER_WORD } from './rules/downloads.js';

const PATTERNS: [RegExp, string][] = [
  [/\brm\s+(-[a-zA-Z]*[rR]|--recursive)/, 'deletes files recursively (rm -r)'],
  [/\bmkfs(\.\w+)?\b|\bmke2fs\b|\bmkswap\b/, 'formats a disk, erasing everything on it (mkfs)'],
  [/\bdd\b[^|;&]*\bof=\/dev\//, 'writes straight onto a disk device (dd of=/dev/…)'],
  [new RegExp(`${DOWNLOADER_WORD.source}[^|]*\\|\\s*(sudo\\s+)?(ba|z|da|k)?sh\\b`), 'runs code downloaded from the network (curl | sh)'],
  [/:\s*\(\s*\)\s*\{/, 'looks like a fork bomb'],
  [/\b(shred|wipefs|blkdiscard)\b/, 'destroys data beyond recovery'],
  [/>\s*\/dev\/(sd|hd|vd|nvme|mmcblk)/, 'writes straight onto a disk device'],
  [/\b(chmod|chown)\s+(-[a-zA-Z]*R|--recursive)/, 'changes permissions recursively'],
  [/\bfind\b.*-(delete|exec\s+rm)\b/, 'deletes every file find matches'],
  [/\bkill\s+-(9|KILL)\s+-1\b|\bkillall5\b/, 'kills every process'],
  [/\b(fdisk|sfdisk|sgdisk|gdisk|parted)\b/, 'edits a partition table'],
];

export function scanUnparseable(text: string, ctx: JudgeCtx): void {
  for (const [re, reason] of PATTERNS) if (re.test(text)) destructive(ctx, reason);
}
