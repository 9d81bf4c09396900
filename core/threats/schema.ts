import { z } from 'zod';
import { isIsoDate } from '../shared/brand';
import type { ThreatModel } from './model';
import {
  MITIGATION_STATUSES,
  OWASP_API_2023,
  STRIDE,
  THREAT_SOURCES,
  THREAT_STATUSES,
  threatInstanceId,
} from './model';
import { SEVERITIES } from './risk';
import {
  MAX_ITEMS,
  MAX_NAME,
  MAX_TEXT,
  RULE_ID_PATTERN,
  elementSchemas,
  text,
} from './schema-elements';
import { checkReferences } from './schema-refs';

// Threats, versions and the whole model. Cross-references (a flow's endpoints, a
// boundary's members, an instance's catalogue entry) are checked in schema-refs.ts so
// that every message carries the path of the offending field.

// Built on first use, like the element schemas (schema-elements.ts): `bulwark analyze` of
// an OpenAPI description never validates a model, and building these costs start-up time.
function buildSchemas() {
  const { idSchema, elementSchema, assetSchema } = elementSchemas();
  const ruleIdSchema = z
    .string('An id must be text.')
    .regex(RULE_ID_PATTERN, 'A rule or threat id uses letters, digits and . _ - only.');

  const levelSchema = z
    .number('Use a number from 1 to 4.')
    .int('Use a whole number from 1 to 4.')
    .min(1, 'Use a number from 1 to 4.')
    .max(4, 'Use a number from 1 to 4.');

  const isoDate = z.string().refine(isIsoDate, 'Use a real date written as YYYY-MM-DD.');
  const timestamp = z.iso.datetime({
    offset: true,
    error: 'Use an ISO timestamp with a time zone.',
  });
  const owaspSchema = z.enum(
    OWASP_API_2023,
    'Use an OWASP API 2023 id such as API1:2023, or null.',
  );

  const cweSchema = z.string().regex(/^CWE-\d{1,5}$/, 'Write CWE ids as CWE-<number>.');
  const capecSchema = z.string().regex(/^CAPEC-\d{1,5}$/, 'Write CAPEC ids as CAPEC-<number>.');

  const mitigationTemplateSchema = z.strictObject({
    id: ruleIdSchema,
    title: text(MAX_NAME, 'The title').trim().min(1, 'Give the mitigation a title.'),
    description: text(MAX_TEXT, 'The description').default(''),
  });

  const catalogueThreatSchema = z.strictObject({
    id: ruleIdSchema,
    ruleId: ruleIdSchema.nullable().default(null),
    title: text(MAX_NAME, 'The title').trim().min(1, 'Give the threat a title.'),
    description: text(MAX_TEXT, 'The description').default(''),
    stride: z.enum(STRIDE, 'Use one STRIDE letter: S, T, R, I, D or E.'),
    owasp: owaspSchema.nullable().default(null),
    cwe: z.array(cweSchema).max(20).default([]),
    capec: z.array(capecSchema).max(20).default([]),
    likelihood: levelSchema,
    impact: levelSchema,
    mitigations: z.array(mitigationTemplateSchema).max(50).default([]),
  });

  const ratingSchema = z.strictObject({
    likelihood: levelSchema,
    impact: levelSchema,
    override: z
      .strictObject({
        severity: z.enum(SEVERITIES, `Use one of: ${SEVERITIES.join(', ')}.`),
        rationale: text(MAX_TEXT, 'The rationale').trim().min(1, 'An override needs a rationale.'),
      })
      .optional(),
  });

  const mitigationSchema = mitigationTemplateSchema.extend({
    status: z.enum(MITIGATION_STATUSES, `Use one of: ${MITIGATION_STATUSES.join(', ')}.`),
    owner: text(MAX_NAME, 'The owner').default(''),
    due: isoDate.nullable().default(null),
  });

  const instanceSchema = z
    .strictObject({
      id: z.string().max(1200),
      threatId: ruleIdSchema,
      elementId: idSchema,
      source: z.enum(THREAT_SOURCES, `Use one of: ${THREAT_SOURCES.join(', ')}.`),
      status: z.enum(THREAT_STATUSES, `Use one of: ${THREAT_STATUSES.join(', ')}.`),
      rating: ratingSchema,
      mitigations: z.array(mitigationSchema).max(100).default([]),
      notes: text(MAX_TEXT, 'The notes').default(''),
      acceptance: z
        .strictObject({
          owner: text(MAX_NAME, 'The owner').trim().min(1, 'An accepted risk needs an owner.'),
          rationale: text(MAX_TEXT, 'The rationale')
            .trim()
            .min(1, 'An accepted risk needs a rationale.'),
          expires: isoDate,
        })
        .optional(),
      dismissal: z
        .strictObject({
          by: text(MAX_NAME, 'Who dismissed it').trim().min(1, 'Say who dismissed it.'),
          reason: text(MAX_TEXT, 'The reason').trim().min(1, 'A dismissal needs a reason.'),
          at: timestamp,
        })
        .optional(),
      evidence: text(MAX_TEXT, 'The evidence').default(''),
      stale: z.boolean().default(false),
      staleReason: text(MAX_TEXT, 'The stale reason').optional(),
      operation: text(1000, 'The operation').optional(),
      location: text(10_000, 'The location')
        .regex(/^(\/.*)?$/s, 'The location is a JSON pointer such as /paths/~1users/get.')
        .optional(),
      copiedFrom: z.string().max(1200).optional(),
    })
    .superRefine((t, ctx) => {
      const expected = threatInstanceId(t.threatId, t.elementId, t.operation);
      if (t.id !== expected)
        ctx.addIssue({
          code: 'custom',
          path: ['id'],
          message: `The id must be "${expected}" (threat id @ element id, then # operation).`,
        });
      if (t.status === 'accepted' && !t.acceptance)
        ctx.addIssue({
          code: 'custom',
          path: ['acceptance'],
          message: 'An accepted threat needs an acceptance (owner, rationale, expiry date).',
        });
      const seen = new Set<string>();
      t.mitigations.forEach((m, i) => {
        if (seen.has(m.id))
          ctx.addIssue({
            code: 'custom',
            path: ['mitigations', i, 'id'],
            message: `The mitigation id "${m.id}" appears twice.`,
          });
        seen.add(m.id);
      });
    });

  const threatInstanceSchema = instanceSchema;

  const baseShape = {
    id: idSchema,
    title: text(MAX_NAME, 'The title').trim().min(1, 'Give the threat model a title.'),
    apiIds: z.array(z.string().min(1).max(100)).min(1, 'Link at least one inventory API.').max(100),
    scope: text(MAX_TEXT, 'The scope').default(''),
    assumptions: z.array(text(MAX_TEXT, 'An assumption')).max(200).default([]),
    assets: z.array(assetSchema).max(1000).default([]),
    elements: z.array(elementSchema).max(MAX_ITEMS, 'At most 10,000 elements.').default([]),
    threats: z
      .strictObject({
        catalogue: z.array(catalogueThreatSchema).max(MAX_ITEMS).default([]),
        instances: z.array(instanceSchema).max(100_000).default([]),
      })
      .default({ catalogue: [], instances: [] }),
  };

  const snapshotSchema = z.strictObject(baseShape).superRefine(checkReferences);

  const versionSchema = z.strictObject({
    version: z.number().int().positive('Version numbers start at 1.'),
    signedBy: text(MAX_NAME, 'Who signed').trim().min(1, 'Say who signed off.'),
    signedAt: timestamp,
    note: text(MAX_TEXT, 'The note').default(''),
    snapshot: snapshotSchema,
  });

  const threatModelSchema = z
    .strictObject({ ...baseShape, versions: z.array(versionSchema).max(1000).default([]) })
    .superRefine((model, ctx) => {
      checkReferences(model, ctx);
      model.versions.forEach((v, i) => {
        const previous = model.versions[i - 1];
        if (previous && v.version <= previous.version)
          ctx.addIssue({
            code: 'custom',
            path: ['versions', i, 'version'],
            message: 'Version numbers must increase.',
          });
      });
    });
  return {
    ruleIdSchema,
    levelSchema,
    cweSchema,
    capecSchema,
    mitigationTemplateSchema,
    catalogueThreatSchema,
    threatInstanceSchema,
    snapshotSchema,
    threatModelSchema,
  };
}

