// Judges: pure functions from window statistics to a verdict with its evidence.
export type * from './types';
export { judgeThreshold } from './threshold';
export { judgeBaseline, BASELINE_DEFAULTS } from './baseline';
export { judgeFixed, lift } from './abTest';
export { judgeSequential, initialSequentialState, SEQUENTIAL_TUNING } from './sequential';
export type { SequentialState, SequentialVerdict } from './sequential';
export { sampleRatioMismatch, SRM_P_THRESHOLD } from './srm';
export type { SrmResult } from './srm';
export { mannWhitneyFromHistograms } from './mannWhitney';
export type { MannWhitneyResult } from './mannWhitney';
export { twoProportionTest } from './twoProportion';
export type { TwoProportionResult } from './twoProportion';
