import { z } from 'zod';
import type { FactSpec } from '../facts';
import { FACT_VOCABULARY } from '../facts';
import { OWASP_API_2023, STRIDE, THREATENED_KINDS } from '../model';
import type { ThreatenedKind } from '../model';
import { threatSchemas } from '../schema';
import { MAX_NAME, MAX_TEXT, text } from '../schema-elements';
import type { Condition, Rule } from './types';

// One schema for built-in and custom rules alike: a custom rule is held to exactly the
// standard of the shipped catalogue, including that every fact it reads exists.

/** Deepest nesting of all/any/not a rule may use; deeper input is refused before parsing. */
export const MAX_CONDITION_DEPTH = 12;

/** The declarative condition language (built on first use, like every schema here). */
export const conditionSchema: z.ZodType<Condition> = z.lazy(() => {
  const factValue = z.union([z.string().max(200), z.number(), z.boolean()]);
  const propName = z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9]{0,59}$/, 'A fact name is a camelCase word.');
  return z.union(
    [
      z.strictObject({ all: z.array(conditionSchema).min(1).max(50) }),
      z.strictObject({ any: z.array(conditionSchema).min(1).max(50) }),
      z.strictObject({ not: conditionSchema }),
      z.strictObject({ prop: propName, eq: factValue }),
      z.strictObject({ prop: propName, in: z.array(factValue).min(1).max(50) }),
      z.strictObject({ prop: propName, exists: z.boolean() }),
    ],
    {
      error:
        'A condition is {all: [...]}, {any: [...]}, {not: ...}, {prop, eq}, {prop, in} or {prop, exists}.',
    },
  );
});

type Issue = { path: (string | number)[]; message: string };

function valueFits(spec: FactSpec, value: unknown): boolean {
  return spec.type === 'boolean'
    ? typeof value === 'boolean'
    : typeof value === 'string' && spec.values.includes(value);
}

/** Checks every fact a condition reads against the vocabulary of each kind it applies to. */
export function checkConditionFacts(
  condition: Condition,
  kinds: readonly ThreatenedKind[],
  path: (string | number)[] = ['when'],
): Issue[] {
  if ('all' in condition)
    return condition.all.flatMap((c, i) => checkConditionFacts(c, kinds, [...path, 'all', i]));
  if ('any' in condition)
    return condition.any.flatMap((c, i) => checkConditionFacts(c, kinds, [...path, 'any', i]));
  if ('not' in condition) return checkConditionFacts(condition.not, kinds, [...path, 'not']);
  const issues: Issue[] = [];
  for (const kind of kinds) {
    const spec = FACT_VOCABULARY[kind][condition.prop];
    if (!spec) {
      issues.push({
        path: [...path, 'prop'],
        message: `A ${kind} has no fact "${condition.prop}".`,
      });
      continue;
    }
    const values = 'eq' in condition ? [condition.eq] : 'in' in condition ? condition.in : [];
    const allowed = spec.type === 'boolean' ? 'true or false' : spec.values.join(', ');
    values.forEach((v) => {
      if (!valueFits(spec, v))
        issues.push({
          path: [...path, 'eq' in condition ? 'eq' : 'in'],
          message: `"${condition.prop}" of a ${kind} is ${allowed}; ${JSON.stringify(v)} never matches.`,
        });
    });
  }
  return issues;
}

/**
 * A rule, built-in or custom. Built on first use: the built-in rules are plain data that
 * `analyze` runs without parsing (the catalogue tests hold them to this schema).
 */
export const ruleSchema = z.lazy(() => {
  const { capecSchema, cweSchema, levelSchema, mitigationTemplateSchema, ruleIdSchema } =
    threatSchemas();
  return z
    .strictObject({
      id: ruleIdSchema,
      title: text(MAX_NAME, 'The title').trim().min(1, 'Give the rule a title.'),
      description: text(MAX_TEXT, 'The description').default(''),
      stride: z.enum(STRIDE, 'Use one STRIDE letter: S, T, R, I, D or E.'),
      appliesTo: z
        .array(z.enum(THREATENED_KINDS, `Use one of: ${THREATENED_KINDS.join(', ')}.`))
        .min(1, 'Say which element kinds the rule applies to.')
        .max(THREATENED_KINDS.length),
      when: conditionSchema.optional(),
      owasp: z
        .enum(OWASP_API_2023, 'Use an OWASP API 2023 id such as API1:2023, or null.')
        .nullable(),
      cwe: z.array(cweSchema).max(20).default([]),
      capec: z.array(capecSchema).max(20).default([]),
      likelihood: levelSchema,
      impact: levelSchema,
      mitigations: z.array(mitigationTemplateSchema).max(50).default([]),
      baseline: z.boolean().default(false),
    })
    .superRefine((rule, ctx) => {
      if (new Set(rule.appliesTo).size !== rule.appliesTo.length)
        ctx.addIssue({ code: 'custom', path: ['appliesTo'], message: 'A kind is listed twice.' });
      if (rule.when)
        for (const issue of checkConditionFacts(rule.when, rule.appliesTo))
          ctx.addIssue({ code: 'custom', ...issue });
    });
});

/** How deeply an arbitrary JSON value nests; stops counting past `limit`. */
export function nestingDepth(value: unknown, limit = 64): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, d] = stack.pop() ?? [null, 0];
    if (v === null || typeof v !== 'object') continue;
    max = Math.max(max, d);
    if (max > limit) return max;
    for (const child of Object.values(v as Record<string, unknown>)) stack.push([child, d + 1]);
  }
  return max;
}

/** Parses one rule; the result is typed as the engine uses it. */
export function parseRule(
  input: unknown,
): { success: true; data: Rule } | { success: false; error: z.ZodError } {
  const r = ruleSchema.safeParse(input);
  return r.success ? { success: true, data: r.data as unknown as Rule } : r;
}
