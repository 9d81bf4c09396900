// Tabletop exercises: the scenario format and its validation, the exercise engine on a
// simulated clock, HSEEP evaluation and the after-action report. See README.md here.
export * from './types';
export { validateScenario, checkScenarioValue, injectOffset } from './validate';
export type { PlaybookCatalogue } from './validate';
export { BUILTIN_SCENARIO_SOURCES, builtinScenario, builtinScenarios } from './builtin';
export * from './clock';
export * from './exercise';
export { createExercise, deliverDue, nextDeliveryAt, reduceExercise } from './engine';
export type { ExerciseAction } from './engine';
export { conditionOf, injectSchedule } from './schedule';
export type { ConditionState, InjectStatus, ScheduledInject } from './schedule';
export { formatElapsed, participantView } from './participant';
export type { ParticipantInject, ParticipantView } from './participant';
export { aarData, EXERCISE_MARK, linkText } from './aar-data';
export type { AarData, AarOptions } from './aar-data';
export { toAarMarkdown } from './aar-markdown';
export { toAarHtml } from './aar-html';
export { applyImprovementToPlaybook } from './improvements';
export type { PlaybookChange } from './improvements';
export { exerciseSchema } from './exercise-schema';
export { exerciseNow, timelineDrafts } from './timeline';
