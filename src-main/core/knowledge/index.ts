// Public entry of the offline documentation index (see README.md in this folder).
//   openDocsIndex(opts): DocsIndex          synchronous; before any build it searches the shipped KOOMPI articles only
//   buildDocsIndex(opts): Promise<BuildReport>  builds or refreshes the on-disk index in a worker thread
export type * from './types.js';
export { openDocsIndex } from './open.js';
export { buildDocsIndex } from './build.js';
export { defaultCacheDir, docsDir } from './paths.js';
export { tokenize, tokenizerFingerprint } from './tokenize.js';
export { normalizeText } from './normalize.js';
export { DOCS_TEXTS, docsLang, type DocsTexts } from './texts.js';
