// The confirmation before any command runs, owned by the main process (the renderer can ask, never approve).
// Step 1: a native dialog with the exact text that will run, its risk and the reasons; Cancel is the
// default. Destructive commands need a deliberate second step: a second dialog, again defaulting to
// Cancel, whose Run button is named after the command's confirm word (`rm` for `sudo rm -rf …`) and
// which only counts when the box "I understand … cannot be undone" is ticked. Passing both is what
// the core's gate receives as the typed word (showMessageBox has no text field; this keeps the step
// native and keyboard-safe).
import type { BaseWindow, MessageBoxOptions, MessageBoxReturnValue } from 'electron';
import type { ConfirmPort } from '../core/service/ports.js';

export interface DialogLike {
  showMessageBox(window: BaseWindow, options: MessageBoxOptions): Promise<MessageBoxReturnValue>;
  showMessageBox(options: MessageBoxOptions): Promise<MessageBoxReturnValue>;
}

const RISK_LABEL = {
  safe: 'Safe: reads or changes only your own files.',
  elevated: 'Needs administrator rights or changes the system.',
  destructive: 'DESTRUCTIVE: can lose data or break the system.',
} as const;

function firstWord(command: string): string {
  return command.trim().split(/\s+/)[0] ?? '';
}

/**
 * `onModal(true/false)` brackets every dialog: on Linux the parent window gets a 'blur' when the dialog
 * opens (electron#21563), and the overlay must not hide itself under its own confirmation.
 */
export function createConfirmDialog(
  dialog: DialogLike,
  parent: () => BaseWindow | null,
  onModal: (open: boolean) => void = () => {},
): ConfirmPort {
  const show = async (options: MessageBoxOptions) => {
    const p = parent();
    onModal(true);
    try {
      return await (p && !p.isDestroyed() ? dialog.showMessageBox(p, options) : dialog.showMessageBox(options));
    } finally {
      onModal(false);
    }
  };
  return async ({ command, runText, mode, note, confirmWord }) => {
    const destructive = command.risk === 'destructive';
    const reasons = command.reasons.length ? `\n\nWhy:\n• ${command.reasons.join('\n• ')}` : '';
    const where = [mode === 'konsole' ? 'It will open in Konsole.' : 'Its output will show in the assistant.', note ? `Note: ${note}.` : '']
      .filter(Boolean)
      .join(' ');
    const first = await show({
      type: destructive ? 'warning' : 'question',
      title: 'Run this command?',
      message: runText,
      detail: `${RISK_LABEL[command.risk]}${reasons}\n\n${where}`,
      buttons: ['Cancel', destructive ? 'Continue…' : 'Run'],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
    });
    if (first.response !== 1) return { approved: false };
    if (!destructive) return { approved: true };

    const word = confirmWord || firstWord(command.command);
    const second = await show({
      type: 'warning',
      title: 'This cannot be undone',
      message: `Really run “${runText}”?`,
      detail: 'Tick the box, then press the Run button. Cancel leaves everything as it is.',
      checkboxLabel: `I understand that this “${word}” command cannot be undone`,
      checkboxChecked: false,
      buttons: ['Cancel', `Run ${word}`],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
    });
    if (second.response !== 1 || !second.checkboxChecked) return { approved: false };
    return { approved: true, typedWord: word };
  };
}
