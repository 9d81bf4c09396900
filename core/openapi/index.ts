// OpenAPI analysis: parse a description, run the per-operation rules, build a threat model
// and an inventory draft, and compare two versions of a description.
export * from './types';
export * from './pointer';
export type { OpenApiError, Place, Source, SourceResult } from './source';
export { MAX_ALIASES, MAX_DEPTH, readSource } from './source';
export * from './refs';
export * from './schema-walk';
export * from './parse';
export * from './rules';
export * from './patterns';
export * from './checks';
export * from './diff';
export * from './to-model';
export * from './input';
export * from './staged';
