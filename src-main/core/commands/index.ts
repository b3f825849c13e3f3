// Suggested-commands public entry: extraction from answers, risk judgement, confirmed execution and the history log.
export { extractCommands, extractSuggestedCommands } from './extract.js';
export { judgeCommand } from './judge.js';
