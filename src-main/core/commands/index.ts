// Suggested-commands public entry: extraction from answers, risk judgement, confirmed execution and the history log.
export { extractCommands, extractSuggestedCommands } from './extract.js';
export { judgeCommand } from './judge.js';
export { confirmWordFor } from './confirm-word.js';
export { runCommand, DEFAULT_MAX_OUTPUT, type RunControl, type RunEvent, type RunOptions, type RunResult } from './run.js';
export { prepareRun, konsoleArgv, usesSudo, SUDO_SHIM, ensureSudoShim, type PreparedRun } from './prepare.js';
export { appendHistory, readHistory, type HistoryEntry } from './history.js';
export { CommandRegistry, confirmAndRun, type ConfirmPort, type RequestOptions, type RunOutcome, type Runner } from './registry.js';
export { localizeReasons, localizeJudgement, reasonInKhmer, type ReasonLang } from './reasons-km.js';
