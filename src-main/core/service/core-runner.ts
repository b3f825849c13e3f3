// The RunnerPort over the core's command module (judge, tier-1 actions, the runner).
import { judgeCommand } from '../commands/index.js';
import { matchIntent } from '../intents/index.js';
import type { RunnerPort } from './runner-port.js';

export function createCoreRunner(opts: { hasKoompiCli: boolean; env: NodeJS.ProcessEnv }): RunnerPort {
  return {
    judge: (command) => judgeCommand(command),
    intentAction(question) {
      const m = matchIntent(question, { hasKoompiCli: opts.hasKoompiCli });
      return m && m.argv && m.command ? { command: m.command, argv: m.argv } : null;
    },
    runText: (cmd) => cmd.command,
    async run() {
      throw new Error('Running commands is not available in this build yet.');
    },
  };
}
