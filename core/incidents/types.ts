// The incident room as data (issue 6). Every time is milliseconds since the epoch (UTC),
// as in core/playbooks, whose deadlines and machine context use the same numbers: one
// clock for the incident, its playbook run, its timers and its regulatory clocks. For an
// exercise the times are simulated times. Wall-clock times of writing (`recordedAt`) are
// also epoch ms. Calendar dates without a time (action-item due dates, holidays) are
// IsoDate strings, as in the inventory and threat models.
//
// The zod schemas in schema.ts validate exactly these shapes (storage, backup, bundles).
//
// The types live in files by responsibility; this module re-exports them all:
//   ids.ts                — EpochMs and the branded ids
//   incident-types.ts     — the incident: severity, status, mode, key times, calendar,
//                           detection, roles, playbook runs, ad-hoc tasks
//   notification-types.ts — regulatory clock instances and notifications
//   review-types.ts       — metrics, the post-incident review and its action items
//   timeline-types.ts     — timeline entries and kinds, drafts, chain head, secret kinds
//   evidence-types.ts     — evidence and its chain of custody

export * from './ids';
export * from './incident-types';
export * from './notification-types';
export * from './review-types';
export * from './timeline-types';
export * from './evidence-types';
