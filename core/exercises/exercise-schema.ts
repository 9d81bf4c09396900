import { z } from 'zod';
import { MAX_COMPRESSION, MIN_COMPRESSION } from './clock';
import type { Exercise } from './exercise';
import { ACTION_STATUSES, EXERCISE_FORMAT, HSEEP_RATINGS } from './exercise';

// The stored exercise, validated when a backup is read (storage writes only what the
// reducer produced). Bounds keep a hostile backup from filling memory.

const MAX_TEXT = 4000;
const ms = z.number();
const id = z.string().min(1).max(200);
const text = z.string().max(MAX_TEXT);
const by = z.string().max(200).optional();

const clockSchema = z.strictObject({
  status: z.enum(['ready', 'running', 'paused', 'ended']),
  compression: z.number().min(MIN_COMPRESSION).max(MAX_COMPRESSION),
  simulatedStart: ms.nullable(),
  anchorElapsed: ms.min(0),
  anchorReal: ms.nullable(),
});

const linkSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('playbook-change'),
    playbookId: id,
    stepId: id.optional(),
    userPlaybookId: id.optional(),
  }),
  z.strictObject({
    kind: z.literal('threat-model'),
    threatModelId: id.optional(),
    threatId: id.optional(),
  }),
]);

/** The zod schema of a stored exercise. */
export const exerciseSchema = z.strictObject({
  format: z.literal(EXERCISE_FORMAT),
  id,
  scenarioId: id,
  scenarioVersion: z.string().max(50),
  incidentId: id,
  title: z.string().max(200),
  facilitator: z.string().max(200),
  createdAt: ms,
  updatedAt: ms,
  clock: clockSchema,
  deliveries: z
    .array(
      z.strictObject({
        injectId: id,
        status: z.enum(['delivered', 'skipped']),
        elapsed: ms.min(0),
        realAt: ms,
        manual: z.boolean(),
        by,
      }),
    )
    .max(1000),
  answers: z
    .array(z.strictObject({ injectId: id, optionId: id, elapsed: ms.min(0), by }))
    .max(1000),
  log: z
    .array(
      z.strictObject({
        seq: z.number().int().min(1),
        kind: z.enum([
          'started',
          'paused',
          'resumed',
          'compression',
          'ended',
          'delivered',
          'skipped',
          'answer',
          'decision',
          'observation',
        ]),
        elapsed: ms.min(0),
        realAt: ms,
        injectId: id.optional(),
        text: text.optional(),
        by,
      }),
    )
    .max(20000),
  actions: z
    .array(
      z.strictObject({ injectId: id, actionId: id, status: z.enum(ACTION_STATUSES), note: text }),
    )
    .max(2000),
  evaluations: z
    .array(z.strictObject({ objectiveId: id, rating: z.enum(HSEEP_RATINGS), notes: text }))
    .max(100),
  improvements: z
    .array(
      z.strictObject({
        id,
        kind: z.enum(['strength', 'area-for-improvement']),
        objectiveId: id.optional(),
        observation: text,
        correctiveAction: text,
        owner: z.string().max(200),
        due: z.union([z.literal(''), z.iso.date()]),
        link: linkSchema.optional(),
      }),
    )
    .max(500),
}) satisfies z.ZodType<Exercise>;
