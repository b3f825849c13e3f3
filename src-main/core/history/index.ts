// Public entry of the conversation history.
export { openHistoryStore, type HistoryStore, type HistoryStoreOptions } from './history-store.js';
export { isSafeId, newId } from './ids.js';
export { writeFileAtomic } from './atomic-write.js';
