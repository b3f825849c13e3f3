// Public entry of the dataset builder (`koompi-ask dataset build`).
export { buildDataset, type DatasetOptions, type DatasetResult } from './build.js';
export { splitByGroup, groupPosition, VALIDATION_SHARE } from './split.js';
export { dedupe, removeEvalOverlap, shingles, minhash, estimatedJaccard } from './dedup.js';
export type * from './types.js';
