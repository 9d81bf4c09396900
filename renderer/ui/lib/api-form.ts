import {
  KNOWN_REGIMES,
  type ApiDraft,
  type AuthMethod,
  type DataClass,
  type Exposure,
  type FieldErrors,
  type Lifecycle,
} from '../../../core/inventory';
import { dateFromInput } from './dates';

/** An environment row being edited; `key` keeps React rows stable while rows are removed. */
export type EnvironmentRow = {
  readonly key: number;
  readonly name: string;
  readonly baseUrl: string;
};

/** What the form holds: the draft with dates as input strings and keyed environment rows. */
export type ApiFormState = {
  readonly name: string;
  readonly description: string;
  readonly team: string;
  readonly contact: string;
  readonly lifecycle: Lifecycle;
  readonly exposure: Exposure;
  readonly environments: readonly EnvironmentRow[];
  readonly dataClasses: readonly DataClass[];
  readonly regulatoryScope: readonly string[];
  readonly authentication: readonly AuthMethod[];
  readonly gateway: string;
  readonly rateLimit: string;
  readonly lastReviewed: string;
  readonly nextReviewDue: string;
};

/** The form state for a draft (a new one or a stored entry). */
export function formFromDraft(d: ApiDraft): ApiFormState {
  return {
    name: d.name,
    description: d.description,
    team: d.owner.team,
    contact: d.owner.contact,
    lifecycle: d.lifecycle,
    exposure: d.exposure,
    environments: d.environments.map((e, i) => ({ key: i, name: e.name, baseUrl: e.baseUrl })),
    dataClasses: d.dataClasses,
    regulatoryScope: d.regulatoryScope,
    authentication: d.authentication,
    gateway: d.gateway,
    rateLimit: d.rateLimit,
    lastReviewed: d.lastReviewed ?? '',
    nextReviewDue: d.nextReviewDue ?? '',
  };
}

/** The draft the repository validates and stores. */
export function draftFromForm(f: ApiFormState): ApiDraft {
  return {
    name: f.name,
    description: f.description,
    owner: { team: f.team, contact: f.contact },
    lifecycle: f.lifecycle,
    exposure: f.exposure,
    environments: f.environments.map((e) => ({ name: e.name, baseUrl: e.baseUrl })),
    dataClasses: f.dataClasses,
    regulatoryScope: f.regulatoryScope,
    authentication: f.authentication,
    gateway: f.gateway,
    rateLimit: f.rateLimit,
    lastReviewed: dateFromInput(f.lastReviewed),
    nextReviewDue: dateFromInput(f.nextReviewDue),
  };
}

/** True when the form differs from where it started, so leaving it must ask first. */
export function isDirty(initial: ApiFormState, current: ApiFormState): boolean {
  return JSON.stringify(draftFromForm(initial)) !== JSON.stringify(draftFromForm(current));
}

/** Adds or removes one value, keeping the order of `order` so the saved list is stable. */
export function toggleIn<T>(list: readonly T[], value: T, on: boolean, order: readonly T[]): T[] {
  const set = new Set(list);
  if (on) set.add(value);
  else set.delete(value);
  return order.filter((v) => set.has(v));
}

/** Authentication with "None" exclusive: choosing it clears the others, and the reverse. */
export function toggleAuth(
  list: readonly AuthMethod[],
  method: AuthMethod,
  on: boolean,
  order: readonly AuthMethod[],
): AuthMethod[] {
  if (on && method === 'none') return ['none'];
  const without = on ? list.filter((m) => m !== 'none') : list;
  return toggleIn(without, method, on, order);
}

/** The known regime a free-text entry names (case-insensitively), or the trimmed text itself. */
export function canonicalRegime(text: string): string {
  const t = text.trim().replace(/\s+/g, ' ');
  return KNOWN_REGIMES.find((r) => r.toLowerCase() === t.toLowerCase()) ?? t;
}

export type RegimeAdd =
  { readonly ok: true; readonly list: string[] } | { readonly ok: false; readonly error: string };

