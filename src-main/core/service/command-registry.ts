// The commands the main process has shown to the user, kept under ids: the renderer can only name an
// id, never supply command text. Bounded (oldest forgotten first).
import type { SuggestedCommand } from '../types.js';
import { newId } from '../history/ids.js';

const SAFE_ID = /^[A-Za-z0-9_-]{1,100}$/;

export interface CommandRegistry {
  add(cmd: Omit<SuggestedCommand, 'id'>, id?: string): SuggestedCommand;
  get(id: string): SuggestedCommand | null;
  size(): number;
}

export function createCommandRegistry(max = 2000): CommandRegistry {
  const byId = new Map<string, SuggestedCommand>();
  return {
    add(cmd, id) {
      const key = id && SAFE_ID.test(id) ? id : newId('k');
      const entry: SuggestedCommand = { id: key, command: cmd.command, risk: cmd.risk, reasons: [...cmd.reasons], argv: cmd.argv ? [...cmd.argv] : null };
      byId.delete(key);
      byId.set(key, entry);
      while (byId.size > max) byId.delete(byId.keys().next().value as string);
      return { ...entry, reasons: [...entry.reasons], argv: entry.argv ? [...entry.argv] : null };
    },
    get(id) {
      const c = byId.get(id);
      return c ? { ...c, reasons: [...c.reasons], argv: c.argv ? [...c.argv] : null } : null;
    },
    size: () => byId.size,
  };
}
