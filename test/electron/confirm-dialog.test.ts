// The native confirmation: exact text, risk and reasons shown; Cancel by default; destructive commands
// need the second dialog with its box ticked.
import { describe, expect, it } from 'vitest';
import type { MessageBoxOptions, MessageBoxReturnValue } from 'electron';
import { createConfirmDialog, type DialogLike } from '../../src-main/electron/confirm-dialog.js';
import type { SuggestedCommand } from '../../src-main/core/types.js';

function fakeDialog(answers: Partial<MessageBoxReturnValue>[]) {
  const shown: MessageBoxOptions[] = [];
  const dialog = {
    async showMessageBox(a: unknown, b?: MessageBoxOptions) {
      shown.push((b ?? a) as MessageBoxOptions);
      const next = answers.shift() ?? { response: 0 };
      return { response: 0, checkboxChecked: false, ...next };
    },
  } as unknown as DialogLike;
  return { dialog, shown };
}

const rm: SuggestedCommand = { id: 'k1', command: 'rm -rf ~/old', risk: 'destructive', reasons: ['recursive delete'], argv: null };
const ls: SuggestedCommand = { id: 'k2', command: 'ls -la', risk: 'safe', reasons: [], argv: null };

describe('createConfirmDialog', () => {
  it('shows the exact text with Cancel as the default, and approves a safe command with one click', async () => {
    const { dialog, shown } = fakeDialog([{ response: 1 }]);
    expect(await createConfirmDialog(dialog, () => null)({ command: ls, runText: 'ls -la', mode: 'inline' })).toEqual({ approved: true });
    expect(shown[0]).toMatchObject({ message: 'ls -la', defaultId: 0, cancelId: 0, buttons: ['Cancel', 'Run'] });
  });

  it('refuses when cancelled', async () => {
    const { dialog } = fakeDialog([{ response: 0 }]);
    expect((await createConfirmDialog(dialog, () => null)({ command: ls, runText: 'ls -la', mode: 'inline' })).approved).toBe(false);
  });

  it('needs the second dialog, with its box ticked, for a destructive command', async () => {
    const confirm = (answers: Partial<MessageBoxReturnValue>[]) =>
      createConfirmDialog(fakeDialog(answers).dialog, () => null)({ command: rm, runText: rm.command, mode: 'inline' });
    expect(await confirm([{ response: 1 }])).toEqual({ approved: false });
    expect(await confirm([{ response: 1 }, { response: 1, checkboxChecked: false }])).toEqual({ approved: false });
    expect(await confirm([{ response: 1 }, { response: 0, checkboxChecked: true }])).toEqual({ approved: false });
    expect(await confirm([{ response: 1 }, { response: 1, checkboxChecked: true }])).toEqual({ approved: true, typedWord: 'rm' });
    const { dialog, shown } = fakeDialog([{ response: 1 }, { response: 1, checkboxChecked: true }]);
    await createConfirmDialog(dialog, () => null)({ command: rm, runText: rm.command, mode: 'inline' });
    expect(shown[0]?.detail).toMatch(/DESTRUCTIVE[\s\S]*recursive delete/);
    expect(shown[1]).toMatchObject({ defaultId: 0, buttons: ['Cancel', 'Run rm'] });
  });

  it('reports every dialog as open while it shows (the overlay must not hide on its blur), even when one fails', async () => {
    const { dialog } = fakeDialog([{ response: 1 }, { response: 1, checkboxChecked: true }]);
    const log: string[] = [];
    let open = 0;
    const seen: number[] = [];
    const spy = {
      showMessageBox: (a: unknown, b?: MessageBoxOptions) => {
        seen.push(open);
        return (dialog.showMessageBox as (x: unknown, y?: MessageBoxOptions) => Promise<MessageBoxReturnValue>)(a, b);
      },
    } as unknown as DialogLike;
    const onModal = (o: boolean) => {
      log.push(o ? 'open' : 'closed');
      open += o ? 1 : -1;
    };
    await createConfirmDialog(spy, () => null, onModal)({ command: rm, runText: rm.command, mode: 'inline' });
    expect(seen).toEqual([1, 1]);
    expect(log).toEqual(['open', 'closed', 'open', 'closed']);
    const failing = {
      showMessageBox: async () => {
        throw new Error('no display');
      },
    } as unknown as DialogLike;
    await expect(createConfirmDialog(failing, () => null, onModal)({ command: ls, runText: 'ls', mode: 'inline' })).rejects.toThrow(
      'no display',
    );
    expect(open).toBe(0);
  });

  it("uses the core's confirm word (the real command under sudo)", async () => {
    const sudoRm = { ...rm, command: 'sudo rm -rf /srv/old' };
    const { dialog, shown } = fakeDialog([{ response: 1 }, { response: 1, checkboxChecked: true }]);
    expect(
      await createConfirmDialog(dialog, () => null)({ command: sudoRm, runText: sudoRm.command, mode: 'inline', confirmWord: 'rm' }),
    ).toEqual({ approved: true, typedWord: 'rm' });
    expect(shown[1]?.buttons).toEqual(['Cancel', 'Run rm']);
  });
});
