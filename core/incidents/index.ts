// The incident room's domain (issue 6): incidents, the hash-chained timeline, secret
// redaction, regulatory deadlines, notifications, metrics, the post-incident review,
// bundles and reports. Pure: times and ids are passed in. Times are epoch milliseconds.
export * from './types';
export * from './schema';
export * from './factory';
export * from './canonical';
export * from './chain';
export * from './redact';
export * from './deadlines';
export * from './calendars';
export * from './clock-instances';
export * from './templates';
export * from './email';
export * from './metrics';
export * from './review';
export * from './bundle';
export * from './report-data';
export * from './report-markdown';
export * from './report-html';
export * from './timeline';
