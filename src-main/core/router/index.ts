// Public entry of the router: ask a question through rules -> local -> cloud -> fallback, and the core factory.
export { createRouter, judgeAnswer, MAX_QUESTION_CHARS, type AskRequest, type Router, type RouterDeps, type RouterSettings } from './router.js';
export { classifyQuestion, LONG_QUESTION_CHARS, type Complexity } from './complexity.js';
export { detectLang } from './lang.js';
export { buildCore, type BuildCoreOptions, type Core } from './build-core.js';
export { detectKoompiCli as hasKoompiCli } from '../intents/index.js';
