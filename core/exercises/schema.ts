import { z } from 'zod';
import { parseDuration } from '../playbooks/duration';
import { ID_PATTERN, OWASP_PATTERN } from '../playbooks/schema';
import { CHANNELS, CORE_CAPABILITIES, PARTICIPANT_KINDS } from './types';
import type { Scenario } from './types';

// The shape of a scenario file. Strict objects, as for playbooks, so that a misspelt key
// is an error; cross-references (participants, objectives, branches, the playbook) are
// checked in validate.ts.

const CONTROL = /[^\P{Cc}\t\n\r]/u;
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
/** The latest inject offset accepted: a week of simulated time. */
export const MAX_OFFSET_MS = 7 * 24 * 60 * 60 * 1000;

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
      `${label} must use lowercase letters, digits and hyphens (such as "first-alert").`,
    );

const list = <T extends z.ZodType>(item: T, label: string, min: number, max: number) =>
  z
    .array(item, `${label} must be a list.`)
    .min(
      min,
      min === 1 ? `${label} needs at least one entry.` : `${label} needs at least ${min} entries.`,
    )
    .max(max, `${label} has too many entries (at most ${max}).`);

const offset = z.string('at must be an ISO-8601 duration such as PT30M.').refine((v) => {
  const ms = parseDuration(v);
  return ms !== null && ms >= 0 && ms <= MAX_OFFSET_MS;
}, 'at must be an ISO-8601 duration between PT0S and P7D using W, D, H, M or S (such as PT0M or PT1H30M).');

const condition = z.strictObject({
  inject: id('The inject of the condition'),
  answer: id('The answer of the condition'),
});

const inject = z.strictObject({
  id: id('The inject id'),
  at: offset,
  from: id('from (a participant id)'),
  to: list(id('to (a participant id)'), 'to', 1, 20),
  channel: z.enum(CHANNELS, `channel must be one of ${CHANNELS.join(', ')}.`),
  title: text(200, 'The inject title'),
  content: text(4000, 'The inject content'),
  objectives: list(id('An objective reference'), 'objectives', 0, 20).default([]),
  expectedActions: list(
    z.strictObject({
      id: id('The expected action id'),
      text: text(1000, 'The expected action'),
    }),
    'expectedActions',
    1,
    20,
  ),
  question: z
    .strictObject({
      text: text(500, 'The question'),
      options: list(
        z.strictObject({ id: id('The option id'), label: text(200, 'The option label') }),
        'options',
        2,
        8,
      ),
    })
    .optional(),
  deliverIf: condition.optional(),
  deliverUnless: condition.optional(),
  facilitatorNotes: text(4000, 'The facilitator notes').optional(),
});

/** The zod schema of a scenario file (structure and types; references in validate.ts). */
export const scenarioSchema = z.strictObject({
  id: id('The scenario id'),
  title: text(200, 'The title'),
  version: z
    .string('version must be text such as "1.0.0" (quote it in YAML).')
    .regex(SEMVER, 'version must be a version such as 1.0.0.'),
  summary: text(4000, 'The summary'),
  owasp: list(
    z.string().regex(OWASP_PATTERN, 'Use OWASP API Security Top 10 ids such as API2:2023.'),
    'owasp',
    0,
    10,
  ),
  playbook: id('playbook (a built-in playbook id)'),
  situation: text(4000, 'The situation'),
  objectives: list(
    z.strictObject({
      id: id('The objective id'),
      text: text(1000, 'The objective'),
      capability: z.enum(
        CORE_CAPABILITIES,
        `capability must be a core capability: ${CORE_CAPABILITIES.join(', ')}.`,
      ),
    }),
    'objectives',
    1,
    20,
  ),
  participants: list(
    z.strictObject({
      id: id('The participant id'),
      title: text(200, 'The participant title'),
      kind: z.enum(PARTICIPANT_KINDS, `kind must be one of ${PARTICIPANT_KINDS.join(', ')}.`),
      playbookRole: id('playbookRole (a role of the playbook)').optional(),
    }),
    'participants',
    2,
    40,
  ),
  injects: list(inject, 'injects', 1, 100),
  facilitatorNotes: text(8000, 'The facilitator notes').optional(),
}) satisfies z.ZodType<Scenario>;
