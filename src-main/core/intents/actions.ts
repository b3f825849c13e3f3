// Builds the argv of every tier-1 action, using the `koompi` CLI when present and pacman/snapper/systemctl otherwise.
import type { IntentContext } from './context.js';
import type { ServiceRef } from './catalog.js';

export const pkgInstall = (names: string[], ctx: IntentContext): string[] =>
  ctx.hasKoompiCli ? ['koompi', 'pkg', 'install', ...names] : ['sudo', 'pacman', '-S', '--needed', ...names];

export const pkgRemove = (names: string[], ctx: IntentContext): string[] =>
  ctx.hasKoompiCli ? ['koompi', 'pkg', 'remove', ...names] : ['sudo', 'pacman', '-Rs', ...names];

export const pkgSearch = (terms: string[], ctx: IntentContext): string[] =>
  ctx.hasKoompiCli ? ['koompi', 'pkg', 'search', ...terms] : ['pacman', '-Ss', ...terms];

export const systemUpdate = (ctx: IntentContext): string[] => (ctx.hasKoompiCli ? ['koompi', 'pkg', 'update'] : ['sudo', 'pacman', '-Syu']);

/** Lists pending updates without installing them (pacman-contrib's checkupdates uses a private copy of the database). */
export const checkUpdates = (): string[] => ['checkupdates'];

export function snapshotCreate(label: string | null, ctx: IntentContext): string[] {
  if (ctx.hasKoompiCli) return ['koompi', 'snapshot', 'create', ...(label ? [label] : [])];
  return ['sudo', 'snapper', 'create', ...(label ? ['--description', label] : [])];
}

export const snapshotList = (ctx: IntentContext): string[] => (ctx.hasKoompiCli ? ['koompi', 'snapshot', 'list'] : ['snapper', 'list']);

export const snapshotRollback = (id: string, ctx: IntentContext): string[] =>
  ctx.hasKoompiCli ? ['koompi', 'snapshot', 'rollback', id] : ['sudo', 'snapper', 'rollback', id];

export const classroom = (verb: 'start' | 'stop'): string[] => ['koompi', 'classroom', verb];

export type ServiceVerb = 'start' | 'stop' | 'restart' | 'reload' | 'enable' | 'disable' | 'status';

export function service(verb: ServiceVerb, ref: ServiceRef): string[] {
  const tail = verb === 'enable' || verb === 'disable' ? [verb, '--now', ...ref.units] : [verb, ...ref.units];
  if (ref.user) return ['systemctl', '--user', ...tail];
  return verb === 'status' ? ['systemctl', 'status', ...ref.units] : ['sudo', 'systemctl', ...tail];
}

export const settings = (module: string | null): string[] => (module ? ['systemsettings', module] : ['systemsettings']);
export const diskUsage = (): string[] => ['df', '-h'];
export const memoryUsage = (): string[] => ['free', '-h'];
export const wifiList = (): string[] => ['nmcli', 'device', 'wifi', 'list'];
export const wifiRadio = (state: 'on' | 'off'): string[] => ['nmcli', 'radio', 'wifi', state];
export const reboot = (): string[] => ['systemctl', 'reboot'];
export const powerOff = (): string[] => ['systemctl', 'poweroff'];
