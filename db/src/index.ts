export * from './postgres.js';
export { migrations } from './migrations/index.js';
export { loadReferenceData, loadReferenceDataOnce } from './reference/load.js';
export { regionRecords, levelOfCode, type RegionRecord } from './reference/regions.js';
export { programRecords } from './reference/programs.js';
export { indicatorRecords } from './reference/indicators.js';
export { milestoneRecords } from './reference/milestones.js';
export { loadDemoData, type DemoLoadResult } from './demo/load.js';
export { datasetSizes, DEFAULT_SEED, type DatasetName } from './demo/sizes.js';
