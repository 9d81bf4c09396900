// Tabletop exercises: the scenario format and its validation, the exercise engine on a
// simulated clock, HSEEP evaluation and the after-action report. See README.md here.
export * from './types';
export { validateScenario, checkScenarioValue, injectOffset } from './validate';
export type { PlaybookCatalogue } from './validate';
export { BUILTIN_SCENARIO_SOURCES, builtinScenario, builtinScenarios } from './builtin';
