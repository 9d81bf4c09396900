// Incident playbooks: the format, its validation, the compiled machines, the regulatory
// clocks, the diagram and the CACAO exchange. See README.md in this folder.
export * from './types';
export { validatePlaybook, checkPlaybookValue, formatError, playbookToYaml } from './validate';
export { BUILTIN_PLAYBOOK_SOURCES, builtinPlaybook, builtinPlaybooks } from './builtin';
export type { PlaybookSource } from './builtin';
export { compilePlaybook, initialContext, PLAYBOOK_MACHINE_ID } from './compile';
export type { PlaybookMachine, PlaybookOutput, PlaybookSnapshot } from './compile';
export * from './machine-types';
export { activeStepIds, activeSteps, forwardEvents } from './run';
export type { ActiveStep, RunSnapshot } from './run';
export { dueTimers, nextTimerAt, pendingTimers } from './timers';
export type { PendingTimer } from './timers';
export { persist, restore, resumeActor, RUN_FORMAT } from './persist';
export type { RestoreResult, StoredRun } from './persist';
export { REGULATORY_CLOCKS, clockById, clocksFor } from './clocks';
export type { ClockTrigger, ClockUrgency, RegulatoryClock } from './clocks';
export { mermaidLabel, toMermaidStateDiagram } from './mermaid';
export type { MermaidOptions } from './mermaid';
export { exportCacao } from './cacao-export';
export type { CacaoExportOptions, CacaoPlaybook } from './cacao-export';
export { importCacao } from './cacao-import';
export type { CacaoImport } from './cacao-import';
export { countSteps, listSteps } from './model';
export { parseDuration, formatDuration } from './duration';
