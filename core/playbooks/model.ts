import type { ParallelStep, Phase, Playbook, Step, StepId, Track } from './types';

// Read-only views over a playbook shared by the graph checks, the compiler, the diagram
// and the CACAO exchange: where each step sits and where it can go next.

/** A JSON path as a list of keys and indexes. */
export type JsonPath = readonly (string | number)[];

/** A problem at a path, before a file name and line are attached. */
export type Issue = { readonly path: JsonPath; readonly message: string };

/** Where a step sits: its phase and, inside a parallel step, its track. */
export type StepPlace = {
  readonly step: Step;
  readonly phase: Phase;
  readonly phaseIndex: number;
  readonly path: JsonPath;
  readonly parallel?: ParallelStep | undefined;
  readonly track?: Track | undefined;
};

/** An edge of the step graph: `to` undefined means "finish the track". */
export type Edge = {
  readonly to: StepId | undefined;
  readonly path: JsonPath;
  readonly label?: string;
};

/** Every step of a playbook in document order (tracks' steps right after their parallel step). */
export function listSteps(playbook: Playbook): StepPlace[] {
  const out: StepPlace[] = [];
  playbook.phases.forEach((phase, phaseIndex) => {
    phase.steps.forEach((step, s) => {
      const path = ['phases', phaseIndex, 'steps', s];
      out.push({ step, phase, phaseIndex, path });
      if (step.kind !== 'parallel') return;
      step.tracks.forEach((track, t) => {
        track.steps.forEach((inner, i) => {
          out.push({
            step: inner,
            phase,
            phaseIndex,
            path: [...path, 'tracks', t, 'steps', i],
            parallel: step,
            track,
          });
        });
      });
    });
  });
  return out;
}

/** Steps by id (the first one wins when an id is used twice; graph checks report that). */
export function stepIndex(playbook: Playbook): ReadonlyMap<string, StepPlace> {
  const map = new Map<string, StepPlace>();
  for (const place of listSteps(playbook))
    if (!map.has(place.step.id)) map.set(place.step.id, place);
  return map;
}

/** The step a run begins with: the first step of the first phase. */
export function startStepOf(playbook: Playbook): Step | undefined {
  return playbook.phases[0]?.steps[0];
}

/** The outgoing edges of a step in its own context (a parallel step's tracks are not edges). */
export function edgesOf(step: Step, path: JsonPath): Edge[] {
  switch (step.kind) {
    case 'task':
    case 'notification':
    case 'parallel':
      return [{ to: step.next, path: [...path, 'next'] }];
    case 'decision':
      return step.options.map((o, i) => ({
        to: o.next,
        path: [...path, 'options', i, 'next'],
        label: o.label,
      }));
    case 'end':
      return [];
  }
}

/** How many steps a playbook has, counting the steps inside parallel tracks. */
export function countSteps(playbook: Playbook): number {
  return listSteps(playbook).length;
}

/** `phases[1].steps[0].next` from a path list. */
export function formatPath(path: JsonPath): string {
  let out = '';
  for (const part of path)
    out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${part}`;
  return out;
}
