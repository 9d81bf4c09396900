export * from './types';
export * from './schema';
export * from './derive';
export * from './query';
export type { IsoDate, IsoTimestamp } from '../shared/brand';
export { isIsoDate, isoDateOf } from '../shared/brand';
