import { z } from 'zod';
import { locateJsonError } from '../shared/json-errors';
import { CHAIN_ALGORITHM, GENESIS_HASH, headOf, verifyChain, type ChainVerdict } from './chain';
import {
  describeIssues,
  epochMsSchema,
  evidenceSchema,
  incidentSchema,
  timelineEntrySchema,
} from './schema';
import type { Evidence, Incident, TimelineEntry } from './types';

// The incident bundle: one JSON file with the incident, its whole timeline with the hash
// chain, and the evidence metadata with each item's SHA-256 (the evidence content itself
// stays in the app). `chain` records the head at export, so entries cut off the end or
// added after it are caught too. `bulwark verify` and the app read it with parseBundle
// and check it with verifyBundle.

/** The `format` marker of a bundle. */
export const BUNDLE_FORMAT = 'bulwark-incident-bundle';
/** The bundle version this build writes and reads. */
export const BUNDLE_VERSION = 1;

/** The chain's head as recorded at export. */
export type BundleChain = {
  readonly algorithm: typeof CHAIN_ALGORITHM;
  readonly genesis: string;
  readonly length: number;
  readonly head: string;
};

/** An exported incident. */
export type IncidentBundle = {
  readonly format: typeof BUNDLE_FORMAT;
  readonly version: typeof BUNDLE_VERSION;
  readonly exportedAt: number;
  readonly exportedBy: string;
  readonly appVersion: string;
  readonly chain: BundleChain;
  readonly incident: Incident;
  readonly timeline: readonly TimelineEntry[];
  readonly evidence: readonly Evidence[];
};

/** A bundle of an incident as it stands. */
export function createBundle(p: {
  readonly incident: Incident;
  readonly timeline: readonly TimelineEntry[];
  readonly evidence: readonly Evidence[];
  readonly exportedAt: number;
  readonly exportedBy: string;
  readonly appVersion: string;
}): IncidentBundle {
  const head = headOf(p.incident.id, p.timeline);
  return {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    exportedAt: p.exportedAt,
    exportedBy: p.exportedBy,
    appVersion: p.appVersion,
    chain: {
      algorithm: CHAIN_ALGORITHM,
      genesis: GENESIS_HASH,
      length: p.timeline.length,
      head: head.hash,
    },
    incident: p.incident,
    timeline: p.timeline,
    evidence: p.evidence,
  };
}

/** The bundle as JSON text (two-space indentation, a final newline). */
export function bundleToJson(bundle: IncidentBundle): string {
  return `${JSON.stringify(bundle, null, 2)}\n`;
}

const sha = z.string().regex(/^[0-9a-f]{64}$/, 'A hash is 64 lower-case hexadecimal characters.');

/** The zod schema of a bundle; cross-checks ids (every entry and item of this incident). */
export const bundleSchema = z
  .strictObject({
    format: z.literal(
      BUNDLE_FORMAT,
      `This is not an incident bundle (format must be "${BUNDLE_FORMAT}").`,
    ),
    version: z.literal(BUNDLE_VERSION, `Only bundle version ${BUNDLE_VERSION} is supported.`),
    exportedAt: epochMsSchema,
    exportedBy: z.string().max(500),
    appVersion: z.string().max(100),
    chain: z.strictObject({
      algorithm: z.literal(CHAIN_ALGORITHM, `The chain algorithm must be "${CHAIN_ALGORITHM}".`),
      genesis: z.literal(GENESIS_HASH, 'The genesis hash must be 64 zeros.'),
      length: z.number().int().nonnegative(),
      head: sha,
    }),
    incident: incidentSchema,
    timeline: z.array(timelineEntrySchema, 'The timeline must be a list.'),
    evidence: z.array(evidenceSchema, 'The evidence must be a list.'),
  })
  .superRefine((b, ctx) => {
    b.evidence.forEach((e, i) => {
      if (e.incidentId !== b.incident.id)
        ctx.addIssue({
          code: 'custom',
          path: ['evidence', i, 'incidentId'],
          message: `Evidence of another incident ("${e.incidentId}").`,
        });
    });
  });

/** A parsed bundle, or every reason it is not one (with line and column for JSON errors). */
export type BundleParse =
  | { readonly ok: true; readonly bundle: IncidentBundle }
  | { readonly ok: false; readonly errors: readonly string[] };

/** Most schema errors listed; the rest are counted. */
const MAX_ERRORS = 20;

/** Parses and validates bundle text. Errors read `line 3, column 7: …` or `timeline[4].hash: …`. */
export function parseBundle(text: string): BundleParse {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    return { ok: false, errors: [locateJsonError(text, error)] };
  }
  return validateBundle(value);
}

/** Validates a parsed JSON value as a bundle. */
export function validateBundle(value: unknown): BundleParse {
  const result = bundleSchema.safeParse(value);
  if (result.success) return { ok: true, bundle: result.data as unknown as IncidentBundle };
  const errors = describeIssues(result.error);
  return {
    ok: false,
    errors:
      errors.length > MAX_ERRORS
        ? [...errors.slice(0, MAX_ERRORS), `… and ${errors.length - MAX_ERRORS} more problems.`]
        : errors,
  };
}

/** Checks a bundle's chain against its recorded head and its incident id. */
export function verifyBundle(bundle: IncidentBundle): ChainVerdict {
  return verifyChain(bundle.timeline, {
    incidentId: bundle.incident.id,
    expected: { length: bundle.chain.length, hash: bundle.chain.head },
  });
}