/** Adds a free-text regime, refusing empty and duplicate names. */
export function addRegime(list: readonly string[], text: string): RegimeAdd {
  const name = canonicalRegime(text);
  if (name === '') return { ok: false, error: 'Type the name of a regime first.' };
  if (list.some((r) => r.toLowerCase() === name.toLowerCase()))
    return { ok: false, error: `${name} is already in scope.` };
  return { ok: true, list: [...list, name] };
}

/** Free-text regimes: everything in scope that is not one of the checkboxes. */
export function otherRegimes(list: readonly string[]): string[] {
  return list.filter((r) => !(KNOWN_REGIMES as readonly string[]).includes(r));
}

/** The DOM id of the control for an error key such as `environments.0.baseUrl`. */
export function fieldId(key: string): string {
  return `field-${key.replace(/[^A-Za-z0-9]+/g, '-')}`;
}

/** The keys of the form's fixed controls, in the order they appear. */
const FIELD_KEYS = [
  'form',
  'name',
  'description',
  'owner.team',
  'owner.contact',
  'lifecycle',
  'exposure',
  'environments',
  'dataClasses',
  'regulatoryScope',
  'authentication',
  'gateway',
  'rateLimit',
  'lastReviewed',
  'nextReviewDue',
];

/** Error keys' first segments in the order their fields appear, for the summary. */
const FIELD_ORDER = [...new Set(FIELD_KEYS.map((k) => k.split('.')[0] ?? k))];

/** The errors as [key, message] pairs in form order, so the summary reads top to bottom. */
export function orderedErrors(errors: FieldErrors): [string, string][] {
  const rank = (key: string): number => {
    const i = FIELD_ORDER.indexOf(key.split('.')[0] ?? key);
    return i === -1 ? FIELD_ORDER.length : i;
  };
  return Object.entries(errors).sort(
    ([a], [b]) => rank(a) - rank(b) || a.localeCompare(b, 'en', { numeric: true }),
  );
}

/**
 * The error key a field shows, given what the form renders: `regulatoryScope.3` has no
 * control of its own, so it belongs to the regulatory scope group.
 */
export function ownerKey(key: string, rendered: ReadonlySet<string>): string {
  const parts = key.split('.');
  while (parts.length > 0) {
    const candidate = parts.join('.');
    if (rendered.has(candidate)) return candidate;
    parts.pop();
  }
  return 'form';
}

/** The messages each rendered field shows, first message per field. */
export function errorsByField(
  errors: FieldErrors,
  rendered: ReadonlySet<string>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, message] of orderedErrors(errors)) {
    const owner = ownerKey(key, rendered);
    out[owner] ??= message;
  }
  return out;
}

/** The keys of the controls the form renders for this state. */
export function renderedKeys(f: ApiFormState): Set<string> {
  const keys = [...FIELD_KEYS];
  f.environments.forEach((_, i) =>
    keys.push(`environments.${i}.name`, `environments.${i}.baseUrl`),
  );
  return new Set(keys);
}

const FIELD_LABELS: Readonly<Record<string, string>> = {
  name: 'Name',
  description: 'Description',
  'owner.team': 'Team',
  'owner.contact': 'Contact',
  lifecycle: 'Lifecycle',
  exposure: 'Exposure',
  environments: 'Environments',
  dataClasses: 'Data classes',
  regulatoryScope: 'Regulatory scope',
  authentication: 'Authentication',
  gateway: 'Gateway notes',
  rateLimit: 'Rate-limit notes',
  lastReviewed: 'Last reviewed',
  nextReviewDue: 'Next review due',
};

/** The label of the field an error key belongs to, as the summary names it; null for the form itself. */
export function fieldLabel(key: string): string | null {
  const env = /^environments\.(\d+)\.(name|baseUrl)$/.exec(key);
  if (env) {
    const n = Number(env[1]) + 1;
    return env[2] === 'name' ? `Environment ${String(n)}` : `Base URL for environment ${String(n)}`;
  }
  return FIELD_LABELS[key] ?? null;
}
