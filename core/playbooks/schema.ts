import { z } from 'zod';
import { MAX_SLA_MS, parseDuration } from './duration';
import type { Playbook } from './types';
import {
  AUDIENCES,
  CSF_FUNCTIONS,
  OUTCOMES,
  PICERL_PHASES,
  SLA_BASES,
  type RoleId,
  type StepId,
} from './types';

// The shape of a playbook file. Objects are strict so that a misspelt key (`nxt:`) is an
// error rather than a silently ignored line; messages are written for the author.

// (A control character that is not a tab or a line break: it would corrupt exports.)
const CONTROL = /[^\P{Cc}\t\n\r]/u;

/** Ids become machine state keys and file names: lowercase letters, digits and hyphens. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,99}$/;
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;
/** OWASP API Security Top 10 (2023) ids, `API1:2023` to `API10:2023`. */
export const OWASP_PATTERN = /^API(?:[1-9]|10):2023$/;

const text = (max: number, label: string) =>
  z
    .string(`${label} must be text.`)
    .trim()
    .min(1, `${label} is empty.`)
    .max(max, `${label} is too long (at most ${max} characters).`)
    .refine((v) => !CONTROL.test(v), `${label} contains control characters.`);

const id = (label: string) =>
  z
    .string(`${label} must be text.`)
    .regex(
      ID_PATTERN,
      `${label} must use lowercase letters, digits and hyphens (such as "revoke-keys").`,
    );

const stepId = (label: string) => id(label).transform((v) => v as StepId);
const roleId = (label: string) => id(label).transform((v) => v as RoleId);

const duration = (label: string) =>
  z.string(`${label} must be an ISO-8601 duration such as PT30M.`).refine((v) => {
    const ms = parseDuration(v);
    return ms !== null && ms > 0 && ms <= MAX_SLA_MS;
  }, `${label} must be an ISO-8601 duration between PT1S and P366D using W, D, H, M or S (such as PT30M or P1DT12H).`);

const list = <T extends z.ZodType>(item: T, label: string, min: number, max: number) =>
  z
    .array(item, `${label} must be a list.`)
    .min(
      min,
      min === 1 ? `${label} needs at least one entry.` : `${label} needs at least ${min} entries.`,
    )
    .max(max, `${label} has too many entries (at most ${max}).`);

const sla = z.strictObject({
  within: duration('sla.within'),
  from: z
    .enum(SLA_BASES, `sla.from must be one of ${SLA_BASES.join(', ')}.`)
    .default('step-entered'),
  escalations: list(
    z.strictObject({
      after: duration('escalations.after'),
      to: roleId('escalations.to'),
      message: text(500, 'The escalation message'),
    }),
    'escalations',
    0,
    10,
  ).default([]),
});

const checklistItem = z.strictObject({
  id: id('The task id'),
  text: text(1000, 'The task text'),
  owner: roleId('The task owner'),
  required: z.boolean('required must be true or false.').default(true),
  evidence: text(500, 'The expected evidence').optional(),
});

const common = {
  id: stepId('The step id'),
  title: text(200, 'The step title'),
  description: text(4000, 'The step description').optional(),
  owner: roleId('The step owner').optional(),
  sla: sla.optional(),
};

const taskStep = z.strictObject({
  ...common,
  kind: z.literal('task'),
  tasks: list(checklistItem, 'tasks', 1, 50),
  next: stepId('next').optional(),
});

const decisionStep = z.strictObject({
  ...common,
  kind: z.literal('decision'),
  question: text(500, 'The question'),
  options: list(
    z.strictObject({
      id: id('The option id'),
      label: text(200, 'The option label'),
      next: stepId('next').optional(),
    }),
    'options',
    2,
    12,
  ),
});

const notificationStep = z.strictObject({
  ...common,
  kind: z.literal('notification'),
  templates: list(
    z.strictObject({
      template: id('The template reference'),
      audience: z.enum(AUDIENCES, `audience must be one of ${AUDIENCES.join(', ')}.`),
      required: z.boolean('required must be true or false.').default(true),
    }),
    'templates',
    1,
    20,
  ),
  clocks: z
    .strictObject({
      audiences: list(
        z.enum(AUDIENCES, `audiences must be among ${AUDIENCES.join(', ')}.`),
        'clocks.audiences',
        1,
        5,
      ),
    })
    .optional(),
  tasks: list(checklistItem, 'tasks', 0, 50).default([]),
  next: stepId('next').optional(),
});

const KIND_MESSAGE = 'kind must be one of task, decision, parallel, notification or end.';
const TRACK_KIND_MESSAGE =
  'Inside a parallel track, kind must be task, decision or notification (omit next to finish the track).';

const trackStep = z.discriminatedUnion(
  'kind',
  [taskStep, decisionStep, notificationStep],
  TRACK_KIND_MESSAGE,
);

const parallelStep = z.strictObject({
  ...common,
  kind: z.literal('parallel'),
  tracks: list(
    z.strictObject({
      id: stepId('The track id'),
      title: text(200, 'The track title'),
      steps: list(trackStep, 'steps', 1, 100),
    }),
    'tracks',
    2,
    8,
  ),
  next: stepId('next').optional(),
});

const endStep = z.strictObject({
  id: stepId('The step id'),
  kind: z.literal('end'),
  title: text(200, 'The step title'),
  description: text(4000, 'The step description').optional(),
  outcome: z.enum(OUTCOMES, `outcome must be one of ${OUTCOMES.join(', ')}.`),
});

const step = z.discriminatedUnion(
  'kind',
  [taskStep, decisionStep, notificationStep, parallelStep, endStep],
  KIND_MESSAGE,
);

/** The zod schema of a playbook file (structure and types; the graph is checked in graph.ts). */
export const playbookSchema = z.strictObject({
  id: id('The playbook id'),
  title: text(200, 'The title'),
  version: z
    .string('version must be text such as "1.0.0" (quote it in YAML).')
    .regex(SEMVER, 'version must be a semantic version such as 1.0.0.'),
  summary: text(4000, 'The summary'),
  appliesWhen: z.strictObject({
    owasp: list(
      z.string().regex(OWASP_PATTERN, 'Use OWASP API Security Top 10 ids such as API2:2023.'),
      'appliesWhen.owasp',
      0,
      10,
    ),
    signals: list(text(500, 'A signal'), 'appliesWhen.signals', 0, 50),
  }),
  roles: list(
    z.strictObject({
      id: roleId('The role id'),
      title: text(200, 'The role title'),
      description: text(1000, 'The role description'),
    }),
    'roles',
    1,
    30,
  ),
  phases: list(
    z.strictObject({
      id: stepId('The phase id'),
      title: text(200, 'The phase title'),
      description: text(4000, 'The phase description').optional(),
      nist: z.enum(CSF_FUNCTIONS, `nist must be a CSF 2.0 function: ${CSF_FUNCTIONS.join(', ')}.`),
      picerl: z.enum(PICERL_PHASES, `picerl must be one of ${PICERL_PHASES.join(', ')}.`),
      steps: list(step, 'steps', 1, 200),
    }),
    'phases',
    1,
    20,
  ),
}) satisfies z.ZodType<Playbook>;