type ThreatSchemas = ReturnType<typeof buildSchemas>;
let built: ThreatSchemas | undefined;

/** The threat, version and model schemas, built once, on first use. */
export const threatSchemas = (): ThreatSchemas => (built ??= buildSchemas());

/** A rule or catalogue id: letters, digits and `._-`. */
export const ruleIdSchema = z.lazy(() => threatSchemas().ruleIdSchema);

/** 1 to 4. */
export const levelSchema = z.lazy(() => threatSchemas().levelSchema);

/** CWE-<n>. */
export const cweSchema = z.lazy(() => threatSchemas().cweSchema);

/** CAPEC-<n>. */
export const capecSchema = z.lazy(() => threatSchemas().capecSchema);

/** A recommended mitigation (catalogue and rule form). */
export const mitigationTemplateSchema = z.lazy(() => threatSchemas().mitigationTemplateSchema);

export const catalogueThreatSchema = z.lazy(() => threatSchemas().catalogueThreatSchema);

/** One threat instance, with its invariants (identity, acceptance, unique mitigations). */
export const threatInstanceSchema = z.lazy(() => threatSchemas().threatInstanceSchema);

/** A model as it stood at a sign-off (no nested history). */
export const snapshotSchema = z.lazy(() => threatSchemas().snapshotSchema);

/** The whole threat model, including sign-offs, with every cross-reference checked. */
export const threatModelSchema = z.lazy(() => threatSchemas().threatModelSchema);

/** Validation result; each error message is prefixed with the path it belongs to. */
export type ModelValidation =
  | { readonly ok: true; readonly model: ThreatModel }
  | { readonly ok: false; readonly errors: readonly ModelIssue[] };

/** One problem: where (`elements[3].source`) and what. */
export type ModelIssue = { readonly path: string; readonly message: string };

/** `elements[3].source` from a zod path. */
export function formatPath(path: readonly PropertyKey[], prefix = ''): string {
  let out = prefix;
  for (const part of path)
    out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`;
  return out || '(top level)';
}

/** Validates an unknown value as a threat model, filling defaults for omitted fields. */
export function validateThreatModel(input: unknown): ModelValidation {
  const r = threatModelSchema.safeParse(input);
  if (r.success) return { ok: true, model: r.data as unknown as ThreatModel };
  return {
    ok: false,
    errors: r.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })),
  };
}
