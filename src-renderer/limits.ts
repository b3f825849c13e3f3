// Limits the UI checks before it asks the main process (which checks them again).
/** The core's limit (MAX_QUESTION_CHARS in src-main/core/types.ts); a unit test keeps the two equal. */
export const MAX_QUESTION_CHARS = 10_000;
