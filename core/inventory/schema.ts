import { z } from 'zod';
import { isIsoDate } from '../shared/brand';
import { groupDigits } from '../shared/digits';
import type { ApiDraft, ApiEntry } from './types';
import { AUTH_METHODS, DATA_CLASSES, EXPOSURES, LIFECYCLES } from './types';

/** Longest text a single-line field accepts; longer input is a mistake or an attack. */
export const MAX_NAME = 200;
export const MAX_TEXT = 10_000;
export const MAX_SHORT = 500;

// Control characters other than tab and newline have no business in any field: they
// corrupt exports and terminals (CSV, Markdown, the CLI).
// (A control character that is not a tab or a line break.)
const CONTROL = /[^\P{Cc}\t\n\r]/u;

const text = (max: number, label: string) =>
  z
    .string()
    .max(max, `${label} is too long (at most ${groupDigits(max)} characters).`)
    .refine((v) => !CONTROL.test(v), `${label} contains control characters.`);

const isoDate = z.string().refine(isIsoDate, 'Use a real date written as YYYY-MM-DD.').nullable();

const baseUrl = z
  .string()
  .trim()
  .min(1, 'Enter the base URL.')
  .max(2048, 'The URL is too long.')
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
    } catch {
      return false;
    }
  }, 'Use an absolute http or https URL, such as https://api.example.com/v1.');

const unique = (label: string) => (values: readonly string[]) =>
  new Set(values).size === values.length || `${label} lists a value twice.`;

/** The zod schema of what a person edits; messages are written for the field they sit next to. */
export const apiDraftSchema = z
  .object({
    name: text(MAX_NAME, 'The name').trim().min(1, 'Give the API a name.'),
    description: text(MAX_TEXT, 'The description'),
    owner: z.object({
      team: text(MAX_NAME, 'The team').trim(),
      contact: text(MAX_NAME, 'The contact').trim(),
    }),
    lifecycle: z.enum(LIFECYCLES, 'Choose a lifecycle stage.'),
    exposure: z.enum(EXPOSURES, 'Choose an exposure.'),
    environments: z
      .array(
        z.object({
          name: text(100, 'The environment name').trim().min(1, 'Name the environment.'),
          baseUrl,
        }),
      )
      .max(50, 'At most 50 environments.'),
    dataClasses: z.array(z.enum(DATA_CLASSES)).superRefine((v, ctx) => {
      const r = unique('Data classes')(v);
      if (r !== true) ctx.addIssue({ code: 'custom', message: r });
    }),
    regulatoryScope: z
      .array(text(60, 'A regime name').trim().min(1, 'A regime name is empty.'))
      .max(40, 'At most 40 regimes.'),
    authentication: z.array(z.enum(AUTH_METHODS)).superRefine((v, ctx) => {
      const r = unique('Authentication')(v);
      if (r !== true) ctx.addIssue({ code: 'custom', message: r });
      if (v.includes('none') && v.length > 1)
        ctx.addIssue({ code: 'custom', message: '"None" cannot be combined with another method.' });
    }),
    gateway: text(MAX_SHORT, 'The gateway note'),
    rateLimit: text(MAX_SHORT, 'The rate-limit note'),
    lastReviewed: isoDate,
    nextReviewDue: isoDate,
  })
  .superRefine((d, ctx) => {
    if (d.lastReviewed && d.nextReviewDue && d.nextReviewDue < d.lastReviewed) {
      ctx.addIssue({
        code: 'custom',
        path: ['nextReviewDue'],
        message: 'The next review cannot be due before the last review.',
      });
    }
    const names = d.environments.map((e) => e.name.toLowerCase());
    names.forEach((n, i) => {
      if (names.indexOf(n) !== i)
        ctx.addIssue({
          code: 'custom',
          path: ['environments', i, 'name'],
          message: 'Environment names must differ.',
        });
    });
  });

const timestamp = z.iso.datetime({ offset: true });

/** A stored entry: a valid draft plus identity and bookkeeping. */
export const apiEntrySchema = z.intersection(
  apiDraftSchema,
  z.object({
    id: z.string().min(1).max(100),
    createdAt: timestamp,
    updatedAt: timestamp,
  }),
);

/** Field path → message, for showing each message next to its field. */
export type FieldErrors = Readonly<Record<string, string>>;

export type DraftValidation =
  | { readonly ok: true; readonly value: ApiDraft }
  | { readonly ok: false; readonly errors: FieldErrors };

/** Path of a zod issue as the form names its fields: `environments.0.baseUrl`. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** Validates a draft; on failure every message is keyed by the field it belongs to. */
export function validateDraft(input: unknown): DraftValidation {
  const result = apiDraftSchema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issuePath(issue.path) || 'form';
    errors[key] ??= issue.message;
  }
  return { ok: false, errors };
}

/** Parses a stored entry (from a backup or the database), or throws a zod error. */
export function parseEntry(input: unknown): ApiEntry {
  return apiEntrySchema.parse(input) as unknown as ApiEntry;
}
