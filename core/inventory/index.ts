export * from './types';
export * from './schema';
export * from './derive';
export * from './query';
