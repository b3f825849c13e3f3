// Public entry of the router: ask a question through rules -> docs -> local -> cloud -> fallback (plan.ts decides the
// order), the docs answer composer, and the core factory.
export {
  createRouter,
  judgeAnswer,
  MAX_QUESTION_CHARS,
  type AskRequest,
  type Router,
  type RouterDeps,
  type RouterSettings,
} from './router.js';
export { plan, rulesAct, type Plan, type PlanState, type PlanTier, type Skip, type DocsStrength } from './plan.js';
export { composeDocsAnswer, toSource, type DocsAnswer } from './docs-answer.js';
export { assessHits, coverage, STRONG, GOOD } from './docs-match.js';
export { classifyQuestion, LONG_QUESTION_CHARS, type Complexity } from './complexity.js';
export { detectLang, uiLanguage } from './lang.js';
export { buildCore, type BuildCoreOptions, type Core } from './build-core.js';
export { detectKoompiCli as hasKoompiCli } from '../intents/index.js';
