import {
  BULWARK_EXTENSION_ID,
  BULWARK_EXTENSION_NAME,
  BULWARK_EXTENSION_SCHEMA,
  CACAO_TYPE,
  type PlaybookExtension,
  type StepBody,
  type StepExtension,
  type TrackEndExtension,
} from './cacao-shared';
import { listSteps } from './model';
import { parseDuration } from './duration';
import type { PicerlPhase, Playbook, Step, StepId } from './types';

// Exports a playbook as CACAO 2.0 JSON, valid against the official schemas (tests check
// it with a draft 2019-09 validator). See cacao-shared.ts for what maps where.

/** Time and identity come from the caller: core has no clock and no randomness. */
export type CacaoExportOptions = {
  /** Milliseconds since the epoch, written as `created` and `modified`. */
  readonly now: number;
  /** A fresh UUID (version 4) per call, such as `crypto.randomUUID()`. */
  readonly newId: () => string;
  /** A STIX identity (`identity--uuid`) for `created_by`; a new one when absent. */
  readonly createdBy?: string;
};

/** CACAO playbook JSON: a plain object ready for JSON.stringify. */
export type CacaoPlaybook = Record<string, unknown>;

const ACTIVITY: Readonly<Record<PicerlPhase, string>> = {
  preparation: 'configure-systems',
  identification: 'analyze-collected-data',
  containment: 'restrict-access',
  eradication: 'eliminate-risk',
  recovery: 'restore-capabilities',
  'lessons-learned': 'analyze-collected-data',
};

/** The step without its edges, for the extension. */
function body(step: Step): StepBody {
  const copy: Record<string, unknown> = { ...step };
  delete copy.next;
  if (step.kind === 'decision')
    copy.options = step.options.map((o) => ({ id: o.id, label: o.label }));
  if (step.kind === 'parallel')
    copy.tracks = step.tracks.map((t) => ({ id: t.id, title: t.title }));
  return copy as StepBody;
}

/** Exports a validated playbook as a CACAO 2.0 playbook object. */
export function exportCacao(playbook: Playbook, options: CacaoExportOptions): CacaoPlaybook {
  const { newId } = options;
  const stamp = new Date(options.now).toISOString();
  const createdBy = options.createdBy ?? `identity--${newId()}`;
  const places = listSteps(playbook);
  const cacaoId = new Map<string, string>();
  for (const { step } of places) cacaoId.set(step.id, `${CACAO_TYPE[step.kind]}--${newId()}`);
  const agentOf = new Map(playbook.roles.map((r) => [r.id as string, `group--${newId()}`]));
  const trackEnd = new Map<string, string>();
  const startId = `start--${newId()}`;
  const ext = (value: StepExtension | TrackEndExtension) => ({ [BULWARK_EXTENSION_ID]: value });
  const ref = (to: StepId | undefined, track: string | undefined) =>
    to === undefined ? (trackEnd.get(track ?? '') ?? '') : (cacaoId.get(to) ?? '');

  const workflow: Record<string, unknown> = {};
  const variables: Record<string, unknown> = {};
  const activities = new Set<string>();
  const first = places[0];
  workflow[startId] = {
    type: 'start',
    name: 'Start',
    ...(first ? { on_completion: cacaoId.get(first.step.id) } : {}),
  };
  for (const place of places) {
    const { step, phase, parallel, track } = place;
    const id = cacaoId.get(step.id) ?? '';
    const common = {
      name: step.title,
      ...(step.description ? { description: step.description } : {}),
      step_extensions: ext({
        type: 'bulwark',
        phase: phase.id,
        parallel: parallel?.id,
        track: track?.id,
        step: body(step),
      }),
    };
    const trackId = track?.id;
    switch (step.kind) {
      case 'task':
      case 'notification': {
        const activity = step.kind === 'notification' ? 'deliver-content' : ACTIVITY[phase.picerl];
        activities.add(activity);
        const lines = [
          ...(step.kind === 'notification'
            ? step.templates.map(
                (t) => `Prepare and send the "${t.template}" message to ${t.audience}.`,
              )
            : []),
          ...step.tasks.map((t) => t.text),
        ];
        const owner = step.owner ?? step.tasks[0]?.owner ?? playbook.roles[0]?.id ?? '';
        const within = step.sla?.from === 'step-entered' ? parseDuration(step.sla.within) : null;
        workflow[id] = {
          type: 'action',
          ...common,
          ...(within ? { timeout: within } : {}),
          commands: lines.map((command) => ({
            type: 'manual',
            command,
            playbook_activity: activity,
          })),
          agent: agentOf.get(owner),
          on_completion: ref(step.next, trackId),
        };
        break;
      }
      case 'decision': {
        const variable = `__bulwark_decision_${Object.keys(variables).length + 1}__`;
        variables[variable] = {
          type: 'string',
          description: step.question,
          constant: false,
          external: true,
        };
        workflow[id] = {
          type: 'switch-condition',
          ...common,
          switch: `${variable}:value`,
          cases: Object.fromEntries(step.options.map((o) => [o.id, ref(o.next, trackId)])),
        };
        break;
      }
      case 'parallel':
        for (const t of step.tracks) {
          const endId = `end--${newId()}`;
          trackEnd.set(t.id, endId);
          workflow[endId] = {
            type: 'end',
            name: `End of track: ${t.title}`,
            step_extensions: ext({ type: 'bulwark-track-end', parallel: step.id, track: t.id }),
          };
        }
        workflow[id] = {
          type: 'parallel',
          ...common,
          next_steps: step.tracks.map((t) => cacaoId.get(t.steps[0]?.id ?? '')),
          on_completion: ref(step.next, undefined),
        };
        break;
      case 'end':
        workflow[id] = { type: 'end', ...common };
        break;
    }
  }

  const extension: PlaybookExtension = {
    type: 'bulwark',
    id: playbook.id,
    version: playbook.version,
    appliesWhen: playbook.appliesWhen,
    roles: playbook.roles,
    phases: playbook.phases.map(({ id, title, description, nist, picerl }) => ({
      id,
      title,
      ...(description ? { description } : {}),
      nist,
      picerl,
    })),
  };
  return {
    type: 'playbook',
    spec_version: 'cacao-2.0',
    id: `playbook--${newId()}`,
    name: playbook.title,
    description: playbook.summary,
    playbook_types: ['notification', 'mitigation', 'remediation'],
    ...(activities.size > 0 ? { playbook_activities: [...activities] } : {}),
    created_by: createdBy,
    created: stamp,
    modified: stamp,
    revoked: false,
    ...(playbook.appliesWhen.owasp.length > 0 ? { labels: [...playbook.appliesWhen.owasp] } : {}),
    ...(Object.keys(variables).length > 0 ? { playbook_variables: variables } : {}),
    workflow_start: startId,
    workflow,
    agent_definitions: Object.fromEntries(
      playbook.roles.map((r) => [
        agentOf.get(r.id),
        { type: 'group', name: r.title, description: r.description },
      ]),
    ),
    extension_definitions: {
      [BULWARK_EXTENSION_ID]: {
        type: 'extension-definition',
        name: BULWARK_EXTENSION_NAME,
        description:
          'Bulwark incident-playbook structure: phases (NIST CSF 2.0 and PICERL), roles, checklists, SLAs and escalations, notification templates and regulatory clocks.',
        created_by: createdBy,
        schema: BULWARK_EXTENSION_SCHEMA,
        version: '1.0.0',
      },
    },
    playbook_extensions: { [BULWARK_EXTENSION_ID]: extension },
  };
}
