// The threat-modeling domain: model, rules, generation, risk, diff, diagrams and reports.
export * from './model';
export * from './risk';
export * from './schema';
export {
  ELEMENT_SCHEMAS,
  ID_PATTERN,
  MAX_NAME,
  MAX_TEXT,
  RULE_ID_PATTERN,
  assetSchema,
  elementSchema,
} from './schema-elements';
export * from './facts';
export * from './factory';
export * from './file';
export * from './json-locate';
export * from './generate';
export * from './threat-ops';
export * from './views';
export * from './diff';
export * from './escape';
export * from './mermaid';
export * from './mermaid-split';
export * from './report-data';
export * from './report-markdown';
export * from './report-html';
export * from './report-csv';
export * from './sarif';
export * from './analysis';
export * from './input';
export * from './workshop';
export * from './rules/types';
export * from './rules/condition';
export * from './rules/schema';
export * from './rules/library';
export * from './rules/catalogue';
export { M as MITIGATIONS } from './rules/mitigations';
export type { IsoDate, IsoTimestamp } from '../shared/brand';
export * from './row-steps';
